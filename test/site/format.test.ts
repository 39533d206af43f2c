import { describe, expect, it } from 'vitest';
import { datePhrase, formatDate, formatMeetings, formatPeriod, formatQuantity, formatSize, plural } from '../../src/site/format.ts';
import { alphabetical, partnershipsByTier } from '../../src/site/partnership-groups.ts';
import { baselineFor, versionsInOrder } from '../../src/site/structure-versions.ts';
import { fixtureModel } from './helpers/fixture-model.ts';

describe('dates and numbers for people', () => {
  it('writes dates no more precisely than the source', () => {
    expect([formatDate('2011-11-08'), formatDate('2002-10'), formatDate('1996')]).toEqual(['8 November 2011', 'October 2002', '1996']);
    expect(formatPeriod('2011', '2021')).toBe('2011 to 2021');
    expect(formatPeriod(undefined, undefined)).toBeUndefined();
  });

  it('writes sizes, counts and meeting frequencies in words', () => {
    expect([formatSize(20), formatSize({ approx: 40 }), formatSize(1)]).toEqual(['20 members', 'around 40 members', '1 member']);
    expect([plural(1, 'body', 'bodies'), plural(1200, 'job')]).toEqual(['1 body', '1,200 jobs']);
    expect([formatMeetings(1), formatMeetings(2), formatMeetings(6)]).toEqual(['once a year', 'twice a year', '6 times a year']);
  });

  it('keeps the document\'s hedge on a size, a term or a meeting frequency, never showing it as exact', () => {
    expect([formatSize({ approx: 40 }), formatSize({ at_least: 20 }), formatSize({ at_most: 1 })]).toEqual(['around 40 members', 'at least 20 members', 'at most 1 member']);
    expect([formatQuantity(2, 'year'), formatQuantity({ at_most: 3 }, 'year'), formatQuantity({ approx: 1 }, 'year')]).toEqual(['2 years', 'at most 3 years', 'around 1 year']);
    expect([formatMeetings({ approx: 6 }), formatMeetings({ at_least: 4 }), formatMeetings({ at_most: 2 }), formatMeetings({ at_least: 1 })])
      .toEqual(['around 6 times a year', 'at least 4 times a year', 'at most twice a year', 'at least once a year']);
  });
});

describe('listing partnerships', () => {
  it('puts each county first with its districts beneath', () => {
    const groups = partnershipsByTier(fixtureModel());
    expect(groups.map((g) => g.tier)).toEqual(['county']);
    const [shire] = groups[0].nodes;
    expect(shire.partnership.name).toBe('Shire Partnership');
    expect(shire.children.map((c) => c.partnership.name)).toEqual(['Chorley Partnership', 'Lancaster District Local Strategic Partnership', 'Vale District Local Strategic Partnership']);
  });

  it('files names starting with "The" under the next word in the A to Z', () => {
    const names = ['The Vale Forum', 'Alpha Partnership', 'Beta Board'].map((name) => ({ ...fixtureModel().partnerships[0], name }));
    expect(alphabetical(names).map((g) => [g.letter, g.partnerships.map((p) => p.name)])).toEqual([
      ['A', ['Alpha Partnership']], ['B', ['Beta Board']], ['V', ['The Vale Forum']],
    ]);
  });
});

describe('versions of a structure', () => {
  const lancaster = fixtureModel().partnerships.find((p) => p.id === 'lancaster-district-lsp');
  const chorley = fixtureModel().partnerships.find((p) => p.id === 'chorley-partnership');

  it('orders past versions, then the one in force, then proposals', () => {
    expect(chorley && versionsInOrder(chorley).map((s) => s.id)).toEqual(['pre-2006', '2006-proposed']);
  });

  it('compares a proposal with the structure in force, or the latest past one when none is in force', () => {
    const proposal = (p: typeof chorley, id: string) => p?.structures.find((s) => s.id === id);
    expect(chorley && baselineFor(chorley, proposal(chorley, '2006-proposed') ?? chorley.structures[0])?.id).toBe('pre-2006');
    expect(lancaster && baselineFor(lancaster, proposal(lancaster, '2011-proposed') ?? lancaster.structures[0])?.id).toBe('2011-current');
    expect(chorley && baselineFor(chorley, proposal(chorley, 'pre-2006') ?? chorley.structures[0])).toBeUndefined();
  });
});

describe('a date in a sentence', () => {
  it('puts "on" before a full date and "in" before a month or a year, never "on January 2022"', () => {
    expect([datePhrase('2021-06-15'), datePhrase('2022-01'), datePhrase('2021')]).toEqual(['on 15 June 2021', 'in January 2022', 'in 2021']);
  });
});
