/**
 * A strict, small XML reader for tests: it refuses anything that is not
 * well-formed XML 1.0 (unclosed or crossed tags, a bare `&` or `<`, unquoted
 * or repeated attributes, text outside the root, forbidden characters), so a
 * feed that passes here parses in every feed reader.
 */

/** An element: name, attributes, children and its own text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.\-:]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`bare "<" at ${where}`);
  return raw.replace(/&([^;]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare "&" at ${where}`);
    if (name in ENTITIES) return ENTITIES[name];
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#(\d+)$/.exec(name)?.[1];
    if (code === undefined) throw new Error(`unknown entity &${name}; at ${where}`);
    return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(code, 16) : Number(code));
  });
}

/** Parses a whole document and returns its root element; throws on anything malformed. */
export function parseXml(source: string): XmlElement {
  if (FORBIDDEN.test(source)) throw new Error('a character XML forbids');
  let i = 0;
  const skipSpace = () => {
    while (/\s/.test(source[i] ?? '')) i++;
  };
  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) throw new Error('unclosed XML declaration');
    i = end + 2;
  }
  skipSpace();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < source.length) {
    // A processing instruction before the root (a feed's <?xml-stylesheet?>) is read past, as XML allows.
    if (source.startsWith('<?', i) && stack.length === 0 && !root) {
      const end = source.indexOf('?>', i);
      if (end < 0) throw new Error('unclosed processing instruction');
      i = end + 2;
      continue;
    }
    if (source[i] !== '<') {
      const next = source.indexOf('<', i);
      const raw = source.slice(i, next < 0 ? source.length : next);
      if (stack.length === 0) {
        if (raw.trim()) throw new Error(`text outside the root at ${i}`);
      } else stack[stack.length - 1].text += decode(raw, i);
      i = next < 0 ? source.length : next;
      continue;
    }
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 3;
      continue;
    }
    if (source.startsWith('</', i)) {
      const name = NAME.exec(source.slice(i + 2))?.[0];
      const open = stack.pop();
      if (!name || !open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}> at ${i}`);
      i += 2 + name.length;
      skipSpace();
      if (source[i] !== '>') throw new Error(`malformed end tag at ${i}`);
      i++;
      continue;
    }
    const name = NAME.exec(source.slice(i + 1))?.[0];
    if (!name) throw new Error(`malformed tag at ${i}`);
    const parent = stack[stack.length - 1];
    if (!parent && root) throw new Error('a second root element');
    i += 1 + name.length;
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    if (parent) parent.children.push(element);
    else root = element;
    for (;;) {
      const before = i;
      skipSpace();
      if (source.startsWith('/>', i)) {
        i += 2;
        break;
      }
      if (source[i] === '>') {
        i++;
        stack.push(element);
        break;
      }
      if (i === before) throw new Error(`attributes must be separated by space at ${i}`);
      const attribute = NAME.exec(source.slice(i))?.[0];
      if (!attribute) throw new Error(`malformed attribute at ${i}`);
      i += attribute.length;
      skipSpace();
      if (source[i] !== '=') throw new Error(`attribute ${attribute} without a value at ${i}`);
      i++;
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${attribute} at ${i}`);
      const end = source.indexOf(quote, i + 1);
      if (end < 0) throw new Error(`unclosed attribute ${attribute}`);
      if (attribute in element.attributes) throw new Error(`attribute ${attribute} repeated at ${i}`);
      element.attributes[attribute] = decode(source.slice(i + 1, end), i);
      i = end + 1;
    }
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** The children of an element with a name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}
