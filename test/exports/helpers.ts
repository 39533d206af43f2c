/** Shared pieces for the export tests: the fixture model, a CSV reader and Atom's rules. */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { checkContent, type Model } from '../../src/model/index.ts';
import { childrenNamed, parseXml, type XmlElement } from './xml.ts';

/** The fixture register: two partnerships, funding with pence, a partial date, an exempt decision and hostile text. */
export function fixtureModel(): Model {
  const model = checkContent(fileURLToPath(new URL('fixtures/content', import.meta.url)), { today: '2026-11-26' });
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model;
}

/** Reads RFC 4180 CSV strictly: CRLF records, quoted fields with doubled quotes. */
export function parseCsv(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const end = text.indexOf('"', i);
        if (end < 0) throw new Error('unclosed quoted field');
        field += text.slice(i, end);
        i = end + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`stray ${JSON.stringify(text[i])} in an unquoted field`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} after a field`);
  }
  return rows;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ATOM = 'http://www.w3.org/2005/Atom';

function one(parent: XmlElement, name: string): XmlElement {
  const found = childrenNamed(parent, name);
  expect(found, `<${parent.name}> has exactly one <${name}>`).toHaveLength(1);
  return found[0];
}
function atMostOne(parent: XmlElement, name: string): void {
  expect(childrenNamed(parent, name).length, `<${parent.name}> has at most one <${name}>`).toBeLessThanOrEqual(1);
}
function checkDate(element: XmlElement): void {
  expect(element.text, `<${element.name}> is an RFC 3339 date-time`).toMatch(RFC3339);
  expect(Number.isNaN(Date.parse(element.text))).toBe(false);
}
function checkText(element: XmlElement): void {
  expect(['text', 'html', 'xhtml', undefined]).toContain(element.attributes.type);
}
function checkPerson(person: XmlElement): void {
  expect(one(person, 'name').text.trim()).not.toBe('');
  atMostOne(person, 'uri');
  atMostOne(person, 'email');
}
function checkLinks(parent: XmlElement): void {
  const links = childrenNamed(parent, 'link');
  for (const link of links) expect(link.attributes.href, '<link> has an href').toMatch(/^https?:\/\//);
  const alternates = links.filter((l) => (l.attributes.rel ?? 'alternate') === 'alternate').map((l) => `${l.attributes.type}|${l.attributes.hreflang}`);
  expect(new Set(alternates).size, 'no two alternate links share a type and hreflang').toBe(alternates.length);
}

/**
 * Parses a feed strictly and checks RFC 4287's requirements: the feed's and
 * each entry's one id, title and updated; authors on the feed or on every
 * entry; an alternate link on entries without content; absolute ids and
 * RFC 3339 dates; unique entry ids. Returns the parsed feed.
 */
export function expectValidAtom(xml: string): XmlElement {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const feed = parseXml(xml);
  expect(feed.name).toBe('feed');
  expect(feed.attributes.xmlns).toBe(ATOM);
  expect(one(feed, 'id').text).toMatch(/^[a-z][a-z0-9+.-]*:\S+$/);
  checkText(one(feed, 'title'));
  checkDate(one(feed, 'updated'));
  for (const name of ['subtitle', 'rights', 'icon', 'logo', 'generator']) atMostOne(feed, name);
  checkLinks(feed);
  expect(childrenNamed(feed, 'link').some((l) => l.attributes.rel === 'self'), 'the feed links to itself').toBe(true);
  const entries = childrenNamed(feed, 'entry');
  const feedHasAuthor = childrenNamed(feed, 'author').length > 0;
  childrenNamed(feed, 'author').forEach(checkPerson);
  const ids = new Set<string>();
  for (const entry of entries) {
    const id = one(entry, 'id').text;
    expect(id).toMatch(/^[a-z][a-z0-9+.-]*:\S+$/);
    expect(ids.has(id), `entry id ${id} is unique`).toBe(false);
    ids.add(id);
    checkText(one(entry, 'title'));
    checkDate(one(entry, 'updated'));
    for (const name of ['published', 'summary', 'content', 'rights', 'source']) atMostOne(entry, name);
    if (childrenNamed(entry, 'published').length) checkDate(one(entry, 'published'));
    const authors = childrenNamed(entry, 'author');
    authors.forEach(checkPerson);
    expect(feedHasAuthor || authors.length > 0, 'every entry has an author, or the feed has one').toBe(true);
    checkLinks(entry);
    if (childrenNamed(entry, 'content').length === 0) {
      expect(childrenNamed(entry, 'link').some((l) => (l.attributes.rel ?? 'alternate') === 'alternate'), 'an entry without content links to its page').toBe(true);
    }
    for (const category of childrenNamed(entry, 'category')) expect(category.attributes.term).toBeTruthy();
  }
  return feed;
}
