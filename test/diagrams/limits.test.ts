import { describe, expect, it } from 'vitest';
import { diagramFor, DIAGRAM_NOTES, partnershipNamesIn } from '../../src/diagrams/index.ts';
import {
  diagramSize, MAX_DIAGRAM_ARROWS, MAX_DIAGRAM_BOXES, MAX_DIAGRAM_LEVELS, MAX_DIAGRAM_NAME_LENGTH, MAX_DIAGRAM_TEXT_LENGTH, tooLargeToDraw,
} from '../../src/diagrams/limits.ts';
import type { RelationModel, StructureModel } from '../../src/model/types.ts';
import { chorley2006, fixtureModel, makeStructure } from './support.ts';

const names = partnershipNamesIn(fixtureModel());

/** A board with `count - 1` bodies reporting to it, each named by `name`. */
function boardWith(count: number, name = (i: number) => `Group ${i}`): StructureModel {
  return makeStructure(Array.from({ length: count }, (_, i): [string, string, string?] => (i === 0 ? ['board', name(0)] : [`group-${i}`, name(i), 'board'])));
}

/** A reporting line `count` bodies long. */
function reportingLine(count: number): StructureModel {
  return makeStructure(Array.from({ length: count }, (_, i): [string, string, string?] => [`b${i}`, `Body ${i}`, i > 0 ? `b${i - 1}` : undefined]));
}

/** Relations from the board to the first group, `count` of them. */
const linksToGroup = (count: number): RelationModel[] => Array.from({ length: count }, () => ({ from: 'board', target: { type: 'body', id: 'group-1' }, kind: 'works-with' }));

