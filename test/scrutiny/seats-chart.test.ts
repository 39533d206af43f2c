import { describe, expect, it } from 'vitest';
import { comparePageData, type ComparedBody } from '../../src/site/scrutiny/compare.ts';
import { seatsComparisonChart } from '../../src/site/scrutiny/seats-chart.ts';
import { parseXml, type XmlElement } from '../exports/xml.ts';
import { scrutinyModel } from './helpers.ts';

const page = comparePageData(scrutinyModel());
const svg = page.chart!;

/** Every element of a parsed document, depth first. */
function elements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(elements)];
}

/** WCAG's relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

describe('the boards-compared chart', () => {
  const root = parseXml(svg);

  it('is an image named by its title and described, saying the table holds the same figures', () => {
    expect(root.attributes).toMatchObject({ role: 'img', 'aria-labelledby': 'boards-compared-title', 'aria-describedby': 'boards-compared-desc' });
    const title = elements(root).find((e) => e.name === 'title')!;
    const desc = elements(root).find((e) => e.name === 'desc')!;
    expect(title.text).toBe('Voting seats by category on each partnership’s board and executive');
    expect(desc.text).toBe('3 bodies of 2 partnerships. For each body, the bar in each category’s column shows that category’s share of the body’s voting seats; hatched bars show advisory seats as a share of all seats listed. The table on this page gives the same figures.');
  });

  it('writes every figure in words beside its bar, so nothing depends on reading the bar or its colour', () => {
    const texts = elements(root).filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['Vale Board: 8 voting seats', '4 (50%)', '3 (38%)', '1 (13%)', '2 (20% of all)', 'Shire Executive', 'Seats not recorded']));
    // Column headings wrap to their columns: "Category not given" is two lines.
    expect(texts).toEqual(expect.arrayContaining(['Police', 'Business', 'Category not', 'given', 'Advisory seats', '(not voting)']));
  });

  it('hatches advisory seats, so they read apart from voting seats in greyscale', () => {
    const pattern = elements(root).find((e) => e.name === 'pattern');
    expect(pattern?.attributes.id).toBe('boards-compared-hatch');
    expect(elements(root).filter((e) => e.attributes.fill === 'url(#boards-compared-hatch)').length).toBeGreaterThan(1);
  });

  it('draws bars and outlines in colours with at least 3:1 contrast against the white and shaded rows (WCAG 1.4.11)', () => {
    const backgrounds = ['#ffffff', '#f3f2f1'];
    const painted = new Set(elements(root).flatMap((e) => [e.attributes.stroke, e.name === 'rect' && e.attributes.width !== '100%' ? e.attributes.fill : undefined]));
    const marks = [...painted].filter((c): c is string => /^#[0-9a-f]{6}$/i.test(c ?? '') && !backgrounds.includes(c!.toLowerCase()));
    expect(marks.length).toBeGreaterThan(0);
    for (const colour of marks) for (const background of backgrounds) expect(contrast(colour, background), `${colour} on ${background}`).toBeGreaterThanOrEqual(3);
  });

  it('escapes names from the content, so no name can add markup to the page', () => {
    const hostile: ComparedBody = {
      ...page.rows[0],
      partnership: { ...page.rows[0].partnership, name: 'Evil </text><script>alert(1)</script> & Co' },
      body: { ...page.rows[0].body, name: 'Board "<b>"' },
    };
    const drawn = seatsComparisonChart([hostile], page.columns, { id: 'hostile', title: 'A <title>' })!;
    expect(drawn).not.toContain('<script>');
    expect(drawn).not.toContain('<b>');
    expect(parseXml(drawn).name).toBe('svg');
    expect(drawn).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(drawn).toContain('Board &quot;&lt;b&gt;&quot;');
  });

  it('is drawn only when there is a body to draw, and refuses an id that could break out of its attributes', () => {
    expect(seatsComparisonChart([], page.columns, { id: 'empty', title: 'Nothing' })).toBeUndefined();
    expect(() => seatsComparisonChart(page.rows, page.columns, { id: 'x" onload="y', title: 'Bad id' })).toThrow(/letters, digits and hyphens/);
  });

  it('draws a register whose bodies list no seats at all as rows that say so, with no columns and no stray numbers', () => {
    const unrecorded = page.rows.filter((row) => !row.seats);
    const drawn = seatsComparisonChart(unrecorded, [], { id: 'unrecorded', title: 'No seats' })!;
    expect(drawn).not.toMatch(/NaN|Infinity/);
    expect(elements(parseXml(drawn)).filter((e) => e.name === 'text').map((e) => e.text)).toEqual([
      'Share of the body’s voting seats', 'Shire Partnership', 'Shire Executive', 'Seats not recorded',
    ]);
  });

  it('is the same text every time for the same figures', () => {
    expect(comparePageData({ ...scrutinyModel() }).chart).toBe(svg);
  });
});
