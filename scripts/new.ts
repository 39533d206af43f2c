/**
 * `npm run new -- <type> <partnership-id> …`: starts a new content file at the
 * place the content model gives it, with every key the type has. Keys the
 * officer must fill in are left empty; optional keys are commented out with
 * an example from the example content. Each key carries its description (the
 * Zod schema's doc comment), so the file explains itself. Never overwrites.
 *
 *   npm run new -- decision <partnership-id> "<title>" [--date YYYY-MM-DD]
 *   npm run new -- structure <partnership-id> "<title>" [--id <structure-id>]
 *   npm run new -- strategy <partnership-id> "<title>" [--id <strategy-id>]
 *   npm run new -- chapter <partnership-id> <owner-id>/<strategy-id> ["<title>"]
 *   npm run new -- partnership <partnership-id> "<name>"
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { closest, listWords } from '../src/content/words.ts';
import { parseYaml } from '../src/content/yaml.ts';
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

/** Reads the data of a YAML file or of a Markdown file's frontmatter; undefined if it cannot be read. */
function readData(path: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  if (path.endsWith('.md')) {
    const match = /^---[^\n]*\n([\s\S]*?)\n---/.exec(text);
    if (!match) return undefined;
    text = match[1];
  }
  const data = parseYaml(text).data;
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
      { key: 'key_decision', value: 'true', optional: true },
      { key: 'forward_plan', value: date.slice(0, 7), optional: true },
      { key: 'status_as_at', value: date, optional: true },
      {
        key: 'report', optional: true, keys: [
          { key: 'title', value: 'Partnerships' },
          { key: 'author', value: 'Head of Community Engagement' },
          { key: 'reference', value: '""' },
          { key: 'publisher', value: 'Lancaster City Council' },
          { key: 'url', value: 'https://democracy.example.org/partnerships.pdf' },
        ],
      },
      {
        key: 'sources', optional: true, list: true, hint: 'besides the report, which is cited as `report`', keys: [
          { key: 'id', value: 'prg-report' },
          { key: 'title', value: 'Lancashire County Council report to Lancashire Leaders on Performance Reward Grant' },
          { key: 'publisher', value: 'Lancashire County Council' },
          { key: 'date', value: '2011-08-18' },
        ],
      },
      { key: 'recommendations', optional: true, lines: ['That Cabinet approves the new partnership arrangements being proposed in this report.'] },
      { key: 'outcome', value: 'Approved as recommended.', optional: true },
      {
        key: 'options', optional: true, list: true, keys: [
          { key: 'title', value: 'Continue support for key partnerships within a streamlined structure' },
          { key: 'recommended', value: 'true' },
          { key: 'advantages', lines: ['Reduced administrative burden.'] },
          { key: 'disadvantages', lines: ['Council will need a stronger central co-ordinating role.'] },
          { key: 'risks', lines: ['Possible impact on communications between partners.'] },
          { key: 'cite', value: 'report, Options and Options Analysis' },
        ],
      },
      { key: 'structure', value: structures[0] ?? '<structure-id>', optional: true, hint: structures.length ? `here: ${listWords(structures)}` : undefined },
      { key: 'supersedes', value: decisions[0] ?? '<decision-id>', optional: true, hint: decisions.length ? `here: ${listWords(decisions)}` : undefined },
      { key: 'serves', optional: true, lines: ['worcestershire-partnership/scs-2011/skilled-prosperous-economy'] },
      {
        key: 'funding', optional: true, keys: [
          { key: 'fund', value: 'Performance Reward Grant' },
          { key: 'accountable_body', value: 'Lancaster City Council' },
          { key: 'cite', value: 'report, Appendix A' },
          { key: 'available', keys: [{ key: 'revenue', value: '"£357,535.40"' }, { key: 'capital', value: '"£289,910.60"' }] },
          {
            key: 'allocations', list: true, hint: 'leave the key out when the document gives no figures; `[]` only when it says nothing was allocated', keys: [
              { key: 'item', value: 'Warm Homes' },
              { key: 'revenue', value: '5000' },
              { key: 'capital', value: '100000' },
              { key: 'outcomes', value: 'At least 2000 homes insulated.' },
              { key: 'cite', value: 'report, Appendix A' },
            ],
          },
          { key: 'allocated_by', value: 'this-decision', hint: 'or a partnership id such as lancaster-district-lsp, or a name in words' },
          { key: 'allocated_on', hint: 'a date, only when someone else made the allocations and a document dates them' },
          { key: 'decides', optional: true, keys: [{ key: 'revenue', value: '"£27,535.40"' }, { key: 'capital', value: '"£89,910.60"' }] },
          { key: 'remaining', keys: [{ key: 'revenue', value: '"£352,535.40"' }, { key: 'capital', value: '"£189,910.60"' }] },
          { key: 'per', value: 'year' },
          {
            key: 'contributions', list: true, keys: [
              { key: 'partner', value: 'Calderdale Council' },
              { key: 'amount', value: '"£40,000"' },
              { key: 'committed', value: 'true' },
              { key: 'note', value: 'Committed for future years' },
            ],
          },
          {
            key: 'discrepancies', optional: true, list: true, keys: [
              { key: 'text', value: 'Appendix A gives the remaining grant as £27,535.40 revenue; the recommendations give £27,535.' },
              { key: 'cite', value: 'report, Appendix A' },
            ],
          },
        ],
      },
      {
        key: 'discrepancies', optional: true, list: true, keys: [
          { key: 'text', value: 'Paragraph 2.11 refers to Appendix 1; the appendix is headed Appendix A.' },
          { key: 'cite', value: 'report, para 2.11' },
        ],
      },
    ],
  };
}

