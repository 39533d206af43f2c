/**
 * `node scripts/generate-corpus.ts <out-dir> [--files N] [--seed S] [--today YYYY-MM-DD]`:
 * writes a synthetic content folder of N files (default 10,000) that follows
 * the content model exactly and passes the checker with no errors and no
 * warnings. Used by the checker's benchmark and by large site builds.
 *
 * Everything comes from one seeded generator, so the same arguments always
 * write the same bytes: timings taken on different days compare like for like.
 * Files average about 5 KB, as real ones do (10,000 files ≈ 53 MB).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What to generate. */
export interface CorpusOptions {
  /** How many content files to write, site.yaml included (default 10,000). */
  files?: number;
  /** The generator's seed; a different seed gives a different register of the same shape. */
  seed?: number;
  /**
   * The day the corpus is "reviewed" against: every `reviewed` date falls in
   * the ten months before it, so a check with `REGISTER_TODAY` set to it has no
   * overdue reviews. Later checks warn about reviews, as a real register would.
   */
  today?: string;
}

/** What was written. */
export interface CorpusSummary {
  /** The folder written, absolute. */
  dir: string;
  files: number;
  bytes: number;
  partnerships: number;
  seed: number;
  today: string;
  /** Files per content type. */
  kinds: Record<'site' | 'partnership' | 'structure' | 'strategy' | 'chapter' | 'decision', number>;
}

/**
 * Bumped whenever the output for the same options changes, so that a corpus
 * written by an older generator is regenerated rather than timed.
 */
export const GENERATOR_VERSION = 3;

/** The default day reviews are measured from; pass it as REGISTER_TODAY when checking. */
export const CORPUS_TODAY = '2026-11-26';

/**
 * Marks a folder as written by this generator, so that regenerating may delete
 * it. A dot-file, so the checker and the site skip it like any editor's file.
 */
export const MANIFEST = '.generated-corpus.json';

// ---------------------------------------------------------------------------
// Randomness: a small seeded generator, so output depends only on the options.

