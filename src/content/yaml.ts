/**
 * YAML in, plain data out, with plain-English messages for syntax errors.
 * js-yaml's fast loader reads every file; only a file with a problem is read a
 * second time, as events, to find where each problem is (see `locateInYaml`).
 */
import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE_FOLDED_BLOCK, SCALAR_STYLE_LITERAL_BLOCK, YAMLException, type Event } from 'js-yaml';
import type { PathSegment } from './diagnostics.ts';
import { describeInvalidCharacter, findInvalidCharacters } from './text.ts';

/**
 * Officers never need anchors and aliases, and an alias is how a few lines of
 * YAML expand into billions of nodes; refusing them keeps every file bounded.
 * Nesting deeper than officers' files ever need is refused too.
 */
const MAX_DEPTH = 40;

/**
 * The most characters that can start a node (`:`, `?`, `-`, `,`, `[`, `{`) a
 * file's YAML may hold. Every key, value and list item but the first starts
 * at one, so this bounds the nodes js-yaml makes, before it makes them: each
 * costs it a few hundred bytes, and ten files of 200,000 keys took the check
 * past 600 MB even with each problem reported once (ten files just inside
 * this limit: 440 MB). The longest real files have a few hundred; a structure
 * of 10,000 bodies in flow style, which the contract allows, has 90,000.
 */
export const MAX_YAML_MARKS = 100_000;

