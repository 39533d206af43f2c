/**
 * Structure → Mermaid source: a pure function, so the diagram is text that can
 * be diffed, downloaded (`<structure-id>.mmd`) and drawn the same way every time.
 * Nobody draws a structure by hand.
 */
import type { BodyModel, RelationTarget, StructureModel } from '../model/types.ts';
import {
  RELATION_LABELS, TARGET_QUALIFIERS, bodyQualifiers, countOf, listOf, reportingLineCount, reportingTree, targetName,
  type PartnershipNames,
} from './facts.ts';
import { REPORTS_TO_NONE } from '../rules/bodies.ts';
import { textWidth } from './text-width.ts';

/** Which way reporting lines run: top to bottom, or left to right for wide, shallow structures. */
export type Direction = 'TB' | 'LR';

/**
 * Mermaid's styles for what the diagram distinguishes. Each is also said in the
 * node's words, so nothing is told by colour or line style alone.
 * Colours are GOV.UK's: black text and lines, blue for other partnerships, grey for outside bodies.
 */
const CLASS_DEFINITIONS = [
  'classDef default fill:#ffffff,stroke:#0b0c0c,stroke-width:2px,color:#0b0c0c',
  'classDef planned fill:#ffffff,stroke:#0b0c0c,stroke-width:2px,stroke-dasharray:8 5,color:#0b0c0c',
  'classDef partnership fill:#ffffff,stroke:#1d70b8,stroke-width:4px,color:#0b0c0c',
  'classDef external fill:#f3f2f1,stroke:#505a5f,stroke-width:2px,color:#0b0c0c',
];

/** Width at which Mermaid wraps a label (`flowchart.wrappingWidth` in render.ts), and the room around it. */
export const LABEL_WRAP_WIDTH = 200;
const NODE_PADDING = 30;
const NODE_GAP = 50;
/** A diagram up to this wide fits the page's main column without scrolling; wider ones are laid out to be narrow. */
const COMFORTABLE_WIDTH = 640;

/**
 * Escapes text for a Mermaid `"…"` label or an `accTitle`/`accDescr` line.
 * Characters Mermaid would read as syntax, entities, HTML, Markdown, a line
 * break, a comment or a configuration directive (`%%{init: …}%%`, which
 * Mermaid obeys wherever it appears) become numeric entity codes (`#34;`);
 * in-browser.js turns codes back into characters in the SVG, so every name is
 * drawn exactly as written. Runs of white space, line breaks and control
 * characters become one space. Code points that no text may hold (lone halves
 * of a surrogate pair, and the non-characters such as U+FFFE) become U+FFFD,
 * the replacement character: the browser cannot write them into an SVG, and
 * one of them in a name made Mermaid's drawing unreadable as XML.
 *
 * A colon becomes a code too unless a space follows it: on a line where `style`
 * or `classDef` comes before a colon followed, without a space, by a `#`,
 * Mermaid deletes the line's last `;` (meant for `style` statements), which
 * broke a code (`alert("x"))` was drawn as `alert("x#34))`) or lost a semicolon.
 *
 * @example
 * mermaidText('Say "hi" <b>#1</b> 100%: a:b') // 'Say #34;hi#34; #60;b#62;#35;1#60;/b#62; 100#37;: a#58;b'
 * mermaidText('Board\ufffe') // 'Board\ufffd'
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/[\p{Surrogate}\p{Noncharacter_Code_Point}]/gu, '\ufffd')
    .trim()
    .replace(/["#%&<>`\\\u00b6\ufb02]|:(?!\s)/g, (char) => `#${char.codePointAt(0)};`);
}

/** A Mermaid node id for a body, another partnership or an outside body: letters, digits and underscores only. */
function nodeId(kind: 'body' | 'partnership' | 'external', id: string): string {
  return `${kind}_${id.replace(/-/g, '_')}`;
}

