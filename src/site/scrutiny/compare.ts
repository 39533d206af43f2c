/**
 * Boards compared (`/compare/`): every partnership's board and executive, as
 * its current structure lists them, side by side by seat category. Voting
 * seats are counted and shared out by category; advisory seats are kept
 * apart, as the contract says, and never counted against a stated size.
 * Worked out once per model: the page, its filter pages, the chart and
 * `/data/seats.csv` all read the same rows, so they cannot disagree.
 */
import type { BodyModel, Model, PartnershipModel, StructureModel } from '../../model/index.ts';
import { PARTNERSHIP_KINDS, TIERS, type Quantity, type SEAT_CATEGORIES } from '../../schemas/index.ts';
import { bodyAnchor } from '../anchors.ts';
import { formatSize, plural } from '../format.ts';
import { BODY_KIND_LABELS, PARTNERSHIP_KIND_LABELS, SEAT_CATEGORY_LABELS, TIER_LABELS } from '../labels.ts';
import { notesForFiles } from '../notes.ts';
import { HOME_CRUMBS, type Crumb } from './shapes.ts';
import type { FilterOption } from '../register.ts';
import { partnershipUrl, structureUrl } from '../urls.ts';
import { seatsComparisonChart } from './seats-chart.ts';
import { COMPARE_URL, compareFilterUrl, SEATS_CSV_URL } from './urls.ts';

/** The kinds of body compared: those that govern a partnership. Thematic groups and forums are not boards. */
export const COMPARED_BODY_KINDS: readonly BodyModel['kind'][] = ['board', 'executive', 'public-service-board'];

/** A seat category, or `not-given` for seats listed without one. */
export type SeatColumn = (typeof SEAT_CATEGORIES)[number] | 'not-given';

/** What a column of seats is called. */
export const SEAT_COLUMN_LABELS: Record<SeatColumn, string> = { ...SEAT_CATEGORY_LABELS, 'not-given': 'Category not given' };

/** Every column in the order the contract lists the categories, seats without one last. */
const COLUMN_ORDER = Object.keys(SEAT_COLUMN_LABELS) as SeatColumn[];

/** One category's seats on one body. */
export interface CategorySeats {
  seats: number;
  /** Its share of the body's voting seats in words (`23%`); for advisory seats, of all seats listed. */
  share: string;
}

/** One body, compared. */
export interface ComparedBody {
  partnership: { id: string; name: string; url: string; kind: PartnershipModel['kind']; tier?: NonNullable<PartnershipModel['tier']> };
  structure: { id: string; title: string; url: string };
  /** The body, with its kind as written and in words, linked to its description on the structure's page. */
  body: { id: string; name: string; kind: BodyModel['kind']; kindLabel: string; url: string };
  /** The stated size in words (`25 members`, `around 40 members`), when the document states one. */
  size?: string;
  /** The stated size as written, for open data. */
  sizeQuantity?: Quantity;
  /**
   * The seats by category, when the structure lists any; absent when it lists
   * none, which the page shows as "Not recorded", never as 0.
   */
  seats?: {
    voting: Partial<Record<SeatColumn, CategorySeats>>;
    votingTotal: number;
    /** Advisory seats by category, each with its share of all seats listed. */
    advisory: Partial<Record<SeatColumn, CategorySeats>>;
    advisoryTotal: number;
    /** The advisory seats' share of all seats listed (`19%`). */
    advisoryShare: string;
  };
  /** How many members the structure names, when it names them (often instead of seats). */
  members?: number;
  /** The checker's data-quality note, in residents' words, when the stated size and the voting seats listed disagree. */
  sizeNote?: string;
  /** The seat lines as the structure lists them, for `/data/seats.csv`. */
  seatLines: NonNullable<BodyModel['seats']>;
}

/** A partnership the comparison cannot show, and why. */
export interface NotCompared {
  name: string;
  url: string;
  reason: string;
}

/** The ways the comparison can be narrowed: each is a path segment of a pre-built page. */
export const COMPARE_DIMENSIONS = ['kind', 'tier'] as const;

/** One way of narrowing the comparison. */
export type CompareDimension = (typeof COMPARE_DIMENSIONS)[number];

/** What each filter is called. */
export const COMPARE_DIMENSION_LABELS: Record<CompareDimension, string> = { kind: 'Kind of partnership', tier: 'Tier' };

/**
 * A share in words, as a whole per cent, never rounded into a figure that
 * misleads: a seat among 300 is "under 1%", not "0%".
 *
 * @example
 * formatShare(5, 22) // '23%'
 * formatShare(1, 300) // 'under 1%'
 * formatShare(299, 300) // 'over 99%'
 */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const percent = Math.round((part / whole) * 100);
  if (percent === 0 && part > 0) return 'under 1%';
  if (percent === 100 && part < whole) return 'over 99%';
  return `${percent}%`;
}