/** mulberry32: fast, tiny, and good enough to vary synthetic prose. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** `count` different items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(count, copy.length));
  }
}

// ---------------------------------------------------------------------------
// Words. Enough variety that files compress and parse like real ones, not like copies.

const PLACE_START = ['Ash', 'Brad', 'Chel', 'Dun', 'Elm', 'Fair', 'Glen', 'Hal', 'Ire', 'Kel', 'Lang', 'Mar', 'Nor', 'Oak', 'Pen', 'Ram', 'Sel', 'Thorn', 'Up', 'Wen', 'Ald', 'Bur', 'Cal', 'Dar', 'East', 'Fen', 'Gold', 'Hart', 'Kings', 'Lin', 'Mill', 'New', 'Ox', 'Pole', 'Red', 'Stan', 'Tam', 'West', 'Whit', 'York'];
const PLACE_END = ['ford', 'ton', 'by', 'ley', 'wick', 'field', 'bridge', 'ham', 'worth', 'stead', 'bury', 'mouth', 'dale', 'minster', 'cester', 'hurst', 'thorpe', 'well', 'combe', 'wood'];
const COUNTY_END = ['shire', 'shire', 'land', 'sex', 'folk'];

const SECTORS: { sector: string; category: string }[] = [
  { sector: 'Borough Councillors', category: 'elected-members' },
  { sector: 'County Councillors', category: 'elected-members' },
  { sector: 'Member of Parliament', category: 'elected-members' },
  { sector: 'Borough Council officers', category: 'local-authority' },
  { sector: 'County Council officers', category: 'local-authority' },
  { sector: 'Fire and Rescue Service', category: 'public-sector' },
  { sector: 'Jobcentre Plus', category: 'public-sector' },
  { sector: 'Environment Agency', category: 'public-sector' },
  { sector: 'Police', category: 'police' },
  { sector: 'Police Authority', category: 'police' },
  { sector: 'Primary Care Trust', category: 'health' },
  { sector: 'Hospital Trust', category: 'health' },
  { sector: 'Further Education College', category: 'education' },
  { sector: 'Schools', category: 'education' },
  { sector: 'Chamber of Commerce', category: 'business' },
  { sector: 'Private sector', category: 'business' },
  { sector: 'Council for Voluntary Service', category: 'voluntary-community-faith' },
  { sector: 'Faith communities', category: 'voluntary-community-faith' },
  { sector: 'Community groups', category: 'voluntary-community-faith' },
  { sector: 'Housing associations', category: 'other' },
  { sector: 'Parish and town councils', category: 'parish' },
  { sector: 'Young people', category: 'other' },
];

const THEMES = [
  'Community Safety', 'Health and Wellbeing', 'Economic Regeneration', 'Children and Young People', 'Environment', 'Housing', 'Stronger Communities',
  'Older People', 'Transport', 'Skills and Learning', 'Culture and Leisure', 'Rural Affairs', 'Climate Change', 'Financial Inclusion', 'Town Centres',
];
const ADJECTIVES = ['safer', 'healthier', 'stronger', 'greener', 'more prosperous', 'better connected', 'more confident', 'fairer', 'more active', 'cleaner'];
const NOUNS = [
  'community strategy', 'action plan', 'performance framework', 'local area agreement', 'delivery plan', 'pooled budget', 'commissioning framework',
  'consultation', 'needs assessment', 'annual report', 'review of partnerships', 'improvement plan', 'engagement strategy', 'communications plan',
];
const VERBS = ['agree', 'review', 'monitor', 'endorse', 'develop', 'deliver', 'support', 'co-ordinate', 'consult on', 'report on', 'fund', 'oversee'];
const ACTORS = ['the Board', 'the Executive', 'partners', 'the Council', 'theme groups', 'the Delivery Group', 'officers', 'the voluntary sector', 'residents', 'the Cabinet'];
const OUTCOMES = [
  'reduce crime and the fear of crime', 'narrow the gap in life expectancy', 'raise skill levels across the district', 'bring empty homes back into use',
  'improve access to services in rural areas', 'increase the number of young people in education, employment or training', 'cut carbon emissions from homes',
  'support people into work', 'increase volunteering', 'improve the quality of the local environment', 'help older people live independently',
  'reduce fuel poverty', 'attract investment to town centres', 'improve public transport links', 'tackle anti-social behaviour',
];
const FUNDS = ['Performance Reward Grant', 'Neighbourhood Renewal Fund', 'Working Neighbourhoods Fund', 'Area Based Grant', 'Safer Stronger Communities Fund', 'LSP pooled budget', 'Community Cohesion Grant', 'Stronger Communities Fund'];
const ITEMS = [
  'Warm Homes', 'Youth Diversion', 'Town Centre Wardens', 'Community Transport', 'Credit Union', 'Volunteer Centre', 'Healthy Schools', 'Digital Inclusion',
  'Apprenticeships', 'Neighbourhood Management', 'Domestic Abuse Support', 'Parks Improvement', 'Hydroelectricity', 'Food Bank', 'Careers Advice',
  'Village Halls', 'Street Lighting', 'Cycle Routes', 'Smoking Cessation', 'Falls Prevention', 'Business Start-up Grants', 'Community Events',
  'Graffiti Removal', 'Flood Defences', 'Play Areas', 'Adult Learning', 'Debt Advice', 'Home Security', 'Tourism Marketing', 'Allotments',
];
const BODY_KINDS = ['thematic-group', 'task-group', 'delivery-group', 'forum', 'support-team', 'management-group', 'other'] as const;
const DECISION_KINDS = ['funding', 'structure', 'strategy', 'support', 'consultation-response', 'other'] as const;
const DECISION_STATUSES = ['approved', 'approved', 'approved', 'proposed', 'noted', 'deferred', 'rejected'] as const;
const REPORT_TOPICS = [
  'Review of partnership arrangements', 'Allocation of grant funding', 'Refresh of the community strategy', 'Support for the partnership team',
  'Response to government consultation', 'Annual performance report', 'Commissioning priorities', 'Terms of reference', 'Budget proposals',
  'Local area agreement targets', 'Neighbourhood working', 'Equality and diversity plan', 'Communications strategy', 'Risk register',
];
const POSTS = ['Head of Policy', 'Partnerships Manager', 'Chief Executive', 'Director of Resources', 'Head of Community Engagement', 'Strategy Officer', 'Head of Corporate Services'];

// ---------------------------------------------------------------------------
// YAML text. Written by hand, not by a serialiser, so the files look like an officer's.

const PLAIN = /^[A-Za-z][^:#\n"'{}[\],&*!|>%@`]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/** A scalar, quoted only when plain YAML would misread it (and always safe inside `{ }`). */
function scalar(text: string): string {
  return PLAIN.test(text) && !RESERVED.test(text) && !text.endsWith(' ') ? text : JSON.stringify(text);
}

