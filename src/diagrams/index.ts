/**
 * Diagrams and charts for pages. Everything here is synchronous and needs no
 * browser: structure diagrams are drawn beforehand by `prepareDiagrams`
 * (src/diagrams/prepare.ts, run by scripts/build.ts before Astro), and pages
 * read the drawn SVG from the cache.
 */
import type { Model, StructureModel } from '../model/types.ts';
import { defaultCacheDir, readCachedFailure, readCachedSvg } from './cache.ts';
import { partnershipNamesIn, type PartnershipNames } from './facts.ts';
import { tooLargeToDraw } from './limits.ts';
import { diagramDescription, diagramTitle, structureToMermaid } from './mermaid.ts';
import { structureOutline, type StructureOutline } from './text-alternative.ts';

export { allocationChart, seatChart, type AllocationChartRow, type ChartOptions, type SeatChartRow } from './charts.ts';
export { partnershipNamesIn, type PartnershipNames } from './facts.ts';
export { structureToMermaid, mermaidText, chooseDirection, type Direction } from './mermaid.ts';
export { structureOutline, type OutlineBody, type OutlineRelation, type StructureOutline } from './text-alternative.ts';

/**
 * What a page says in place of a diagram that is not drawn, by why: the
 * structure is beyond the limits of limits.ts; Mermaid could not draw it; or
 * this build had no browser to draw with (or did not draw diagrams).
 */
export const DIAGRAM_NOTES = {
  tooLarge: 'This structure is too large to draw as a diagram; its bodies are listed below.',
  failed: 'This structure could not be drawn as a diagram; its bodies are listed below.',
  notDrawn: 'Diagram not available in this build.',
} as const;

/** Why a diagram is not drawn: a key of `DIAGRAM_NOTES`. */
export type DiagramNotDrawn = keyof typeof DIAGRAM_NOTES;

/** Everything a page needs to show a structure diagram. */
export interface StructureDiagram {
  /** The Mermaid source, published beside the structure page as `<structure-id>.mmd`. */
  mermaid: string;
  /**
   * The drawn SVG, safe to inline as it is (`role="img"`, `<title>`, `<desc>`, no
   * script); undefined when it is not drawn, and the page shows `note` and the outline.
   */
  svg?: string;
  /** Why there is no SVG, when there is none. */
  notDrawn?: DiagramNotDrawn;
  /** What the page says in place of the diagram, when there is no SVG (from `DIAGRAM_NOTES`). */
  note?: string;
  /** The diagram's accessible name (the SVG's `<title>`). */
  title: string;
  /** The diagram's summary (the SVG's `<desc>`). */
  description: string;
  /** The same facts as nested lists: the text alternative shown beside the diagram. */
  outline: StructureOutline;
}

/** A structure's drawn SVG, or why there is none. */
function drawing(structure: StructureModel, mermaid: string, names: PartnershipNames, cacheDir: string): { svg: string } | { notDrawn: DiagramNotDrawn } {
  if (tooLargeToDraw(structure, names)) return { notDrawn: 'tooLarge' };
  const svg = readCachedSvg(cacheDir, mermaid);
  if (svg !== undefined) return { svg };
  return { notDrawn: readCachedFailure(cacheDir, mermaid) ? 'failed' : 'notDrawn' };
}

/**
 * A structure's diagram: its Mermaid source, its SVG if drawn (or the note
 * that says why not), and its text alternative.
 *
 * @param options.cacheDir where `prepareDiagrams` cached the SVGs (the same default)
 */
export function diagramFor(structure: StructureModel, model: Pick<Model, 'partnerships'>, options: { cacheDir?: string } = {}): StructureDiagram {
  const names = partnershipNamesIn(model);
  const mermaid = structureToMermaid(structure, names);
  const drawn = drawing(structure, mermaid, names, options.cacheDir ?? defaultCacheDir());
  return {
    mermaid,
    ...('svg' in drawn ? drawn : { notDrawn: drawn.notDrawn, note: DIAGRAM_NOTES[drawn.notDrawn] }),
    title: diagramTitle(structure, names),
    description: diagramDescription(structure),
    outline: structureOutline(structure, names),
  };
}
