/**
 * The page history as a reader sees it: a real Astro build of a page using
 * PageHistory, over a real git repository, then over a shallow clone of it.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage, PROJECT_ROOT } from './astro-build.ts';
import { shallowClone, tempRepo, type TempRepo } from './git-repo.ts';

const DECISION = 'partnerships/vale-lsp/decisions/2011-11-08-grants.md';

const decision = (status: string, outcome: string) => `---
title: Grants for 2011
date: 2011-11-08
decision_maker: Cabinet, Vale Council
kind: funding
status: ${status}
public: true
outcome: ${outcome}
---
Text.
`;

/** A page showing the decision's history, built over the repository's content folder. */
function buildHistoryPage(contentDir: string): Promise<string> {
  return buildPage(`---
import PageHistory from '${join(PROJECT_ROOT, 'src/components/PageHistory.astro')}';
---
<html lang="en-GB"><head><title>History</title></head><body><main>
<PageHistory files={['${DECISION}']} repository="https://github.com/example/register" />
</main></body></html>
`, contentDir);
}

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe('the page history a reader sees', () => {
  let repo: TempRepo;
  let html: string;
  const hashes: string[] = [];

  beforeAll(async () => {
    repo = tempRepo();
    const site = 'title: Test Register\npublisher: Test Council\nbase_url: https://register.example.org\nrepository: https://github.com/example/register\n';
    const partnership = '---\nname: Vale LSP\nkind: district-lsp\narea: Vale\ntier: district\nstatus: proposed\npurpose: [Work together.]\nsummary: A partnership.\n---\n';
    hashes.push(repo.commit({ 'content/site.yaml': site, 'content/partnerships/vale-lsp/partnership.md': partnership, [`content/${DECISION}`]: decision('proposed', 'Not yet known.') }, 'Add the November grants report', '2011-11-01T09:30:00+00:00'));
    hashes.push(repo.commit({ [`content/${DECISION}`]: decision('approved', 'Agreed.') }, 'Cabinet approved the <grants> & said so', '2011-11-09T17:05:00+00:00'));
    hashes.push(repo.commit({ [`content/${DECISION}`]: decision('approved', 'Agreed, with conditions.') }, 'Add the conditions from the minutes', '2012-01-16T11:00:00+00:00'));
    html = await buildHistoryPage(join(repo.dir, 'content'));
  }, 60_000);
  afterAll(() => repo?.remove());

  it('shows "Last updated" with the date of the last commit to the decision', () => {
    expect(text(html)).toContain('Last updated: 16 January 2012');
  });

  it('lists every commit to the decision, newest first, with its date and message, escaped', () => {
    const history = text(html.slice(html.indexOf('id="page-history"')));
    const positions = ['16 January 2012: Add the conditions from the minutes', '9 November 2011: Cabinet approved the <grants> & said so', '1 November 2011: Add the November grants report']
      .map((line) => history.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').indexOf(line));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain('Cabinet approved the &lt;grants&gt; &amp; said so');
  });

  it('links each commit, and the decision file’s changes in it, to the repository', () => {
    for (const hash of hashes) {
      expect(html).toContain(`href="https://github.com/example/register/commit/${hash}"`);
      expect(html).toMatch(new RegExp(`href="https://github.com/example/register/commit/${hash}#diff-[0-9a-f]{64}"`));
    }
  });

  it('is valid, accessible HTML', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off' } }).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it('says history is not available when built from a shallow clone, with no dates', async () => {
    const clone = shallowClone(repo.dir);
    try {
      const shallow = await buildHistoryPage(join(clone, 'content'));
      expect(text(shallow)).toContain('Last updated: history not available in this build.');
      expect(text(shallow)).toContain('History not available in this build.');
      expect(shallow).not.toContain('2012');
      expect(shallow).not.toContain('/commit/');
    } finally {
      rmSync(join(clone, '..'), { recursive: true, force: true });
    }
  }, 60_000);
});
