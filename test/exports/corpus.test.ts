/**
 * The exports against a register this area did not write: the synthetic
 * corpus from scripts/generate-corpus.ts. Every file must parse, every line
 * of every published funding table must be in the CSV, and every line whose
 * maker and date are recorded in the 360Giving file, with the same amounts,
 * to the penny; the lines left out are counted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import {
  allocationsCsv, allocationsLeftOutOf360Giving, decisionsFeed, decisionsJson, grants360Giving, partnershipFeedUrl, partnershipsJson, sitemapXml, structuresPopolo, toJsonFile,
} from '../../src/exports/index.ts';
import { checkContent } from '../../src/model/index.ts';
import { expectGrantsFollowTheStandard, referenceValidator } from './giving-schema.ts';
import { expectValidAtom, parseCsv } from './helpers.ts';
import { parseXml } from './xml.ts';

const dir = mkdtempSync(join(tmpdir(), 'register-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
generateCorpus(join(dir, 'content'), { files: 600, seed: 7 });

const model = checkContent(join(dir, 'content'), { today: '2026-11-26' });
const published = model.decisions.filter((d) => d.public && d.funding);
const expected = published.flatMap((d) => (d.funding?.allocations ?? []).map((a) => ({
  key: `${d.partnershipId}|${d.id}|${a.item}`,
  revenue: a.revenue ?? null,
  capital: a.capital ?? null,
  total: (a.revenue ?? 0) + (a.capital ?? 0),
  // A grant needs its maker and its date: this decision's own, when it was approved (no other status awards
  // money), or a maker elsewhere with `allocated_on`.
  granted: (d.funding?.allocator?.type === 'this-decision' && d.status === 'approved') || (d.funding?.allocator?.type !== 'this-decision' && d.funding?.allocator != null && d.funding.allocated_on != null),
})));
const granted = expected.filter((e) => e.granted);
const pence = (pounds: string) => (pounds === '' ? null : Number(pounds.replace('.', '')));

describe('exports of a generated corpus', () => {
  it('comes from a corpus with no errors and plenty of funding tables', () => {
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(expected.length).toBeGreaterThan(20);
    expect(granted.length).toBeGreaterThan(10);
    expect(granted.length).toBeLessThan(expected.length);
  });

  it('has a CSV row for every allocation, with the same amounts to the penny', () => {
    const [header, ...rows] = parseCsv(allocationsCsv(model));
    const col = (name: string) => header.indexOf(name);
    const actual = rows.map((r) => ({
      key: `${r[col('partnership')]}|${r[col('decision_id')]}|${r[col('item')].replace(/^'(?=[=+\-@\t\r])/, '')}`,
      revenue: pence(r[col('revenue')]),
      capital: pence(r[col('capital')]),
      total: pence(r[col('total')]),
    }));
    expect(actual).toEqual(expected.map(({ granted: _, ...row }) => row));
  });

  it('has a 360Giving grant for every allocation whose maker and date are recorded, with the same total and split to the penny, and counts the rest', () => {
    const pkg = grants360Giving(model);
    expect(pkg.grants).toHaveLength(granted.length);
    const leftOut = allocationsLeftOutOf360Giving(model);
    expect(leftOut.noMaker + leftOut.noDate + leftOut.notApproved).toBe(expected.length - granted.length);
    pkg.grants.forEach((grant, i) => {
      const [partnershipId, decisionId] = granted[i].key.split('|');
      expect(grant.id).toContain(`-${partnershipId}-${decisionId}-`);
      expect(Math.round(grant.amountAwarded * 100)).toBe(granted[i].total);
      expect(Math.abs(grant.amountAwarded * 100 - granted[i].total)).toBeLessThan(1e-6);
      const stream = (code: string) => {
        const found = grant.classifications.find((c) => c.code === code);
        return found && 'description' in found ? found.description.split(' ')[0] : undefined;
      };
      expect(stream('revenue') === undefined ? null : pence(stream('revenue')!)).toBe(granted[i].revenue);
      expect(stream('capital') === undefined ? null : pence(stream('capital')!)).toBe(granted[i].capital);
    });
  });

  it('has a 360Giving file that follows the standard', () => {
    const pkg = JSON.parse(toJsonFile(grants360Giving(model, () => '2026-11-26T12:00:00+00:00')));
    expectGrantsFollowTheStandard(pkg);
    const validate = referenceValidator();
    if (validate) expect(validate(pkg)).toEqual([]);
  });

  it('has JSON files that parse and hold every partnership, decision and body', () => {
    const partnerships = JSON.parse(toJsonFile(partnershipsJson(model)));
    const decisions = JSON.parse(toJsonFile(decisionsJson(model)));
    const structures = JSON.parse(toJsonFile(structuresPopolo(model)));
    expect(partnerships.partnerships).toHaveLength(model.partnerships.length);
    expect(decisions.decisions).toHaveLength(model.decisions.length);
    const bodies = model.partnerships.flatMap((p) => p.structures.flatMap((s) => s.bodies));
    expect(structures.organizations).toHaveLength(model.partnerships.length + bodies.length);
    const ids = new Set(structures.organizations.map((o: { id: string }) => o.id));
    for (const o of structures.organizations) if (o.parent_id) expect(ids.has(o.parent_id), `${o.parent_id} exists`).toBe(true);
    expect(new Set(structures.posts.map((p: { id: string }) => p.id)).size).toBe(structures.posts.length);
  });

  it('has Atom feeds that validate, for the register and for each partnership', () => {
    const partnerships = new Map(model.partnerships.map((p) => [p.id, p]));
    const base = { site: model.site, pagePath: '/decisions/', title: 't', subtitle: 's', partnerships, emptyUpdated: '2020-01-01T00:00:00Z' };
    expectValidAtom(decisionsFeed({ ...base, path: '/decisions.xml', decisions: model.decisions }));
    for (const p of model.partnerships) expectValidAtom(decisionsFeed({ ...base, path: partnershipFeedUrl(p.id), decisions: p.decisions }));
  });

  it('has a sitemap that parses', () => {
    expect(parseXml(sitemapXml(model)).name).toBe('urlset');
  });
});