/** A node's label: its name, and on a second line the words that qualify it. */
function label(name: string, qualifiers: readonly string[]): string {
  const lines = [mermaidText(name)];
  if (qualifiers.length > 0) lines.push(`(${qualifiers.map(mermaidText).join(', ')})`);
  // `\n` (backslash, n) is Mermaid's line break; a backslash in a name is escaped, so only this one breaks.
  return `"${lines.join('\\n')}"`;
}

/** The node for a relation's target that is not a body of this structure, keyed so each is drawn once. */
function targetNode(target: Exclude<RelationTarget, { type: 'body' }>, externalIds: Map<string, string>): string {
  if (target.type === 'partnership') return nodeId('partnership', target.id);
  let id = externalIds.get(target.name);
  if (!id) {
    id = nodeId('external', String(externalIds.size + 1));
    externalIds.set(target.name, id);
  }
  return id;
}

/** The diagram's accessible title: whose structure, and which version. */
export function diagramTitle(structure: StructureModel, partnershipNames: PartnershipNames): string {
  const owner = partnershipNames(structure.partnershipId);
  return owner ? `${owner}: ${structure.title}` : structure.title;
}

/**
 * The diagram's accessible description: counts, the bodies the source puts at
 * the top (`reports_to: none`), and those whose reporting line it does not
 * record (no `reports_to`: drawn unconnected, never said to be at the top),
 * then a pointer to the full text alternative.
 *
 * @example
 * diagramDescription(afon2020)
 * // 'Structure diagram of 5 bodies with 3 reporting lines and 5 other links. Board is at the top.
 * //  The reporting line of Youth Forum is not recorded. Every body and link is also listed in text.'
 */
export function diagramDescription(structure: StructureModel): string {
  const { roots } = reportingTree(structure);
  const bodies = countOf(structure.bodies.length, 'body', 'bodies');
  const lineCount = reportingLineCount(structure);
  const links = countOf(structure.relations.length, 'other link', 'other links');
  const names = (list: readonly BodyModel[]) => {
    const shown = list.slice(0, 3).map((body) => body.name);
    if (list.length > shown.length) shown.push(countOf(list.length - shown.length, 'other', 'others'));
    return listOf(shown);
  };
  // A root whose reports_to names no body of the structure (only in content the checker refused) is in neither list.
  const top = roots.filter((body) => body.reports_to === REPORTS_TO_NONE);
  const unrecorded = roots.filter((body) => body.reports_to == null);
  const sentences = [`Structure diagram of ${bodies} with ${countOf(lineCount, 'reporting line', 'reporting lines')} and ${links}.`];
  if (top.length > 0) sentences.push(`${names(top)} ${top.length === 1 ? 'is' : 'are'} at the top.`);
  if (unrecorded.length > 0) {
    sentences.push(unrecorded.length === 1 ? `The reporting line of ${names(unrecorded)} is not recorded.` : `The reporting lines of ${names(unrecorded)} are not recorded.`);
  }
  sentences.push('Every body and link is also listed in text.');
  return sentences.join(' ');
}

/**
 * Chooses the layout by the structure's shape. Top to bottom reads most
 * naturally, so it is used unless the widest level would not fit the main
 * column and left to right would be narrower: many groups reporting to one
 * executive then stack down the page instead of running off its side.
 */