/** Long text as a folded block (`>-`), wrapped at about 90 characters like a hand-edited file. */
function folded(text: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 88) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return `>-\n${lines.join('\n')}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

const pad = (n: number) => String(n).padStart(2, '0');

// ---------------------------------------------------------------------------
// Prose.

function sentence(r: Random, place: string): string {
  switch (r.int(0, 7)) {
    case 0: return `${capitalise(r.pick(ACTORS))} agreed to ${r.pick(VERBS)} the ${r.pick(NOUNS)} so that ${place} becomes ${r.pick(ADJECTIVES)}.`;
    case 1: return `The ${r.pick(NOUNS)} sets out how partners will ${r.pick(OUTCOMES)} over the next ${r.int(2, 10)} years.`;
    case 2: return `In ${r.int(2002, 2012)} ${r.pick(ACTORS)} asked for a ${r.pick(NOUNS)} covering ${r.pick(THEMES).toLowerCase()} and ${r.pick(THEMES).toLowerCase()}.`;
    case 3: return `Progress is reported to ${r.pick(ACTORS)} ${r.pick(['every quarter', 'twice a year', 'each year', 'at every meeting'])}, with a summary published for residents.`;
    case 4: return `${capitalise(r.pick(ACTORS))} noted that the work to ${r.pick(OUTCOMES)} depends on ${r.pick(ACTORS)} sharing information and resources.`;
    case 5: return `The report says that ${r.int(12, 95)} per cent of respondents wanted the partnership to ${r.pick(OUTCOMES)}.`;
    case 6: return `Funding of £${(r.int(5, 900) * 1000).toLocaleString('en-GB')} was identified for the ${r.pick(THEMES).toLowerCase()} theme, subject to the ${r.pick(NOUNS)}.`;
    default: return `${capitalise(r.pick(ACTORS))} will ${r.pick(VERBS)} the ${r.pick(NOUNS)} and ${r.pick(VERBS)} the ${r.pick(NOUNS)} with ${r.pick(ACTORS)}.`;
  }
}

function paragraph(r: Random, place: string, sentences: number): string {
  const words: string[] = [];
  for (let i = 0; i < sentences; i++) words.push(sentence(r, place));
  // Wrap like a Markdown file written in an editor.
  return folded(words.join(' '), '').slice(3);
}

/** A Markdown narrative of about `bytes` characters: headings, paragraphs and lists. */
function markdown(r: Random, place: string, bytes: number): string {
  const parts: string[] = [paragraph(r, place, r.int(2, 4))];
  let size = parts[0].length;
  const headings = ['Background', 'What was proposed', 'Consultation', 'Risks', 'Financial implications', 'Next steps', 'How to get involved', 'Performance', 'History'];
  let h = r.int(0, headings.length - 1);
  while (size < bytes) {
    const kind = r.int(0, 5);
    let part: string;
    // A heading always has a paragraph under it, as in a real report.
    if (kind === 0) part = `## ${headings[h++ % headings.length]}\n\n${paragraph(r, place, r.int(2, 4))}`;
    else if (kind === 1) {
      part = Array.from({ length: r.int(2, 5) }, () => `- ${r.chance(0.3) ? `**${r.pick(THEMES)}.** ` : ''}${capitalise(r.pick(OUTCOMES))}.`).join('\n');
    } else part = paragraph(r, place, r.int(2, 5));
    parts.push(part);
    size += part.length + 2;
  }
  return `${parts.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------
// The register's shape, decided before any file is written so that every
// reference points at something that will exist.

interface PartnershipPlan {
  id: string;
  name: string;
  place: string;
  tier: 'county' | 'district';
  kind: 'county-lsp' | 'district-lsp' | 'lsp' | 'thematic';
  status: 'active' | 'dissolved' | 'proposed';
  established: number;
  parent?: PartnershipPlan;
  structures: number;
  /** The strategy this county owns. */
  strategy?: StrategyPlan;
  /** Whether this district writes a chapter of its county's strategy. */
  chapter: boolean;
  decisions: number;
}

interface StrategyPlan {
  id: string;
  from: number;
  to: number;
  objectives: { id: string; title: string }[];
}

function planRegister(r: Random, count: number): PartnershipPlan[] {
  const plans: PartnershipPlan[] = [];
  const used = new Set<string>();
  const uniquePlace = (county: boolean) => {
    for (let attempt = 0; ; attempt++) {
      const base = r.pick(PLACE_START) + (county ? r.pick(COUNTY_END) : r.pick(PLACE_END));
      const place = attempt < 20 ? base : `${base} ${attempt}`;
      if (!used.has(place)) {
        used.add(place);
        return place;
      }
    }
  };
  let county: PartnershipPlan | undefined;
  for (let i = 0; i < count; i++) {
    // One county in eight; the districts after it sit under it.
    const isCounty = i % 8 === 0;
    const place = uniquePlace(isCounty);
    const established = r.int(1994, 2004);
    if (isCounty) {
      const from = r.int(2006, 2012);
      const objectives = r.sample(THEMES, r.int(4, 7)).map((theme) => ({ id: slug(theme), title: `A ${r.pick(ADJECTIVES)} ${place}: ${theme.toLowerCase()}` }));
      county = {
        id: `${slug(place)}-partnership`, name: `${place} Partnership`, place, tier: 'county', kind: 'county-lsp', status: 'active', established,
        structures: r.int(1, 3), chapter: false, decisions: 0,
        strategy: { id: `scs-${from}`, from, to: from + r.int(8, 12), objectives },
      };
      plans.push(county);
      continue;
    }
    const thematic = r.chance(0.12);
    const status = r.chance(0.06) ? 'dissolved' : r.chance(0.03) ? 'proposed' : 'active';
    const name = thematic ? `${place} ${r.pick(THEMES)} Partnership` : r.pick([`${place} Partnership`, `${place} Strategic Partnership`, `${place} Together`, `${place} Forward`]);
    plans.push({
      id: slug(name), name, place, tier: 'district', kind: thematic ? 'thematic' : r.pick(['district-lsp', 'lsp'] as const), status, established,
      parent: county, structures: status === 'proposed' ? 1 : r.int(1, 3), chapter: !thematic && status === 'active' && r.chance(0.8), decisions: 0,
    });
  }
  return plans;
}

const fixedFiles = (plans: PartnershipPlan[]) => 1 + plans.reduce((n, p) => n + 1 + p.structures + (p.strategy ? 1 : 0) + (p.chapter ? 1 : 0), 0);

/**
 * Picks how many partnerships there are and shares the decisions out between
 * them (unevenly, as in life), so that the total is exactly `files`.
 */
function planForFiles(r: Random, files: number): PartnershipPlan[] {
  let count = Math.max(1, Math.round(files / 20));
  let plans = planRegister(new Random(r.int(0, 2 ** 31)), count);
  while (fixedFiles(plans) > files && count > 1) {
    count = Math.max(1, Math.floor(count * 0.8));
    plans = planRegister(new Random(r.int(0, 2 ** 31)), count);
  }
  if (fixedFiles(plans) > files) {
    // A tiny register: one county with one structure, no strategy.
    plans = plans.slice(0, 1).map((p) => ({ ...p, structures: 1, strategy: undefined }));
    if (fixedFiles(plans) > files) throw new Error(`--files must be at least ${fixedFiles(plans)}`);
  }
  const remaining = files - fixedFiles(plans);
  const weights = plans.map(() => 0.3 + r.next() * 1.7);
  const total = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  const shares = weights.map((w, i) => {
    const exact = (w / total) * remaining;
    plans[i].decisions = Math.floor(exact);
    given += plans[i].decisions;
    return { i, rest: exact - Math.floor(exact) };
  });
  shares.sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; k < remaining - given; k++) plans[shares[k % shares.length].i].decisions++;
  return plans;
}

// ---------------------------------------------------------------------------
// Files.

function siteYaml(): string {
  return [
    'title: Synthetic Partnerships Register',
    'publisher: Benchmark Policy Team',
    'base_url: https://partnerships.example.org',
    'repository: https://github.com/example/partnerships',
    'review_every_months: 12',
    'max_chapter_priorities: 5',
    '',
  ].join('\n');
}

function partnershipMd(r: Random, p: PartnershipPlan, reviewed: string): string {
  const lines = ['---', `name: ${scalar(p.name)}`];
  if (r.chance(0.5)) lines.push(`short_name: ${scalar(`${p.place} ${p.kind === 'thematic' ? 'TP' : 'LSP'}`)}`);
  lines.push(`kind: ${p.kind}`, `area: ${scalar(p.tier === 'county' ? `County of ${p.place}` : `Borough of ${p.place}`)}`, `tier: ${p.tier}`);
  if (p.parent) lines.push(`parent: ${p.parent.id}`);
  lines.push(`status: ${p.status}`, `established: ${p.established}`);
  if (p.kind !== 'thematic' && r.chance(0.7)) lines.push(`became_lsp: ${p.established + r.int(1, 6)}-${pad(r.int(1, 12))}`);
  if (p.status === 'dissolved') lines.push(`dissolved: ${r.int(2011, 2014)}-${pad(r.int(1, 12))}`);
  if (r.chance(0.3)) lines.push(`legal_form: ${r.pick(['Company limited by guarantee', 'Unincorporated partnership', 'Voluntary partnership'])}`);
  lines.push(`accountable_body: ${scalar(`${p.place} ${p.tier === 'county' ? 'County' : 'Borough'} Council`)}`, 'purpose:');
  for (let i = 0, n = r.int(2, 5); i < n; i++) lines.push(`  - ${capitalise(r.pick(VERBS))} the ${r.pick(NOUNS)} to ${r.pick(OUTCOMES)}.`);
  let summary = `${p.name} brings together the council, police, health, business and voluntary sectors to ${r.pick(OUTCOMES)} and ${r.pick(OUTCOMES)}.`;
  if (summary.length > 380) summary = `${p.name} brings together the public, private and voluntary sectors of ${p.place}.`;
  lines.push(`summary: ${folded(summary, '  ')}`);
  if (r.chance(0.8)) {
    lines.push('contact:', '  name: Partnerships Team', `  role: ${r.pick(['Partnerships Officer', 'LSP Co-ordinator', 'Policy Officer'])}`, `  email: partnerships@${p.id}.example.org`, `  phone: 01${r.int(100, 999)} ${r.int(100000, 999999)}`);
  }
  lines.push(`reviewed: ${reviewed}`);
  // The documents the partnership's files are taken from, as the contract asks: every file may cite them.
  lines.push('sources:', '  - id: annual-report', `    title: ${scalar(`${p.name}: annual report`)}`, `    publisher: ${scalar(`${p.place} Council`)}`, `    date: ${p.established + r.int(5, 12)}-${pad(r.int(1, 12))}`);
  if (r.chance(0.5)) lines.push('  - id: review', `    title: ${scalar(`Review of ${p.name}`)}`, `    publisher: ${scalar(`${p.place} Council`)}`, `    date: ${r.int(2008, 2012)}`, `    url: https://democracy.example.org/${p.id}/review.pdf`);
  lines.push('---', markdown(r, p.place, r.int(2500, 5000)));
  return lines.join('\n');
}

