import { describe, expect, it } from 'vitest';
import { decisionJsonLd, inlineJson, partnershipJsonLd } from '../../src/exports/index.ts';
import { fixtureModel } from './helpers.ts';

const model = fixtureModel();
const vale = model.partnerships.find((p) => p.id === 'vale-lsp')!;
const shire = model.partnerships.find((p) => p.id === 'shire-partnership')!;

describe('schema.org on partnership pages', () => {
  it('describes a partnership as a GovernmentOrganization, with its county as parent and its bodies as sub-organisations', () => {
    const ld = partnershipJsonLd(model, vale);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'GovernmentOrganization',
      '@id': 'https://register.example.org/partnerships/vale-lsp/#organization',
      name: 'Vale "Together" LSP',
      alternateName: 'Vale LSP',
      foundingDate: '2002-10',
      parentOrganization: { '@type': 'GovernmentOrganization', name: 'Shire Partnership', '@id': 'https://register.example.org/partnerships/shire-partnership/#organization' },
      contactPoint: { '@type': 'ContactPoint', email: 'partnerships@example.org' },
    });
    expect(ld.subOrganization?.map((o) => o.name)).toEqual(['Vale Board', 'Vale Executive', 'Community Safety Partnership']);
  });

  it('lists the partnerships under a county as its sub-organisations', () => {
    expect(partnershipJsonLd(model, shire).subOrganization).toContainEqual(expect.objectContaining({ '@type': 'GovernmentOrganization', name: 'Vale "Together" LSP' }));
  });
});

describe('schema.org on decision pages', () => {
  it('describes each allocation as a MonetaryGrant in pounds', () => {
    const decision = vale.decisions.find((d) => d.id === '2011-11-08-grants')!;
    const graph = decisionJsonLd(model, decision)['@graph'] as Record<string, any>[];
    expect(graph[0]).toMatchObject({ '@type': 'WebPage', name: decision.title, url: 'https://register.example.org/partnerships/vale-lsp/decisions/2011-11-08-grants/' });
    const grants = graph.filter((n) => n['@type'] === 'MonetaryGrant');
    expect(grants.map((g) => [g.name, g.amount.value, g.amount.currency])).toEqual([
      ['Warm Homes', 15000.25, 'GBP'],
      ['=HYPERLINK("http://evil")', 0.99, 'GBP'],
      ['Youth work, phase 2\n(north)', 39999.99, 'GBP'],
      ['Warm-Homes', 0, 'GBP'],
    ]);
    expect(grants[0].funder).toEqual({ '@type': 'Organization', name: 'Cabinet, Vale Council' });
  });

  it('names as funder whoever made the allocations, and no funder where the register does not record who', () => {
    const grantsOf = (id: string) => (decisionJsonLd(model, vale.decisions.find((d) => d.id === id)!)['@graph'] as Record<string, any>[]).filter((n) => n['@type'] === 'MonetaryGrant');
    expect(grantsOf('2012-02-14-prg-record').map((g) => g.funder)).toEqual([
      { '@type': 'Organization', name: 'Shire Partnership' }, { '@type': 'Organization', name: 'Shire Partnership' },
    ]);
    expect(grantsOf('2012-04-01-budget-note')).toHaveLength(1);
    expect(grantsOf('2012-04-01-budget-note')[0]).not.toHaveProperty('funder');
  });

  it('gives no grant for the allocations a decision would have made itself when it was not approved', () => {
    const grants = vale.decisions.find((d) => d.id === '2011-11-08-grants')!;
    const grantsOf = (status: 'rejected' | 'proposed') => (decisionJsonLd(model, { ...grants, status })['@graph'] as Record<string, any>[]).filter((n) => n['@type'] === 'MonetaryGrant');
    expect(grantsOf('rejected')).toEqual([]);
    expect(grantsOf('proposed')).toEqual([]);
  });

  it('gives an exempt decision’s title and date only', () => {
    const exempt = vale.decisions.find((d) => !d.public)!;
    const graph = decisionJsonLd(model, exempt)['@graph'];
    expect(graph).toHaveLength(1);
    expect(JSON.stringify(graph)).not.toContain('Confidential');
  });
});

describe('inlining JSON-LD in a page', () => {
  it('cannot end the script element or start markup, whatever the content says', () => {
    const json = inlineJson(partnershipJsonLd(model, vale));
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json).description).toBe('A district partnership with </script> in its summary, to test escaping.');
  });

  it('escapes line and paragraph separators, which old parsers read as line ends', () => {
    expect(inlineJson({ a: 'x\u2028y\u2029z' })).toBe('{"a":"x\\u2028y\\u2029z"}');
  });
});
