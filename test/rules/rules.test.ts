/**
 * The rule families of src/rules/, each on its own: what an officer would be
 * told, and the facts each diagnostic carries for views to word.
 */
import { describe, expect, it } from 'vitest';
import type { PendingDiagnostic } from '../../src/content/diagnostics.ts';
import { checkBodies, countSeats } from '../../src/rules/bodies.ts';
import { checkFunding, sumFunding, type Funding } from '../../src/rules/funding.ts';
import { reportInto } from '../../src/rules/report.ts';
import { checkUnique, sameNameKey } from '../../src/rules/uniqueness.ts';
import { decisionReference } from '../../src/schemas/index.ts';

const FILE = 'partnerships/x/decisions/2011-11-08-grants.md';

function found(run: (report: ReturnType<typeof reportInto>) => void): PendingDiagnostic[] {
  const list: PendingDiagnostic[] = [];
  run(reportInto(list));
  return list;
}

describe('names used once', () => {
  it('treat runs of spaces, case and surrounding spaces alike in every list, funding tables included', () => {
    expect(sameNameKey('  Warm   Homes ')).toBe(sameNameKey('warm homes'));
    const funding = { fund: 'PRG', allocated_by: 'this-decision', available: { revenue: 1000000 }, allocations: [{ item: 'Warm Homes', revenue: 100 }, { item: 'Warm  homes', revenue: 100 }] } as Funding;
    const [problem] = found((report) => checkFunding(FILE, sumFunding(funding), report));
    expect(problem).toMatchObject({ code: 'duplicate-name', locator: { path: ['funding', 'allocations', 1, 'item'] } });
    const bodies = found((report) => checkUnique(FILE, ['bodies'], [{ id: 'a', name: 'Warm Homes' }, { id: 'b', name: 'warm  HOMES' }], report));
    expect(bodies.map((d) => d.code)).toEqual(['duplicate-name']);
  });
});

describe('a funding table that does not add up', () => {
  it('carries the three figures in pence as well as in the message', () => {
    const funding = { fund: 'PRG', allocated_by: 'this-decision', available: { revenue: 35753540 }, allocations: [{ item: 'A', revenue: 33000000 }], remaining: { revenue: 3750000 } } as Funding;
    const [problem] = found((report) => checkFunding(FILE, sumFunding(funding), report));
    expect(problem).toMatchObject({ code: 'remaining-mismatch', subject: 'revenue', expected: 2753540, actual: 3750000 });
    expect(problem.message).toContain('£37,500.00');
    expect(problem.message).toContain('£27,535.40');
    expect(problem.message.endsWith(problem.fix ?? '—')).toBe(true);
  });
});

describe('a funding table that records one stream only', () => {
  // The Llŷn harbour grants: revenue available, one item with capital from a pot the report does not give.
  const oneStream = { fund: 'Harbour', allocated_by: 'this-decision', available: { revenue: 1000010 }, allocations: [{ item: 'Sailing club', revenue: 250005 }, { item: 'Lifeguard hut', revenue: 250005, capital: 30000 }] } as Funding;

  it('is not over-allocated in the stream whose available figure is not recorded, nor its remaining checked against £0.00', () => {
    expect(found((report) => checkFunding(FILE, sumFunding(oneStream), report))).toEqual([]);
    expect(found((report) => checkFunding(FILE, sumFunding({ ...oneStream, remaining: { revenue: 500000, capital: 1 } }), report))).toEqual([]);
  });

  it('is still over-allocated, and its remaining still checked, in the stream it does record', () => {
    const over = { ...oneStream, allocations: [...oneStream.allocations!, { item: 'Slipway', revenue: 600000 }], remaining: { revenue: 1 } } as Funding;
    const problems = found((report) => checkFunding(FILE, sumFunding(over), report));
    expect(problems.map((d) => [d.code, d.subject, d.expected, d.actual])).toEqual([
      ['over-allocated', 'revenue', 1000010, 1100010],
      ['remaining-mismatch', 'revenue', -100000, 1],
    ]);
  });

  it('sums to null, not 0, for what is not recorded: no remaining without an available figure, nothing for a stream never mentioned', () => {
    expect(sumFunding(oneStream)).toMatchObject({ allocated: { revenue: 500010, capital: 30000 }, remainingComputed: { revenue: 500000, capital: null } });
    const capitalOnly = sumFunding({ fund: 'Chest', available: { capital: 100000000 }, allocations: [] } as Funding);
    expect(capitalOnly).toMatchObject({ allocated: { revenue: null, capital: 0 }, remainingComputed: { revenue: null, capital: 100000000 }, availableTotals: { revenue: null, capital: 100000000 } });
  });
});

describe('a stated size against the seats listed', () => {
  it('gives the body’s id, the stated size and the seats’ sum as data', () => {
    const body = countSeats({ id: 'board-of-directors', name: 'Board of Directors', kind: 'board', size: 25, seats: [{ sector: 'A', count: 12 }, { sector: 'B', count: 10 }] } as never);
    const [problem] = found((report) => checkBodies(FILE, [body], report));
    expect(problem).toMatchObject({ code: 'size-mismatch', severity: 'warning', subject: 'board-of-directors', expected: 25, actual: 22 });
  });
});

describe('a reference to a decision', () => {
  it('names one of the same partnership by its id, and another partnership’s as partnership/decision', () => {
    expect(decisionReference('2006-03-09-way-forward', 'chorley-partnership')).toEqual({ partnershipId: 'chorley-partnership', decisionId: '2006-03-09-way-forward' });
    expect(decisionReference('lancaster/2011-11-08-partnerships', 'chorley-partnership')).toEqual({ partnershipId: 'lancaster', decisionId: '2011-11-08-partnerships' });
  });
});

describe('a mapping with thousands of unknown keys', () => {
  it('names the first twenty and counts the rest in one problem, so the report stays small', async () => {
    const { validateDocument } = await import('../../src/model/validate.ts');
    const data: Record<string, unknown> = { title: 'T', publisher: 'P', base_url: 'https://example.org' };
    for (let i = 0; i < 50_000; i++) data[`k${i}`] = 1;
    const found: PendingDiagnostic[] = [];
    validateDocument({ file: 'site.yaml', kind: 'site', id: 'site', data }, found);
    expect(found).toHaveLength(21);
    expect(found.every((d) => d.code === 'unknown-key')).toBe(true);
    expect(found.at(-1)?.message).toMatch(/^and 49,980 more keys this register does not know, from `k20` on;/);
  });
});
