import { describe, expect, it } from 'vitest';
import { partnershipPageFiles, robotsTxt, sitemapXml } from '../../src/exports/index.ts';
import { childrenNamed, parseXml } from './xml.ts';
import { fixtureModel } from './helpers.ts';

const model = fixtureModel();

describe('sitemap.xml', () => {
  const sitemap = parseXml(sitemapXml(model));
  const locs = childrenNamed(sitemap, 'url').map((u) => childrenNamed(u, 'loc')[0].text);

  it('lists every page of the site by its full address', () => {
    expect(sitemap.attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(locs.slice(0, 9)).toEqual(['/', '/partnerships/', '/decisions/', '/compare/', '/changes/', '/search/', '/data/', '/guide/', '/accessibility/'].map((p) => `https://register.example.org${p}`));
    expect(locs).toContain('https://register.example.org/partnerships/vale-lsp/');
    expect(locs).toContain('https://register.example.org/partnerships/vale-lsp/structures/2005-old/');
    expect(locs).toContain('https://register.example.org/partnerships/vale-lsp/decisions/2011-12-exempt-contract/');
    expect(new Set(locs).size).toBe(locs.length);
  });

  it('dates each page by when git last changed its files, and leaves the date out without history', () => {
    expect(sitemapXml(model)).not.toContain('<lastmod>');
    const vale = model.partnerships.find((p) => p.id === 'vale-lsp')!;
    const dated = parseXml(sitemapXml(model, (files) => (files.includes(vale.file) ? '2026-03-04T05:06:07+00:00' : undefined)));
    const page = childrenNamed(dated, 'url').find((u) => childrenNamed(u, 'loc')[0].text.endsWith('/partnerships/vale-lsp/'))!;
    expect(childrenNamed(page, 'lastmod')[0].text).toBe('2026-03-04T05:06:07+00:00');
  });

  it('counts a partnership’s structures as part of its page', () => {
    const vale = model.partnerships.find((p) => p.id === 'vale-lsp')!;
    expect(partnershipPageFiles(vale)).toEqual([vale.file, ...vale.structures.map((s) => s.file)]);
  });
});

describe('robots.txt', () => {
  it('allows everything and gives the sitemap’s full address', () => {
    expect(robotsTxt(model.site)).toBe('User-agent: *\nAllow: /\n\nSitemap: https://register.example.org/sitemap.xml\n');
  });
});