interface BodyPlan {
  id: string;
  name: string;
}

function structureYaml(r: Random, p: PartnershipPlan, status: string, from: number, to: number | undefined, decidedBy: string | undefined, relatable: string[]): string {
  const lines = [`title: ${scalar(`${capitalise(status)} structure (${from})`)}`, `status: ${status}`, `from: ${from}-${pad(r.int(1, 12))}`];
  if (to !== undefined) lines.push(`to: ${to}-12`);
  if (decidedBy) lines.push(`decided_by: ${decidedBy}`);
  lines.push('bodies:');
  const bodies: BodyPlan[] = [{ id: 'board', name: `${p.place} Board` }, { id: 'executive', name: `${p.place} Executive` }];
  const board = (kind: 'board' | 'executive') => {
    const seats = r.sample(SECTORS, r.int(kind === 'board' ? 6 : 3, kind === 'board' ? 12 : 7)).map((s) => ({ ...s, count: r.int(1, kind === 'board' ? 6 : 3) }));
    const advisory = kind === 'board' && r.chance(0.4) ? r.int(1, 4) : 0;
    const voting = seats.reduce((n, s) => n + s.count, 0);
    const body = [`  - id: ${kind}`, `    name: ${scalar(bodies[kind === 'board' ? 0 : 1].name)}`, `    kind: ${kind}`];
    if (kind === 'executive') body.push('    reports_to: board');
    body.push('    purpose:');
    for (let i = 0, n = r.int(2, 5); i < n; i++) body.push(`      - To ${r.pick(VERBS)} the ${r.pick(NOUNS)} and ${r.pick(OUTCOMES)}.`);
    // Exact sizes agree with the voting seats; "around" sizes stay within 10%, so neither warns.
    const approx = Math.round(voting / 5) * 5;
    body.push(r.chance(0.3) && approx > 0 && Math.abs(voting - approx) <= approx * 0.1 ? `    size: { approx: ${approx} }` : `    size: ${voting}`);
    body.push('    seats:');
    for (const s of seats) body.push(`      - { sector: ${scalar(s.sector)}, count: ${s.count}, category: ${s.category} }`);
    if (advisory) body.push(`      - { sector: Theme group leads, count: ${advisory}, voting: false }`);
    body.push(`    chair: ${scalar(r.pick(['Elected by all Board members', `Leader of ${p.place} Council`, 'Chief Executive of the Council', 'Independent chair']))}`);
    if (r.chance(0.5)) body.push(`    term_years: ${r.int(1, 4)}`);
    body.push(`    meetings_per_year: ${r.pick([4, 6, 10, 12])}`);
    if (r.chance(0.5)) body.push(`    quorum: ${Math.max(1, Math.floor(voting / 3))}`);
    return body.join('\n');
  };
  lines.push(board('board'), board('executive'));
  const groups = r.sample(THEMES, r.int(2, 9));
  for (const theme of groups) {
    const id = slug(theme);
    const name = `${theme} ${r.pick(['Partnership', 'Group', 'Theme Group', 'Forum'])}`;
    bodies.push({ id, name });
    const body = [`  - id: ${id}`, `    name: ${scalar(name)}`, `    kind: ${r.pick(BODY_KINDS)}`, `    reports_to: ${r.chance(0.8) ? 'executive' : 'board'}`];
    if (r.chance(0.3)) body.push(`    state: ${r.pick(['existing', 'to-be-developed'])}`);
    if (theme === 'Community Safety') body.push('    statutory: true');
    if (r.chance(0.6)) {
      body.push('    members:');
      for (const s of r.sample(SECTORS, r.int(2, 6))) body.push(`      - ${scalar(s.sector)}`);
    }
    if (r.chance(0.5)) body.push(`    goals:\n      - ${capitalise(r.pick(OUTCOMES))}.`);
    if (r.chance(0.4)) body.push(`    notes: ${folded(sentence(r, p.place) + ' ' + sentence(r, p.place), '      ')}`);
    lines.push(body.join('\n'));
  }
  const relations: string[] = [];
  if (groups.length >= 2 && r.chance(0.6)) relations.push(`  - { from: ${bodies[2].id}, to: ${bodies[3].id}, kind: works-with }`);
  const other = relatable.filter((id) => id !== p.id);
  if (other.length && r.chance(0.7)) relations.push(`  - { from: executive, to: ${r.pick(other)}, kind: represented-on }`);
  if (r.chance(0.5)) relations.push(`  - { from: board, external: ${scalar(`${r.pick(['Sub-regional', 'City region', 'County'])} ${r.pick(THEMES)} Board`)}, kind: ${r.pick(['represented-on', 'accountable-to', 'advises'])} }`);
  if (relations.length) lines.push('relations:', ...relations);
  return `${lines.join('\n')}\n`;
}

