import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, escapeXml, inlineJson, licenceUrl, toCsv, toFullDate, toJsonFile, toTimestamp } from '../../src/exports/index.ts';
import { parseCsv } from './helpers.ts';
import { parseXml } from './xml.ts';

describe('escaping for XML', () => {
  it('keeps any text intact through an element and an attribute, dropping only characters XML cannot hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const allowed = text.replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
        const root = parseXml(`<a b="${escapeXml(text)}" c='${escapeXml(text)}'>${escapeXml(text)}</a>`);
        expect(root.text).toBe(allowed);
        expect(root.attributes.b).toBe(allowed);
        expect(root.attributes.c).toBe(allowed);
      }),
    );
  });
});

describe('JSON files', () => {
  it('read back as written, whatever they hold, with a lone surrogate (which strict parsers refuse) as U+FFFD', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('\\', 'u', 'd', '8', '\uD800', '\uDC00', '😀', '"') }), (text, tricky) => {
        const value = { text, tricky, list: [tricky, text] };
        const expected = { text: text.toWellFormed(), tricky: tricky.toWellFormed(), list: [tricky.toWellFormed(), text.toWellFormed()] };
        expect(JSON.parse(toJsonFile(value))).toEqual(expected);
        expect(JSON.parse(inlineJson(value))).toEqual(expected);
      }),
    );
  });

  it('keeps text that only looks like a surrogate escape, and pairs, as they are', () => {
    expect(JSON.parse(toJsonFile({ a: 'C:\\ud800', b: '😀', c: 'x\uD800' }))).toEqual({ a: 'C:\\ud800', b: '😀', c: 'x\uFFFD' });
  });
});

describe('CSV fields', () => {
  it('read back as written, whatever they hold, apart from the apostrophe that defuses formulas', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const back = parseCsv(toCsv(rows));
        expect(back).toEqual(rows.map((r) => r.map((f) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f))));
      }),
    );
  });

  it('leaves numbers and decimal amounts alone', () => {
    expect(csvField(12)).toBe('12');
    expect(csvField('5000.25')).toBe('5000.25');
    expect(csvField(null)).toBe('');
  });
});

describe('dates in formats that need a full date', () => {
  it('keeps a full date and fills a partial one with the first day of its period', () => {
    expect(toFullDate('2010-01-12')).toBe('2010-01-12');
    expect(toFullDate('2010-01')).toBe('2010-01-01');
    expect(toFullDate('1996')).toBe('1996-01-01');
    expect(toTimestamp('2002-10')).toBe('2002-10-01T00:00:00Z');
  });
});

describe('the licence', () => {
  it('links the Open Government Licence however site.yaml writes it, an address as given, and nothing else', () => {
    const ogl = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';
    expect(licenceUrl('Open Government Licence v3.0')).toBe(ogl);
    expect(licenceUrl('OGL v3')).toBe(ogl);
    expect(licenceUrl('https://creativecommons.org/licenses/by/4.0/')).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(licenceUrl('Open Government Licence v2.0')).toBeUndefined();
    expect(licenceUrl('All rights reserved')).toBeUndefined();
  });
});
