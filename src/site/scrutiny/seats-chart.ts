/**
 * The boards-compared chart, drawn at build time as SVG text: one row per
 * body, one column per seat category, and in each cell a bar for that
 * category's share of the body's voting seats, with the count and share in
 * words beneath it. Position, not colour, says which category a bar is, so
 * the chart reads the same in greyscale; advisory seats are hatched as well
 * as labelled. The table on the page holds the same figures: it is the
 * chart's text alternative, and the chart's `<desc>` says so.
 */
import { escapeXml } from '../../diagrams/charts.ts';
import { textWidth, wrapText } from '../../diagrams/text-width.ts';
import { plural } from '../format.ts';
import type { ComparedBody, SeatColumn } from './compare.ts';

/** What the chart needs besides its rows. */
export interface SeatsChartOptions {
  /** Unique on the page (letters, digits, hyphens): prefixes the chart's ids. */
  id: string;
  /** What the chart shows, for its `<title>`. */
  title: string;
}

const FONT_SIZE = 16;
const SMALL_FONT_SIZE = 14;
const LINE_HEIGHT = 20;
const LABEL_MAX_WIDTH = 220;
const COLUMN_WIDTH = 124;
const TRACK_WIDTH = 100;
const TRACK_HEIGHT = 14;
const ROW_PADDING = 8;
const GAP = 16;
const TEXT_COLOUR = '#0b0c0c';
// GOV.UK blue: 5.2:1 against white, and 4.7:1 against the row shading (WCAG 1.4.11 asks 3:1 of graphics).
const BAR_COLOUR = '#1d70b8';
// GOV.UK's secondary text colour, 7:1 against white: the outline of each 0–100% track.
const TRACK_COLOUR = '#505a5f';
const SHADE_COLOUR = '#f3f2f1';
const NOT_RECORDED = 'Seats not recorded';

/** A coordinate, rounded so output is identical everywhere and free of float noise. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Text at a position, escaped. */
function text(x: number, y: number, content: string, size = FONT_SIZE, weight?: 'bold'): string {
  return `<text x="${n(x)}" y="${n(y)}"${size === FONT_SIZE ? '' : ` font-size="${size}"`}${weight ? ` font-weight="${weight}"` : ''}>${escapeXml(content)}</text>`;
}

/** A 0–100% track with the share filled in: solid for voting seats, hatched (and outlined) for advisory ones. */
function track(id: string, x: number, y: number, fraction: number, hatched: boolean): string {
  const filled = fraction > 0 ? Math.max(2, fraction * TRACK_WIDTH) : 0;
  const paint = hatched ? `fill="url(#${id}-hatch)" stroke="${BAR_COLOUR}" stroke-width="2"` : `fill="${BAR_COLOUR}"`;
  return `<rect x="${n(x)}" y="${n(y)}" width="${TRACK_WIDTH}" height="${TRACK_HEIGHT}" fill="#ffffff" stroke="${TRACK_COLOUR}" stroke-width="1"/>`
    + (filled > 0 ? `<rect x="${n(x)}" y="${n(y)}" width="${n(filled)}" height="${TRACK_HEIGHT}" ${paint}/>` : '');
}

/** The stripes of advisory seats' bars and their key. */
function hatchPattern(id: string): string {
  return `<defs><pattern id="${id}-hatch" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">`
    + `<rect width="8" height="8" fill="#ffffff"/><rect width="4" height="8" fill="${BAR_COLOUR}"/></pattern></defs>`;
}

/**
 * The chart of the bodies compared, one column per seat category in `columns`,
 * and a column of advisory seats when any body has them.
 *
 * @returns the SVG markup, or undefined when there are no bodies to chart
 * @example
 * seatsComparisonChart(comparePageData(model).rows, comparePageData(model).columns, { id: 'boards', title: 'Voting seats by category' })
 * // '<svg xmlns="http://www.w3.org/2000/svg" … role="img" aria-labelledby="boards-title" …>'
 */
