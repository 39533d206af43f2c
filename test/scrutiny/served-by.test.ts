import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/model/index.ts';
import { decisionServes, servedByObjective, servedByPriority, totalSentence } from '../../src/site/scrutiny/served-by.ts';
import { exampleModel } from '../site/pages/example-model.ts';
import { scrutinyModel } from './helpers.ts';

const decision = (model: Model, id: string) => {
  const found = model.decisions.find((d) => d.id === id);
  if (!found) throw new Error(`no decision ${id}`);
  return found;
};

describe('an objective followed to the money (Shire’s “A prosperous economy”)', () => {
  const view = servedByObjective(scrutinyModel(), 'shire-partnership', 'scs-2020', 'economy');

  it('lists the decisions that serve it, directly or through a district priority, newest first', () => {
    expect(view.decisions.map((d) => [d.date, d.title, d.status.text])).toEqual([
      ['2021-07-01', 'Pooled budget', 'Approved'],
      ['2021-06-01', 'Rejected grant', 'Rejected'],
      ['2021-05', 'Skills bid', 'Proposed'],
      ['2021-03-10', 'Jobs fund', 'Approved'],
    ]);
  });

  it('says how each serves it, and links the priority it serves it through', () => {
    const [pooled, , skills, jobs] = view.decisions;
    expect(pooled.through).toEqual({ direct: true, priorities: [] });
    expect(skills.through).toEqual({
      direct: false,
      priorities: [{ text: 'Better skills', href: '/partnerships/vale-lsp/chapters/scs-2020/#priority-skills', partnershipName: 'Vale Partnership' }],
    });
    expect(jobs.through.direct).toBe(true);
    expect(jobs.through.priorities.map((p) => p.text)).toEqual(['More jobs in the Vale']);
  });

  it('lists a decision that serves it both directly and through a priority once, and counts its money once', () => {
    expect(view.decisions.filter((d) => d.title === 'Jobs fund')).toHaveLength(1);
    expect(view.totals.oneOff).toEqual({ revenue: 500000, capital: 1000000, total: 1500000, decisions: 1 });
  });

  it('gives what each decision itself decides, by stream, and “not recorded” where the register has no amount or no figure for a stream', () => {
    const [pooled, rejected, skills, jobs] = view.decisions;
    expect(jobs.amount).toEqual({ revenue: '£5,000.00', capital: '£10,000.00', total: '£15,000.00', perYear: false });
    // The pooled budget decides revenue only: its capital is not recorded, not £0.00.
    expect(pooled.amount).toEqual({ revenue: '£2,000.00', capital: 'Not recorded', total: '£2,000.00', perYear: true });
    expect(skills.amount).toBeUndefined();
    expect(rejected).toMatchObject({ counted: false, amount: { total: '£1,000.00' } });
  });

  it('totals one-off sums and sums a year apart, leaves the rejected decision out, and says what is not counted', () => {
    expect(view.totals.perYear).toEqual({ revenue: 200000, capital: null, total: 200000, decisions: 1 });
    expect(view).toMatchObject({ notRecorded: 1, rejected: 1 });
    expect(view.totalText).toBe('£15,000.00 and £2,000.00 a year, plus 1 decision whose amount is not recorded. A rejected decision is listed but not counted.');
  });

  it('publishes nothing of an exempt decision, not even that it serves the objective', () => {
    expect(view.decisions.map((d) => d.title)).not.toContain('Exempt contract');
    expect(JSON.stringify(view)).not.toContain('9,999');
  });
});

describe('objectives and priorities that nothing serves, or whose money is not recorded', () => {
  it('says so for an objective no decision serves, even when a district priority sits under it', () => {
    const view = servedByObjective(scrutinyModel(), 'shire-partnership', 'scs-2020', 'health');
    expect(view.decisions).toEqual([]);
    expect(view.emptyText).toBe('No decision in the register is recorded as serving this objective.');
  });

  it('gives a priority the decisions that name it, and says the total is not known when no amount is recorded', () => {
    const view = servedByPriority(scrutinyModel(), 'vale-lsp', 'scs-2020', 'crime');
    expect(view.decisions.map((d) => [d.date, d.title, d.amount])).toEqual([['2021', 'Crime review', undefined]]);
    expect(view.totalText).toBe('Not known: the amount of the one decision counted is not recorded.');
    expect(servedByPriority(scrutinyModel(), 'vale-lsp', 'scs-2020', 'parks').emptyText).toBe('No decision in the register is recorded as serving this priority.');
  });

  it('on the example register, says that no decision serves any of Worcestershire’s objectives or the Worcester chapter’s priority', () => {
    const model = exampleModel();
    const strategy = model.partnerships.find((p) => p.id === 'worcestershire-partnership')!.strategies[0];
    for (const objective of strategy.objectives) {
      expect(servedByObjective(model, 'worcestershire-partnership', strategy.id, objective.id).emptyText).toBe('No decision in the register is recorded as serving this objective.');
      expect(servedByObjective(model, 'worcestershire-partnership', strategy.id, objective.id).decisions).toEqual([]);
    }
    const chapter = model.partnerships.find((p) => p.id === 'worcester-lsp')!.chapters[0];
    expect(chapter.priorities.length).toBeGreaterThan(0);
    for (const priority of chapter.priorities) expect(servedByPriority(model, 'worcester-lsp', chapter.id, priority.id).decisions).toEqual([]);
  });
});

describe('the total in words', () => {
  const sum = (total: number) => ({ revenue: total, capital: null, total, decisions: 1 });

  it('counts the decisions without an amount, in the singular and the plural', () => {
    expect(totalSentence({ oneOff: sum(500000) }, 2, 0)).toBe('£5,000.00, plus 2 decisions whose amount is not recorded.');
    expect(totalSentence({ oneOff: sum(500000) }, 0, 0)).toBe('£5,000.00.');
    expect(totalSentence({}, 3, 0)).toBe('Not known: the amount is not recorded for any of the 3 decisions counted.');
  });

  it('says how many rejected decisions it leaves out, and that nothing is counted when nothing else is left', () => {
    expect(totalSentence({}, 0, 2)).toBe('No money is counted. 2 rejected decisions are listed but not counted.');
  });
});

describe('what a decision serves, for its page', () => {
  it('names each objective and priority, where each sits, and the objective a priority serves', () => {
    expect(decisionServes(scrutinyModel(), decision(scrutinyModel(), '2021-03-10-jobs-fund'))).toEqual([
      {
        kind: 'Objective',
        text: 'A prosperous economy',
        href: '/partnerships/shire-partnership/strategies/scs-2020/#objective-economy',
        within: { text: 'Shire Sustainable Community Strategy (Shire Partnership)', href: '/partnerships/shire-partnership/strategies/scs-2020/' },
      },
      {
        kind: 'Priority',
        text: 'More jobs in the Vale',
        href: '/partnerships/vale-lsp/chapters/scs-2020/#priority-jobs',
        within: { text: 'Vale district chapter (Vale Partnership)', href: '/partnerships/vale-lsp/chapters/scs-2020/' },
        objective: { text: 'A prosperous economy', href: '/partnerships/shire-partnership/strategies/scs-2020/#objective-economy' },
      },
    ]);
  });

  it('lists nothing for an exempt decision, whose page shows only its title and date', () => {
    expect(decisionServes(scrutinyModel(), decision(scrutinyModel(), '2021-08-01-exempt-contract'))).toEqual([]);
  });
});