function strategyYaml(r: Random, p: PartnershipPlan, s: StrategyPlan): string {
  const lines = [`title: ${scalar(`${p.place} Sustainable Community Strategy ${s.from} to ${s.to}`)}`, 'kind: sustainable-community-strategy', `period: { from: ${s.from}, to: ${s.to} }`];
  lines.push(`vision: ${folded(`By ${s.to} ${p.place} will be ${r.pick(ADJECTIVES)} and ${r.pick(ADJECTIVES)}. ${paragraph(r, p.place, 3).replace(/\n/g, ' ')}`, '  ')}`);
  lines.push('objectives:');
  for (const o of s.objectives) lines.push(`  - id: ${o.id}`, `    title: ${scalar(o.title)}`, `    lead: ${scalar(`${THEMES.find((t) => slug(t) === o.id) ?? 'Place Shaping'} Theme Group`)}`);
  return `${lines.join('\n')}\n`;
}

function chapterMd(r: Random, p: PartnershipPlan, owner: PartnershipPlan, s: StrategyPlan): string {
  const lines = ['---', `strategy: ${owner.id}/${s.id}`, `title: ${scalar(`${p.place} district chapter`)}`];
  const agreed = r.chance(0.7);
  lines.push(`status: ${agreed ? 'agreed' : 'draft'}`);
  if (agreed) lines.push(`agreed: ${s.from}-${pad(r.int(1, 12))}`);
  lines.push('priorities:');
  const used = new Set<string>();
  for (let i = 0, n = r.int(2, 5); i < n; i++) {
    const objective = r.pick(s.objectives);
    let title = `${capitalise(r.pick(OUTCOMES))} in ${p.place}`;
    if (used.has(title)) title = `${title} (${i + 1})`;
    used.add(title);
    lines.push(`  - id: priority-${i + 1}`, `    title: ${scalar(title)}`, `    objective: ${objective.id}`, `    lead: ${scalar(`${r.pick(THEMES)} Theme Group`)}`);
    lines.push(`    evidence: ${folded(`${sentence(r, p.place)} ${sentence(r, p.place)}`, '      ')}`);
    lines.push('    measures:');
    for (let j = 0, m = r.int(1, 3); j < m; j++) {
      lines.push(`      - indicator: ${scalar(`${capitalise(r.pick(OUTCOMES))}, measured each year`)}`, `        target: ${r.int(10, 6000)}`, `        unit: ${r.pick(['people', 'homes', 'jobs', 'per cent', 'businesses'])}`, `        by: ${r.int(s.from, s.to)}`);
    }
  }
  lines.push('---', markdown(r, p.place, r.int(1500, 3500)));
  return lines.join('\n');
}

