import { describe, expect, it } from 'vitest';
import { fundingSummary } from '../../src/exports/atom.ts';
import { decisionsFeed, partnershipFeedUrl } from '../../src/exports/index.ts';
import { childrenNamed } from './xml.ts';
import { expectValidAtom, fixtureModel } from './helpers.ts';
import { checkContent } from '../../src/model/index.ts';

const model = fixtureModel();
const partnerships = new Map(model.partnerships.map((p) => [p.id, p]));
const vale = partnerships.get('vale-lsp')!;
const options = {
  site: model.site,
  path: '/decisions.xml',
  pagePath: '/decisions/',
  title: 'Decisions',
  subtitle: 'Every decision',
  decisions: model.decisions,
  partnerships,
  emptyUpdated: '2020-01-01T00:00:00Z',
};

describe('the decisions feed', () => {
  it('is a valid Atom feed with one entry per decision, newest first', () => {
    const feed = expectValidAtom(decisionsFeed(options));
    const entries = childrenNamed(feed, 'entry');
    expect(entries.map((e) => childrenNamed(e, 'id')[0].text)).toEqual(
      model.decisions.map((d) => `https://register.example.org/partnerships/${d.partnershipId}/decisions/${d.id}/`),
    );
  });

  it('gives each entry its title, date, decision maker, status, amount and link, with content text escaped', () => {
    const feed = expectValidAtom(decisionsFeed(options));
    const grants = childrenNamed(feed, 'entry').find((e) => e.children.some((c) => c.name === 'id' && c.text.endsWith('/2011-11-08-grants/')))!;
    const text = (name: string) => childrenNamed(grants, name)[0].text;
    expect(text('title')).toBe('Grants & awards: <b>2011</b> "round one"');
    expect(text('published')).toBe('2011-11-08T00:00:00Z');
    expect(childrenNamed(childrenNamed(grants, 'author')[0], 'name')[0].text).toBe('Cabinet, Vale Council');
    expect(childrenNamed(grants, 'category').map((c) => c.attributes.term)).toEqual(['approved', 'funding']);
    expect(text('summary')).toContain('Status: Approved.');
    expect(text('summary')).toContain('This decision allocates £55,001.23 from Performance Reward Grant (revenue £5,001.24, capital £49,999.99), of £150,000.01 available (revenue £100,000.01, capital £50,000.00).');
    expect(childrenNamed(grants, 'link')[0].attributes.href).toBe('https://register.example.org/partnerships/vale-lsp/decisions/2011-11-08-grants/');
  });

  const summaryOf = (decisionId: string) => {
    const feed = expectValidAtom(decisionsFeed(options));
    const found = childrenNamed(feed, 'entry').find((e) => childrenNamed(e, 'id')[0].text.endsWith(`/${decisionId}/`))!;
    return childrenNamed(found, 'summary')[0].text;
  };

  it('says the amount is not recorded for a table that lists no allocations and decides nothing, never that nothing was allocated', () => {
    const summary = summaryOf('2012-06-20-lottery-bid');
    expect(summary).toContain('Funding: Big Lottery Fund, amount not recorded; £100,000.00 available (capital £100,000.00).');
    expect(summary).not.toMatch(/nothing allocated|£0\.00/i);
  });

  it('gives what a decision decides as its amount, worded by its status, and describes allocations made elsewhere as made by whoever made them, on their date', () => {
    // The decision is noted: noting allocates nothing, so the feed never says the £7,500 was decided.
    const summary = summaryOf('2012-02-14-prg-record');
    expect(summary).toContain(
      'Funding: This decision noted £7,500.00 from Performance Reward Grant (capital £7,500.00), of £60,000.00 available (revenue £50,000.00, capital £10,000.00); '
      + 'noting allocates nothing, so none was allocated by it. '
      + 'Allocations made by Shire Partnership on 14 December 2011, recorded in this report: £25,000.00 (revenue £25,000.00).',
    );
    expect(summary).not.toContain('decided');
  });

  it('says allocations made elsewhere are recorded in the source the table cites, not in the report, when it cites another', () => {
    const record = model.decisions.find((d) => d.id === '2012-02-14-prg-record')!;
    const funding = { ...record.funding!, cite: [{ source: 'shire-newsletter' }] };
    const summary = fundingSummary({ ...record, funding }, () => 'Shire Partnership', [{ id: 'shire-newsletter', title: 'Shire newsletter' }]);
    expect(summary).toContain('Allocations made by Shire Partnership on 14 December 2011, recorded in “Shire newsletter”: £25,000.00');
    expect(summary).not.toContain('this report');
  });

  it('says a rejected or deferred decision was asked to allocate its amount, and allocated none, never that the money was decided', () => {
    const withStatus = (status: 'rejected' | 'deferred') => {
      const decisions = model.decisions.map((d) => (d.id === '2011-11-08-grants' ? { ...d, status } : d));
      const feed = expectValidAtom(decisionsFeed({ ...options, decisions }));
      const found = childrenNamed(feed, 'entry').find((e) => childrenNamed(e, 'id')[0].text.endsWith('/2011-11-08-grants/'))!;
      return childrenNamed(found, 'summary')[0].text;
    };
    expect(withStatus('rejected')).toContain('Funding: This decision was asked to allocate £55,001.23 from Performance Reward Grant');
    expect(withStatus('rejected')).toContain('; the decision was rejected, so none was allocated.');
    expect(withStatus('deferred')).toContain('; the decision was deferred, so none has been allocated by it.');
    expect(withStatus('rejected')).not.toMatch(/decided|allocates £/);
  });

  it('never counts allocations a decision only records as its amount, says when their maker or date is not recorded, and claims no report the decision does not have', () => {
    expect(summaryOf('2012-03-forum-grants')).toContain(
      'Funding: Community chest, amount not recorded; £3,000.00 available (revenue £3,000.00). Allocations made by Vale Community Forum (date not recorded), recorded here: £3,000.00 (revenue £3,000.00).',
    );
    expect(summaryOf('2012-04-01-budget-note')).toContain(
      'Funding: LSP pooled budget, amount not recorded; £1,500.00 available (revenue £1,500.00). Allocations recorded here, by whom not recorded: £1,500.00 (revenue £1,500.00).',
    );
  });

  it('dates a decision known only by its year at the first of January, and says the year as recorded', () => {
    const feed = expectValidAtom(decisionsFeed(options));
    const pooled = childrenNamed(feed, 'entry').find((e) => childrenNamed(e, 'id')[0].text.endsWith('/2011-pooled-budget/'))!;
    expect(childrenNamed(pooled, 'published')[0].text).toBe('2011-01-01T00:00:00Z');
    expect(childrenNamed(pooled, 'updated')[0].text).toBe('2011-01-01T00:00:00Z');
    expect(childrenNamed(pooled, 'summary')[0].text).toContain('Date: 2011.');
    expect(childrenNamed(pooled, 'summary')[0].text).toContain('This decision is asked to allocate £12,345.67 a year from LSP pooled budget (revenue £12,345.67), of £20,000.00 a year available');
  });

  it('shows only the title and date of an exempt decision', () => {
    const xml = decisionsFeed(options);
    const feed = expectValidAtom(xml);
    const exempt = childrenNamed(feed, 'entry').find((e) => childrenNamed(e, 'id')[0].text.endsWith('/2011-12-exempt-contract/'))!;
    expect(childrenNamed(exempt, 'title')[0].text).toBe('Exempt contract award');
    expect(childrenNamed(exempt, 'author')).toEqual([]);
    expect(childrenNamed(exempt, 'category')).toEqual([]);
    expect(childrenNamed(exempt, 'summary')[0].text).toContain('Exempt from publication');
    expect(xml).not.toContain('Confidential supplier');
    expect(xml).not.toContain('Secret fund');
  });

  it('uses when git last changed a decision as its updated date, and the newest of those as the feed’s', () => {
    const changed: Record<string, string> = { [vale.decisions[0].file]: '2026-05-01T09:00:00+01:00' };
    const feed = expectValidAtom(decisionsFeed({ ...options, lastModified: (file) => changed[file] }));
    expect(childrenNamed(feed, 'updated')[0].text).toBe('2026-05-01T09:00:00+01:00');
  });

  it('is valid with no decisions, dated by the fallback it is given', () => {
    const feed = expectValidAtom(decisionsFeed({ ...options, decisions: [], emptyUpdated: '2020-02-02T00:00:00Z' }));
    expect(childrenNamed(feed, 'updated')[0].text).toBe('2020-02-02T00:00:00Z');
    expect(childrenNamed(feed, 'entry')).toEqual([]);
  });

  it('gives the same bytes for the same content', () => {
    expect(decisionsFeed(options)).toBe(decisionsFeed({ ...options, partnerships: new Map(partnerships) }));
  });

  it('has a feed per partnership at /partnerships/<id>/decisions.xml', () => {
    expect(partnershipFeedUrl('vale-lsp')).toBe('/partnerships/vale-lsp/decisions.xml');
    const feed = expectValidAtom(decisionsFeed({ ...options, path: partnershipFeedUrl('vale-lsp'), decisions: vale.decisions }));
    expect(childrenNamed(feed, 'id')[0].text).toBe('https://register.example.org/partnerships/vale-lsp/decisions.xml');
    expect(childrenNamed(feed, 'entry')).toHaveLength(vale.decisions.length);
  });

  it('is valid Atom for the example content', () => {
    const example = checkContent('content', { today: '2026-11-26' });
    expectValidAtom(decisionsFeed({ ...options, site: example.site, decisions: example.decisions, partnerships: new Map(example.partnerships.map((p) => [p.id, p])) }));
  });
});