/** Seats added up by category, voting and advisory apart. */
export interface SeatsByCategory {
  voting: Partial<Record<SeatColumn, number>>;
  advisory: Partial<Record<SeatColumn, number>>;
}

/**
 * A body's seats added up by category (`not-given` for seats listed without
 * one), voting and advisory apart: the figures `/compare/` shows, for open data
 * such as `structures.json`. Null when the structure lists no seats for the
 * body: not recorded, never none.
 *
 * @example
 * seatsByCategory(chorleyBoardOfDirectors) // { voting: { business: 3, 'local-authority': 4, … }, advisory: {} }
 */
export function seatsByCategory(body: Pick<BodyModel, 'seats'>): SeatsByCategory | null {
  if (!body.seats || body.seats.length === 0) return null;
  const sums: SeatsByCategory = { voting: {}, advisory: {} };
  for (const seat of body.seats) {
    const into = seat.voting === false ? sums.advisory : sums.voting;
    const column = seat.category ?? 'not-given';
    into[column] = (into[column] ?? 0) + seat.count;
  }
  return sums;
}

/** Seats by column, each with its share of `whole`. */
function withShares(counts: Partial<Record<SeatColumn, number>>, whole: number): Partial<Record<SeatColumn, CategorySeats>> {
  return Object.fromEntries(Object.entries(counts).map(([column, seats]) => [column, { seats, share: formatShare(seats, whole) }]));
}

