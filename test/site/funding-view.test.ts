/**
 * A funding table states what the report says and nothing more: no
 * "allocated" or "remaining" figures where no allocations are listed, who
 * made the allocations, and the decision's own amount.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, type DecisionModel, type FundingModel } from '../../src/model/index.ts';
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
    expect(view.attribution).toBe('The report does not list allocations from this fund.');
  });

  it('attributes Lancaster’s allocations to the LSP that made them, and gives Cabinet’s own decision apart', () => {
    const d = decision('2011-11-08-partnerships');
    const view = fundingView(model, d);
    expect(view.attribution).toMatch(/^These allocations were made by Lancaster District Local Strategic Partnership/);
    expect(view.attribution).not.toMatch(/Cabinet/);
    expect(view.decides).toBe('This decision is asked to allocate £27,535.40 revenue and £89,910.60 capital.');
  });
});

describe('the register’s amount for a decision', () => {
  it('is what the decision itself decides, not the allocations made elsewhere (Lancaster: £117,446.00, not £530,000)', () => {
    expect(amountOf(decision('2011-11-08-partnerships'))).toBe('£117,446.00');
  });

  it('is not recorded, not £0.00 or what was available, when the table does not say', () => {
    expect(amountOf(decision('2010-01-12-future-of-lsp-support'))).toBeUndefined();
  });
});