/** Characters that may start a node. */
const NODE_MARK = /[:?,\-[{]/g;

/** Where a text passes MAX_YAML_MARKS, and how many it has; undefined if it does not. Only a text longer than the limit can pass it. */
function tooManyMarks(text: string): { offset: number; count: number } | undefined {
  if (text.length <= MAX_YAML_MARKS) return undefined;
  let count = 0;
  let offset = -1;
  NODE_MARK.lastIndex = 0;
  for (let m = NODE_MARK.exec(text); m !== null; m = NODE_MARK.exec(text)) if (++count === MAX_YAML_MARKS + 1) offset = m.index;
  return offset === -1 ? undefined : { offset, count };
}

/** A YAML problem at a character offset in the parsed text. */
export interface YamlProblem {
  offset: number;
  code: string;
  message: string;
}

/**
 * Parsed data, or the problems found. A file with problems may still have
 * data (duplicate keys: the last value wins), so the rest of it is checked too.
 */
export type YamlResult = { ok: true; data: unknown } | { ok: false; problems: YamlProblem[]; data?: unknown };

/**
 * Parses one YAML document. Syntax errors come back as problems, never thrown.
 * Duplicate keys are all reported together (not just the first), and the data
 * is still returned so the rest of the file can be checked in the same run.
 *
 * js-yaml's `load` is its event parser followed by its constructor; called
 * here one after the other, a file with duplicate keys is parsed once, not
 * three times (to load, to find the keys, and to load again allowing them):
 * a megabyte of duplicates made three event lists, and reached 400 MB.
 */
export function parseYaml(text: string): YamlResult {
  const marks = tooManyMarks(text);
  if (marks) {
    return {
      ok: false,
      problems: [{
        offset: marks.offset,
        code: 'yaml-too-large',
        message: `this file's YAML has ${marks.count.toLocaleString('en-GB')} colons, dashes, commas and brackets, each of which can start a key, a value or a list item, and passes the register's limit of ${MAX_YAML_MARKS.toLocaleString('en-GB')} here, so the file was not read; expected the keys of one content file (the longest real ones have a few hundred); split it into several files`,
      }],
    };
  }
  let events: Event[] | undefined;
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
    return { ok: true, data: construct(text, events, false) };
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    if (error.reason === 'duplicated mapping key' && events) return reportDuplicateKeys(text, events);
    return { ok: false, problems: [explainYamlException(error, text)] };
  }
}

/** The one document of a YAML text from its events, as js-yaml's `load` makes it (with its errors for none and for several). */
function construct(text: string, events: Event[], json: boolean): unknown {
  const documents = constructFromEvents(events, { source: text, maxAliases: 0, json });
  if (documents.length === 0) throw new YAMLException('expected a document, but the input is empty');
  if (documents.length > 1) throw new YAMLException('expected a single document in the stream, but found more');
  return documents[0];
}

/**
 * One problem for each key repeated in a mapping, however often it is
 * repeated: at its second appearance, with the number of times. (Once per
 * appearance, a file of 200,000 copies of one key made as many problems, and
 * ten such files took the check past 2.5 GB.)
 */
function reportDuplicateKeys(text: string, events: Event[]): YamlResult {
  const problems = scanEvents(text, events).duplicates.map(({ key, offset, count }) => ({
    offset,
    code: 'duplicate-key',
    message: count.n === 2
      ? `the key "${key}" appears twice in the same place; each key may appear only once; delete one of them or merge their values`
      : `the key "${key}" appears ${count.n.toLocaleString('en-GB')} times in the same place (the second is here); each key may appear only once; keep one and delete the others, or merge their values`,
  }));
  // With duplicates allowed (js-yaml's `json` mode), the last value wins: good enough to check the rest.
  try {
    const data = construct(text, events, true);
    return problems.length > 0 ? { ok: false, problems, data } : { ok: true, data };
  } catch (error) {
    if (error instanceof YAMLException) return { ok: false, problems: [...problems, explainYamlException(error, text)] };
    throw error;
  }
}

/** Reasons js-yaml gives, and what an officer should do about each. */
const HINTS: [RegExp, string, string][] = [
  [/tab characters/, 'tab-indentation', 'a tab is used for indentation here; YAML indentation must be spaces; replace the tab with spaces (two per level)'],
  [/maxAliases/, 'yaml-alias', 'this file uses a YAML alias (*name); aliases and anchors are not supported in content files; write the value out in full where it is needed'],
  [/maxDepth/, 'too-deep', 'values are nested too deeply here; content files need at most a few levels of nesting; check the indentation and brackets'],
  [/unknown .*tag/, 'yaml-tag', 'this value has a YAML tag (starting with !); tags are not supported in content files; remove the tag and write a plain value'],
  [/input is empty/, 'empty-file', 'this file is empty; expected the keys the contract requires for this kind of file; copy a similar file as a starting point'],
  [/more than one|found more/, 'multiple-documents', 'this file holds more than one YAML document (a line with only "---" separates them); expected one; remove the extra "---" line'],
  [/bad indentation|deficient indentation|end of the stream/, 'yaml-syntax', 'the YAML here cannot be read: check the indentation of this line against the lines above, and put quotes around text that contains ": " or starts with a special character such as [ { * & ! | > \' " % @ `'],
];

function explainYamlException(error: YAMLException, text: string): YamlProblem {
  // js-yaml refuses a control character or a non-character without saying where: find it for the officer.
  if (/non-printable/.test(error.reason)) {
    const found = findInvalidCharacters(text);
    if (found) return { offset: found.offset, code: 'invalid-character', message: invalidCharacterMessage(found.codePoint, found.count) };
  }
  // js-yaml gives no place for a second document: the officer needs its `---` line.
  let offset = error.mark ? Math.min(error.mark.position, text.length) : secondDocumentStart(text);
  // js-yaml marks an alias after its `*`; the officer looks for the `*`.
  if (/maxAliases/.test(error.reason) && text[offset - 1] === '*') offset--;
  const hint = HINTS.find(([pattern]) => pattern.test(error.reason));
  if (hint?.[1] === 'tab-indentation') return { offset, code: hint[1], message: tabMessage(text, offset) };
  if (hint && hint[1] !== 'yaml-syntax') return { offset, code: hint[1], message: hint[2] };
  return unclosedAbove(text, offset) ?? missingColonAbove(text, offset) ?? {
    offset,
    code: 'yaml-syntax',
    // js-yaml's own reason speaks of mappings and scalars: the officer is told what to look at instead.
    message: hint?.[2] ?? SYNTAX_FALLBACK,
  };
}

const SYNTAX_FALLBACK = 'the text here cannot be read: check the quotes, brackets and indentation on this line and the one before, and put quotes around text that contains ": " or starts with a special character such as [ { * & ! | > \' " % @ `';

/** The lines of a text around an offset: the line it is on, and each line above it, nearest first. */
function linesAbove(text: string, offset: number): { start: number; line: string }[] {
  const lines: { start: number; line: string }[] = [];
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  while (end >= 0 && lines.length < 50) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    lines.push({ start, line: text.slice(start, end) });
    if (start === 0) break;
    end = start - 1;
  }
  return lines;
}

/** Where a line's key starts: after its indentation, and after "- " for an item of a list. */
function keyColumn(line: string): number {
  const match = /^( *)(- +)?/.exec(line);
  return (match?.[1].length ?? 0) + (match?.[2]?.length ?? 0);
}

/**
 * What to indent a line that starts with a tab to: in line with the key of the
 * line above, or two spaces further when that line opens a list or group of keys.
 *
 * @example
 * // above: "  - id: delivery-group"; here: "\tname: Delivery Group"
 * tabMessage(text, offset) // '…replace the tab with 4 spaces, so that the line starts in column 5, in line with `id` above'
 */
