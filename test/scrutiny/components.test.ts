/**
 * ServedBy and DecisionServes as a reader gets them: built into a page by
 * Astro over the scrutiny fixture register, as the strategy, chapter and
 * decision pages will show them.
 */
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPage, PROJECT_ROOT } from '../history/astro-build.ts';
import { HTML_VALIDATE_CONFIG } from '../quality/static/helpers/html-validity.ts';
import { SCRUTINY_CONTENT } from './helpers.ts';

let html: string;

/** The text of the element with this id, tags dropped and spaces collapsed. */
const textOf = (id: string) => {
  const start = html.indexOf(`id="${id}"`);
  const section = html.slice(html.lastIndexOf('<section', start), html.indexOf('</section>', start));
  return section.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
};

beforeAll(async () => {
  const component = (name: string) => join(PROJECT_ROOT, 'src/components/scrutiny', name);
  html = await buildPage(`---
import ServedBy from '${component('ServedBy.astro')}';
import DecisionServes from '${component('DecisionServes.astro')}';
import { loadModel } from '${join(PROJECT_ROOT, 'src/model/index.ts')}';
import { decisionServes, servedByObjective, servedByPriority } from '${join(PROJECT_ROOT, 'src/site/scrutiny/served-by.ts')}';
const model = loadModel();
const decision = (id) => model.decisions.find((d) => d.id === id);
---
<html lang="en-GB"><head><title>Served by</title></head><body><main>
<h1>Served by</h1>
<h2>Objectives</h2>
<h3 id="objective-economy">A prosperous economy</h3>
<ServedBy view={servedByObjective(model, 'shire-partnership', 'scs-2020', 'economy')} subject="A prosperous economy" id="objective-economy" />
<h3 id="objective-health">Healthier lives</h3>
<ServedBy view={servedByObjective(model, 'shire-partnership', 'scs-2020', 'health')} subject="Healthier lives" id="objective-health" />
<h3 id="priority-crime">Less crime</h3>
<ServedBy view={servedByPriority(model, 'vale-lsp', 'scs-2020', 'crime')} subject="Less crime" id="priority-crime" />
<div id="jobs"><DecisionServes items={decisionServes(model, decision('2021-03-10-jobs-fund'))} level={3} /></div>
</main></body></html>
`, SCRUTINY_CONTENT);
}, 60_000);

describe('ServedBy', () => {
  it('lists each decision with its date, partnership, how it serves, status and money, then the totals', () => {
    const economy = textOf('objective-economy-served-by');
    expect(economy).toContain('Decisions that serve it : A prosperous economy');
    expect(economy).toContain('Jobs fund (Vale Partnership; directly, and through the priority More jobs in the Vale of Vale Partnership)');
    expect(economy).toContain('Skills bid (Vale Partnership; through the priority Better skills of Vale Partnership) Proposed Amount not recorded');
    expect(economy).toContain('Rejected grant (Vale Partnership) Rejected not counted £1,000.00 Not recorded £1,000.00');
    expect(economy).toContain('£2,000.00 Not recorded £2,000.00 a year');
    expect(economy).toContain('Total, one-off sums £5,000.00 £10,000.00 £15,000.00 Total a year £2,000.00 Not recorded £2,000.00');
    expect(economy).toContain('Total: £15,000.00 and £2,000.00 a year, plus 1 decision whose amount is not recorded. A rejected decision is listed but not counted.');
    expect(html).toContain('<time datetime="2021-05">May 2021</time>');
  });

  it('says when no decision serves an objective', () => {
    expect(textOf('objective-health-served-by')).toBe('Decisions that serve it : Healthier lives No decision in the register is recorded as serving this objective.');
  });

  it('says the total is not known when no amount is recorded', () => {
    expect(textOf('priority-crime-served-by')).toContain('Total: Not known: the amount of the one decision counted is not recorded.');
  });

  it('puts its wide table in a scroll region the keyboard can reach, named by its caption', () => {
    expect(html).toContain('<div class="app-table-scroll app-scroll-region" tabindex="0" role="region" aria-label="Decisions that serve “A prosperous economy”, newest first">');
  });
});

describe('DecisionServes', () => {
  it('names the objective and the priority a decision serves, where each sits, and the priority’s objective', () => {
    expect(textOf('decision-serves')).toBe(
      'What this decision serves Objective: A prosperous economy , in Shire Sustainable Community Strategy (Shire Partnership) '
      + 'Priority: More jobs in the Vale , in Vale district chapter (Vale Partnership) , under the objective A prosperous economy',
    );
  });
});

describe('the components’ markup', () => {
  it('is valid HTML, held to the rules every built page is', async () => {
    const report = await new HtmlValidate(HTML_VALIDATE_CONFIG).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});
