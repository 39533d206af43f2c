import { describe, expect, it } from 'vitest';
import { CHANGES_FEED_ENTRIES, changesFeed } from '../../src/exports/changes-feed.ts';
import { SEAT_COLUMNS, SEAT_FIELDS, seatsCsv } from '../../src/exports/seats-csv.ts';
import { comparePageData } from '../../src/site/scrutiny/compare.ts';
import { expectValidAtom, parseCsv } from '../exports/helpers.ts';
import { childrenNamed, type XmlElement } from '../exports/xml.ts';
import { exampleModel } from '../site/pages/example-model.ts';
import { madeUpHistory, NO_HISTORY, scrutinyModel } from './helpers.ts';

/** Any fixed date: these feeds have entries, so it is not shown. */
const EMPTY_UPDATED = '2020-01-01T00:00:00Z';

const text = (entry: XmlElement, name: string) => childrenNamed(entry, name)[0]?.text;
const history = madeUpHistory([
  { subject: 'Fix <b>the</b> board & "seats"', date: '2026-11-20T10:00:00+01:00', files: ['partnerships/vale-lsp/structures/2020-current.yaml'] },
]);

describe('the changes feed', () => {
  const feed = expectValidAtom(changesFeed(scrutinyModel(), { history, emptyUpdated: EMPTY_UPDATED }));
  const entries = childrenNamed(feed, 'entry');

  it('is a valid Atom feed of the same changes as /changes/, newest first, each with its own id', () => {
    expect(entries.map((e) => text(e, 'title'))).toEqual([
      'Page edited: Fix <b>the</b> board & "seats"',
      'Decision: Exempt contract',
      'Decision: Pooled budget',
      'Decision: Rejected grant',
      'Decision: Skills bid',
      'Decision: Jobs fund',
      'Structure proposed: Proposed Vale structure (2021)',
      'Decision: Crime review',
      'Structure adopted: Vale structure (2020)',
      'Structure adopted: Shire structure (2020)',
      'Structure superseded: Vale structure (2015)',
      'Structure adopted: Vale structure (2015)',
    ]);
    expect(text(entries[6], 'id')).toBe('https://scrutiny.example.org/changes/year/2021/#change-structure-vale-lsp--2021-proposed--proposed');
    expect(text(entries[5], 'id')).toBe('https://scrutiny.example.org/changes/year/2021/#change-decision-vale-lsp--2021-03-10-jobs-fund');
    expect(childrenNamed(entries[5], 'link')[0].attributes.href).toBe('https://scrutiny.example.org/partnerships/vale-lsp/decisions/2021-03-10-jobs-fund/');
    expect(text(feed, 'updated')).toBe('2026-11-20T10:00:00+01:00');
    expect(childrenNamed(feed, 'link').find((l) => l.attributes.rel === 'self')?.attributes.href).toBe('https://scrutiny.example.org/changes.xml');
  });

  it('dates a decision or structure by its own date, a partial date at the start of its period, and says the date as recorded', () => {
    const crime = entries.find((e) => text(e, 'title') === 'Decision: Crime review')!;
    expect(text(crime, 'published')).toBe('2021-01-01T00:00:00Z');
    expect(text(crime, 'summary')).toBe('Vale Partnership. Date: 2021. Decision maker: Vale Board. Status: Noted.');
    const shire = entries.find((e) => text(e, 'title') === 'Structure adopted: Shire structure (2020)')!;
    expect(text(shire, 'summary')).toBe('Shire Partnership. Structure adopted in April 2020: Shire structure (2020).');
  });

  it('gives an edit its commit’s date, links the commit and the pages it changed, and escapes its subject', () => {
    const [edit] = entries;
    expect(text(edit, 'updated')).toBe('2026-11-20T10:00:00+01:00');
    expect(childrenNamed(edit, 'link').map((l) => `${l.attributes.rel} ${l.attributes.href}`)).toEqual([
      `alternate https://github.com/example/scrutiny-register/commit/${'0'.padStart(40, 'a')}`,
      'related https://scrutiny.example.org/partnerships/vale-lsp/structures/2020-current/',
    ]);
    expect(text(edit, 'summary')).toBe('Edited 1 page: Vale structure (2020) (Vale Partnership).');
    expect(text(edit, 'id')).toBe(`https://scrutiny.example.org/changes/year/2026/#change-commit-${'0'.padStart(40, 'a')}`);
    expect(changesFeed(scrutinyModel(), { history, emptyUpdated: EMPTY_UPDATED })).toContain('Fix &lt;b&gt;the&lt;/b&gt; board &amp; &quot;seats&quot;');
  });

  it('publishes only the title and date of an exempt decision', () => {
    const exempt = entries.find((e) => text(e, 'title') === 'Decision: Exempt contract')!;
    expect(text(exempt, 'summary')).toBe('Vale Partnership. Date: 1 August 2021. Exempt from publication: only the title and date are published.');
    expect(childrenNamed(exempt, 'author')).toEqual([]);
  });

  it('without history, still lists decisions and structures, and says nothing of edits', () => {
    const bare = expectValidAtom(changesFeed(scrutinyModel(), { history: NO_HISTORY, emptyUpdated: EMPTY_UPDATED }));
    expect(childrenNamed(bare, 'entry')).toHaveLength(entries.length - 1);
    expect(text(bare, 'subtitle')).toBe('What changed in Scrutiny Fixture Register: decisions, structures proposed, adopted or superseded; the newest 200 at most, newest first.');
  });

  it('holds the newest entries only, up to its limit', () => {
    const short = expectValidAtom(changesFeed(scrutinyModel(), { history, emptyUpdated: EMPTY_UPDATED, limit: 3 }));
    expect(childrenNamed(short, 'entry').map((e) => text(e, 'title'))).toEqual(entries.slice(0, 3).map((e) => text(e, 'title')));
    expect(CHANGES_FEED_ENTRIES).toBe(200);
  });

  it('is valid on the example register too', () => {
    expect(childrenNamed(expectValidAtom(changesFeed(exampleModel(), { history: NO_HISTORY, emptyUpdated: EMPTY_UPDATED })), 'entry').length).toBeGreaterThan(exampleModel().decisions.length);
  });
});