describe('the limits of what a diagram draws', () => {
  it('are stated as numbers an authoring guide can quote', () => {
    expect([MAX_DIAGRAM_BOXES, MAX_DIAGRAM_ARROWS, MAX_DIAGRAM_LEVELS, MAX_DIAGRAM_NAME_LENGTH, MAX_DIAGRAM_TEXT_LENGTH]).toEqual([300, 400, 40, 500, 12_000]);
  });

  it('let real structures be drawn', () => {
    expect(tooLargeToDraw(chorley2006(), names)).toBeUndefined();
    expect(diagramSize(chorley2006(), names)).toMatchObject({ boxes: 11, arrows: 9, levels: 3 });
  });

  it('draw a structure of 300 boxes, and not one of 301', () => {
    expect(tooLargeToDraw(boardWith(MAX_DIAGRAM_BOXES), names)).toBeUndefined();
    expect(tooLargeToDraw(boardWith(MAX_DIAGRAM_BOXES + 1), names)).toBe('301 boxes (bodies and the organisations they link to); a diagram draws at most 300');
  });

  it('count each outside body and other partnership a structure links to as a box, once however often it is linked', () => {
    const external: RelationModel = { from: 'board', target: { type: 'external', name: 'County Council' }, kind: 'accountable-to' };
    const partnership: RelationModel = { from: 'group-1', target: { type: 'partnership', id: 'chorley-partnership' }, kind: 'works-with' };
    const structure = { ...boardWith(MAX_DIAGRAM_BOXES - 2), relations: [external, external, partnership, partnership] };
    expect(diagramSize(structure, names)).toMatchObject({ boxes: MAX_DIAGRAM_BOXES });
    expect(tooLargeToDraw(structure, names)).toBeUndefined();
    const another: RelationModel = { from: 'board', target: { type: 'external', name: 'Police Authority' }, kind: 'advises' };
    expect(tooLargeToDraw({ ...structure, relations: [...structure.relations, another] }, names)).toMatch(/^301 boxes/);
  });

  it('draw 400 arrows, counting reporting lines and other links, and not 401', () => {
    const structure = boardWith(2);
    expect(tooLargeToDraw({ ...structure, relations: linksToGroup(MAX_DIAGRAM_ARROWS - 1) }, names)).toBeUndefined();
    expect(tooLargeToDraw({ ...structure, relations: linksToGroup(MAX_DIAGRAM_ARROWS) }, names)).toBe('401 arrows (reporting lines and other links); a diagram draws at most 400');
  });

  it('draw a reporting line 40 bodies long, and not one of 41', () => {
    expect(diagramSize(reportingLine(MAX_DIAGRAM_LEVELS), names).levels).toBe(40);
    expect(tooLargeToDraw(reportingLine(MAX_DIAGRAM_LEVELS), names)).toBeUndefined();
    expect(tooLargeToDraw(reportingLine(MAX_DIAGRAM_LEVELS + 1), names)).toBe('41 levels (boxes joined one below another by arrows); a diagram draws at most 40');
  });

  it('count levels that other links add below the reporting lines, but not a link that loops back up', () => {
    const line = reportingLine(MAX_DIAGRAM_LEVELS - 1);
    const last = line.bodies.at(-1)!.id;
    const outside: RelationModel = { from: last, target: { type: 'external', name: 'County Council' }, kind: 'accountable-to' };
    expect(diagramSize({ ...line, relations: [outside] }, names).levels).toBe(40);
    const upwards: RelationModel = { from: last, target: { type: 'body', id: 'b0' }, kind: 'accountable-to' };
    expect(diagramSize({ ...line, relations: [upwards] }, names).levels).toBe(39);
    const another: RelationModel = { from: 'county', target: { type: 'external', name: 'Police Authority' }, kind: 'advises' };
    const below = { ...line, bodies: [...line.bodies, { id: 'county', name: 'County', kind: 'other' as const }], relations: [outside, { ...upwards, target: { type: 'body' as const, id: 'county' } }, another] };
    expect(tooLargeToDraw(below, names)).toBe('41 levels (boxes joined one below another by arrows); a diagram draws at most 40');
  });

  it('draw a name of 500 characters, counting a character outside the Basic Multilingual Plane as one, and not one of 501', () => {
    expect(tooLargeToDraw(boardWith(2, (i) => (i === 1 ? '😀'.repeat(MAX_DIAGRAM_NAME_LENGTH) : 'Board')), names)).toBeUndefined();
    expect(tooLargeToDraw(boardWith(2, (i) => (i === 1 ? 'x'.repeat(MAX_DIAGRAM_NAME_LENGTH + 1) : 'Board')), names))
      .toBe('a name of 501 characters; a diagram draws names of up to 500');
  });

  it('draw 12,000 characters of names in all, qualifiers included, and not one more', () => {
    const name = 'x'.repeat(MAX_DIAGRAM_NAME_LENGTH);
    const full = boardWith(MAX_DIAGRAM_TEXT_LENGTH / MAX_DIAGRAM_NAME_LENGTH, () => name);
    expect(tooLargeToDraw(full, names)).toBeUndefined();
    // " (statutory)" is drawn too: 9 letters, and the brackets.
    const statutory = { ...full, bodies: full.bodies.map((body, i) => (i === 0 ? { ...body, name: 'x'.repeat(MAX_DIAGRAM_NAME_LENGTH - 11), statutory: true } : body)) };
    expect(diagramSize(statutory, names).text).toBe(MAX_DIAGRAM_TEXT_LENGTH);
    const over = { ...statutory, bodies: statutory.bodies.map((body, i) => (i === 0 ? { ...body, name: `${body.name}x` } : body)) };
    expect(tooLargeToDraw(over, names)).toBe('12,001 characters of names; a diagram draws up to 12,000 in all');
  });
});

describe('a structure beyond the limits, on its page', () => {
  it('is not drawn, says it is too large to draw, and still lists every body', () => {
    const structure = boardWith(MAX_DIAGRAM_BOXES + 1);
    const diagram = diagramFor(structure, fixtureModel());
    expect(diagram.svg).toBeUndefined();
    expect(diagram.notDrawn).toBe('tooLarge');
    expect(diagram.note).toBe('This structure is too large to draw as a diagram; its bodies are listed below.');
    expect(DIAGRAM_NOTES.tooLarge).toBe(diagram.note);
    expect(diagram.outline.bodies[0]!.reports).toHaveLength(MAX_DIAGRAM_BOXES);
    // Its Mermaid source is still published, for anyone who wants to draw it another way.
    expect(diagram.mermaid.match(/ --> /g)).toHaveLength(MAX_DIAGRAM_BOXES);
  });
});