/** A body as the comparison shows it. */
function compareBody(model: Model, p: PartnershipModel, s: StructureModel, body: BodyModel): ComparedBody {
  const sums = seatsByCategory(body);
  const total = (counts: Partial<Record<SeatColumn, number>>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
  const note = notesForFiles(model, [s.file]).find((n) => n.code === 'size-mismatch' && n.bodyId === body.id);
  let seats: ComparedBody['seats'];
  if (sums) {
    const votingTotal = total(sums.voting);
    const advisoryTotal = total(sums.advisory);
    const all = votingTotal + advisoryTotal;
    seats = { voting: withShares(sums.voting, votingTotal), votingTotal, advisory: withShares(sums.advisory, all), advisoryTotal, advisoryShare: formatShare(advisoryTotal, all) };
  }
  return {
    partnership: { id: p.id, name: p.name, url: partnershipUrl(p.id), kind: p.kind, ...(p.tier ? { tier: p.tier } : {}) },
    structure: { id: s.id, title: s.title, url: structureUrl(p.id, s.id) },
    body: { id: body.id, name: body.name, kind: body.kind, kindLabel: BODY_KIND_LABELS[body.kind], url: `${structureUrl(p.id, s.id)}#${bodyAnchor(body)}` },
    ...(body.size != null ? { size: formatSize(body.size), sizeQuantity: body.size } : {}),
    ...(seats ? { seats } : {}),
    ...(body.members && body.members.length > 0 ? { members: body.members.length } : {}),
    ...(note ? { sizeNote: note.text } : {}),
    seatLines: body.seats ?? [],
  };
}

/** Every compared body and every partnership left out, for one model. */
export interface Comparison {
  /** Partnerships A to Z, each one's bodies in the order its structure lists them. */
  rows: ComparedBody[];
  /** Partnerships A to Z. */
  notCompared: (NotCompared & { partnership: PartnershipModel })[];
}

const comparisons = new WeakMap<Model, Comparison>();

/** Every partnership's current board and executive, worked out once per model. */
export function comparison(model: Model): Comparison {
  const cached = comparisons.get(model);
  if (cached) return cached;
  const rows: ComparedBody[] = [];
  const notCompared: Comparison['notCompared'] = [];
  for (const p of model.partnerships) {
    const current = p.structures.find((s) => s.id === p.currentStructureId);
    const bodies = current?.bodies.filter((body) => COMPARED_BODY_KINDS.includes(body.kind)) ?? [];
    if (!current) notCompared.push({ partnership: p, name: p.name, url: partnershipUrl(p.id), reason: 'no structure in force is recorded' });
    else if (bodies.length === 0) notCompared.push({ partnership: p, name: p.name, url: partnershipUrl(p.id), reason: 'its current structure lists no board or executive' });
    else for (const body of bodies) rows.push(compareBody(model, p, current, body));
  }
  const result = { rows, notCompared };
  comparisons.set(model, result);
  return result;
}

/** The value a partnership has in a dimension, if any. */
function valueOf(p: Pick<PartnershipModel, 'kind' | 'tier'>, dimension: CompareDimension): string | undefined {
  return dimension === 'kind' ? p.kind : p.tier ?? undefined;
}

/** Each dimension's values that some partnership has, in the schema's order, with how many partnerships have each. */
export function compareFilterOptions(model: Pick<Model, 'partnerships'>): Record<CompareDimension, FilterOption[]> {
  const count = (dimension: CompareDimension, value: string) => model.partnerships.filter((p) => valueOf(p, dimension) === value).length;
  const options = (dimension: CompareDimension, values: readonly string[], labels: Record<string, string>) =>
    values.map((value) => ({ value, label: labels[value], count: count(dimension, value), url: compareFilterUrl(dimension, value) })).filter((o) => o.count > 0);
  return { kind: options('kind', PARTNERSHIP_KINDS, PARTNERSHIP_KIND_LABELS), tier: options('tier', TIERS, TIER_LABELS) };
}

/** The most bodies the chart draws: beyond that it would be a poster, not a chart, and the table says it all. */
export const CHART_MAX_BODIES = 60;

/** What the comparison page, or one of its filter pages, shows. */
export interface ComparePage {
  title: string;
  description: string;
  breadcrumbs: readonly Crumb[];
  /** The bodies compared, partnerships A to Z. */
  rows: ComparedBody[];
  /** The seat columns some compared body has, in the contract's order. */
  columns: { column: SeatColumn; label: string }[];
  /** Whether any compared body has advisory seats (the table then gives them a column). */
  hasAdvisory: boolean;
  notCompared: NotCompared[];
  /** "2 partnerships, 3 bodies". */
  summary: string;
  /** The chart's SVG, drawn at build time, when there is anything to draw and not too much. */
  chart?: string;
  /** Why there is no chart, when there are bodies but too many to draw. */
  chartNote?: string;
  options: Record<CompareDimension, FilterOption[]>;
  /** The page's own filter, shown as the current choice. */
  current?: { dimension: CompareDimension; value: string };
  seatsCsvUrl: string;
}

/** One filter page for each kind and tier some partnership has. */
export function comparePagePaths(model: Model): { params: { dimension: CompareDimension; value: string }; props: { dimension: CompareDimension; option: FilterOption } }[] {
  const options = compareFilterOptions(model);
  return COMPARE_DIMENSIONS.flatMap((dimension) => options[dimension].map((option) => ({ params: { dimension, value: option.value }, props: { dimension, option } })));
}

/**
 * The comparison, of every partnership or of one kind or tier.
 *
 * @example
 * comparePageData(model).rows.map((row) => row.body.name) // ['Board of Directors', 'LSP Board', …]
 * comparePageData(model, { dimension: 'tier', option }).title // 'Boards compared: District partnerships'
 */
export function comparePageData(model: Model, filter?: { dimension: CompareDimension; option: FilterOption }): ComparePage {
  const all = comparison(model);
  const keep = (p: Pick<PartnershipModel, 'kind' | 'tier'>) => !filter || valueOf(p, filter.dimension) === filter.option.value;
  const rows = all.rows.filter((row) => keep(row.partnership));
  const notCompared = all.notCompared.filter((n) => keep(n.partnership)).map(({ name, url, reason }) => ({ name, url, reason }));
  const present = new Set(rows.flatMap((row) => Object.keys(row.seats?.voting ?? {}) as SeatColumn[]));
  const columns = COLUMN_ORDER.filter((column) => present.has(column)).map((column) => ({ column, label: SEAT_COLUMN_LABELS[column] }));
  const hasAdvisory = rows.some((row) => (row.seats?.advisoryTotal ?? 0) > 0);
  const partnerships = new Set(rows.map((row) => row.partnership.id)).size;
  const which = filter ? (filter.dimension === 'kind' ? filter.option.label : `${filter.option.label} tier`) : undefined;
  const title = which ? `Boards compared: ${which}` : 'Boards compared';
  const chartTitle = `Voting seats by category on ${which ? `each board and executive (${which})` : 'each partnership’s board and executive'}`;
  const drawn = rows.length > 0 && rows.length <= CHART_MAX_BODIES;
  return {
    title,
    description: `Who sits on the boards and executives of ${which ? `${which} partnerships` : `the partnerships in the ${model.site.title}`}, by seat category.`,
    breadcrumbs: filter ? [...HOME_CRUMBS, { text: 'Boards compared', href: COMPARE_URL }] : HOME_CRUMBS,
    rows,
    columns,
    hasAdvisory,
    notCompared,
    summary: `${plural(partnerships, 'partnership')}, ${plural(rows.length, 'body', 'bodies')}`,
    ...(drawn ? { chart: seatsComparisonChart(rows, columns, { id: 'boards-compared', title: chartTitle }) } : {}),
    ...(rows.length > CHART_MAX_BODIES
      ? { chartNote: `The chart is drawn for up to ${CHART_MAX_BODIES} bodies; this comparison has ${rows.length}. Choose a kind or tier of partnership below to draw it, or read the table.` }
      : {}),
    options: compareFilterOptions(model),
    ...(filter ? { current: { dimension: filter.dimension, value: filter.option.value } } : {}),
    seatsCsvUrl: SEATS_CSV_URL,
  };
}
