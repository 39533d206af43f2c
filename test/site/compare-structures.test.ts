import { describe, expect, it } from 'vitest';
import type { BodyModel, StructureModel } from '../../src/model/index.ts';
import { compareStructures } from '../../src/site/compare-structures.ts';
import { fixtureModel } from './helpers/fixture-model.ts';

function chorley(structureId: string): StructureModel {
  const structure = fixtureModel().partnerships.find((p) => p.id === 'chorley-partnership')?.structures.find((s) => s.id === structureId);
  if (!structure) throw new Error(`fixture structure ${structureId} is missing`);
  return structure;
}

const body = (fields: Partial<BodyModel> & Pick<BodyModel, 'id' | 'name'>): BodyModel => ({ kind: 'board', ...fields });

describe('comparing Chorley’s structure in force with the 2006 proposal', () => {
  const comparison = compareStructures(chorley('pre-2006'), chorley('2006-proposed'));

  it('lists the new board, the six sub-groups and the Public Service Board as added', () => {
    expect(comparison.added.map((b) => b.name)).toEqual([
      'LSP Board', 'Community Safety Partnership', 'Economic Regeneration Partnership', 'Stronger and more involved Communities Forum',
      'Environmental Forum', 'Cultural Forum', 'Health Alliance', 'Public Service Board',
    ]);
  });

  it('lists the Board of Directors, the Thematic/Task Groups and the Partnership Forum as removed', () => {
    expect(comparison.removed.map((b) => b.name)).toEqual(['Board of Directors', 'Thematic/Task Groups', 'Partnership Forum']);
  });

  it('sees that The Executive is renamed LSP Executive, because it keeps its id', () => {
    expect(comparison.renamed.map(({ before, after }) => [before.name, after.name])).toEqual([['The Executive', 'LSP Executive']]);
  });

  it('does not count the Executive as moved: the structure in force does not record its line, the proposal puts it under the LSP Board', () => {
    expect(comparison.reparented).toEqual([]);
    expect(comparison.lineFirstRecorded.map((r) => [r.after.name, r.fromLine, r.toParent])).toEqual([['LSP Executive', 'not-recorded', 'LSP Board']]);
  });

  it('sees the Executive gain a stated size of 20 and 20 voting seats in six sectors', () => {
    expect(comparison.resized.map(({ before, after }) => [after.name, before.size, after.size])).toEqual([['LSP Executive', undefined, 20]]);
    expect(comparison.reseated).toHaveLength(1);
    const [executive] = comparison.reseated;
    expect([executive.votingBefore, executive.votingAfter, executive.sectors.length]).toEqual([undefined, 20, 6]);
    expect(executive.sectors[0]).toEqual({ sector: 'Borough Council representatives', before: 0, after: 4 });
  });

  it('finds no body unchanged', () => {
    expect(comparison.unchanged).toBe(0);
  });
});

describe('comparing two versions', () => {
  it('finds no changes between a structure and itself', () => {
    const structure = chorley('2006-proposed');
    expect(compareStructures(structure, structure)).toMatchObject({ added: [], removed: [], renamed: [], reparented: [], lineFirstRecorded: [], resized: [], reseated: [], unchanged: 9 });
  });

  it('treats a body whose id changed but whose name did not as the same body', () => {
    const comparison = compareStructures({ bodies: [body({ id: 'board-old', name: 'LSP Board' })] }, { bodies: [body({ id: 'board', name: 'lsp  board' })] });
    expect(comparison.added).toEqual([]);
    expect(comparison.removed).toEqual([]);
    expect(comparison.renamed).toHaveLength(1);
  });

  it('reports a size that changes from an exact to an approximate figure', () => {
    const comparison = compareStructures({ bodies: [body({ id: 'board', name: 'Board', size: 25 })] }, { bodies: [body({ id: 'board', name: 'Board', size: { approx: 40 } })] });
    expect(comparison.resized.map((r) => [r.before.size, r.after.size])).toEqual([[25, { approx: 40 }]]);
  });

  it('reports a size whose hedge changes though its figure does not, and not one stated the same way twice', () => {
    const sized = (size: BodyModel['size']) => ({ bodies: [body({ id: 'board', name: 'Board', size })] });
    const resized = (before: BodyModel['size'], after: BodyModel['size']) => compareStructures(sized(before), sized(after)).resized.length;
    expect([resized({ approx: 20 }, { at_least: 20 }), resized({ at_least: 20 }, { at_most: 20 }), resized(20, { at_most: 20 })]).toEqual([1, 1, 1]);
    expect([resized({ at_least: 20 }, { at_least: 20 }), resized({ at_most: 8 }, { at_most: 8 }), resized(20, 20)]).toEqual([0, 0, 0]);
  });

  it('reports each sector whose seats change, including sectors that appear or disappear', () => {
    const before = body({ id: 'board', name: 'Board', seats: [{ sector: 'Business', count: 3 }, { sector: 'Police', count: 1 }], votingSeats: 4 });
    const after = body({ id: 'board', name: 'Board', seats: [{ sector: 'Business', count: 10 }, { sector: 'Police', count: 1 }, { sector: 'Health', count: 2 }], votingSeats: 13 });
    const [change] = compareStructures({ bodies: [before] }, { bodies: [after] }).reseated;
    expect(change.sectors).toEqual([{ sector: 'Business', before: 3, after: 10 }, { sector: 'Health', before: 0, after: 2 }]);
    expect([change.votingBefore, change.votingAfter]).toEqual([4, 13]);
  });

  it('counts a body as moved when the body it reported to was removed', () => {
    const previous = { bodies: [body({ id: 'board', name: 'Board' }), body({ id: 'forum', name: 'Forum', reports_to: 'board' })] };
    const next = { bodies: [body({ id: 'forum', name: 'Forum' })] };
    expect(compareStructures(previous, next).reparented.map((r) => [r.after.name, r.fromParent, r.toLine])).toEqual([['Forum', 'Board', 'not-recorded']]);
  });

  it('tells a body the source puts at the top from one whose line it does not record', () => {
    const previous = { bodies: [body({ id: 'board', name: 'Board', reports_to: 'none' }), body({ id: 'forum', name: 'Forum' })] };
    const next = { bodies: [body({ id: 'board', name: 'Board', reports_to: 'none' }), body({ id: 'forum', name: 'Forum', reports_to: 'none' })] };
    const comparison = compareStructures(previous, next);
    expect(comparison.reparented).toEqual([]);
    expect(comparison.lineFirstRecorded.map((r) => [r.after.name, r.fromLine, r.toLine])).toEqual([['Forum', 'not-recorded', 'none']]);
    expect(comparison.unchanged).toBe(1);
  });

  it('does not count a body as moved when its parent was renamed with the same id', () => {
    const previous = { bodies: [body({ id: 'board', name: 'Board' }), body({ id: 'exec', name: 'Executive', reports_to: 'board' })] };
    const next = { bodies: [body({ id: 'board', name: 'LSP Board' }), body({ id: 'exec', name: 'Executive', reports_to: 'board' })] };
    expect(compareStructures(previous, next).reparented).toEqual([]);
  });
});