function structureTemplate(context: Context, title: string, id: string): { id: string; keys: Key[] } {
  const { contentDir, partnershipId, date } = context;
  const decisions = idsIn(contentDir, partnershipId, 'decisions');
  const others = partnershipIds(contentDir).filter((p) => p !== partnershipId);
  const parent = readData(join(contentDir, 'partnerships', partnershipId, 'partnership.md'))?.parent;
  const partner = typeof parent === 'string' && others.includes(parent) ? parent : others[0] ?? '<partnership-id>';
  return {
    id,
    keys: [
      { key: 'title', value: quote(title) },
      { key: 'status' },
      { key: 'from', value: date.slice(0, 7), optional: true },
      { key: 'to', value: date.slice(0, 7), optional: true },
      { key: 'decided_by', value: decisions.at(-1) ?? '<decision-id>', optional: true, hint: decisions.length ? `here: ${listWords(decisions)}` : undefined },
      { key: 'status_as_at', value: date.slice(0, 7), optional: true },
      {
        key: 'sources', optional: true, list: true, hint: 'or list them once in partnership.md, and cite them here', keys: [
          { key: 'id', value: 'way-forward' },
          { key: 'title', value: 'Chorley Partnership – a way forward' },
          { key: 'publisher', value: 'Chorley Borough Council' },
          { key: 'date', value: '2006-03-09' },
          { key: 'author', value: 'Head of Corporate and Policy Services' },
          { key: 'reference', value: 'CPSREP/91634AC' },
          { key: 'url', value: 'https://democracy.example.org/way-forward.pdf' },
        ],
      },
      {
        key: 'bodies', list: true, keys: [
          { key: 'id', value: 'board' },
          { key: 'name' },
          { key: 'kind' },
          { key: 'reports_to', value: 'none', optional: true, hint: 'only when the document says it is the top; leave the key out when it does not say' },
          { key: 'purpose', optional: true, lines: ['To provide a strategic overview of the implementation of the Community Strategy.'] },
          { key: 'size', value: '{ approx: 40 }', optional: true },
          {
            key: 'seats', optional: true, list: true, keys: [
              { key: 'sector', value: 'Business sector' },
              { key: 'count', value: '10' },
              { key: 'category', value: 'business' },
              { key: 'voting', value: 'true' },
              { key: 'cite', value: 'way-forward, para 30' },
            ],
          },
          { key: 'members', optional: true, lines: ['Chair of the Board'] },
          { key: 'chair', value: 'Elected by all Board members', optional: true },
          { key: 'term_years', value: '2', optional: true },
          { key: 'meetings_per_year', value: '{ at_least: 4 }', optional: true },
          { key: 'quorum', value: '10', optional: true },
          { key: 'state', value: 'existing', optional: true },
          { key: 'statutory', value: 'true', optional: true, hint: 'only when a document says so' },
          { key: 'goals', optional: true, lines: ['Reducing crime and anti-social behaviour.'] },
          { key: 'notes', value: 'What the document says about the body that no other key holds.', optional: true },
          { key: 'cite', value: 'way-forward, paras 29-33', optional: true },
          {
            key: 'discrepancies', optional: true, list: true, keys: [
              { key: 'text', value: 'The report proposes a Board of around 40 members; it later calls it a forum of 44 representatives.' },
              { key: 'cite', value: 'way-forward, para 32' },
            ],
          },
        ],
        moreItems: [[
          { key: 'id', value: 'executive' },
          { key: 'name', value: 'LSP Executive' },
          { key: 'kind', value: 'executive' },
          { key: 'reports_to', value: 'board' },
          { key: 'meetings_per_year', value: '{ approx: 6 }' },
          { key: 'term_years', value: '{ at_most: 3 }' },
        ]],
      },
      {
        key: 'relations', optional: true, list: true, keys: [
          { key: 'from', value: 'board' },
          { key: 'to', value: partner, hint: 'or use `external` instead, not both' },
          { key: 'external', value: 'Sub-regional footprint groups', optional: true },
          { key: 'kind', value: 'represented-on' },
          { key: 'cite', value: 'way-forward, para 42' },
        ],
      },
      {
        key: 'discrepancies', optional: true, list: true, keys: [
          { key: 'text', value: 'The report proposes five Sub-Groups, but its table names six.' },
          { key: 'cite', value: 'way-forward, para 41' },
        ],
      },
    ],
  };
}