/** Pence as an officer writes money: a plain number, pounds and pence, or "£1,234.56". */
function money(r: Random, pence: number): string {
  const pounds = Math.floor(pence / 100);
  const rest = pence % 100;
  switch (r.int(0, 2)) {
    case 0: return rest === 0 ? String(pounds) : `${pounds}.${pad(rest)}`;
    case 1: return `"£${pounds.toLocaleString('en-GB')}${rest === 0 && r.chance(0.5) ? '' : `.${pad(rest)}`}"`;
    default: return `${pounds}.${pad(rest)}`;
  }
}

interface DecisionPlan {
  id: string;
  date: string;
}

function decisionMd(r: Random, p: PartnershipPlan, d: DecisionPlan, structureId: string | undefined, earlier: DecisionPlan | undefined): string {
  const topic = r.pick(REPORT_TOPICS);
  const kinds = r.sample(DECISION_KINDS, r.int(1, 2));
  const funding = r.chance(0.65);
  if (funding && !kinds.includes('funding')) kinds[0] = 'funding';
  if (structureId && !kinds.includes('structure')) kinds.push('structure');
  const isPublic = r.chance(0.92);
  const lines = ['---', `title: ${scalar(`${topic} – ${p.place}`)}`, `date: ${d.date}`, `decision_maker: ${scalar(r.pick([`Cabinet, ${p.place} Council`, `${p.place} Board`, `Executive, ${p.place} Partnership`, 'Delivery Group']))}`];
  lines.push(kinds.length === 1 && r.chance(0.5) ? `kind: ${kinds[0]}` : `kind: [${kinds.join(', ')}]`);
  lines.push(`status: ${r.pick(DECISION_STATUSES)}`);
  if (r.chance(0.4)) lines.push(`key_decision: ${r.chance(0.5)}`);
  if (r.chance(0.3)) lines.push(`forward_plan: ${d.date.slice(0, 7)}`);
  lines.push(`public: ${isPublic}`);
  lines.push('report:', `  title: ${scalar(topic)}`, `  author: ${scalar(r.pick(POSTS))}`);
  if (r.chance(0.5)) lines.push(`  reference: ${scalar(`${slug(p.place).slice(0, 4).toUpperCase()}/${r.int(1000, 99999)}`)}`);
  lines.push('recommendations:');
  for (let i = 0, n = r.int(1, 4); i < n; i++) lines.push(`  - That ${r.pick(ACTORS)} ${r.pick(VERBS)} the ${r.pick(NOUNS)} in order to ${r.pick(OUTCOMES)}.`);
  if (r.chance(0.6)) lines.push(`outcome: ${folded(`${sentence(r, p.place)} ${sentence(r, p.place)}`, '  ')}`);
  if (r.chance(0.5)) {
    lines.push('options:');
    const titles = r.sample(['Continue as now', 'Streamline the structure', 'Merge theme groups', 'Commission externally', 'Stop the work', 'Pool budgets', 'Share a team with neighbours'], r.int(2, 4));
    titles.forEach((title, i) => {
      lines.push(`  - title: ${scalar(title)}`);
      if (i === 0) lines.push('    recommended: true');
      lines.push(`    advantages: [${scalar(`${capitalise(r.pick(VERBS))} the ${r.pick(NOUNS)} sooner`)}]`);
      lines.push(`    disadvantages: [${scalar(`Less capacity to ${r.pick(OUTCOMES)}`)}]`);
      if (r.chance(0.5)) lines.push(`    risks: [${scalar(`Partners may not ${r.pick(VERBS)} the ${r.pick(NOUNS)}`)}]`);
    });
  }
  if (structureId) lines.push(`structure: ${structureId}`);
  if (earlier && r.chance(0.15)) lines.push(`supersedes: ${earlier.id}`);
  if (funding) {
    lines.push('funding:', `  fund: ${scalar(r.pick(FUNDS))}`, `  accountable_body: ${scalar(`${p.place} Council`)}`, `  cite: annual-report, para ${r.int(1, 40)}`);
    // Who made the allocations: mostly this decision; otherwise a board elsewhere, with its own date or without one.
    if (r.chance(0.7)) lines.push('  allocated_by: this-decision');
    else lines.push(`  allocated_by: ${scalar(`${p.place} Partnership Board`)}`, ...(r.chance(0.5) ? [`  allocated_on: ${d.date.slice(0, 7)}`] : []));
    const items = r.sample(ITEMS, r.int(2, 8));
    const streams = r.pick([['revenue'], ['capital'], ['revenue', 'capital'], ['revenue', 'capital']] as const);
    const allocated = { revenue: 0, capital: 0 };
    const rows = items.map((item) => {
      const row: Record<string, number> = {};
      for (const s of streams) {
        // £500 to £200,000 in round hundreds mostly, £5 to £2,000 otherwise; sometimes with pence.
        const pence = r.chance(0.15) ? 0 : r.int(5, 2000) * (r.chance(0.7) ? 10000 : 100) + (r.chance(0.3) ? r.int(0, 99) : 0);
        row[s] = pence;
        allocated[s] += pence;
      }
      return { item, row };
    });
    // What was available: the allocations plus, often, something left over, to the penny.
    const available = { revenue: allocated.revenue + (r.chance(0.5) ? r.int(0, 5000000) : 0), capital: allocated.capital + (r.chance(0.5) ? r.int(0, 5000000) : 0) };
    lines.push(`  available: { ${streams.map((s) => `${s}: ${money(r, available[s])}`).join(', ')} }`, '  allocations:');
    for (const { item, row } of rows) {
      lines.push(`    - item: ${scalar(item)}`);
      for (const s of streams) lines.push(`      ${s}: ${money(r, row[s])}`);
      if (r.chance(0.5)) lines.push(`      outcomes: ${scalar(`${capitalise(r.pick(OUTCOMES))}.`)}`);
    }
    if (r.chance(0.6)) lines.push(`  remaining: { ${streams.map((s) => `${s}: ${money(r, available[s] - allocated[s])}`).join(', ')} }`);
    if (r.chance(0.2)) {
      lines.push('  per: year', '  contributions:');
      for (const partner of r.sample(['Borough Council', 'County Council', 'Primary Care Trust', 'Police Authority', 'Fire and Rescue Service'], r.int(2, 4))) {
        lines.push(`    - { partner: ${scalar(partner)}, ${r.chance(0.5) ? `amount: ${money(r, r.int(1000, 50000) * 100)}, ` : ''}committed: ${r.chance(0.7)} }`);
      }
    }
  }
  lines.push('---', markdown(r, p.place, r.int(2700, 5200)));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------

/**
 * Writes a synthetic register to `dir`, replacing an earlier generated one.
 * Refuses to delete a folder it did not write. Returns what was written.
 */
export function generateCorpus(dir: string, options: CorpusOptions = {}): CorpusSummary {
  const files = options.files ?? 10_000;
  const seed = options.seed ?? 20260101;
  const today = options.today ?? CORPUS_TODAY;
  if (!Number.isInteger(files) || files < 1) throw new Error(`files must be a whole number of at least 1, not ${files}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, not ${today}`);
  const out = resolve(dir);
  if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(join(out, MANIFEST))) {
    throw new Error(`${out} exists and was not written by this generator; refusing to replace it; choose an empty or new folder`);
  }

  // Written beside the target and moved into place, so a half-written corpus is never used.
  const staging = `${out}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const r = new Random(seed);
  const summary: CorpusSummary = { dir: out, files: 0, bytes: 0, partnerships: 0, seed, today, kinds: { site: 0, partnership: 0, structure: 0, strategy: 0, chapter: 0, decision: 0 } };
  const write = (path: string, kind: keyof CorpusSummary['kinds'], text: string) => {
    const full = join(staging, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    summary.files++;
    summary.kinds[kind]++;
    summary.bytes += Buffer.byteLength(text);
  };

  write('site.yaml', 'site', siteYaml());
  const plans = files === 1 ? [] : planForFiles(r, files);
  // Two partnerships may share a name, but ids are folder names and must differ.
  const seen = new Map<string, number>();
  for (const p of plans) {
    const n = (seen.get(p.id) ?? 0) + 1;
    seen.set(p.id, n);
    if (n > 1) p.id = `${p.id}-${n}`;
  }
  const ids = plans.map((p) => p.id);
  const [ty, tm, td] = today.split('-').map(Number);
  for (const p of plans) {
    summary.partnerships++;
    const base = `partnerships/${p.id}`;
    const back = r.int(0, 300);
    const reviewed = new Date(Date.UTC(ty, tm - 1, td - back)).toISOString().slice(0, 10);
    write(`${base}/partnership.md`, 'partnership', partnershipMd(r, p, reviewed));

    // Decisions: dated, oldest first, each id starting with its date.
    const decisions: DecisionPlan[] = [];
    const used = new Set<string>();
    let year = p.established + 1;
    for (let i = 0; i < p.decisions; i++) {
      if (r.chance(0.3)) year = Math.min(2025, year + 1);
      const date = `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
      let id = `${date}-${slug(r.pick(REPORT_TOPICS))}`;
      for (let k = 2; used.has(id); k++) id = `${date}-${slug(r.pick(REPORT_TOPICS))}-${k}`;
      used.add(id);
      decisions.push({ id, date });
    }
    decisions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));

    // Structures: the last is current for an active partnership; the ones before it superseded.
    const structureIds: string[] = [];
    let from = p.established;
    for (let i = 0; i < p.structures; i++) {
      const last = i === p.structures - 1;
      const status = p.status === 'proposed' ? 'proposed' : last && p.status === 'active' ? 'current' : 'superseded';
      const to = status === 'superseded' ? from + r.int(1, 5) : undefined;
      const id = `${from}-${status}`;
      structureIds.push(id);
      const decidedBy = decisions.length && r.chance(0.4) ? r.pick(decisions).id : undefined;
      write(`${base}/structures/${id}.yaml`, 'structure', structureYaml(r, p, status, from, to, decidedBy, [p.parent?.id ?? ids[0], ...r.sample(ids, 2)]));
      from = (to ?? from) + 1;
    }
    if (p.strategy) write(`${base}/strategies/${p.strategy.id}.yaml`, 'strategy', strategyYaml(r, p, p.strategy));
    if (p.chapter && p.parent?.strategy) write(`${base}/chapters/${p.parent.strategy.id}.md`, 'chapter', chapterMd(r, p, p.parent, p.parent.strategy));
    decisions.forEach((d, i) => {
      const structureId = structureIds.length && r.chance(0.15) ? r.pick(structureIds) : undefined;
      write(`${base}/decisions/${d.id}.md`, 'decision', decisionMd(r, p, d, structureId, i > 0 ? decisions[r.int(0, i - 1)] : undefined));
    });
  }
  writeFileSync(join(staging, MANIFEST), `${JSON.stringify({ ...summary, dir: undefined, generator: 'scripts/generate-corpus.ts', version: GENERATOR_VERSION }, null, 2)}\n`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(dirname(out), { recursive: true });
  renameSync(staging, out);
  return summary;
}

