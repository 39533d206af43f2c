/**
 * A feed with no entries and no git history (a new partnership with no
 * decisions, built outside git) is dated by what the register records, never
 * 1 January 1970: a feed reader shows that date as "last updated".
 */
import { describe, expect, it } from 'vitest';
import { decisionsFeed, emptyFeedUpdated } from '../../src/exports/index.ts';
import type { PartnershipModel } from '../../src/model/index.ts';
import { expectValidAtom, fixtureModel } from './helpers.ts';
import { childrenNamed } from './xml.ts';

const model = fixtureModel();
const shire = model.partnerships.find((p) => p.id === 'shire-partnership')!;
const TODAY = '2026-11-26';
/** A partnership that records no date of any kind: no sources, founding, review or structure date. */
const undated: PartnershipModel = {
  ...shire,
  established: null,
  became_lsp: null,
  dissolved: null,
  status_as_at: null,
  reviewed: null,
  sources: null,
  structures: shire.structures.map((s) => ({ ...s, from: null, to: null, status_as_at: null, sources: null })),
  decisions: [],
};

const updatedOf = (p: PartnershipModel) => {
  const feed = expectValidAtom(
    decisionsFeed({
      site: model.site,
      path: '/partnerships/x/decisions.xml',
      pagePath: '/partnerships/x/',
      title: 't',
      subtitle: 's',
      decisions: [],
      partnerships: new Map([[p.id, p]]),
      emptyUpdated: emptyFeedUpdated([p], TODAY),
    }),
  );
  return childrenNamed(feed, 'updated')[0].text;
};

describe('an empty feed’s updated date', () => {
  it('is the latest date the partnership’s record gives', () => {
    expect(updatedOf({ ...undated, established: '1999', status_as_at: '2010-01', sources: [{ id: 'minutes', title: 'Minutes', date: '2011-06-30' }] })).toBe('2011-06-30T00:00:00Z');
    expect(updatedOf({ ...undated, reviewed: '2024-02-01', sources: [{ id: 'minutes', title: 'Minutes', date: '2011-06-30' }] })).toBe('2024-02-01T00:00:00Z');
  });

  it('takes a structure’s dates too, but none still to come', () => {
    const [first] = undated.structures;
    expect(updatedOf({ ...undated, established: '1999', structures: [{ ...first, from: '2025', to: '2030-03' }] })).toBe('2025-01-01T00:00:00Z');
  });

  it('is the day of the build when the register records no date, never 1970', () => {
    expect(updatedOf(undated)).toBe('2026-11-26T00:00:00Z');
    expect(emptyFeedUpdated([], TODAY)).toBe('2026-11-26T00:00:00Z');
  });

  it('for the whole register, is the latest date any partnership gives', () => {
    expect(emptyFeedUpdated([{ ...undated, sources: [{ id: 'a', title: 'A', date: '2005' }] }, { ...undated, dissolved: '2019-03' }], TODAY)).toBe('2019-03-01T00:00:00Z');
  });
});
