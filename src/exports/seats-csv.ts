/**
 * `/data/seats.csv`: the figures of `/compare/` as open data, from the same
 * rows (src/site/scrutiny/compare.ts), so the page and the file cannot
 * disagree. One row per body and seat line of every partnership's current
 * board and executive; a body whose structure lists no seats has one row with
 * its seat columns blank: not recorded, never 0.
 */
import type { Model } from '../model/index.ts';
import type { Quantity } from '../schemas/index.ts';
import { comparison, type ComparedBody } from '../site/scrutiny/compare.ts';
import { absoluteUrl } from './site-links.ts';
import { toCsv } from './text.ts';

/** The columns, in order: the seven first, then names and context. */
export const SEAT_COLUMNS = [
  'partnership', 'structure', 'body', 'sector', 'category', 'count', 'voting',
  'partnership_name', 'partnership_kind', 'tier', 'structure_title', 'body_name', 'body_kind',
  'stated_size', 'stated_size_hedge', 'voting_seats_listed', 'advisory_seats_listed', 'url',
] as const;

/** What each column holds, for the open-data page. */
export const SEAT_FIELDS: Record<(typeof SEAT_COLUMNS)[number], string> = {
  partnership: 'The partnership’s id, as in partnerships.json.',
  structure: 'The id of the partnership’s current structure, whose board or executive this is.',
  body: 'The body’s id within that structure.',
  sector: 'The sector the seats are for, in the document’s words. Blank when the structure lists no seats for the body (not recorded).',
  category: 'The seat category (elected-members, local-authority, public-sector, police, health, education, business, voluntary-community-faith, parish or other). Blank when the document gives none, or no seats are listed.',
  count: 'How many seats. Blank when no seats are listed.',
  voting: 'true for voting seats, false for advisory ones. Blank when no seats are listed.',
  partnership_name: 'The partnership’s name.',
  partnership_kind: 'The kind of partnership (lsp, county-lsp, district-lsp…).',
  tier: 'The tier of local government it covers (county, district, unitary, neighbourhood). Blank when not recorded.',
  structure_title: 'The structure’s title.',
  body_name: 'The body’s name.',
  body_kind: 'board, executive or public-service-board.',
  stated_size: 'The size the document states for the body, as a number. Blank when it states none.',
  stated_size_hedge: 'How the document hedges that size: approx (“around”), at_least or at_most; blank for an exact size.',
  voting_seats_listed: 'The voting seats listed for the body, added up. Blank when no seats are listed.',
  advisory_seats_listed: 'The advisory seats listed, added up. Blank when no seats are listed.',
  url: 'The body on its structure’s page.',
};

/** A stated size as a number and its hedge. */
function sizeColumns(size: Quantity | undefined): [number | null, string | null] {
  if (size == null) return [null, null];
  if (typeof size === 'number') return [size, null];
  if ('approx' in size) return [size.approx, 'approx'];
  if ('at_least' in size) return [size.at_least, 'at_least'];
  return [size.at_most, 'at_most'];
}

/** The columns every row of a body repeats. */
function bodyColumns(model: Pick<Model, 'site'>, row: ComparedBody) {
  const [size, hedge] = sizeColumns(row.sizeQuantity);
  return {
    names: [row.partnership.name, row.partnership.kind, row.partnership.tier ?? null, row.structure.title, row.body.name, row.body.kind],
    totals: [size, hedge, row.seats?.votingTotal ?? null, row.seats?.advisoryTotal ?? null, absoluteUrl(model.site, row.body.url)],
  };
}

/**
 * `seats.csv`: one row per body and seat line, partnerships A to Z, each
 * body's seats in the structure's order.
 *
 * @example
 * seatsCsv(model).split('\r\n')[1]
 * // 'chorley-partnership,pre-2006,board-of-directors,Private Sector,business,3,true,Chorley Partnership,district-lsp,district,…'
 */
export function seatsCsv(model: Model): string {
  const rows = comparison(model).rows.flatMap((row) => {
    const ids = [row.partnership.id, row.structure.id, row.body.id];
    const { names, totals } = bodyColumns(model, row);
    if (row.seatLines.length === 0) return [[...ids, null, null, null, null, ...names, ...totals]];
    return row.seatLines.map((seat) => [...ids, seat.sector, seat.category ?? null, seat.count, String(seat.voting !== false), ...names, ...totals]);
  });
  return toCsv([SEAT_COLUMNS, ...rows]);
}
