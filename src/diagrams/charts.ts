/**
 * Small bar charts drawn at build time as SVG text: seats by sector on a body,
 * and a funding decision's allocations. No browser, no script. Each chart is
 * sized from its data so text stays at its natural size, and tells apart what
 * it compares by pattern and words as well as colour. The page shows the same
 * figures as a table; the chart is an image named by its `<title>`.
 */
import { formatPounds } from '../model/money.ts';
import { countOf } from './facts.ts';
import { textWidth, wrapText } from './text-width.ts';

/** What every chart needs. */
export interface ChartOptions {
  /** Unique on the page (letters, digits, hyphens): prefixes the chart's ids. */
  id: string;
  /** What the chart shows, for its `<title>`: `Seats on the LSP Board, by sector`. */
  title: string;
  /** Optional: its summary, for its `<desc>`; a summary of the figures by default. */
  description?: string;
}

/** One sector's seats on a body, as `seats` gives them. */
export interface SeatChartRow {
  sector: string;
  count: number;
  /** False for advisory seats; voting by default. */
  voting?: boolean | null;
}

/** One line of a funding table, in whole pence. */
export interface AllocationChartRow {
  item: string;
  revenue?: number | null;
  capital?: number | null;
}

const FONT_SIZE = 16;
const LINE_HEIGHT = 20;
const LABEL_MAX_WIDTH = 240;
const BAR_MAX_WIDTH = 240;
const BAR_HEIGHT = 22;
const ROW_GAP = 14;
const GAP = 12;
const LEGEND_HEIGHT = 34;
const TEXT_COLOUR = '#0b0c0c';
const BAR_COLOUR = '#1d70b8';

/**
 * Escapes text for SVG markup, dropping control characters XML cannot hold.
 *
 * @example
 * escapeXml('Fish & <Chips>') // 'Fish &amp; &lt;Chips&gt;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`);
}

/** A coordinate, rounded so output is identical everywhere and free of float noise. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** How a bar is filled: solid, or hatched with an outline (for advisory seats and capital). */
type Fill = 'solid' | 'hatched';

/** One row of a chart: a label, and one or more bars with the words shown after each. */
interface Row {
  label: string;
  bars: { value: number; fill: Fill; text: string }[];
}

/** The pattern for hatched bars and legend swatches. */
function hatchPattern(id: string): string {
  return `<defs><pattern id="${id}-hatch" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">`
    + `<rect width="8" height="8" fill="#ffffff"/><rect width="4" height="8" fill="${BAR_COLOUR}"/></pattern></defs>`;
}

/** A bar's rectangle. Hatched bars have an outline, so their length reads without the stripes. */
function bar(id: string, x: number, y: number, width: number, fill: Fill, height = BAR_HEIGHT): string {
  const paint = fill === 'solid' ? `fill="${BAR_COLOUR}"` : `fill="url(#${id}-hatch)" stroke="${BAR_COLOUR}" stroke-width="2"`;
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${height}" ${paint}/>`;
}

/** Text at a position, escaped. */
function text(x: number, y: number, content: string): string {
  return `<text x="${n(x)}" y="${n(y)}">${escapeXml(content)}</text>`;
}