function tabMessage(text: string, offset: number): string {
  const [, ...above] = linesAbove(text, offset);
  const previous = above.find(({ line }) => !/^\s*(#.*)?$/.test(line))?.line;
  if (previous === undefined || previous.startsWith('\t')) return 'a tab is used for indentation here; YAML indentation must be spaces; replace the tab with spaces, lining the line up with the lines it belongs with';
  const opens = /:\s*(#.*)?$/.test(previous);
  const spaces = keyColumn(previous) + (opens ? 2 : 0);
  const key = /^ *(?:- +)?([^:#\s]+)/.exec(previous)?.[1];
  const where = opens ? `two spaces in from \`${key}\` above, which it belongs to` : `in line with \`${key}\` above`;
  return `a tab is used for indentation here; YAML indentation must be spaces; replace the tab with ${spaces} space${spaces === 1 ? '' : 's'}, so that the line starts in column ${spaces + 1}, ${where}`;
}

/**
 * A line among those just above a syntax error that is a key without its
 * colon (`fund Performance Reward Grant`): js-yaml notices only on the next
 * line, but the officer's mistake, and the fix, are on this one.
 */
function missingColonAbove(text: string, offset: number): YamlProblem | undefined {
  const lines = linesAbove(text, offset).slice(0, 3);
  for (const { start, line } of lines) {
    if (/^\s*(#.*)?$/.test(line) || line.includes(':') || /^\s*(- |[\[{'"|>#&*!%@`])/.test(line)) continue;
    const match = /^( *)([a-z][a-z0-9_]*)(\s+)(\S.*)?$/.exec(line);
    if (!match) continue;
    const [, indent, key, space, rest] = match;
    return {
      offset: start + indent.length + key.length,
      code: 'yaml-syntax',
      message: `\`${key}\` has no \`:\` after it, so this line is not read as a key and its value; add \`:\` after \`${key}\`${rest ? `: write \`${key}:${space.length > 1 ? space : ' '}${rest.length > 40 ? `${rest.slice(0, 37)}…` : rest}\`` : ''}`,
    };
  }
  return undefined;
}

/**
 * The message for characters that cannot be published, found in the text of
 * a file (for an escape that writes one, see src/content/load.ts).
 */
export function invalidCharacterMessage(codePoint: number, count: number): string {
  const others = count > 1 ? `; the file holds ${count.toLocaleString('en-GB')} such characters: delete them all` : '';
  return `here is ${describeInvalidCharacter(codePoint)}; it is invisible in most editors, and often comes from text pasted from Word or a PDF; delete it${others}`;
}

/** The offset of the `---` (or `...`) line that starts a second document, or 0. */
function secondDocumentStart(text: string): number {
  let offset = 0;
  let started = false;
  for (const line of text.split('\n')) {
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      // A `---` before any content only opens the first document.
      if (started || line.startsWith('...')) return offset;
      started = true;
    } else if (!/^\s*(#.*)?$/.test(line)) started = true;
    offset += line.length + 1;
  }
  return 0;
}

const CLOSERS: Record<string, string> = { '"': '"', "'": "'", '[': ']', '{': '}' };

/**
 * A quote or bracket left open makes js-yaml fail on a later line, where
 * nothing is wrong. If the nearest line above the failure opens a value with
 * a quote or bracket that it never closes, the problem is placed there.
 */
function unclosedAbove(text: string, offset: number): YamlProblem | undefined {
  let end = text.lastIndexOf('\n', offset - 1);
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (/^\s*(#.*)?$/.test(line)) continue;
    const match = /^\s*(?:-\s+)?(?:[^\s#'"[{][^#]*?:\s+)?(["'[{])/.exec(line);
    if (!match) return undefined;
    const open = match[1];
    const close = CLOSERS[open];
    const rest = line.slice(match[0].length);
    const closed = open === '"' ? rest.replace(/\\./g, '').includes('"')
      : open === "'" ? rest.replace(/''/g, '').includes("'")
      : rest.split(close).length - rest.split(open).length >= 1;
    if (closed) return undefined;
    return {
      offset: start + match[0].length - 1,
      code: 'yaml-syntax',
      message: `this value opens ${open === '"' || open === "'" ? 'a quote' : 'a bracket'} (${open}) that is never closed on its line, so the YAML after it cannot be read; expected a closing ${close}; add it at the end of the value`,
    };
  }
  return undefined;
}

/** Where a value and the key naming it start, as character offsets. */
interface NodeOffsets {
  key?: number;
  value: number;
}

interface Frame {
  kind: 'mapping' | 'sequence';
  path: string;
  index: number;
  expectKey: boolean;
  key?: { name: string; offset: number };
  /** How many times each key has appeared so far (shared with its entry in `duplicates`, which reads the final count). */
  seen: Map<string, { n: number }>;
  /** Where the collection starts, for an empty item that has no offset of its own. */
  start: number;
}

/**
 * Walks the YAML as events (parsed here, unless the caller has them) and
 * records where every node starts, keyed by its path (`bodies\0001\0size`),
 * and every duplicate key. Used only on files that have problems, to turn
 * data paths into lines and columns.
 */
function scanEvents(text: string, parsed?: Event[]): { nodes: Map<string, NodeOffsets>; duplicates: { key: string; offset: number; count: { n: number } }[] } {
  const nodes = new Map<string, NodeOffsets>();
  const duplicates: { key: string; offset: number; count: { n: number } }[] = [];
  let events: Event[];
  try {
    events = parsed ?? parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch {
    return { nodes, duplicates };
  }
  const stack: Frame[] = [];

  const startOf = (event: Event): number => {
    if (event.type === EVENT_ID.SCALAR) return firstPresent(event.anchorStart, event.tagStart, scalarStart(text, event));
    if (event.type === EVENT_ID.ALIAS) return event.anchorStart;
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) return firstPresent(event.anchorStart, event.tagStart, event.start);
    return 0;
  };

  // Called for every node that is a value (not a key); returns its path.
  const placeValue = (start: number): string => {
    const parent = stack.at(-1);
    // An empty value (`to:` with nothing after it) has no offset of its own: point at its key.
    const offset = start >= 0 ? start : (parent?.kind === 'mapping' ? parent.key?.offset : undefined) ?? parent?.start ?? 0;
    if (!parent) {
      nodes.set('', { value: offset });
      return '';
    }
    if (parent.kind === 'sequence') {
      const path = joinPath(parent.path, parent.index++);
      nodes.set(path, { value: offset });
      return path;
    }
    const path = joinPath(parent.path, parent.key?.name ?? '');
    nodes.set(path, { key: parent.key?.offset, value: offset });
    parent.expectKey = true;
    return path;
  };

  for (const event of events) {
    const top = stack.at(-1);
    if (event.type === EVENT_ID.DOCUMENT) continue;
    if (event.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    if (top?.kind === 'mapping' && top.expectKey) {
      // A key. Only scalar keys can name a path; a complex key is skipped whole.
      const name = event.type === EVENT_ID.SCALAR ? getScalarValue(text, event) : '?';
      const offset = Math.max(0, startOf(event));
      const count = top.seen.get(name);
      if (!count) top.seen.set(name, { n: 1 });
      else if (++count.n === 2) duplicates.push({ key: name, offset, count });
      top.key = { name, offset };
      top.expectKey = false;
      if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
        stack.push({ kind: event.type === EVENT_ID.MAPPING ? 'mapping' : 'sequence', path: '\u0001', index: 0, expectKey: true, seen: new Map(), start: Math.max(0, offset) });
      }
      continue;
    }
    const start = startOf(event);
    const path = placeValue(start);
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      stack.push({ kind: event.type === EVENT_ID.MAPPING ? 'mapping' : 'sequence', path, index: 0, expectKey: true, seen: new Map(), start: Math.max(0, start) });
    }
  }
  return { nodes, duplicates };
}

/**
 * Where a scalar starts as the officer sees it. js-yaml gives a quoted
 * scalar's start inside its quotes (officers expect the quote), and a block
 * scalar's (`>-`, `|`) at the start of its first line (officers expect the
 * first character of the text, not its indentation).
 */
function scalarStart(text: string, event: Extract<Event, { type: typeof EVENT_ID.SCALAR }>): number {
  const { valueStart, valueEnd, style } = event;
  if (style === SCALAR_STYLE_FOLDED_BLOCK || style === SCALAR_STYLE_LITERAL_BLOCK) {
    let i = valueStart;
    while (i < valueEnd && /\s/.test(text[i])) i++;
    return i < valueEnd ? i : valueStart;
  }
  const before = text[valueStart - 1];
  return before === '"' || before === "'" ? valueStart - 1 : valueStart;
}

function firstPresent(...offsets: number[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const o of offsets) if (o >= 0 && o < best) best = o;
  return Number.isFinite(best) ? best : -1;
}

function joinPath(parent: string, segment: PathSegment): string {
  return parent === '' ? String(segment) : `${parent}\u0000${segment}`;
}

/**
 * Finds where a path points in a YAML text: the value, the key naming it, or
 * the mapping holding it. Falls back to the nearest ancestor that exists, so a
 * problem is always placed inside the file.
 */
export class YamlLocator {
  private nodes?: Map<string, NodeOffsets>;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  /** The character offset for a locator, relative to the start of this YAML text. */
  offset(path: readonly PathSegment[], at: 'value' | 'key' | 'parent'): number {
    this.nodes ??= scanEvents(this.text).nodes;
    const segments = at === 'parent' ? path.slice(0, -1) : [...path];
    for (let length = segments.length; length >= 0; length--) {
      const node = this.nodes.get(segments.slice(0, length).reduce<string>((p, s) => joinPath(p, s), ''));
      if (!node) continue;
      if (length === segments.length && at === 'key' && node.key !== undefined) return node.key;
      return node.value;
    }
    return 0;
  }
}