export function chooseDirection(structure: StructureModel, partnershipNames: PartnershipNames): Direction {
  const { roots, reports } = reportingTree(structure);
  const levels: number[][] = [];
  const add = (level: number, name: string, qualified: boolean) => {
    const width = Math.min(textWidth(name, 16), LABEL_WRAP_WIDTH) + NODE_PADDING;
    (levels[level] ??= []).push(qualified ? Math.max(width, 140) : width);
  };
  const depth = new Map<string, number>();
  // Its own stack, not recursion, so a reporting line thousands deep cannot overflow the call stack.
  const stack = roots.toReversed().map((body) => ({ body, level: 0 }));
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { body, level } = item;
    depth.set(body.id, level);
    add(level, body.name, bodyQualifiers(body).length > 0);
    for (const child of (reports.get(body.id) ?? []).toReversed()) stack.push({ body: child, level: level + 1 });
  }
  const drawn = new Set<string>();
  for (const relation of structure.relations) {
    if (relation.target.type === 'body') continue;
    const key = relation.target.type === 'partnership' ? relation.target.id : `external:${relation.target.name}`;
    if (drawn.has(key)) continue;
    drawn.add(key);
    add((depth.get(relation.from) ?? 0) + 1, targetName(structure, relation.target, partnershipNames), true);
  }
  const spread = (widths: number[]) => widths.reduce((sum, width) => sum + width, 0) + NODE_GAP * (widths.length - 1);
  const topToBottom = Math.max(...levels.map(spread));
  const leftToRight = spread(levels.map((widths) => Math.max(...widths)));
  return topToBottom <= COMFORTABLE_WIDTH || topToBottom <= leftToRight ? 'TB' : 'LR';
}

/**
 * The Mermaid source of a structure's diagram.
 *
 * Bodies are boxes; the body at the top of each reporting line comes first
 * (boards at the top, or at the left), with an arrow to each body that reports
 * to it. Relations are dotted arrows labelled with their kind. Other
 * partnerships (rounded, thick blue border) and outside bodies (grey) are
 * styled apart and say what they are; bodies to be developed have a dashed
 * border and say so; statutory bodies say so.
 *
 * @param partnershipNames looks up partnerships' names, for this structure's
 *   owner (the title) and for relations to other partnerships.
 */
export function structureToMermaid(structure: StructureModel, partnershipNames: PartnershipNames): string {
  const { roots, reports } = reportingTree(structure);
  const lines = [
    `%% The structure in ${structure.file.replace(/\s+/g, ' ')}, drawn by the register. Edit that file, not this one.`,
    `flowchart ${chooseDirection(structure, partnershipNames)}`,
    `  accTitle: ${mermaidText(diagramTitle(structure, partnershipNames))}`,
    `  accDescr: ${mermaidText(diagramDescription(structure))}`,
  ];

  // Nodes in reading order: down each reporting line, then what relations point to.
  const ordered: BodyModel[] = [];
  const stack = roots.toReversed();
  for (let body = stack.pop(); body; body = stack.pop()) {
    ordered.push(body);
    for (const child of (reports.get(body.id) ?? []).toReversed()) stack.push(child);
  }
  for (const body of ordered) {
    const planned = body.state === 'to-be-developed' ? ':::planned' : '';
    lines.push(`  ${nodeId('body', body.id)}[${label(body.name, bodyQualifiers(body))}]${planned}`);
  }
  const externalIds = new Map<string, string>();
  const declared = new Set<string>();
  for (const { target } of structure.relations) {
    if (target.type === 'body') continue;
    const id = targetNode(target, externalIds);
    if (declared.has(id)) continue;
    declared.add(id);
    const text = label(targetName(structure, target, partnershipNames), [TARGET_QUALIFIERS[target.type]]);
    lines.push(target.type === 'partnership' ? `  ${id}(${text}):::partnership` : `  ${id}[${text}]:::external`);
  }

  for (const body of ordered) {
    for (const child of reports.get(body.id) ?? []) lines.push(`  ${nodeId('body', body.id)} --> ${nodeId('body', child.id)}`);
  }
  for (const relation of structure.relations) {
    const to = relation.target.type === 'body' ? nodeId('body', relation.target.id) : targetNode(relation.target, externalIds);
    lines.push(`  ${nodeId('body', relation.from)} -.->|"${RELATION_LABELS[relation.kind]}"| ${to}`);
  }

  lines.push(...CLASS_DEFINITIONS.map((definition) => `  ${definition}`));
  return `${lines.join('\n')}\n`;
}