/** Lays out a horizontal bar chart: labels on the left, bars on a shared scale, words after each bar. */
function barChart(rows: Row[], options: ChartOptions, summary: string, legend: { fill: Fill; text: string }[]): string {
  if (!/^[A-Za-z][\w-]*$/.test(options.id)) throw new Error(`A chart id must be letters, digits and hyphens, starting with a letter; "${options.id}" is not.`);
  const { id } = options;
  const labels = rows.map((row) => wrapText(row.label, LABEL_MAX_WIDTH, FONT_SIZE));
  const labelWidth = Math.max(...labels.flat().map((line) => textWidth(line, FONT_SIZE)));
  const largest = Math.max(1, ...rows.flatMap((row) => row.bars.map((b) => b.value)));
  const barsX = labelWidth + GAP;
  const widest = Math.max(...rows.flatMap((row) => row.bars.map((b) => (b.value / largest) * BAR_MAX_WIDTH + 8 + textWidth(b.text, FONT_SIZE))));
  const width = Math.ceil(barsX + Math.max(widest, BAR_MAX_WIDTH) + 4);

  const body: string[] = [];
  let y = 0;
  if (legend.length > 0) {
    let x = 0;
    for (const key of legend) {
      body.push(bar(id, x + 1, y + 1, 20, key.fill, 20), text(x + 28, y + 16, key.text));
      x += 28 + textWidth(key.text, FONT_SIZE) + 24;
    }
    y += LEGEND_HEIGHT;
  }
  rows.forEach((row, i) => {
    const lines = labels[i]!;
    const height = Math.max(lines.length * LINE_HEIGHT, row.bars.length * (BAR_HEIGHT + 4) - 4);
    lines.forEach((line, j) => body.push(text(0, y + 15 + j * LINE_HEIGHT, line)));
    row.bars.forEach((b, j) => {
      const top = y + j * (BAR_HEIGHT + 4);
      // A small amount still gets a visible bar; only nothing gets none.
      const length = b.value > 0 ? Math.max(2, (b.value / largest) * BAR_MAX_WIDTH) : 0;
      if (length > 0) body.push(bar(id, barsX, top, length, b.fill));
      body.push(text(barsX + length + 8, top + 16, b.text));
    });
    y += height + ROW_GAP;
  });
  const height = Math.ceil(y - ROW_GAP + 4);

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`
    + ` role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-family="arial, sans-serif" font-size="${FONT_SIZE}" fill="${TEXT_COLOUR}">`
    + `<title id="${id}-title">${escapeXml(options.title)}</title><desc id="${id}-desc">${escapeXml(options.description ?? summary)}</desc>`
    + `${hatchPattern(id)}${body.join('')}</svg>`;
}

/**
 * A horizontal bar chart of a body's seats by sector. Advisory seats have
 * hatched bars and say "advisory"; a key explains the two when both appear.
 *
 * @returns the SVG markup, or undefined when there are no seats to chart
 */
export function seatChart(seats: readonly SeatChartRow[], options: ChartOptions): string | undefined {
  if (seats.length === 0) return undefined;
  const advisory = (seat: SeatChartRow) => seat.voting === false;
  const rows = seats.map((seat): Row => ({
    label: seat.sector,
    bars: [{ value: seat.count, fill: advisory(seat) ? 'hatched' : 'solid', text: advisory(seat) ? `${seat.count} advisory` : String(seat.count) }],
  }));
  const voting = seats.filter((seat) => !advisory(seat)).reduce((sum, seat) => sum + seat.count, 0);
  const nonVoting = seats.filter(advisory).reduce((sum, seat) => sum + seat.count, 0);
  const sectors = countOf(seats.length, 'sector', 'sectors');
  const summary = nonVoting > 0
    ? `${countOf(voting, 'voting seat', 'voting seats')} and ${countOf(nonVoting, 'advisory seat', 'advisory seats')}, across ${sectors}.`
    : `${countOf(voting, 'seat', 'seats')}, across ${sectors}.`;
  const legend = seats.some(advisory) && seats.some((seat) => !advisory(seat))
    ? [{ fill: 'solid' as const, text: 'Voting seats' }, { fill: 'hatched' as const, text: 'Advisory seats' }]
    : [];
  return barChart(rows, options, summary, legend);
}

/**
 * A horizontal bar chart of a funding table's allocations: for each item, a bar
 * for revenue (solid) and one for capital (hatched), each followed by its
 * stream's name and the amount, on one scale. Money comes in whole pence.
 *
 * @returns the SVG markup, or undefined when there are no allocations to chart
 */
export function allocationChart(allocations: readonly AllocationChartRow[], options: ChartOptions): string | undefined {
  if (allocations.length === 0) return undefined;
  const rows = allocations.map((allocation): Row => ({
    label: allocation.item,
    bars: [
      ...(allocation.revenue == null ? [] : [{ value: allocation.revenue, fill: 'solid' as const, text: `Revenue ${formatPounds(allocation.revenue)}` }]),
      ...(allocation.capital == null ? [] : [{ value: allocation.capital, fill: 'hatched' as const, text: `Capital ${formatPounds(allocation.capital)}` }]),
    ],
  }));
  const total = (stream: 'revenue' | 'capital') => allocations.reduce((sum, allocation) => sum + (allocation[stream] ?? 0), 0);
  const streams = (['revenue', 'capital'] as const).filter((stream) => allocations.some((allocation) => allocation[stream] != null));
  const summary = `${countOf(allocations.length, 'allocation', 'allocations')}: ${streams.map((stream) => `${formatPounds(total(stream))} ${stream}`).join(' and ')}.`;
  const legend = streams.length === 2 ? [{ fill: 'solid' as const, text: 'Revenue' }, { fill: 'hatched' as const, text: 'Capital' }] : [];
  return barChart(rows, options, summary, legend);
}
