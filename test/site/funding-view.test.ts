/**
 * A funding table states what the report says and nothing more: no
 * "allocated" or "remaining" figures where no allocations are listed, who
 * made the allocations, and the decision's own amount.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, type DecisionModel, type FundingModel } from '../../src/model/index.ts';
import { sumFunding } from '../../src/rules/funding.ts';
import { amountOf } from '../../src/site/register.ts';
import { fundingView } from '../../src/site/funding-view.ts';
import { ROOT } from '../helpers/fixtures.ts';

const model = checkContent(`${ROOT}/content`, { today: '2026-11-26' });
const decision = (id: string) => {
  const found = model.decisions.find((d) => d.id === id);
  if (!found?.funding) throw new Error(`example decision ${id} with funding is missing`);
  return found as DecisionModel & { funding: FundingModel };
};

describe('a funding table on a decision page', () => {
  it('shows no allocated or remaining figures for Calderdale’s pooled budget, whose report lists no allocations', () => {
    const view = fundingView(model, decision('2010-01-12-future-of-lsp-support'));
    expect(view.allocations).toBeUndefined();
    expect(view.totals).toBeUndefined();
    expect(view.remainingAgrees).toBe(false);
    // Absent is not recorded: the register does not know what the report lists.
    expect(view.attribution).toBe('Allocations from this fund are not recorded.');
  });

  it('attributes Lancaster’s allocations to the LSP that made them, and gives Cabinet’s own decision apart', () => {
    const d = decision('2011-11-08-partnerships');
    const view = fundingView(model, d);
    expect(view.attribution).toMatch(/^These allocations were made by Lancaster District Local Strategic Partnership/);
    expect(view.attribution).not.toMatch(/Cabinet/);
    expect(view.decides).toBe('This decision is asked to allocate £27,535.40 revenue and £89,910.60 capital.');
    expect(view.attribution).toMatch(/They are shown as the report records them, not as part of this decision\.$/);
  });

  it('words the decision’s own money by its status: allocated only when approved', () => {
    const lancaster = decision('2011-11-08-partnerships');
    const decides = (status: DecisionModel['status']) => fundingView(model, { ...lancaster, status }).decides;
    const money = '£27,535.40 revenue and £89,910.60 capital';
    expect(decides('approved')).toBe(`This decision allocates ${money}.`);
    expect(decides('rejected')).toBe(`This decision was asked to allocate ${money}; the decision was rejected, so none was allocated.`);
    expect(decides('deferred')).toBe(`This decision was asked to allocate ${money}; the decision was deferred, so none has been allocated by it.`);
    expect(decides('noted')).toBe(`This decision noted ${money}; noting allocates nothing, so none was allocated by it.`);
  });

  it('never says a decision that was not approved made the allocations it lists as its own', () => {
    const lancaster = decision('2011-11-08-partnerships');
    const own = { ...lancaster, funding: sumFunding({ ...lancaster.funding, allocated_by: 'this-decision' }) };
    expect(fundingView(model, { ...own, status: 'approved' }).attribution).toBe('These allocations are made by this decision (8 November 2011).');
    expect(fundingView(model, { ...own, status: 'rejected' }).attribution)
      .toBe('This decision was asked to allocate the sums listed below; the decision was rejected, so none was allocated.');
  });

  it('says allocations made elsewhere are shown as the source the table cites records them, not as the report does', () => {
    const lancaster = decision('2011-11-08-partnerships');
    const view = fundingView(model, { ...lancaster, funding: { ...lancaster.funding, cite: [{ source: 'partnerships-report', where: 'para 3' }] } });
    expect(view.attribution).toMatch(/They are shown as “Partnerships” records them, not as part of this decision\.$/);
    expect(view.attribution).not.toContain('the report');
  });
});

describe('the register’s amount for a decision', () => {
  it('is what the decision itself decides, not the allocations made elsewhere (Lancaster: £117,446.00, not £530,000), and says it was only asked for', () => {
    expect(amountOf(decision('2011-11-08-partnerships'))).toBe('£117,446.00 asked for; outcome not recorded');
  });

  it('says unless the decision was approved that the money was not allocated, so a rejected bid is not read as money given', () => {
    const lancaster = decision('2011-11-08-partnerships');
    const amount = (status: DecisionModel['status']) => amountOf({ ...lancaster, status });
    expect(amount('approved')).toBe('£117,446.00');
    expect(amount('rejected')).toBe('£117,446.00 asked for; rejected, none allocated');
    expect(amount('deferred')).toBe('£117,446.00 asked for; deferred, none allocated');
    expect(amount('noted')).toBe('£117,446.00 noted; none allocated');
  });

  it('is not recorded, not £0.00 or what was available, when the table does not say', () => {
    expect(amountOf(decision('2010-01-12-future-of-lsp-support'))).toBeUndefined();
  });
});