describe('seats.csv', () => {
  const rows = parseCsv(seatsCsv(scrutinyModel()));
  const [header, ...body] = rows;
  const column = (name: (typeof SEAT_COLUMNS)[number]) => header.indexOf(name);

  it('starts with the columns the issue names, then names and context, each described for the open-data page', () => {
    expect(header).toEqual([...SEAT_COLUMNS]);
    expect(header.slice(0, 7)).toEqual(['partnership', 'structure', 'body', 'sector', 'category', 'count', 'voting']);
    expect(Object.keys(SEAT_FIELDS)).toEqual([...SEAT_COLUMNS]);
  });

  it('has one row per body and seat line of the bodies /compare/ shows, with the same figures', () => {
    const page = comparePageData(scrutinyModel());
    expect(body.map((r) => r.slice(0, 7).join(','))).toEqual([
      'shire-partnership,2020-current,board,County Councillors,elected-members,6,true',
      'shire-partnership,2020-current,board,Police,police,2,true',
      'shire-partnership,2020-current,board,Primary care,health,3,true',
      'shire-partnership,2020-current,board,Business,business,4,true',
      'shire-partnership,2020-current,board,Community and voluntary groups,voluntary-community-faith,4,true',
      'shire-partnership,2020-current,board,Observers from the districts,,3,false',
      'shire-partnership,2020-current,executive,,,,',
      'vale-lsp,2020-current,board,Councillors,elected-members,4,true',
      'vale-lsp,2020-current,board,Local businesses,business,3,true',
      'vale-lsp,2020-current,board,Schools,,1,true',
      'vale-lsp,2020-current,board,Health,health,2,false',
    ]);
    const votingListed = new Map(body.map((r) => [`${r[0]}/${r[2]}`, r[column('voting_seats_listed')]]));
    for (const row of page.rows) expect(votingListed.get(`${row.partnership.id}/${row.body.id}`)).toBe(row.seats ? String(row.seats.votingTotal) : '');
  });

  it('leaves a body’s seats blank when none are listed, and writes a hedged size with its hedge', () => {
    const executive = body.find((r) => r[2] === 'executive')!;
    expect([executive[column('count')], executive[column('voting')], executive[column('voting_seats_listed')], executive[column('stated_size')]]).toEqual(['', '', '', '']);
    const shire = body.find((r) => r[0] === 'shire-partnership' && r[2] === 'board')!;
    expect([shire[column('stated_size')], shire[column('stated_size_hedge')], shire[column('advisory_seats_listed')]]).toEqual(['20', 'approx', '3']);
    expect(shire[column('url')]).toBe('https://scrutiny.example.org/partnerships/shire-partnership/structures/2020-current/#body-board');
  });

  it('gives Chorley’s stated 25 beside the 22 voting seats listed, on the example register', () => {
    const chorley = parseCsv(seatsCsv(exampleModel())).filter((r) => r[0] === 'chorley-partnership' && r[2] === 'board-of-directors');
    expect(chorley).toHaveLength(14);
    expect(new Set(chorley.map((r) => `${r[13]}/${r[15]}`))).toEqual(new Set(['25/22']));
  });
});