/** Reads the manifest of a generated corpus, if `dir` holds one. */
export function readManifest(dir: string): (Omit<CorpusSummary, 'dir'> & { version?: number }) | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
}

function main(argv: string[]): void {
  const usage = 'Usage: node scripts/generate-corpus.ts <out-dir> [--files N] [--seed S] [--today YYYY-MM-DD]';
  const options: CorpusOptions = {};
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    const take = () => inline ?? argv[++i];
    if (flag === '--files') options.files = Number(take());
    else if (flag === '--seed') options.seed = Number(take());
    else if (flag === '--today') options.today = take();
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${usage}\n`);
      return;
    } else if (!arg.startsWith('-') && dir === undefined) dir = arg;
    else {
      process.stderr.write(`Unknown argument ${arg}. ${usage}\n`);
      process.exitCode = 2;
      return;
    }
  }
  if (!dir) {
    process.stderr.write(`${usage}\n`);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const summary = generateCorpus(dir, options);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Wrote ${summary.files} files (${(summary.bytes / 1e6).toFixed(1)} MB, ${summary.partnerships} partnerships) to ${summary.dir} in ${seconds} s\n` +
    `  ${Object.entries(summary.kinds).map(([k, n]) => `${k}: ${n}`).join(', ')}\n` +
    `  check it with: CONTENT_DIR=${dir} REGISTER_TODAY=${summary.today} npm run check\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
