/**
 * The open-data page (`/data/`): what each file holds, its fields, and the
 * licence the data is published under (site.yaml `licence`).
 */
import {
  ALLOCATION_ATTRIBUTION_FIELDS, ALLOCATION_COLUMNS, allocationsLeftOutOf360Giving, grantPrefix, grantsLeftOutText, GIVING_SCHEMA_VERSION, licenceUrl, partnershipFeedUrl,
} from '../../exports/index.ts';
import { SEAT_COLUMNS, SEAT_FIELDS } from '../../exports/seats-csv.ts';
import type { Model } from '../../model/index.ts';
import { DECISION_KINDS, DECISION_STATUSES } from '../../schemas/index.ts';
import { DECISION_KIND_LABELS, DECISION_STATUS_LABELS } from '../labels.ts';
import { SEATS_CSV_URL } from '../scrutiny/urls.ts';
import { DATA_URL, dataFileUrl } from '../urls.ts';
import { HOME_CRUMBS, type Crumb } from './breadcrumbs.ts';

/** A field of a file, and what it holds. */
export type Field = [name: string, meaning: string];

/** One open-data file. */
export interface OpenDataFile {
  /** The id of its section on the page. */
  id: string;
  href: string;
  /** The file's name, for its download link (`decisions.json`). */
  fileName: string;
  title: string;
  format: string;
  summary: string;
  fields: Field[];
}

/** A code the data uses, and what it means. */
export interface Code {
  code: string;
  meaning: string;
}

/** What the open-data page shows. */
export interface OpenDataPage {
  title: string;
  description: string;
  breadcrumbs: readonly Crumb[];
  /** The licence as site.yaml names it, and its address when it is one the register knows. */
  licence: { name: string; url?: string };
  publisher: string;
  files: OpenDataFile[];
  /** A partnership whose own feed the page points to as an example; none in an empty register. */
  feedExample?: { name: string; url: string };
  statuses: Code[];
  kinds: Code[];
}

/** What each column of allocations.csv holds; the exports describe the columns of who made each allocation. */
const ALLOCATION_FIELDS: Record<(typeof ALLOCATION_COLUMNS)[number], string> = {
  ...ALLOCATION_ATTRIBUTION_FIELDS,
  decision_id: 'The decision’s id, unique within its partnership: the last part of the decision page’s address.',
  date: 'The decision’s date, as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD.',
  partnership: 'The partnership’s id, as in partnerships.json.',
  fund: 'The fund the money comes from.',
  item: 'What the money is for, as the funding table names it.',
  revenue: 'Revenue allocated, in pounds (5000.00). Blank when the table gives no revenue figure.',
  capital: 'Capital allocated, in pounds. Blank when the table gives no capital figure.',
  total: 'Revenue plus capital, in pounds; a blank stream counts as 0.',
  partnership_name: 'The partnership’s name.',
  status: 'Where the decision on the row stands: see decision statuses below. An allocation the decision makes itself (made_by_this_decision true) is allocated only when the decision is approved: a rejected, deferred or noted decision allocated none, and for a proposed one no outcome, so no award, is recorded.',
  per: '“year” when the figures are yearly (a recurring pooled budget); blank otherwise.',
  url: 'The decision’s page.',
};