export function seatsComparisonChart(
  rows: readonly ComparedBody[],
  columns: readonly { column: SeatColumn; label: string }[],
  options: SeatsChartOptions,
): string | undefined {
  if (rows.length === 0) return undefined;
  if (!/^[A-Za-z][\w-]*$/.test(options.id)) throw new Error(`A chart id must be letters, digits and hyphens, starting with a letter; "${options.id}" is not.`);
  const { id } = options;
  const advisory = rows.some((row) => (row.seats?.advisoryTotal ?? 0) > 0);
  const headers = [...columns.map((c) => c.label), ...(advisory ? ['Advisory seats (not voting)'] : [])];

  const labels = rows.map((row) => ({
    partnership: wrapText(row.partnership.name, LABEL_MAX_WIDTH, FONT_SIZE),
    body: wrapText(row.seats ? `${row.body.name}: ${plural(row.seats.votingTotal, 'voting seat')}` : row.body.name, LABEL_MAX_WIDTH, SMALL_FONT_SIZE),
  }));
  const labelWidth = Math.min(
    LABEL_MAX_WIDTH,
    Math.max(...labels.flatMap((label) => [...label.partnership.map((line) => textWidth(line, FONT_SIZE)), ...label.body.map((line) => textWidth(line, SMALL_FONT_SIZE))])),
  );
  const columnsX = Math.ceil(labelWidth + GAP);
  // The widths are Arial's regular ones: bold headings are wrapped shorter, to fit as drawn.
  const headerLines = headers.map((header) => wrapText(header, (COLUMN_WIDTH - 16) / 1.1, SMALL_FONT_SIZE));
  // Wide enough for the columns, and for "Seats not recorded" when no body lists any.
  const width = columnsX + Math.max(headers.length * COLUMN_WIDTH, Math.ceil(textWidth(NOT_RECORDED, FONT_SIZE)) + 4);

  const parts: string[] = [];
  let y = 0;

  // The key: what a filled track means, and what hatching means.
  const keys = [
    { hatched: false, words: 'Share of the body’s voting seats' },
    ...(advisory ? [{ hatched: true, words: 'Advisory seats, as a share of all seats listed' }] : []),
  ];
  let keyX = 0;
  let keyWidth = 0;
  for (const key of keys) {
    const words = textWidth(key.words, SMALL_FONT_SIZE);
    parts.push(track(id, keyX, y + 3, 0.6, key.hatched), text(keyX + TRACK_WIDTH + 8, y + 15, key.words, SMALL_FONT_SIZE));
    keyX += TRACK_WIDTH + 8 + words + 24;
    keyWidth = keyX - 24;
  }
  y += 34;

  // Column headings, bottom-aligned above their columns.
  const headerHeight = Math.max(0, ...headerLines.map((lines) => lines.length)) * LINE_HEIGHT;
  headerLines.forEach((lines, i) => {
    const x = columnsX + i * COLUMN_WIDTH;
    const top = y + headerHeight - lines.length * LINE_HEIGHT;
    lines.forEach((line, j) => parts.push(text(x, top + 15 + j * LINE_HEIGHT, line, SMALL_FONT_SIZE, 'bold')));
  });
  y += headerHeight + 6;
  parts.push(`<rect x="0" y="${n(y)}" width="${n(width)}" height="2" fill="${TEXT_COLOUR}"/>`);
  y += 2;

  rows.forEach((row, i) => {
    const label = labels[i]!;
    const labelHeight = label.partnership.length * LINE_HEIGHT + label.body.length * (LINE_HEIGHT - 2);
    const cellHeight = TRACK_HEIGHT + 6 + LINE_HEIGHT;
    const height = Math.max(labelHeight, cellHeight) + 2 * ROW_PADDING;
    if (i % 2 === 1) parts.push(`<rect x="0" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="${SHADE_COLOUR}"/>`);
    const top = y + ROW_PADDING;
    label.partnership.forEach((line, j) => parts.push(text(0, top + 15 + j * LINE_HEIGHT, line)));
    label.body.forEach((line, j) => parts.push(text(0, top + label.partnership.length * LINE_HEIGHT + 14 + j * (LINE_HEIGHT - 2), line, SMALL_FONT_SIZE)));

    const seats = row.seats;
    if (!seats) {
      parts.push(text(columnsX, top + 15, NOT_RECORDED));
    } else {
      columns.forEach(({ column }, j) => {
        const x = columnsX + j * COLUMN_WIDTH;
        const figure = seats.voting[column];
        const fraction = figure && seats.votingTotal > 0 ? figure.seats / seats.votingTotal : 0;
        parts.push(track(id, x, top + 2, fraction, false), text(x, top + TRACK_HEIGHT + 20, figure ? `${figure.seats} (${figure.share})` : '0', SMALL_FONT_SIZE));
      });
      if (advisory) {
        const x = columnsX + columns.length * COLUMN_WIDTH;
        const all = seats.votingTotal + seats.advisoryTotal;
        const fraction = all > 0 ? seats.advisoryTotal / all : 0;
        const words = seats.advisoryTotal > 0 ? `${seats.advisoryTotal} (${seats.advisoryShare} of all)` : '0';
        parts.push(track(id, x, top + 2, fraction, true), text(x, top + TRACK_HEIGHT + 20, words, SMALL_FONT_SIZE));
      }
    }
    y += height;
  });

  const totalWidth = Math.ceil(Math.max(width, keyWidth) + 4);
  const totalHeight = Math.ceil(y + 4);
  const partnerships = new Set(rows.map((row) => row.partnership.id)).size;
  const description = `${plural(rows.length, 'body', 'bodies')} of ${plural(partnerships, 'partnership')}. For each body, the bar in each category’s column shows that category’s share of the body’s voting seats`
    + `${advisory ? '; hatched bars show advisory seats as a share of all seats listed' : ''}. The table on this page gives the same figures.`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${totalWidth}" height="${totalHeight}" viewBox="0 0 ${totalWidth} ${totalHeight}"`
    + ` role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-family="arial, sans-serif" font-size="${FONT_SIZE}" fill="${TEXT_COLOUR}">`
    + `<title id="${id}-title">${escapeXml(options.title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>`
    + `${hatchPattern(id)}${parts.join('')}</svg>`;
}
