import { describe, expect, it } from 'vitest';
import { ALLOCATION_COLUMNS, OGL_V3_URL } from '../../../src/exports/index.ts';
import type { Model } from '../../../src/model/index.ts';
import { DECISION_KINDS, DECISION_STATUSES } from '../../../src/schemas/index.ts';
import { openDataPageData } from '../../../src/site/pages/open-data-page.ts';
import { exampleModel } from './example-model.ts';

const model = exampleModel();
const page = openDataPageData(model);
const withSite = (site: Partial<Model['site']>): Model => ({ ...model, site: { ...model.site, ...site } });

describe('the open-data page', () => {
  it('lists every file with its download name and format', () => {
    expect(page.files.map((f) => [f.title, f.fileName, f.format])).toEqual([
      ['Partnerships', 'partnerships.json', 'JSON'],
      ['Decisions', 'decisions.json', 'JSON'],
      ['Allocations', 'allocations.csv', 'CSV'],
      ['Structures', 'structures.json', 'JSON, Popolo'],
      ['Seats on boards', 'seats.csv', 'CSV'],
      ['Grants (360Giving)', 'grants-360giving.json', expect.stringMatching(/^JSON, 360Giving Data Standard \d/)],
    ]);
  });

  it('explains every column of the allocations file, in the file’s order', () => {
    const allocations = page.files.find((f) => f.id === 'allocations');
    expect(allocations?.fields.map(([name]) => name)).toEqual([...ALLOCATION_COLUMNS]);
    expect(allocations?.fields.every(([, meaning]) => meaning.length > 0)).toBe(true);
  });

  it('says how many allocations the grants file leaves out, and why, and that only awarded money is there', () => {
    const summary = page.files.find((f) => f.id === 'grants')?.summary;
    // Lancaster's seven allocations name the LSP that made them but not when; Cabinet was only asked to allocate its £117,446.
    expect(summary).toContain('Left out: 7 allocations made elsewhere, because the register records who made them but not when; '
      + '1 amount that a decision itself was to allocate, because no award is recorded: the decision was not approved');
    expect(summary).not.toContain('does not record who made them');
    expect(summary).toContain('a proposed one has no outcome recorded; a rejected, deferred or noted one awarded nothing');
    expect(summary).not.toMatch(/proposed[^.;]*awarded nothing/);
    // Lancaster lists seven allocations yet no grant is awarded: the empty list is explained by what was awarded.
    expect(summary).toContain('When nothing recorded was awarded, the list is empty.');
    expect(summary).not.toContain('When no funding table has any allocations');
  });

  it('says a proposed decision’s own allocations have no outcome recorded, and that an unrecorded money stream is null', () => {
    const allocations = page.files.find((f) => f.id === 'allocations');
    const status = allocations?.fields.find(([name]) => name === 'status')?.[1];
    expect(status).toContain('for a proposed one no outcome, so no award, is recorded');
    expect(status).not.toMatch(/proposed[^.]*allocated none/);
    const funding = page.files.find((f) => f.id === 'decisions')?.fields.find(([name]) => name === 'funding')?.[1];
    expect(funding).toContain('A money stream the table does not record is null, never 0.');
  });

  it('gives the grant ids’ prefix, made from the site’s address', () => {
    const grants = page.files.find((f) => f.id === 'grants');
    expect(grants?.fields[0]).toEqual(['id', '360G-partnerships-example-org-, then the partnership, the decision and the item: the same from build to build.']);
  });

  it('links the Open Government Licence, and names a licence it does not know without a link', () => {
    expect(page.licence).toEqual({ name: 'Open Government Licence v3.0', url: OGL_V3_URL });
    expect(openDataPageData(withSite({ licence: 'the council’s own terms' })).licence).toEqual({ name: 'the council’s own terms' });
  });

  it('points to the first partnership’s own feed as an example, and to none when the register is empty', () => {
    expect(page.feedExample).toEqual({ name: 'Calderdale Forward', url: '/partnerships/calderdale-forward/decisions.xml' });
    expect(openDataPageData({ ...model, partnerships: [] }).feedExample).toBeUndefined();
  });

  it('lists every decision status and kind the data uses, with what each means', () => {
    expect(page.statuses.map((s) => s.code)).toEqual([...DECISION_STATUSES]);
    expect(page.statuses.find((s) => s.code === 'approved')?.meaning).toBe('Approved');
    expect(page.kinds.map((k) => k.code)).toEqual([...DECISION_KINDS]);
    expect(page.kinds.find((k) => k.code === 'consultation-response')?.meaning).toBe('Consultation response');
  });
});
