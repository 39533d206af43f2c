import { describe, expect, it } from 'vitest';
import type { Model, StructureModel } from '../../../src/model/index.ts';
import { structurePageData, structurePagePaths } from '../../../src/site/pages/structure-page.ts';
import { exampleModel } from './example-model.ts';
import { extendedFixtureModel } from './extended-fixture.ts';

// No drawn diagrams: the page falls back to the diagram's text alternative.
const NO_DRAWINGS = { cacheDir: '/nonexistent/diagram-cache' };
const pageOf = (model: Model, partnershipId: string, structureId: string) => {
  const partnership = model.partnerships.find((p) => p.id === partnershipId);
  const structure = partnership?.structures.find((s) => s.id === structureId);
  if (!partnership || !structure) throw new Error(`no structure ${partnershipId}/${structureId}`);
  return structurePageData(model, partnership, structure, NO_DRAWINGS);
};

describe('the structure pages', () => {
  it('are one for each version of each partnership’s structure', () => {
    expect(structurePagePaths(exampleModel()).map((path) => `${path.params.id}/${path.params.structure}`)).toEqual([
      'calderdale-forward/2010-current',
      'chorley-partnership/pre-2006',
      'chorley-partnership/2006-proposed',
      'lancaster-district-lsp/2011-current',
      'lancaster-district-lsp/2011-proposed',
      'worcestershire-partnership/2010-refresh',
    ]);
  });
});

describe('a proposed structure’s page (Chorley’s March 2006 proposal)', () => {
  const page = pageOf(exampleModel(), 'chorley-partnership', '2006-proposed');

  it('is titled with the version and its partnership, under the partnership’s page', () => {
    expect(page.title).toBe('Proposed structure (March 2006) – Chorley Partnership');
    expect(page.heading).toBe('Proposed structure (March 2006)');
    expect(page.breadcrumbs.at(-1)).toEqual({ text: 'Chorley Partnership', href: '/partnerships/chorley-partnership/' });
    expect(page.description).toBe('Proposed structure of Chorley Partnership: 9 bodies.');
  });

  it('names the decision that proposed it, with its date', () => {
    expect(page.decidedByKey).toBe('Proposed by');
    expect(page.decidedBy).toEqual({ text: 'Chorley Partnership – a way forward', href: '/partnerships/chorley-partnership/decisions/2006-03-09-a-way-forward/', date: '2006-03-09' });
  });

  it('is compared with the structure in force, which it would replace', () => {
    expect(page.changes?.baseline.id).toBe('pre-2006');
    expect(page.changes?.comparison.added.map((b) => b.name)).toContain('Health Alliance');
    expect(page.previous).toEqual({ text: 'Current arrangements (as described in March 2006)', href: '/partnerships/chorley-partnership/structures/pre-2006/', label: 'Earlier version' });
    expect(page.next).toBeUndefined();
  });

  it('shows each body’s reporting lines as links within the page, and says which it is silent about', () => {
    const executive = page.bodies.find((b) => b.body.id === 'executive');
    expect(executive?.reportsTo).toEqual({ name: 'LSP Board', href: '#body-board' });
    expect(executive?.reporting.map((b) => b.name)).toEqual([
      'Community Safety Partnership',
      'Economic Regeneration Partnership',
      'Stronger and more involved Communities Forum',
      'Environmental Forum',
      'Cultural Forum',
      'Health Alliance',
    ]);
    expect(page.bodies.find((b) => b.body.id === 'board')?.reportsTo).toBe('none');
    expect(page.bodies.find((b) => b.body.id === 'public-service-board')?.reportsTo).toBe('not-recorded');
  });

  it('shows a body’s links to another partnership and to bodies outside the register', () => {
    expect(page.bodies.find((b) => b.body.id === 'executive')?.links).toMatchObject([
      { verb: 'is represented on', text: 'Sub-regional "footprint" groups for children and young people and older people (co-ordinated by Lancashire County Council)' },
      { verb: 'is linked to', text: 'Lancashire Partnership', href: '/partnerships/lancashire-partnership/' },
    ]);
  });

  it('shows the warning about the LSP Board’s size beside the Board only', () => {
    const withSizeWarning = page.bodies.filter((b) => b.notes.some((n) => n.code === 'size-mismatch'));
    expect(withSizeWarning.map((b) => b.body.id)).toEqual(['board']);
    expect(page.notes.map((n) => n.code)).toContain('size-mismatch');
  });

  it('offers its diagram, and the diagram’s Mermaid source to download', () => {
    expect(page.diagram.title).toBe('Chorley Partnership: Proposed structure (March 2006)');
    expect(page.diagram.svg).toBeUndefined();
    expect(page.diagramSource).toBe('/partnerships/chorley-partnership/structures/2006-proposed.mmd');
  });
});

