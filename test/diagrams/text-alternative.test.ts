import { describe, expect, it } from 'vitest';
import { partnershipNamesIn, structureOutline, structureToMermaid, type OutlineBody } from '../../src/diagrams/index.ts';
import { asDrawn, chorley2006, decodeMermaidLabel, fixtureModel, makeStructure, trickyStructure } from './support.ts';

const names = (id: string) => partnershipNamesIn(fixtureModel())(id);

/** Every body in an outline with the id of the body it is listed under. */
function flatten(bodies: OutlineBody[], parent?: string): { id: string; parent?: string; body: OutlineBody }[] {
  return bodies.flatMap((body) => [{ id: body.id, ...(parent ? { parent } : {}), body }, ...flatten(body.reports, body.id)]);
}

describe('the text alternative of Chorley’s proposed structure', () => {
  const outline = () => structureOutline(chorley2006(), names);

  it('starts from the bodies at the top, in file order', () => {
    expect(outline().bodies.map((body) => body.text)).toEqual(['LSP Board', 'Public Service Board']);
  });

  it('lists each body once, under the body it reports to', () => {
    const listed = flatten(outline().bodies);
    expect(listed.map((item) => item.id).sort()).toEqual(chorley2006().bodies.map((body) => body.id).sort());
    for (const body of chorley2006().bodies) {
      expect(listed.find((item) => item.id === body.id)?.parent).toBe(body.reports_to ?? undefined);
    }
    expect(outline().bodies[0]!.reports[0]!.reports.map((body) => body.text)).toEqual([
      'Community Safety Partnership (statutory)',
      'Economic Regeneration Partnership (to be developed)',
      'Stronger and more involved Communities Forum (to be developed)',
      'Environmental Forum',
      'Cultural Forum (to be developed)',
      'Health Alliance',
    ]);
  });

  it('says in words what the diagram shows by line style', () => {
    const byId = new Map(flatten(outline().bodies).map((item) => [item.id, item.body]));
    expect(byId.get('community-safety-partnership')?.qualifiers).toEqual(['statutory']);
    expect(byId.get('cultural-forum')?.qualifiers).toEqual(['to be developed']);
    expect(byId.get('board')?.qualifiers).toEqual([]);
  });

  it('lists the other links as sentences naming both ends', () => {
    expect(outline().relations.map((relation) => relation.text)).toEqual([
      'LSP Executive is represented on Sub-regional "footprint" groups for children and young people and older people (co-ordinated by Lancashire County Council) (external).',
      'LSP Executive works with Lancashire Partnership (another partnership).',
    ]);
    expect(outline().relations[1]!.to).toEqual({ type: 'partnership', id: 'lancashire-partnership', name: 'Lancashire Partnership' });
    expect(outline().relations.map((relation) => relation.verb)).toEqual(['is represented on', 'works with']);
  });
});

describe('the text alternative and the diagram', () => {
  it('hold the same facts: every label in the diagram is a line in the list', () => {
    for (const structure of [chorley2006(), trickyStructure()]) {
      const outline = structureOutline(structure, names);
      const source = structureToMermaid(structure, names);
      const labels = [...source.matchAll(/^ {2}\w+[[(]"([^"]*)"/gm)].map(([, label]) => decodeMermaidLabel(label!).replace('\n', ' '));
      const bodyLines = flatten(outline.bodies).map((item) => asDrawn(item.body.text));
      const targets = outline.relations.filter((r) => r.to.type !== 'body').map((r) => asDrawn(`${r.to.name} (${r.to.type === 'external' ? 'external' : 'another partnership'})`));
      expect(new Set(labels)).toEqual(new Set([...bodyLines, ...targets]));
      expect(source.match(/ -\.->/g) ?? []).toHaveLength(outline.relations.length);
    }
  });

  it('keeps names exactly as written, for the page to escape', () => {
    const outline = structureOutline(trickyStructure(), names);
    const listed = flatten(outline.bodies).map((item) => item.body.name);
    expect(listed).toContain('<script>alert("x")</script>');
    expect(listed).toContain('Tab\tand  double  spaces');
  });

  it('says a body at the top reports to no other body only when its file says so, and that its line is not recorded otherwise', () => {
    const structure = makeStructure([['board', 'Board', 'none'], ['forum', 'Forum'], ['group', 'Group', 'board']]);
    const bodies = structureOutline(structure, names).bodies;
    expect(bodies.map((body) => [body.id, body.line])).toEqual([['board', 'top'], ['forum', 'not-recorded']]);
    expect(bodies[0]?.reports.map((body) => [body.id, body.line])).toEqual([['group', undefined]]);
    expect(structureToMermaid(structure, names)).not.toMatch(/\bnone\b/);
  });

  it('lists every body once even when reporting lines loop', () => {
    const loop = makeStructure([['a', 'Alpha', 'b'], ['b', 'Beta', 'a']]);
    expect(flatten(structureOutline(loop, names).bodies).map((item) => item.id)).toEqual(['a', 'b']);
  });
});

describe('the diagrams module', () => {
  it('offers pages exactly these functions, and the notes shown in place of a diagram', async () => {
    const api = await import('../../src/diagrams/index.ts');
    expect(Object.keys(api).sort()).toEqual([
      'DIAGRAM_NOTES', 'allocationChart', 'chooseDirection', 'diagramFor', 'mermaidText', 'partnershipNamesIn', 'seatChart', 'structureOutline', 'structureToMermaid',
    ]);
  });
});
