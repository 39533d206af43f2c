/**
 * What a reader sees in three places the register once said more than its
 * sources: a dissolved partnership's status row ("Dissolved, date not
 * recorded" above "Dissolved: March 2019"), an option's list the report does
 * not give ("None recorded"), and an empty feed dated 1 January 1970. Built
 * from the site fixture with a dissolved forum that lists no sources, a new
 * forum with no decisions, and an option without disadvantages or risks.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrThrow, FIXTURE_SITE_CONTENT, workFolder } from '../quality/static/helpers/build-site.ts';
import { childrenNamed, parseXml } from '../exports/xml.ts';

const work = workFolder('status-options-feeds-');
const content = join(work, 'content');
const out = join(work, 'site');
const LANCASTER_DECISION = 'partnerships/lancaster-district-lsp/decisions/2011-11-08-partnerships';

const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
/** Text as a reader sees it: inline tags (a tag, a date) run on with their words; block tags break; spaces folded. */
const readerText = (html: string) =>
  html.replace(/<\/?(strong|span|time|a)\b[^>]*>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
/** The value beside a key in a page's summary lists, as a reader sees it; undefined when there is no such row. */
const row = (path: string, key: string) => {
  const match = new RegExp(`<dt class="govuk-summary-list__key">${key}</dt>\\s*<dd class="govuk-summary-list__value">([\\s\\S]*?)</dd>`).exec(page(path));
  return match ? readerText(match[1]) : undefined;
};
const partnership = (id: string, frontmatter: string) => {
  mkdirSync(join(content, 'partnerships', id), { recursive: true });
  writeFileSync(join(content, 'partnerships', id, 'partnership.md'), `---\n${frontmatter}\n---\nA forum.\n`);
};

beforeAll(() => {
  cpSync(FIXTURE_SITE_CONTENT, content, { recursive: true });
  partnership('seaside-ward-forum', 'name: Seaside Ward Forum\nkind: forum\narea: Seaside ward\nstatus: dissolved\ndissolved: 2019-03\npurpose: [Give residents a say.]\nsummary: A ward forum that met until 2019.');
  partnership(
    'harbour-ward-forum',
    'name: Harbour Ward Forum\nkind: forum\narea: Harbour ward\nstatus: dissolved\ndissolved: 2018-07-12\nstatus_as_at: 2019-01\npurpose: [Give residents a say.]\nsummary: A ward forum.',
  );
  // A source written years before the dissolution cannot describe it; nor can a status_as_at from before it.
  partnership(
    'quay-ward-forum',
    'name: Quay Ward Forum\nkind: forum\narea: Quay ward\nstatus: dissolved\ndissolved: 2019-03\nstatus_as_at: 2018-01\npurpose: [Give residents a say.]\nsummary: A ward forum.\nsources:\n  - { id: terms, title: Terms of reference, date: 2006-03-09 }',
  );
  partnership(
    'new-forum',
    'name: New Forum\nkind: forum\narea: Somewhere\nstatus: proposed\nestablished: 2015\npurpose: [Be proposed.]\nsummary: A forum with no decisions.\nsources:\n  - { id: note, title: A note, date: 2016-05 }',
  );
  partnership('undated-forum', 'name: Undated Forum\nkind: forum\narea: Elsewhere\nstatus: proposed\npurpose: [Be proposed.]\nsummary: A forum that records no date.');
  // The second option as a report might give it: its advantages only, and a risks list it says is empty.
  const decision = join(content, `${LANCASTER_DECISION}.md`);
  writeFileSync(decision, readFileSync(decision, 'utf8').replace('    disadvantages: [Some meetings are overly bureaucratic.]\n    risks: [Attendance may drop.]\n', '    risks: []\n'));
  buildOrThrow({ content, out, cwd: work });
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a partnership’s status row', () => {
  it('says when a dissolved partnership was dissolved, with no "date not recorded", and no second row saying it again', () => {
    expect(row('partnerships/seaside-ward-forum/', 'Status')).toBe('Dissolved in March 2019');
    expect(row('partnerships/seaside-ward-forum/', 'Dissolved')).toBeUndefined();
    expect(page('partnerships/seaside-ward-forum/')).not.toContain('date not recorded');
  });

  it('keeps a dissolved partnership’s as-at when the file gives one', () => {
    expect(row('partnerships/harbour-ward-forum/', 'Status')).toBe('Dissolved on 12 July 2018, as at January 2019');
  });

  it('never dates a dissolution by a source or status_as_at older than it, on the page or in open data', () => {
    expect(row('partnerships/quay-ward-forum/', 'Status')).toBe('Dissolved in March 2019');
    const json = JSON.parse(readFileSync(join(out, 'data', 'partnerships.json'), 'utf8')) as { partnerships: { id: string; status_date: unknown }[] };
    const dated = (id: string) => json.partnerships.find((p) => p.id === id)?.status_date;
    expect(dated('quay-ward-forum')).toEqual({ date: '2019-03', basis: 'dissolved' });
    expect(dated('harbour-ward-forum')).toEqual({ date: '2019-01', basis: 'status_as_at' });
  });

  it('reads as a sentence, with a comma before the as-at, for every status', () => {
    expect(row('partnerships/shire-partnership/', 'Status')).toBe('Active, as described on 12 January 2010');
    expect(row('partnerships/undated-forum/', 'Status')).toBe('Proposed, date not recorded');
    expect(row('partnerships/chorley-partnership/structures/pre-2006/', 'Status')).toMatch(/^Current, (as at|as described|date not recorded)/);
    expect(row(`${LANCASTER_DECISION}/`, 'Status')).toMatch(/^Proposed, (as at|as described|date not recorded)/);
  });
});

describe('what a proposal would change, on its structure page', () => {
  const changes = () => {
    const html = page('partnerships/chorley-partnership/structures/2006-proposed/');
    return readerText(html.slice(html.indexOf('id="changes"'), html.indexOf('The bodies</h2>')));
  };

  it('says what the proposal would do, never that it is in force now', () => {
    expect(changes()).toContain('The Executive would be LSP Executive');
    expect(changes()).toContain('LSP Executive: not stated before, 20 members proposed');
    expect(changes()).not.toMatch(/\bnow\b/);
  });

  it('lists a reporting line the structure in force did not record as not recorded before, not as a change', () => {
    expect(changes()).toContain('Reporting lines not recorded before (1)');
    expect(changes()).toContain('LSP Executive: not recorded before; would report to LSP Board');
    expect(changes()).not.toContain('Reporting lines changed');
  });
});

describe('an option the report weighs', () => {
  const options = () => readerText(/<div class="app-options">[\s\S]*?<\/div>\s*<\/section>\s*<\/div>/.exec(page(`${LANCASTER_DECISION}/`))![0]);

  it('says "Not recorded" for a list the file leaves out, never "None recorded"', () => {
    expect(options()).toContain('Option 2: Do nothing Advantages Current structures are inclusive. Disadvantages Not recorded Risks');
    expect(page(`${LANCASTER_DECISION}/`)).not.toMatch(/None recorded|>None</);
  });

  it('says the record gives none only for a list written empty', () => {
    expect(options()).toMatch(/Risks This record says there are none\.$/);
  });
});

describe('a partnership’s feed with no decisions, built without git history', () => {
  const updated = (id: string) => childrenNamed(parseXml(readFileSync(join(out, 'partnerships', id, 'decisions.xml'), 'utf8')), 'updated')[0].text;

  it('is dated by the latest date the partnership’s record gives, never 1970', () => {
    expect(updated('new-forum')).toBe('2016-05-01T00:00:00Z');
    expect(updated('seaside-ward-forum')).toBe('2019-03-01T00:00:00Z');
  });

  it('is dated the day of the build when the record gives no date', () => {
    expect(updated('undated-forum')).toBe('2026-11-26T00:00:00Z');
  });
});
