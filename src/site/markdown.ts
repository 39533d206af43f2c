/**
 * Markdown → HTML for officers' narratives, evidence and outcomes. Content is
 * untrusted text: this renderer walks remark's syntax tree and writes every
 * text, attribute and URL escaped. Raw HTML in the Markdown is shown as text,
 * never passed through, and only web, mail and telephone links are kept.
 * Pipe tables (GitHub's `| a | b |` syntax), which officers copy from reports,
 * become GOV.UK tables. The output carries GOV.UK Frontend's classes.
 *
 * Untrusted text is bounded before it is parsed: a text over the Markdown
 * limits (src/rules/markdown.ts), which the checker refuses in a page's body,
 * is shown as plain paragraphs instead, so no text can make the parser take
 * minutes. The tree is walked with a stack of its own, not by recursion, so no
 * depth of nesting can overflow the call stack.
 */
import type { Definition, Nodes, Parents, Root } from 'mdast';
import { remark } from 'remark';
import { checkMarkdownLimits } from '../rules/markdown.ts';

/** Options for rendering. */
export interface MarkdownOptions {
  /**
   * The level the document's shallowest heading should become. A narrative
   * written with `##` sections placed under the page's own `h2` is given 3,
   * so headings stay in order on the page. Default 2.
   */
  topHeading?: number;
}

const parser = remark();

/**
 * Renders Markdown to HTML that is safe to insert into a page.
 *
 * @example
 * renderMarkdown('Read the *report*.') // '<p class="govuk-body">Read the <em>report</em>.</p>'
 * renderMarkdown('<script>x</script>') // '<p class="govuk-body">&lt;script&gt;x&lt;/script&gt;</p>'
 */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  if (checkMarkdownLimits(markdown).length > 0) return plainParagraphs(markdown);
  const tree = parser.parse(markdown);
  const shallowest = shallowestHeading(tree);
  const shift = shallowest === undefined ? 0 : (options.topHeading ?? 2) - shallowest;
  return renderTree(tree, { shift, definitions: collectDefinitions(tree), source: markdown }).trim();
}

/**
 * A text over the Markdown limits, as the officer wrote it: paragraphs at its
 * blank lines, every character escaped, nothing parsed.
 *
 * @example
 * plainParagraphs('- - x\n\n*a') // '<p class="govuk-body">- - x</p>\n<p class="govuk-body">*a</p>'
 */
