/**
 * "Made by … on …" in the feed and in 360Giving: "on" a full date, "in" a
 * month or a year, as on the pages (one helper, datePhrase, for all three).
 */
import { describe, expect, it } from 'vitest';
import { fundingSummary, grants360Giving } from '../../src/exports/index.ts';
import { fixtureModel } from './helpers.ts';

/** The fixture register with the Shire allocations recorded in Vale's decision dated only to their month. */
function monthDated() {
  const model = fixtureModel();
  const decision = model.decisions.find((d) => d.id === '2012-02-14-prg-record')!;
  decision.funding!.allocated_on = '2011-12';
  return { model, decision: decision as typeof decision & { funding: NonNullable<typeof decision.funding> } };
}

describe('the date allocations made elsewhere were made', () => {
  it('reads "in December 2011" in the feed when only the month is recorded', () => {
    const { model, decision } = monthDated();
    const names = new Map(model.partnerships.map((p) => [p.id, p.name]));
    const summary = fundingSummary(decision, (id) => names.get(id));
    expect(summary).toContain('Allocations made by Shire Partnership in December 2011,');
    expect(summary).not.toContain('on December 2011');
  });

  it('reads "in December 2011" in a 360Giving grant’s description when only the month is recorded', () => {
    const { model } = monthDated();
    const town = grants360Giving(model).grants.find((g) => g.title === 'Town centre events')!;
    expect(town.description).toContain('by Shire Partnership in December 2011, as recorded in');
    expect(town.description).not.toContain('on December 2011');
  });
});