/** The open-data page's view of the register. */
export function openDataPageData(model: Model): OpenDataPage {
  const { site, partnerships } = model;
  const example = partnerships[0];
  const licence = licenceUrl(site.licence);
  const files: Omit<OpenDataFile, 'fileName'>[] = [
    {
      id: 'partnerships', href: dataFileUrl('partnerships.json'), title: 'Partnerships', format: 'JSON',
      summary: 'Every partnership, A to Z, as the register holds it, with links to its structures, strategies, chapters and decisions.',
      fields: [
        ['id, url', 'The partnership’s id and page.'],
        ['name, short_name, kind, area, tier, status', 'As on the partnership’s page; kind, tier and status are the codes the content uses (lsp, district, active…).'],
        ['status_as_at, status_date', 'status_as_at as the file gives it; status_date is the date the page gives the status (date) and where it comes from (basis: status_as_at, or latest_source, the latest dated source the file lists), both null when not recorded. A dissolved partnership’s status is dated by its dissolution: status_date is its dissolved date (basis: dissolved), or its status_as_at when that is on or after it, never an older source. Chapters, and structures in structures.json, carry both too.'],
        ['parent, children', 'Ids of the partnership it sits under and of those under it.'],
        ['established, became_lsp, dissolved, reviewed', 'Dates, as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD.'],
        ['legal_form, accountable_body, purpose, summary, contact', 'As on the page.'],
        ['current_structure, structures, strategies, chapters, decisions', 'What the partnership holds, each with its id, title and page.'],
        ['narrative', 'The page’s text, in Markdown.'],
      ],
    },
    {
      id: 'decisions', href: dataFileUrl('decisions.json'), title: 'Decisions', format: 'JSON',
      summary: 'Every decision and report, newest first. Money is given twice: whole pence (pence, for adding up) and a pounds string (pounds, "27535.40").',
      fields: [
        ['id, partnership_id, url', 'A decision is identified by its partnership and its id together.'],
        ['title, date, public', 'An exempt decision (public: false) has only these, as its page shows only its title and date.'],
        ['decision_maker, kind, status, key_decision, forward_plan', 'As on the page; kind is a list of codes (see decision kinds below).'],
        ['status_as_at, status_date', 'As for partnerships. A report has no date of its own, so it never dates a status.'],
        ['report, recommendations, outcome, options', 'The report the decision was taken on and what it recommended.'],
        ['sources', 'The documents the decision is taken from: its report (id report), its own sources, and each source of its partnership that it cites, so every cite in the record names one of them; listed_in says which (decision or partnership).'],
        ['structure, supersedes, superseded_by', 'The structure it proposes or adopts, and decisions it replaces or is replaced by, as partnership/decision.'],
        ['amount', 'The register’s amount for the decision: what its funding table says it decides (basis decides), or the allocations it makes itself (basis allocations), per stream and in total; null when not recorded. It was allocated only when status is approved: a proposed decision is asked to allocate it; a rejected, deferred or noted one allocated none of it.'],
        ['funding', 'The funding table: fund, accountable_body, per, available, allocated, remaining (worked out), remaining_stated (as the report says), allocations (item, revenue, capital, total, outcomes) and contributions. A money stream the table does not record is null, never 0.'],
        ['narrative', 'The page’s text, in Markdown.'],
      ],
    },
    {
      id: 'allocations', href: dataFileUrl('allocations.csv'), title: 'Allocations', format: 'CSV',
      summary: 'One row for every line of every published funding table, ready for a spreadsheet. UTF-8, comma-separated, with a header row. A text cell that a spreadsheet would run as a formula (starting =, +, - or @) starts with an apostrophe.',
      fields: ALLOCATION_COLUMNS.map((c): Field => [c, ALLOCATION_FIELDS[c]]),
    },
    {
      id: 'structures', href: dataFileUrl('structures.json'), title: 'Structures', format: 'JSON, Popolo',
      summary: 'Who sits where, in every version of every partnership’s structure, in the shape of the Popolo standard used by civic-tech tools.',
      fields: [
        ['organizations', 'Each partnership (classification: partnership), and each body of each structure version (classification: its kind, such as board). A body’s parent_id is the body it reports to, or its partnership; following parent_id walks the reporting lines.'],
        ['posts', 'Seats on a body: one per sector, with seats (how many), voting, and classification (the sector’s category, such as business); and named members.'],
        ['seats_by_category (on each body)', 'The body’s voting and advisory seats summed by category, the figures of /compare/ and seats.csv; null when the structure lists no seats.'],
        ['structures', 'The versions: title, status, from, to, the decision that proposed or adopted it, and its bodies’ organization ids.'],
        ['reporting_lines, relations', 'Reporting lines (from reports to to), and other links (works-with, represented-on…), to a body, another partnership, or something outside the register (external).'],
      ],
    },
    {
      id: 'seats', href: SEATS_CSV_URL, title: 'Seats on boards', format: 'CSV',
      summary: 'One row for every seat line of every board, executive and public service board in a partnership’s structure in force: the figures of the boards compared page (/compare/), ready for a spreadsheet.',
      fields: SEAT_COLUMNS.map((c): Field => [c, SEAT_FIELDS[c]]),
    },
    {
      id: 'grants', href: dataFileUrl('grants-360giving.json'), title: 'Grants (360Giving)', format: `JSON, 360Giving Data Standard ${GIVING_SCHEMA_VERSION}`,
      summary: `The allocations of the CSV that were awarded, as grants in the 360Giving Data Standard, so grant-data tools can read them: each awarded by whoever made it, on the date it was made, and an approved decision that decides an amount without listing allocations of its own as one grant. A decision that was not approved has no award recorded (a proposed one has no outcome recorded; a rejected, deferred or noted one awarded nothing), so its own allocations and amount are not grants. ${grantsLeftOutText(allocationsLeftOutOf360Giving(model))} When nothing recorded was awarded, the list is empty.`,
      fields: [
        ['id', `${grantPrefix(site)}-, then the partnership, the decision and the item: the same from build to build.`],
        ['title, description', 'The item, and what it was allocated from, by whom, in which decision, with its status and outcomes.'],
        ['amountAwarded, currency', 'Revenue plus capital, in pounds (GBP).'],
        ['awardDate', 'When the grant was made: the decision’s date for the decision’s own allocations, else the date the funding table gives. The standard needs a full date, so a year (2011) or a month (2011-10) gives the first day of that period; the description keeps the date as recorded.'],
        ['fundingOrganization', 'Who made the grant: the decision maker for the decision’s own allocations, else whoever the funding table says made them.'],
        ['recipientOrganization', 'The partnership the allocation was made through: the register records what money is for, not who received it.'],
        ['classifications', 'The revenue and capital amounts, one classification each, and the decision’s status.'],
        ['grantProgramme, url, dateModified', 'The fund; the decision’s page; when the decision’s file last changed, when the build has its history.'],
      ],
    },
  ];

  return {
    title: 'Open data',
    description: `The data behind ${site.title}, free to reuse.`,
    breadcrumbs: HOME_CRUMBS,
    licence: { name: site.licence, ...(licence ? { url: licence } : {}) },
    publisher: site.publisher,
    files: files.map((file) => ({ ...file, fileName: file.href.slice(DATA_URL.length) })),
    ...(example ? { feedExample: { name: example.name, url: partnershipFeedUrl(example.id) } } : {}),
    statuses: DECISION_STATUSES.map((code) => ({ code, meaning: DECISION_STATUS_LABELS[code].text })),
    kinds: DECISION_KINDS.map((code) => ({ code, meaning: DECISION_KIND_LABELS[code] })),
  };
}