export function plainParagraphs(text: string): string {
  return text
    .split(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p class="govuk-body">${escapeHtml(paragraph)}</p>`)
    .join('\n');
}

/**
 * Escapes text for HTML content and attribute values.
 *
 * @example
 * escapeHtml('Fish & "chips" <b>') // 'Fish &amp; &quot;chips&quot; &lt;b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * The URL if it is safe to link to: web and mail links, telephone numbers and
 * addresses on this site. Anything else (`javascript:`, `data:`) gives undefined.
 *
 * @example
 * safeUrl('https://example.org/report.pdf') // 'https://example.org/report.pdf'
 * safeUrl('javascript:alert(1)') // undefined
 */
export function safeUrl(url: string): string | undefined {
  // Browsers ignore control characters and spaces inside a scheme, so `java\tscript:` is still a script.
  const squashed = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squashed)?.[1].toLowerCase();
  if (scheme === undefined) return squashed.startsWith('//') ? undefined : url;
  return ['http', 'https', 'mailto', 'tel'].includes(scheme) ? url : undefined;
}

interface Context {
  shift: number;
  definitions: Map<string, Definition>;
  /** The Markdown itself, to read a paragraph that is really a pipe table. */
  source: string;
}

const HEADING_CLASSES: Record<number, string> = { 2: 'govuk-heading-l', 3: 'govuk-heading-m', 4: 'govuk-heading-s', 5: 'govuk-heading-s', 6: 'govuk-heading-s' };

/** Every node of a tree, parents before children and in document order, without recursion. */
function* walk(tree: Nodes): Generator<Nodes> {
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    yield node;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

function shallowestHeading(tree: Root): number | undefined {
  let shallowest: number | undefined;
  for (const node of walk(tree)) if (node.type === 'heading' && (shallowest === undefined || node.depth < shallowest)) shallowest = node.depth;
  return shallowest;
}

/** Link definitions by identifier; the first of two with the same identifier wins, as CommonMark says. */
function collectDefinitions(tree: Root): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  for (const node of walk(tree)) if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
  return definitions;
}

function link(url: string, inner: string): string {
  const safe = safeUrl(url);
  return safe === undefined ? inner : `<a class="govuk-link" href="${escapeHtml(safe)}">${inner}</a>`;
}

/**
 * A node whose children are being rendered: its HTML is written once they
 * all are. `bare` is a paragraph written without its `<p>` (in a tight list
 * item, a table cell).
 */
interface Frame {
  node: Parents;
  bare: boolean;
  next: number;
  parts: string[];
}

/** Renders a tree, or a paragraph's inline content alone (`bare`), walking it with a stack. */
function renderTree(tree: Parents, context: Context, bare = false): string {
  const root: Frame = { node: tree, bare, next: 0, parts: [] };
  const stack: Frame[] = [root];
  for (;;) {
    const frame = stack.at(-1)!;
    const { node } = frame;
    if (frame.next < node.children.length) {
      const child = node.children[frame.next++];
      const leaf = renderLeaf(child, node, context);
      if (leaf !== undefined) frame.parts.push(leaf);
      // A tight list's paragraphs are plain lines, as GOV.UK lists expect.
      else stack.push({ node: child as Parents, bare: child.type === 'paragraph' && node.type === 'listItem' && !node.spread, next: 0, parts: [] });
      continue;
    }
    const html = closeParent(frame, context);
    stack.pop();
    if (stack.length === 0) return html;
    stack.at(-1)!.parts.push(html);
  }
}

/** The HTML of a node with no children to walk (or one rendered whole, as a pipe table is), or undefined to walk its children. */
function renderLeaf(node: Nodes, parent: Parents, context: Context): string | undefined {
  switch (node.type) {
    case 'paragraph': {
      if (parent.type === 'listItem' && !parent.spread) return undefined;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      return start === undefined || end === undefined ? undefined : pipeTable(context.source.slice(start, end), context);
    }
    case 'thematicBreak':
      return '<hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible">\n';
    case 'code':
      return `<pre class="app-code"><code>${escapeHtml(node.value)}</code></pre>\n`;
    case 'html':
      // Raw HTML is shown as the text the officer wrote, never interpreted.
      return ['root', 'blockquote', 'listItem'].includes(parent.type) ? `<p class="govuk-body">${escapeHtml(node.value)}</p>\n` : escapeHtml(node.value);
    case 'text':
      return escapeHtml(node.value);
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'break':
      return '<br>\n';
    case 'image':
      // Pictures from elsewhere are not loaded into the register's pages; the alternative text links to them.
      return link(node.url, escapeHtml(node.alt || 'Image'));
    case 'imageReference': {
      const definition = context.definitions.get(node.identifier);
      return definition ? link(definition.url, escapeHtml(node.alt || 'Image')) : escapeHtml(node.alt ?? '');
    }
    case 'definition':
      return '';
    default:
      // Constructs CommonMark does not produce (tables, footnotes) keep their text.
      return 'children' in node ? undefined : 'value' in node ? escapeHtml(String(node.value)) : '';
  }
}

/** The HTML of a node once its children's HTML (`frame.parts`) is written. */
function closeParent({ node, bare, parts }: Frame, context: Context): string {
  const inner = parts.join('');
  switch (node.type) {
    case 'paragraph':
      return bare ? inner : `<p class="govuk-body">${inner}</p>\n`;
    case 'heading': {
      const level = Math.min(6, Math.max(2, node.depth + context.shift));
      return `<h${level} class="${HEADING_CLASSES[level]}">${inner}</h${level}>\n`;
    }
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && node.start != null && node.start !== 1 ? ` start="${node.start}"` : '';
      return `<${tag} class="govuk-list govuk-list--${node.ordered ? 'number' : 'bullet'}"${start}>\n${inner}</${tag}>\n`;
    }
    case 'listItem':
      return `<li>${inner.trim()}</li>\n`;
    case 'blockquote':
      return `<blockquote class="govuk-inset-text">${inner}</blockquote>\n`;
    case 'emphasis':
      return `<em>${inner}</em>`;
    case 'strong':
      return `<strong>${inner}</strong>`;
    case 'link':
      return link(node.url, inner);
    case 'linkReference': {
      const definition = context.definitions.get(node.identifier);
      return definition ? link(definition.url, inner) : `[${inner}]`;
    }
    default:
      return inner;
  }
}

const DELIMITER_CELL = /^\s*(:?)-{3,}(:?)\s*$/;

/** Splits a table row at pipes that are not escaped, dropping the optional outer pipes. */
function cells(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/**
 * A GOV.UK table from a paragraph written as a pipe table (a header row, a
 * row of dashes, then data rows), or undefined when the paragraph is not one.
 * Cells keep their inline Markdown; the first cell of each row heads the row.
 */
function pipeTable(source: string, context: Context): string | undefined {
  const lines = source.split('\n').filter((line) => line.trim() !== '');
  if (lines.length < 2 || !lines[0].includes('|')) return undefined;
  const delimiters = cells(lines[1]);
  const header = cells(lines[0]);
  if (delimiters.length !== header.length || !delimiters.every((cell) => DELIMITER_CELL.test(cell))) return undefined;
  const numeric = delimiters.map((cell) => DELIMITER_CELL.exec(cell)?.[2] === ':' && DELIMITER_CELL.exec(cell)?.[1] !== ':');
  const inline = (text: string) => {
    const paragraph = parser.parse(text).children[0];
    return paragraph && paragraph.type === 'paragraph' ? renderTree(paragraph, { ...context, source: text }, true) : escapeHtml(text);
  };
  const headCells = header.map((cell, i) => `<th scope="col" class="govuk-table__header${numeric[i] ? ' govuk-table__header--numeric' : ''}">${inline(cell)}</th>`);
  const bodyRows = lines.slice(2).map((line) => {
    const row = cells(line);
    const filled = header.map((_, i) => row[i] ?? '');
    return `<tr class="govuk-table__row">${filled.map((cell, i) => (i === 0
      ? `<th scope="row" class="govuk-table__header">${inline(cell)}</th>`
      : `<td class="govuk-table__cell${numeric[i] ? ' govuk-table__cell--numeric' : ''}">${inline(cell)}</td>`)).join('')}</tr>`;
  });
  return `<table class="govuk-table govuk-table--small-text-until-tablet">\n<thead class="govuk-table__head"><tr class="govuk-table__row">${headCells.join('')}</tr></thead>\n<tbody class="govuk-table__body">\n${bodyRows.join('\n')}\n</tbody>\n</table>\n`;
}