describe('the structure in force before a proposal (Chorley’s arrangements of March 2006)', () => {
  const page = pageOf(exampleModel(), 'chorley-partnership', 'pre-2006');

  it('is the first version: nothing to compare it with, and the proposal comes next', () => {
    expect(page.changes).toBeUndefined();
    expect(page.previous).toBeUndefined();
    expect(page.next).toEqual({ text: 'Proposed structure (March 2006)', href: '/partnerships/chorley-partnership/structures/2006-proposed/', label: 'Later proposal' });
  });

  it('says no decision adopting it is recorded', () => {
    expect(page.decidedByKey).toBe('Adopted by');
    expect(page.decidedBy).toBeUndefined();
  });
});

describe('a proposal never adopted, made before the versions in force (a 2003 proposal, then 2005 and 2010 structures)', () => {
  const model = exampleModel();
  const worcestershire = model.partnerships.find((p) => p.id === 'worcestershire-partnership')!;
  const refresh = worcestershire.structures.find((s) => s.id === '2010-refresh')!;
  const version = (id: string, title: string, status: StructureModel['status'], from: string, to: string): StructureModel =>
    ({ ...refresh, id, title, status, from, to, file: refresh.file.replace('2010-refresh', id), bodies: refresh.bodies.slice(0, 1) });
  const proposal = version('2003-proposed', 'Proposed structure 2003 (never adopted)', 'proposed', '2003-06', '2003-06');
  const superseded = version('2005-superseded', 'Structure 2005 to 2010', 'superseded', '2005', '2010-01');
  const partnership = { ...worcestershire, structures: [refresh, proposal, superseded] };
  const pageFor = (structure: StructureModel) => structurePageData(model, partnership, structure, NO_DRAWINGS);

  it('says when it was proposed, not that it was in force', () => {
    expect(pageFor(proposal).period).toEqual({ key: 'Proposed', text: 'June 2003' });
    expect(pageFor(superseded).period).toEqual({ key: 'In force', text: '2005 to January 2010' });
  });

  it('comes before the later versions, and is not compared with a structure that came after it', () => {
    const page = pageFor(proposal);
    expect(page.previous).toBeUndefined();
    expect(page.next).toEqual({ text: 'Structure 2005 to 2010', href: '/partnerships/worcestershire-partnership/structures/2005-superseded/', label: 'Later version' });
    expect(page.changes).toBeUndefined();
  });

  it('is shown to the next version as an earlier proposal, not as the version it replaced', () => {
    const page = pageFor(superseded);
    expect(page.previous).toEqual({ text: 'Proposed structure 2003 (never adopted)', href: '/partnerships/worcestershire-partnership/structures/2003-proposed/', label: 'Earlier proposal' });
    expect(page.changes).toBeUndefined();
    expect(pageFor(refresh).changes?.baseline.id).toBe('2005-superseded');
  });
});

describe('links between bodies (Worcestershire’s structure after the 2010 refresh)', () => {
  const page = pageOf(exampleModel(), 'worcestershire-partnership', '2010-refresh');
  const body = (id: string) => page.bodies.find((b) => b.body.id === id);

  it('shows a link to another body of the structure on both bodies', () => {
    expect(body('district-lsps')?.links).toMatchObject([
      { verb: 'works with', text: 'Worcestershire Partnership', href: '#body-partnership' },
      { verb: 'is linked to', text: 'Worcester District Local Strategic Partnership', href: '/partnerships/worcester-lsp/' },
    ]);
    expect(body('partnership')?.linkedFrom).toMatchObject([{ verb: 'works with', from: { name: 'District Local Strategic Partnerships (DLSPs)', href: '#body-district-lsps' } }]);
  });

  it('says when it has been in force', () => {
    expect(page.period).toEqual({ key: 'In force', text: 'from 2010' });
    expect(page.status).toEqual({ text: 'Current', colour: 'green' });
  });
});

describe('other decisions about a structure', () => {
  const page = pageOf(extendedFixtureModel(), 'chorley-partnership', '2006-proposed');

  it('lists published decisions about it besides the one that proposed it', () => {
    expect(page.decidedBy?.text).toBe('Chorley Partnership – a way forward');
    expect(page.otherDecisions).toEqual([{ text: 'New structure agreed', href: '/partnerships/chorley-partnership/decisions/2006-06-01-structure-agreed/', date: '2006-06-01' }]);
  });
});
