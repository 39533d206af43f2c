/**
 * Wording a reader sees in shared components, built by Astro over the site
 * fixture: the decision tables' Amount column and dates in sentences.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPage, PROJECT_ROOT } from '../history/astro-build.ts';

const content = fileURLToPath(new URL('fixtures/content', import.meta.url));
let html: string;
/** The page's text as a reader sees it: tags dropped, spaces folded. */
const text = () => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  html = await buildPage(`---
import DecisionTable from '${join(PROJECT_ROOT, 'src/components/DecisionTable.astro')}';
import DateText from '${join(PROJECT_ROOT, 'src/components/DateText.astro')}';
import { loadModel } from '${join(PROJECT_ROOT, 'src/model/index.ts')}';
import { registerRows } from '${join(PROJECT_ROOT, 'src/site/register.ts')}';
const rows = registerRows(loadModel()).filter((row) => row.decision.public && !row.decision.funding);
---
<html lang="en-GB"><head><title>Wording</title></head><body><main>
<DecisionTable rows={rows} caption="Decisions without a funding table" id="no-funding" />
<p id="day">Made <DateText date="2021-06-15" phrase /></p>
<p id="month">Made <DateText date="2022-01" phrase /></p>
</main></body></html>
`, content);
}, 60_000);

describe('the decision table’s Amount column', () => {
  it('says "Not recorded" for a decision with no funding table, never "None" or £0', () => {
    // The Amount cell is each row's last.
    const cells = [...html.matchAll(/<td class="([^"]*)">([^<]*)<\/td>\s*<\/tr>/g)].map((m) => ({ cls: m[1], text: m[2].trim() }));
    expect(cells.length).toBeGreaterThan(0);
    expect(new Set(cells.map((c) => c.text))).toEqual(new Set(['Not recorded']));
    // "Not recorded" is words, not a figure: it is not right-aligned as a number.
    expect(cells.every((c) => !c.cls.includes('numeric'))).toBe(true);
    expect(html).not.toMatch(/>None<|£0\.00/);
  });
});

describe('a date in a sentence', () => {
  it('reads "on" a full date and "in" a month', () => {
    expect(text()).toContain('Made on 15 June 2021');
    expect(text()).toContain('Made in January 2022');
  });
});
