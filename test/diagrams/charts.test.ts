import { describe, expect, it } from 'vitest';
import { allocationChart, seatChart } from '../../src/diagrams/index.ts';
import { textWidth, wrapText } from '../../src/diagrams/text-width.ts';
import { chorley2006, expectGolden } from './support.ts';

const options = { id: 'seats-board', title: 'Seats on the LSP Board, by sector' };
const executiveSeats = () => chorley2006().bodies.find((body) => body.id === 'executive')!.seats!;
const prg = [
  { item: 'Warm Homes', revenue: 500_000, capital: 10_000_000 },
  { item: 'Hydroelectricity', revenue: 3_000_000, capital: 0 },
  { item: 'Community energy fund', capital: 4_500_000 },
];

/** The elements a chart may contain: nothing that runs, links or embeds. */
const ALLOWED_TAGS = /^<\/?(svg|title|desc|defs|pattern|rect|text)[\s>/]/;

/** The number in an attribute of the root element. */
function rootNumber(svg: string, attribute: string): number {
  return Number(new RegExp(`^<svg [^>]*\\b${attribute}="([\\d.]+)"`).exec(svg)![1]);
}

describe('seatChart', () => {
  it('gives the same SVG as the reviewed golden file for Chorley’s proposed Executive', () => {
    expectGolden('chorley-executive-seats.svg', seatChart(executiveSeats(), { id: 'seats-executive', title: 'Seats on the LSP Executive, by sector' })!);
  });

  it('draws a bar for each sector with its name and its count', () => {
    const svg = seatChart([{ sector: 'Business', count: 10 }, { sector: 'Councillors', count: 5 }], options)!;
    expect(svg).toContain('>Business</text>');
    expect(svg).toContain('>10</text>');
    expect(svg).toMatch(/<rect x="[\d.]+" y="[\d.]+" width="240" height="22" fill="#1d70b8"\/>/);
    expect(svg).toMatch(/<rect x="[\d.]+" y="[\d.]+" width="120" height="22" fill="#1d70b8"\/>/);
  });

  it('tells advisory seats apart by pattern and in words, with a key', () => {
    const svg = seatChart([{ sector: 'Councillors', count: 10 }, { sector: 'Thematic partnership representatives', count: 5, voting: false }], options)!;
    expect(svg).toContain('fill="url(#seats-board-hatch)"');
    expect(svg).toContain('>5 advisory</text>');
    expect(svg).toContain('>Voting seats</text>');
    expect(svg).toContain('>Advisory seats</text>');
    expect(svg).toContain('<desc id="seats-board-desc">10 voting seats and 5 advisory seats, across 2 sectors.</desc>');
  });

  it('has no key when every seat votes', () => {
    const svg = seatChart(executiveSeats(), options)!;
    expect(svg).not.toContain('Voting seats');
    expect(svg).toContain('<desc id="seats-board-desc">20 seats, across 6 sectors.</desc>');
  });

  it('is an image named by its title and described by its description', () => {
    const svg = seatChart(executiveSeats(), { ...options, description: 'Who sits on the Executive.' })!;
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="seats-board-title" aria-describedby="seats-board-desc"/);
    expect(svg).toContain('<title id="seats-board-title">Seats on the LSP Board, by sector</title>');
    expect(svg).toContain('<desc id="seats-board-desc">Who sits on the Executive.</desc>');
  });

  it('escapes every text it shows', () => {
    const svg = seatChart([{ sector: '<script>alert("x")</script> & \'friends\'', count: 3 }], { ...options, title: 'Seats <b>& more</b>' })!;
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(svg).toContain('<title id="seats-board-title">Seats &lt;b&gt;&amp; more&lt;/b&gt;</title>');
    for (const [tag] of svg.matchAll(/<[^>]*>/g)) expect(tag).toMatch(ALLOWED_TAGS);
  });

  it('sizes itself from its data and keeps text at 16px', () => {
    const one = seatChart([{ sector: 'Business', count: 1 }], options)!;
    const three = seatChart([{ sector: 'Business', count: 1 }, { sector: 'Health', count: 2 }, { sector: 'Police', count: 3 }], options)!;
    const long = seatChart([{ sector: 'Representatives from other public sector organisations (eg Police, PCT, Runshaw College)', count: 5 }], options)!;
    expect(rootNumber(three, 'height')).toBeGreaterThan(rootNumber(one, 'height'));
    expect(rootNumber(long, 'height')).toBeGreaterThan(rootNumber(one, 'height'));
    expect(rootNumber(long, 'width')).toBeGreaterThan(rootNumber(one, 'width'));
    for (const svg of [one, three, long]) {
      expect(svg).toMatch(/^<svg [^>]*font-size="16"/);
      expect(svg).toMatch(new RegExp(`viewBox="0 0 ${rootNumber(svg, 'width')} ${rootNumber(svg, 'height')}"`));
    }
  });

  it('gives the same SVG every time', () => {
    expect(seatChart(executiveSeats(), options)).toBe(seatChart(executiveSeats(), options));
  });

  it('draws nothing when there are no seats', () => {
    expect(seatChart([], options)).toBeUndefined();
  });

  it('refuses an id that would break the markup', () => {
    expect(() => seatChart(executiveSeats(), { ...options, id: '"><script>' })).toThrow(/letters, digits and hyphens/);
  });
});