function strategyTemplate(context: Context, title: string, id: string): { id: string; keys: Key[] } {
  return {
    id,
    keys: [
      { key: 'title', value: quote(title) },
      { key: 'kind' },
      { key: 'period', optional: true, hint: 'only when the document states it', keys: [{ key: 'from', value: context.date.slice(0, 4) }, { key: 'to' }] },
      { key: 'vision', value: 'The vision, in Markdown.', optional: true },
      {
        key: 'sources', optional: true, list: true, hint: 'or list them once in partnership.md, and cite them here', keys: [
          { key: 'id', value: 'future-of-dlsps' },
          { key: 'title', value: 'Future of District LSPs (DLSPs)' },
          { key: 'publisher', value: '"<who published it, if the document says>"' },
          { key: 'date', value: '<YYYY-MM-DD, YYYY-MM or YYYY, if the document is dated>' },
          { key: 'author', value: '"<who wrote it, if the document says>"' },
          { key: 'reference', value: 'Appendix 4' },
          { key: 'url', value: 'https://democracy.example.org/future-of-dlsps.pdf' },
        ],
      },
      {
        key: 'objectives', list: true, keys: [
          { key: 'id' },
          { key: 'title' },
          { key: 'lead', value: 'Place Shaping Theme Group', optional: true },
          { key: 'cite', value: 'future-of-dlsps, Appendix 4B', optional: true },
        ],
      },
      {
        key: 'discrepancies', optional: true, list: true, keys: [
          { key: 'text', value: 'What the document says one way here and another way there.' },
          { key: 'cite', value: 'future-of-dlsps, Appendix 4B' },
        ],
      },
    ],
  };
}

