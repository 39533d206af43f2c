/**
 * Shared setup for the diagram tests: the fixture content (a frozen copy of
 * Chorley's proposed structure, and a partnership whose names are as awkward
 * as names get) and a way to write small structures inline.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { checkContent } from '../../src/model/index.ts';
import type { BodyModel, Model, RelationModel, StructureModel } from '../../src/model/types.ts';

/** The diagram tests' content folder. */
export const FIXTURE_CONTENT = fileURLToPath(new URL('fixtures/content', import.meta.url));

let fixture: Model | undefined;

/** The fixture content's model, checked once; the fixture must have no errors. */
export function fixtureModel(): Model {
  if (!fixture) {
    fixture = checkContent(FIXTURE_CONTENT, { today: '2026-11-26' });
    expect(fixture.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  }
  return fixture;
}

/** A structure of a model, by partnership and structure id. */
export function structureOf(model: Model, partnershipId: string, structureId: string): StructureModel {
  const structure = model.partnerships.find((p) => p.id === partnershipId)?.structures.find((s) => s.id === structureId);
  if (!structure) throw new Error(`no structure ${partnershipId}/${structureId}`);
  return structure;
}

/** Chorley's proposed structure (March 2006), as in the example content. */
export function chorley2006(): StructureModel {
  return structureOf(fixtureModel(), 'chorley-partnership', '2006-proposed');
}

/** The structure whose names Mermaid, HTML and Markdown would misread. */
export function trickyStructure(): StructureModel {
  return structureOf(fixtureModel(), 'tricky-names', 'current');
}

/** A small structure written inline: bodies as `[id, name, reportsTo?]`. */
export function makeStructure(bodies: [string, string, string?][], relations: RelationModel[] = [], id = 'test'): StructureModel {
  return {
    id,
    partnershipId: 'test-partnership',
    file: `partnerships/test-partnership/structures/${id}.yaml`,
    title: 'Test structure',
    status: 'current',
    bodies: bodies.map(([id, name, reportsTo]): BodyModel => ({ id, name, kind: 'other', ...(reportsTo ? { reports_to: reportsTo } : {}) })),
    relations,
  };
}

/**
 * The fixture register with these structures as its only ones (its
 * partnerships kept, for the names of links to them): what the diagram step
 * of a build of them would see.
 */
export function modelWith(structures: StructureModel[]): Pick<Model, 'partnerships'> {
  return { partnerships: fixtureModel().partnerships.map((partnership, i) => ({ ...partnership, structures: i === 0 ? structures : [] })) };
}

/**
 * Compares text with a golden file beside the tests; `UPDATE=1` rewrites the
 * file instead, for review in the diff.
 */
export function expectGolden(name: string, actual: string): void {
  const file = fileURLToPath(new URL(`golden/${name}`, import.meta.url));
  if (process.env.UPDATE === '1' || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Undoes `mermaidText`'s escaping and the label's line break, as the renderer does. */
export function decodeMermaidLabel(label: string): string {
  return label.replace(/\\n/g, '\n').replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

/** Names as a diagram draws them: runs of white space become one space. */
export function asDrawn(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}