describe('allocationChart', () => {
  const chart = () => allocationChart(prg, { id: 'allocations', title: 'Allocations of Performance Reward Grant' })!;

  it('gives the same SVG as the reviewed golden file', () => {
    expectGolden('allocations.svg', chart());
  });

  it('tells revenue from capital by pattern and in words, not by colour alone', () => {
    expect(chart()).toContain('>Revenue £5,000.00</text>');
    expect(chart()).toContain('>Capital £100,000.00</text>');
    expect(chart()).toMatch(/width="240" height="22" fill="url\(#allocations-hatch\)"/);
    expect(chart()).toContain('>Revenue</text>');
    expect(chart()).toContain('>Capital</text>');
  });

  it('draws every amount on one scale, and a zero without a bar', () => {
    expect(chart()).toMatch(/width="12" height="22" fill="#1d70b8"/);
    expect(chart()).toMatch(/width="72" height="22" fill="#1d70b8"/);
    expect(chart()).toMatch(/width="108" height="22" fill="url\(#allocations-hatch\)"/);
    expect(chart()).toContain('>Capital £0.00</text>');
    expect(chart().match(/<rect [^>]*height="22"/g)).toHaveLength(4);
  });

  it('summarises the totals in its description', () => {
    expect(chart()).toContain('<desc id="allocations-desc">3 allocations: £35,000.00 revenue and £145,000.00 capital.</desc>');
  });

  it('shows only the streams an allocation gives', () => {
    const svg = allocationChart([{ item: 'Support team', revenue: 14_700_000 }], { id: 'pooled', title: 'Pooled budget' })!;
    expect(svg).not.toContain('Capital');
    expect(svg).not.toContain('>Revenue</text>');
  });

  it('escapes item names', () => {
    const svg = allocationChart([{ item: 'Fish & <Chips>', revenue: 100 }], { id: 'a', title: 'T' })!;
    expect(svg).toContain('>Fish &amp; &lt;Chips&gt;</text>');
  });

  it('draws nothing when nothing was allocated', () => {
    expect(allocationChart([], { id: 'a', title: 'T' })).toBeUndefined();
  });
});

describe('text measurement for charts', () => {
  it('measures Arial widths', () => {
    expect(textWidth('LSP Board', 16)).toBe(77.4);
    expect(textWidth('', 16)).toBe(0);
  });

  it('wraps at spaces, and breaks a word too long for a line', () => {
    expect(wrapText('Representatives from the Faith, Community and Voluntary Sectors', 240, 16)).toEqual(['Representatives from the Faith,', 'Community and Voluntary', 'Sectors']);
    for (const line of wrapText('Supercalifragilisticexpialidociouspartnershipgroupname', 100, 16)) expect(textWidth(line, 16)).toBeLessThanOrEqual(100);
  });
});
