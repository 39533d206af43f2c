/**
 * `npm run new -- <type> <partnership-id> …`: starts a new content file at the
 * place the content model gives it, with every key the type has. Keys the
 * officer must fill in are left empty; optional keys are commented out, each
 * with a placeholder saying what to write (`"<fill in: the fund's name>"`),
 * never a real-looking example: the checker refuses a placeholder left in.
 * Each key carries its description (the Zod schema's doc comment), so the
 * file explains itself. Never overwrites.
 *
 *   npm run new -- decision <partnership-id> "<title>" [--date YYYY-MM-DD]
 *   npm run new -- structure <partnership-id> "<title>" [--id <structure-id>]
 *   npm run new -- strategy <partnership-id> "<title>" [--id <strategy-id>]
 *   npm run new -- chapter <partnership-id> <owner-id>/<strategy-id> ["<title>"]
 *   npm run new -- partnership <partnership-id> "<name>"
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { closest, listWords } from '../src/content/words.ts';
import { placeholder } from '../src/rules/placeholders.ts';
import { readContentFile, type ContentFile } from '../src/content/load.ts';
import { contentDirectory, today } from '../src/model/index.ts';
import { ID_PATTERN, slugify } from '../src/schemas/index.ts';
import { buildJsonSchemas } from './json-schemas.ts';

/** The content types this command starts. */
export const TYPES = ['decision', 'structure', 'strategy', 'chapter', 'partnership'] as const;
type NewType = (typeof TYPES)[number];

const USAGE = `Usage:
  npm run new -- decision <partnership-id> "<title>" [--date YYYY-MM-DD]
  npm run new -- structure <partnership-id> "<title>" [--id <structure-id>]
  npm run new -- strategy <partnership-id> "<title>" [--id <strategy-id>]
  npm run new -- chapter <partnership-id> <owner-partnership-id>/<strategy-id> ["<title>"]
  npm run new -- partnership <partnership-id> "<name>"`;

/** Ids made from titles are cut at a word boundary: file names and web addresses stay readable. */
const MAX_ID_LENGTH = 60;

/** A problem with what was asked: printed as it is, with exit code 1 (2 for a usage mistake). */
export class Refusal extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** One key in a template. */
interface Key {
  key: string;
  /** The value after the colon; absent leaves the key empty, for the officer to fill in. */
  value?: string;
  /** Commented out: an example the officer can use by deleting the "# " in front. */
  optional?: boolean;
  /** The keys inside it: a group of keys, or the first item of a list when `list` is set. */
  keys?: Key[];
  list?: boolean;
  /** Further list items after the first (`keys`), as examples: always commented out. */
  moreItems?: Key[][];
  /** The lines of a list of texts. */
  lines?: string[];
  /** Added to the key's description in the file (the ids it can name). */
  hint?: string;
}

/** What a template needs to know about the register. */
interface Context {
  contentDir: string;
  partnershipId: string;
  date: string;
}

/** A file to write: where, what, which keys are left to fill in, and the page it becomes. */
export interface Scaffold {
  path: string;
  text: string;
  /** The keys left empty, by their path (`bodies[0].name`), in the file's order. */
  toFill: string[];
  /** The page's address on the site. */
  url: string;
  /** Anything else the officer should know about the file just made. */
  notes: string[];
}

/** The ids of the files in one of a partnership's folders. */
function idsIn(contentDir: string, partnershipId: string, folder: string): string[] {
  try {
    return readdirSync(join(contentDir, 'partnerships', partnershipId, folder))
      .filter((name) => /\.(ya?ml|md)$/.test(name))
      .map((name) => name.replace(/\.(ya?ml|md)$/, ''))
      .sort();
  } catch {
    return [];
  }
}