function chapterTemplate(context: Context, strategy: string, title: string | undefined): { id: string; keys: Key[] } {
  const { contentDir, partnershipId, date } = context;
  const [ownerId, strategyId, extra] = strategy.split('/');
  const all = partnershipIds(contentDir).flatMap((p) => idsIn(contentDir, p, 'strategies').map((s) => `${p}/${s}`));
  if (!strategyId || extra !== undefined || !all.includes(strategy)) {
    // "worcestershire/scs-2011" is far from "worcestershire-partnership/scs-2011" in letters, but names the same strategy.
    const suggestion = closest(strategy, all) ?? all.find((s) => strategyId && s.endsWith(`/${strategyId}`));
    throw new Refusal(`There is no strategy "${strategy}"; name it as <owner-partnership-id>/<strategy-id>${suggestion ? `: did you mean "${suggestion}"?` : '.'} The strategies are: ${listWords(all)}.`);
  }
  const strategyData = readData(join(contentDir, 'partnerships', ownerId, 'strategies', `${strategyId}.yaml`));
  const objectives = Array.isArray(strategyData?.objectives)
    ? strategyData.objectives.map((o) => (o && typeof o === 'object' ? (o as { id?: unknown }).id : undefined)).filter((o): o is string => typeof o === 'string')
    : [];
  const period = strategyData?.period as { to?: unknown } | undefined;
  const name = readData(join(contentDir, 'partnerships', partnershipId, 'partnership.md'))?.name;
  return {
    id: strategyId,
    keys: [
      { key: 'strategy', value: strategy },
      { key: 'title', value: quote(title ?? `${typeof name === 'string' ? name : partnershipId} chapter`) },
      { key: 'status', value: 'draft' },
      { key: 'agreed', value: date, optional: true },
      { key: 'status_as_at', value: date, optional: true },
      {
        key: 'sources', optional: true, list: true, hint: 'or list them once in partnership.md, and cite them here', keys: [
          { key: 'id', value: 'future-of-dlsps' },
          { key: 'title', value: 'Future of District LSPs (DLSPs)' },
          { key: 'publisher', value: '"<who published it, if the document says>"' },
          { key: 'date', value: '<YYYY-MM-DD, YYYY-MM or YYYY, if the document is dated>' },
          { key: 'author', value: '"<who wrote it, if the document says>"' },
          { key: 'reference', value: 'Appendix 4' },
          { key: 'url', value: 'https://democracy.example.org/future-of-dlsps.pdf' },
        ],
      },
      {
        key: 'priorities', list: true, keys: [
          { key: 'id' },
          { key: 'title' },
          { key: 'objective', hint: objectives.length ? `one of: ${listWords(objectives)}` : undefined },
          { key: 'lead', value: 'Place Shaping Theme Group', optional: true },
          { key: 'evidence', value: 'Local knowledge and evidence behind the priority (Markdown).', optional: true },
          {
            key: 'measures', optional: true, list: true, keys: [
              { key: 'indicator', value: 'New private-sector jobs' },
              { key: 'target', value: '1200' },
              { key: 'unit', value: 'jobs' },
              { key: 'by', value: period?.to != null ? String(period.to) : date.slice(0, 4) },
              { key: 'cite', value: 'future-of-dlsps, Appendix 4B' },
            ],
          },
          { key: 'cite', value: 'future-of-dlsps, Appendix 4B', optional: true },
        ],
      },
      {
        key: 'discrepancies', optional: true, list: true, keys: [
          { key: 'text', value: 'What the document says one way here and another way there.' },
          { key: 'cite', value: 'future-of-dlsps, Appendix 4B' },
        ],
      },
    ],
  };
}

function partnershipTemplate(context: Context, name: string): { id: string; keys: Key[] } {
  const others = partnershipIds(context.contentDir).filter((p) => p !== context.partnershipId);
  // The example parent is a county partnership when there is one: district partnerships sit under their county's.
  const county = others.find((p) => readData(join(context.contentDir, 'partnerships', p, 'partnership.md'))?.tier === 'county');
  return {
    id: context.partnershipId,
    keys: [
      { key: 'name', value: quote(name) },
      { key: 'short_name', value: quote(name.replace(/ Local Strategic Partnership$/, ' LSP')), optional: true },
      { key: 'kind' },
      { key: 'area' },
      { key: 'tier', value: 'district', optional: true, hint: 'only when a document says so' },
      { key: 'parent', value: county ?? others[0] ?? '<partnership-id>', optional: true, hint: others.length ? `one of: ${listWords(others)}` : undefined },
      { key: 'status' },
      { key: 'established', value: '1996', optional: true },
      { key: 'became_lsp', value: '2002-10', optional: true },
      { key: 'dissolved', value: context.date, optional: true },
      { key: 'legal_form', value: 'Company limited by guarantee', optional: true },
      { key: 'accountable_body', value: 'Borough Council', optional: true },
      { key: 'purpose' },
      { key: 'summary' },
      {
        key: 'contact', optional: true, keys: [
          { key: 'name', value: 'Partnerships Team' },
          { key: 'role', value: 'Partnerships Officer' },
          { key: 'email', value: 'partnerships@example.org' },
          { key: 'phone', value: '01234 567890' },
        ],
      },
      { key: 'reviewed', value: context.date },
      { key: 'status_as_at', value: context.date, optional: true },
      {
        key: 'sources', optional: true, list: true, hint: 'every file of the partnership can cite these', keys: [
          { key: 'id', value: 'way-forward' },
          { key: 'title', value: 'Chorley Partnership – a way forward' },
          { key: 'publisher', value: 'Chorley Borough Council' },
          { key: 'date', value: '2006-03-09' },
          { key: 'author', value: 'Head of Corporate and Policy Services' },
          { key: 'reference', value: 'CPSREP/91634AC' },
          { key: 'url', value: 'https://democracy.example.org/way-forward.pdf' },
        ],
      },
      {
        key: 'discrepancies', optional: true, list: true, keys: [
          { key: 'text', value: 'What the document says one way here and another way there.' },
          { key: 'cite', value: 'way-forward, para 7' },
        ],
      },
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
    made = kind === 'structure' ? structureTemplate(context, title, id) : strategyTemplate(context, title, id);
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