/** The partnership folders in the content folder. */
function partnershipIds(contentDir: string): string[] {
  try {
    return readdirSync(join(contentDir, 'partnerships'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * Reads a content file's data the way the checker does (the loader splits a
 * Markdown file's frontmatter, refusing `---js` and the like); undefined if it
 * cannot be read.
 */
function readData(contentDir: string, file: ContentFile): Record<string, unknown> | undefined {
  const { data } = readContentFile(contentDir, file, []);
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

/** An id made from a title, short enough for a file name. */
function idFromTitle(title: string): string {
  const slug = slugify(title);
  if (slug.length <= MAX_ID_LENGTH) return slug;
  const cut = slug.slice(0, MAX_ID_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_ID_LENGTH);
}

/** A YAML scalar for text the officer typed on the command line: always double-quoted, so nothing in it is misread. */
const quote = (text: string) => JSON.stringify(text);

/**
 * An example value an officer must replace: a placeholder saying what to
 * write, never a real-looking value. Left in a file, the checker refuses it
 * (src/rules/placeholders.ts), so a block uncommented unedited cannot be
 * published as if it were the document's.
 */
const fill = (what: string) => quote(placeholder(what));

/** The `cite` of an example: which source and where in it. */
const CITE = fill("the source's id, then where in it, such as: report, para 4.2");

/** A source listed in a file, as each template offers it. */
const SOURCE_KEYS: Key[] = [
  { key: 'id', value: fill('an id to cite it by, such as way-forward') },
  { key: 'title', value: fill("the document's title") },
  { key: 'publisher', value: fill('who published it, if the document says') },
  { key: 'date', value: fill('its date, YYYY-MM-DD, YYYY-MM or YYYY, if the document is dated') },
  { key: 'author', value: fill('who wrote it (a post), if the document says') },
  { key: 'reference', value: fill("the document's own reference, if it has one") },
  { key: 'url', value: fill('where to read it: a web address starting with https://') },
];

/** A discrepancy recorded on a file, body or funding table. */
const DISCREPANCY_KEYS: Key[] = [
  { key: 'text', value: fill('what the document says one way here and another way there') },
  { key: 'cite', value: CITE },
];

function requirePartnership(contentDir: string, id: string | undefined): string {
  const known = partnershipIds(contentDir);
  if (!id) throw new Refusal(`Name the partnership the file belongs to: one of ${listWords(known)}.\n\n${USAGE}`, 2);
  if (!known.includes(id)) {
    const suggestion = closest(id, known);
    throw new Refusal(`There is no partnership "${id}" in ${relative(process.cwd(), contentDir) || '.'}${suggestion ? `; did you mean "${suggestion}"?` : '.'} The partnerships are: ${listWords(known)}. To start a new one: npm run new -- partnership ${slugify(id) || '<partnership-id>'} "<name>"`);
  }
  return id;
}

function requireText(text: string | undefined, what: string): string {
  if (!text || text.trim() === '') throw new Refusal(`Give the ${what} in quotes.\n\n${USAGE}`, 2);
  return text.trim();
}

function requireId(id: string, what: string): string {
  if (!ID_PATTERN.test(id)) {
    throw new Refusal(`"${id}" cannot be the ${what}: an id is lower-case letters and digits joined by single hyphens. Try "${slugify(id) || 'my-id'}".`, 2);
  }
  return id;
}

function decisionTemplate(context: Context, title: string): { id: string; keys: Key[] } {
  const { contentDir, partnershipId, date } = context;
  const words = idFromTitle(title);
  if (!words) throw new Refusal(`The title "${title}" has no letters or digits to name the file after; give a title in words.`, 2);
  const structures = idsIn(contentDir, partnershipId, 'structures');
  const decisions = idsIn(contentDir, partnershipId, 'decisions');
  return {
    id: `${date}-${words}`,
    keys: [
      { key: 'title', value: quote(title) },
      { key: 'date', value: date },
      { key: 'decision_maker' },
      { key: 'kind' },
      { key: 'status' },
      { key: 'public' },
      { key: 'key_decision', value: fill('true if the report calls it a key decision, false if it says it is not'), optional: true },
      { key: 'forward_plan', value: fill('the month it was first in the forward plan, YYYY-MM'), optional: true },
      { key: 'status_as_at', value: fill('the date its status was last known, YYYY-MM-DD'), optional: true },
      {
        key: 'report', optional: true, keys: [
          { key: 'title', value: fill("the report's title") },
          { key: 'author', value: fill("the report author's post") },
          { key: 'reference', value: fill("the report's own reference") },
          { key: 'publisher', value: fill('who published the report') },
          { key: 'url', value: fill('where to read it: a web address starting with https://') },
        ],
      },
      { key: 'sources', optional: true, list: true, hint: 'besides the report, which is cited as `report`', keys: SOURCE_KEYS },
      { key: 'recommendations', optional: true, lines: [fill('each recommendation, as the report words it, one per line')] },
      { key: 'outcome', value: fill('what was decided, as the minutes record it'), optional: true },
      {
        key: 'options', optional: true, list: true, keys: [
          { key: 'title', value: fill("the option's title") },
          { key: 'recommended', value: fill('true for the option the report recommends, false for the others') },
          { key: 'advantages', lines: [fill('each advantage the report gives, one per line')] },
          { key: 'disadvantages', lines: [fill('each disadvantage the report gives, one per line')] },
          { key: 'risks', lines: [fill('each risk the report gives, one per line')] },
          { key: 'cite', value: CITE },
        ],
      },
      { key: 'structure', value: fill('the id of the structure it proposes or adopts'), optional: true, hint: structures.length ? `here: ${listWords(structures)}` : undefined },
      { key: 'supersedes', value: fill('the id of the decision it replaces'), optional: true, hint: decisions.length ? `here: ${listWords(decisions)}` : undefined },
      { key: 'serves', optional: true, lines: [fill('owner-partnership-id/strategy-id/objective-or-priority-id, one per line')] },
      {
        key: 'funding', optional: true, keys: [
          { key: 'fund', value: fill("the fund's name") },
          { key: 'accountable_body', value: fill('the body accountable for the fund') },
          { key: 'cite', value: CITE },
          { key: 'available', keys: [{ key: 'revenue', value: fill('the revenue available, in pounds') }, { key: 'capital', value: fill('the capital available, in pounds') }] },
          {
            key: 'allocations', list: true, hint: 'leave the key out when the document gives no figures; `[]` only when it says nothing was allocated', keys: [
              { key: 'item', value: fill('what the allocation is for') },
              { key: 'revenue', value: fill('its revenue, in pounds') },
              { key: 'capital', value: fill('its capital, in pounds') },
              { key: 'outcomes', value: fill('what it is to achieve, if the report says') },
              { key: 'cite', value: CITE },
            ],
          },
          { key: 'allocated_by', value: fill('this-decision, or the partnership or body that made the allocations'), hint: 'or a partnership id such as lancaster-district-lsp, or a name in words' },
          { key: 'allocated_on', hint: 'a date, only when someone else made the allocations and a document dates them' },
          { key: 'decides', optional: true, keys: [{ key: 'revenue', value: fill('the revenue this decision allocates, in pounds') }, { key: 'capital', value: fill('the capital this decision allocates, in pounds') }] },
          { key: 'remaining', keys: [{ key: 'revenue', value: fill('the revenue remaining, as the report states it') }, { key: 'capital', value: fill('the capital remaining, as the report states it') }] },
          { key: 'per', value: fill('year, when the figures are per year; otherwise delete the line') },
          {
            key: 'contributions', list: true, keys: [
              { key: 'partner', value: fill('the contributing partner') },
              { key: 'amount', value: fill('its contribution, in pounds') },
              { key: 'committed', value: fill('true if the contribution is committed, false if not') },
              { key: 'note', value: fill('what the report says about it') },
            ],
          },
          { key: 'discrepancies', optional: true, list: true, keys: DISCREPANCY_KEYS },
        ],
      },
      { key: 'discrepancies', optional: true, list: true, keys: DISCREPANCY_KEYS },
    ],
  };
}

function structureTemplate(context: Context, title: string, id: string): { id: string; keys: Key[] } {
  const { contentDir, partnershipId } = context;
  const decisions = idsIn(contentDir, partnershipId, 'decisions');
  const others = partnershipIds(contentDir).filter((p) => p !== partnershipId);
  return {
    id,
    keys: [
      { key: 'title', value: quote(title) },
      { key: 'status' },
      { key: 'from', value: fill('when it took effect (a proposal: when it was proposed), YYYY-MM-DD, YYYY-MM or YYYY'), optional: true },
      { key: 'to', value: fill('when it ended, YYYY-MM-DD, YYYY-MM or YYYY'), optional: true },
      { key: 'decided_by', value: fill('the id of the decision that proposed or adopted it'), optional: true, hint: decisions.length ? `here: ${listWords(decisions)}` : undefined },
      { key: 'status_as_at', value: fill('the date its status was last known, YYYY-MM-DD, YYYY-MM or YYYY'), optional: true },
      { key: 'sources', optional: true, list: true, hint: 'or list them once in partnership.md, and cite them here', keys: SOURCE_KEYS },
      {
        key: 'bodies', list: true, keys: [
          { key: 'id', value: 'board' },
          { key: 'name' },
          { key: 'kind' },
          { key: 'reports_to', value: fill('none, when the document says it is the top body'), optional: true, hint: 'only when the document says it is the top; leave the key out when it does not say' },
          { key: 'purpose', optional: true, lines: [fill('its purpose, as the document words it, one sentence per line')] },
          { key: 'size', value: fill('its size as the document states it: 20, { approx: 40 }, { at_least: 4 } or { at_most: 10 }'), optional: true },
          {
            key: 'seats', optional: true, list: true, keys: [
              { key: 'sector', value: fill('the sector or group the seats are for') },
              { key: 'count', value: fill('how many seats') },
              { key: 'category', value: fill('the category, one of those listed in this comment') },
              { key: 'voting', value: fill('true if the seats vote, false if they advise') },
              { key: 'cite', value: CITE },
            ],
          },
          { key: 'members', optional: true, lines: [fill('each member or post, one per line')] },
          { key: 'chair', value: fill('who chairs it, or how the chair is chosen'), optional: true },
          { key: 'term_years', value: fill('the term of office in years: 2, or a hedged one such as { at_most: 3 }'), optional: true },
          { key: 'meetings_per_year', value: fill('how often it meets: 4, or a hedged one such as { at_least: 4 }'), optional: true },
          { key: 'quorum', value: fill('its quorum, a whole number'), optional: true },
          { key: 'state', value: fill('existing or to-be-developed'), optional: true },
          { key: 'statutory', value: fill('true, when a document says it is statutory'), optional: true, hint: 'only when a document says so' },
          { key: 'goals', optional: true, lines: [fill('each goal, one per line')] },
          { key: 'notes', value: fill('what the document says about the body that no other key holds'), optional: true },
          { key: 'cite', value: CITE, optional: true },
          { key: 'discrepancies', optional: true, list: true, keys: DISCREPANCY_KEYS },
        ],
        moreItems: [[
          { key: 'id', value: fill('an id for the next body, such as executive') },
          { key: 'name', value: fill("the body's name") },
          { key: 'kind', value: fill('its kind, one of those listed for the first body') },
          { key: 'reports_to', value: fill('the id of the body it reports to') },
        ]],
      },
      {
        key: 'relations', optional: true, list: true, keys: [
          { key: 'from', value: fill('the id of a body in this structure') },
          { key: 'to', value: fill('the id of a body in this structure, or of another partnership'), hint: others.length ? `or use \`external\` instead, not both; partnerships: ${listWords(others)}` : 'or use `external` instead, not both' },
          { key: 'external', value: fill('a body outside the register, in words'), optional: true },
          { key: 'kind', value: fill('the kind of link, one of those listed in this comment') },
          { key: 'cite', value: CITE },
        ],
      },
      { key: 'discrepancies', optional: true, list: true, keys: DISCREPANCY_KEYS },
    ],
  };
}

function strategyTemplate(title: string, id: string): { id: string; keys: Key[] } {
  return {
    id,
    keys: [
      { key: 'title', value: quote(title) },
      { key: 'kind' },
      { key: 'period', optional: true, hint: 'only when the document states it', keys: [{ key: 'from', value: fill('its first year') }, { key: 'to' }] },
      { key: 'vision', value: fill('the vision, as the strategy words it, in Markdown'), optional: true },
      { key: 'sources', optional: true, list: true, hint: 'or list them once in partnership.md, and cite them here', keys: SOURCE_KEYS },
      {
        key: 'objectives', list: true, keys: [
          { key: 'id' },
          { key: 'title' },
          { key: 'lead', value: fill('who leads it, such as a theme group'), optional: true },
          { key: 'cite', value: CITE, optional: true },
        ],
      },
      { key: 'discrepancies', optional: true, list: true, keys: DISCREPANCY_KEYS },
    ],
  };
}

function chapterTemplate(context: Context, strategy: string, title: string | undefined): { id: string; keys: Key[] } {
  const { contentDir, partnershipId } = context;
  const [ownerId, strategyId, extra] = strategy.split('/');
  const all = partnershipIds(contentDir).flatMap((p) => idsIn(contentDir, p, 'strategies').map((s) => `${p}/${s}`));
  if (!strategyId || extra !== undefined || !all.includes(strategy)) {
    // "worcestershire/scs-2011" is far from "worcestershire-partnership/scs-2011" in letters, but names the same strategy.
    const suggestion = closest(strategy, all) ?? all.find((s) => strategyId && s.endsWith(`/${strategyId}`));
    throw new Refusal(`There is no strategy "${strategy}"; name it as <owner-partnership-id>/<strategy-id>${suggestion ? `: did you mean "${suggestion}"?` : '.'} The strategies are: ${listWords(all)}.`);
  }
  const strategyData = readData(contentDir, { file: `partnerships/${ownerId}/strategies/${strategyId}.yaml`, kind: 'strategy', id: strategyId, partnershipId: ownerId });
  const objectives = Array.isArray(strategyData?.objectives)
    ? strategyData.objectives.map((o) => (o && typeof o === 'object' ? (o as { id?: unknown }).id : undefined)).filter((o): o is string => typeof o === 'string')
    : [];
  const name = readData(contentDir, { file: `partnerships/${partnershipId}/partnership.md`, kind: 'partnership', id: partnershipId, partnershipId })?.name;
  return {
    id: strategyId,
    keys: [
      { key: 'strategy', value: strategy },
      { key: 'title', value: quote(title ?? `${typeof name === 'string' ? name : partnershipId} chapter`) },
      { key: 'status', value: 'draft' },
      { key: 'agreed', value: fill('the date it was agreed, YYYY-MM-DD, YYYY-MM or YYYY'), optional: true },
      { key: 'status_as_at', value: fill('the date its status was last known, YYYY-MM-DD, YYYY-MM or YYYY'), optional: true },
      { key: 'sources', optional: true, list: true, hint: 'or list them once in partnership.md, and cite them here', keys: SOURCE_KEYS },
      {
        key: 'priorities', list: true, keys: [
          { key: 'id' },
          { key: 'title' },
          { key: 'objective', hint: objectives.length ? `one of: ${listWords(objectives)}` : undefined },
          { key: 'lead', value: fill('who leads it, such as a theme group'), optional: true },
          { key: 'evidence', value: fill('the local knowledge and evidence behind the priority, in Markdown'), optional: true },
          {
            key: 'measures', optional: true, list: true, keys: [
              { key: 'indicator', value: fill('what is measured') },
              { key: 'target', value: fill('the target, a number') },
              { key: 'unit', value: fill('what the target counts, such as jobs') },
              { key: 'by', value: fill('the year the target is for') },
              { key: 'cite', value: CITE },
            ],
          },
          { key: 'cite', value: CITE, optional: true },
        ],
      },
      { key: 'discrepancies', optional: true, list: true, keys: DISCREPANCY_KEYS },
    ],
  };
}

function partnershipTemplate(context: Context, name: string): { id: string; keys: Key[] } {
  const others = partnershipIds(context.contentDir).filter((p) => p !== context.partnershipId);
  return {
    id: context.partnershipId,
    keys: [
      { key: 'name', value: quote(name) },
      { key: 'short_name', value: fill(`the name people use for it, such as ${name.replace(/ Local Strategic Partnership$/, ' LSP')}`), optional: true },
      { key: 'kind' },
      { key: 'area' },
      { key: 'tier', value: fill('district or county'), optional: true, hint: 'only when a document says so' },
      { key: 'parent', value: fill('the id of the partnership it sits under'), optional: true, hint: others.length ? `one of: ${listWords(others)}` : undefined },
      { key: 'status' },
      { key: 'established', value: fill('when it was set up, YYYY-MM-DD, YYYY-MM or YYYY'), optional: true },
      { key: 'became_lsp', value: fill('when it became a Local Strategic Partnership, YYYY-MM-DD, YYYY-MM or YYYY'), optional: true },
      { key: 'dissolved', value: fill('when it was dissolved, YYYY-MM-DD, YYYY-MM or YYYY'), optional: true },
      { key: 'legal_form', value: fill('its legal form, such as a company limited by guarantee'), optional: true },
      { key: 'accountable_body', value: fill('the body accountable for it'), optional: true },
      { key: 'purpose' },
      { key: 'summary' },
      {
        key: 'contact', optional: true, keys: [
          { key: 'name', value: fill('the team or person to contact') },
          { key: 'role', value: fill('their role') },
          { key: 'email', value: fill('their email address') },
          { key: 'phone', value: fill('their phone number') },
        ],
      },
      { key: 'reviewed', value: context.date },
      { key: 'status_as_at', value: fill('the date its status was last known, YYYY-MM-DD, YYYY-MM or YYYY'), optional: true },
      { key: 'sources', optional: true, list: true, hint: 'every file of the partnership can cite these', keys: SOURCE_KEYS },
      { key: 'discrepancies', optional: true, list: true, keys: DISCREPANCY_KEYS },
    ],
  };
}

type JsonNode = Record<string, unknown>;

/** The schema of a key inside a JSON Schema node, looking through `anyOf` and list items. */
function propertySchema(node: unknown, key: string): JsonNode | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const n = node as JsonNode;
  const own = (n.properties as Record<string, JsonNode> | undefined)?.[key];
  if (own) return own;
  for (const child of [...((n.anyOf as unknown[]) ?? []), n.items]) {
    const found = propertySchema(child, key);
    if (found) return found;
  }
  return undefined;
}

/**
 * Writes the keys as YAML, each with its description as a comment. Optional
 * keys and everything inside them are commented out after their indentation,
 * so VS Code's "Toggle Line Comment" (Ctrl+/) brings a whole block back.
 */
function renderKeys(keys: Key[], schema: unknown, options: { indent: number; commented: boolean; listItem: boolean; path: string; toFill: string[] }, out: string[]): void {
  keys.forEach((k, i) => {
    const commented = options.commented || k.optional === true;
    const keySchema = propertySchema(schema, k.key);
    const column = options.indent + (options.listItem ? 2 : 0);
    const lead = options.listItem ? (i === 0 ? '- ' : '  ') : '';
    const path = options.path ? `${options.path}.${k.key}` : k.key;
    const line = `${' '.repeat(options.indent)}${commented ? '# ' : ''}${lead}${k.key}:${k.value !== undefined ? ` ${k.value}` : ''}`;
    const description = [keySchema?.description, k.hint ? `(${k.hint})` : undefined].filter(Boolean).join(' ');
    if (!keySchema) throw new Error(`the ${path} key of a template is not in the content schema`);
    if (!commented && k.value === undefined && !k.keys && !k.lines) options.toFill.push(path);
    out.push(description ? `${line.padEnd(38)} # ${description}` : line);
    for (const text of k.lines ?? []) out.push(`${' '.repeat(column + 2)}${commented ? '# ' : ''}- ${text}`);
    if (k.keys) {
      renderKeys(k.keys, keySchema, { indent: column + 2, commented, listItem: k.list === true, path: k.list ? `${path}[0]` : path, toFill: options.toFill }, out);
    }
    for (const [n, item] of (k.moreItems ?? []).entries()) {
      renderKeys(item, keySchema, { indent: column + 2, commented: true, listItem: true, path: `${path}[${n + 1}]`, toFill: options.toFill }, out);
    }
  });
}

const HEADER: Record<NewType, string> = {
  decision: 'A decision or report',
  structure: 'A version of the structure',
  strategy: 'A strategy',
  chapter: "A chapter of another partnership's strategy",
  partnership: 'A partnership',
};

/** Builds the file for a request, without writing it. Throws a Refusal for anything that cannot be made. */
export function scaffold(type: string, args: string[], options: { contentDir: string; date?: string; id?: string }): Scaffold {
  if (!(TYPES as readonly string[]).includes(type)) {
    const suggestion = closest(type, TYPES);
    throw new Refusal(`${type ? `"${type}" is not a type of file this command starts${suggestion ? `; did you mean "${suggestion}"?` : '.'}` : 'Say which type of file to start.'}\n\n${USAGE}`, 2);
  }
  const kind = type as NewType;
  const { contentDir } = options;
  const date = options.date ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Refusal(`--date ${date} is not a date; write it as YYYY-MM-DD, for example 2011-11-08.`, 2);

  let partnershipId: string;
  if (kind === 'partnership') {
    partnershipId = requireId(args[0] ?? '', 'partnership id');
    if (existsSync(join(contentDir, 'partnerships', partnershipId, 'partnership.md'))) {
      throw new Refusal(`${relative(process.cwd(), join(contentDir, 'partnerships', partnershipId, 'partnership.md'))} already exists; open it to make changes.`);
    }
  } else {
    partnershipId = requirePartnership(contentDir, args[0]);
  }
  const context: Context = { contentDir, partnershipId, date };

  let made: { id: string; keys: Key[] };
  let folder: string;
  if (options.id !== undefined && kind !== 'structure' && kind !== 'strategy') {
    throw new Refusal(`--id is for structures and strategies; a ${kind}'s file name comes from its ${kind === 'decision' ? 'date and title' : kind === 'chapter' ? 'strategy' : 'id'}.`, 2);
  }
  if (kind === 'decision') {
    made = decisionTemplate(context, requireText(args[1], 'decision\'s title'));
    folder = 'decisions';
  } else if (kind === 'structure' || kind === 'strategy') {
    const title = requireText(args[1], `${kind}'s title`);
    const id = requireId(options.id ?? idFromTitle(title), `${kind}'s id`);
    made = kind === 'structure' ? structureTemplate(context, title, id) : strategyTemplate(title, id);
    folder = kind === 'structure' ? 'structures' : 'strategies';
  } else if (kind === 'chapter') {
    made = chapterTemplate(context, requireText(args[1], 'strategy (<owner-partnership-id>/<strategy-id>)'), args[2]?.trim() || undefined);
    folder = 'chapters';
  } else {
    made = partnershipTemplate(context, requireText(args[1], "partnership's name"));
    folder = '';
  }

  const markdown = kind !== 'structure' && kind !== 'strategy';
  const file = kind === 'partnership' ? 'partnership.md' : `${made.id}.${markdown ? 'md' : 'yaml'}`;
  const path = join(contentDir, 'partnerships', partnershipId, folder, file);
  const schema = buildJsonSchemas()[kind];
  const toFill: string[] = [];
  const body: string[] = [];
  renderKeys(made.keys, schema, { indent: 0, commented: false, listItem: false, path: '', toFill }, body);
  const header = [
    `# ${HEADER[kind]}. Fill in every key left empty, then run \`npm run check\`: it lists each one still to do.`,
    '# Optional keys are commented out with "#": to use one, delete the "# " in front of it (in VS Code: select the lines, press Ctrl+/).',
    '# Then replace each "<fill in: …>" with what the document says: `npm run check` refuses one left in.',
    '# Every key is explained in the authoring guide, docs/authoring.md.',
    ...(markdown ? ['# Below the closing "---" line, write the text of the page in Markdown.'] : []),
  ];
  const text = markdown ? ['---', ...header, ...body, '---', ''].join('\n') : [...header, ...body].join('\n') + '\n';
  const url = kind === 'partnership' ? `/partnerships/${partnershipId}/` : `/partnerships/${partnershipId}/${folder}/${made.id}/`;
  const notes = kind === 'decision' && options.date === undefined
    ? [`The file name and \`date\` use today's date. For a decision taken on another day, delete the file and run the command again with --date YYYY-MM-DD.`]
    : [];
  return { path, text, toFill, url, notes };
}

/**
 * Key paths as an officer reads them.
 *
 * @example
 * describeKeys(['status', 'bodies[0].name', 'bodies[0].kind']) // 'status; in the first of bodies: name, kind'
 */
export function describeKeys(paths: string[]): string {
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    const at = path.lastIndexOf('.');
    const parent = at === -1 ? '' : path.slice(0, at);
    groups.set(parent, [...(groups.get(parent) ?? []), path.slice(at + 1)]);
  }
  return [...groups]
    .map(([parent, keys]) => (parent ? `in ${parent.replace(/^(\w+)\[0\]$/, 'the first of $1').replace(/\[0\]/g, '')}: ${keys.join(', ')}` : keys.join(', ')))
    .join('; ');
}

/** The message printed after writing a file: where it is and what to do next. */
export function nextSteps(made: Scaffold, cwd = process.cwd()): string {
  const shown = relative(cwd, made.path);
  return [
    `Created ${shown}`,
    '',
    'Next:',
    `  1. Open ${shown} and fill in the keys left empty: ${describeKeys(made.toFill)}.`,
    '     Each key has a comment saying what it holds. Optional keys are commented out with "#".',
    ...made.notes.map((note) => `     ${note}`),
    '  2. Run `npm run check`. It names every key still to fill in and says what to write.',
    `  3. Run \`npm run dev\` and open the address it prints, followed by ${made.url.slice(1)}`,
    '',
  ].join('\n');
}

function main(): void {
  const positional: string[] = [];
  const options: { date?: string; id?: string } = {};
  for (let i = 2; i < process.argv.length; i++) {
    const arg = process.argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg];
    if (flag === '--date' || flag === '--id') {
      const value = inline ?? process.argv[++i];
      if (value === undefined) throw new Refusal(`${flag} needs a value.\n\n${USAGE}`, 2);
      options[flag === '--date' ? 'date' : 'id'] = value;
    } else if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return;
    } else if (flag.startsWith('--')) {
      throw new Refusal(`Unknown option ${flag}.\n\n${USAGE}`, 2);
    } else positional.push(arg);
  }
  const [type = '', ...rest] = positional;
  const made = scaffold(type, rest, { contentDir: contentDirectory(), ...options });
  mkdirSync(dirname(made.path), { recursive: true });
  try {
    // `wx`: the write fails if the file exists, even if it appeared after the check above.
    writeFileSync(made.path, made.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const other = { decision: ', or give a different title or --date', structure: ', or give a different title or --id', strategy: ', or give a different title or --id', chapter: " (a partnership has one chapter of each strategy)", partnership: '' }[type as NewType];
      throw new Refusal(`${relative(process.cwd(), made.path)} already exists, so nothing was written; open it to make changes${other}.`);
    }
    throw error;
  }
  process.stdout.write(nextSteps(made));
}

try {
  if (process.argv[1] === import.meta.filename) main();
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = error.exitCode;
}
