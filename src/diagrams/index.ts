/**
 * Diagrams and charts for pages. Everything here is synchronous and needs no
 * browser: structure diagrams are drawn beforehand by `prepareDiagrams`
 * (src/diagrams/prepare.ts, run by scripts/build.ts before Astro), and pages
 * read the drawn SVG from the cache.
 */
import type { Model, StructureModel } from '../model/types.ts';
import { defaultCacheDir, readCachedSvg } from './cache.ts';
import { partnershipNamesIn } from './facts.ts';
import { diagramDescription, diagramTitle, structureToMermaid } from './mermaid.ts';
import { structureOutline, type StructureOutline } from './text-alternative.ts';

export { allocationChart, seatChart, type AllocationChartRow, type ChartOptions, type SeatChartRow } from './charts.ts';
export { partnershipNamesIn, type PartnershipNames } from './facts.ts';
export { structureToMermaid, mermaidText, chooseDirection, type Direction } from './mermaid.ts';
export { structureOutline, type OutlineBody, type OutlineRelation, type StructureOutline } from './text-alternative.ts';

/** Everything a page needs to show a structure diagram. */
export interface StructureDiagram {
  /** The Mermaid source, published beside the structure page as `<structure-id>.mmd`. */
  mermaid: string;
  /**
   * The drawn SVG, safe to inline as it is (`role="img"`, `<title>`, `<desc>`, no
   * script); undefined when no browser could draw it, and the page shows the outline alone.
   */
  svg?: string;
  /** The diagram's accessible name (the SVG's `<title>`). */
  title: string;
  /** The diagram's summary (the SVG's `<desc>`). */
  description: string;
  /** The same facts as nested lists: the text alternative shown beside the diagram. */
  outline: StructureOutline;
}

/**
 * A structure's diagram: its Mermaid source, its SVG if drawn, and its text alternative.
 *
 * @param options.cacheDir where `prepareDiagrams` cached the SVGs (the same default)
 */
export function diagramFor(structure: StructureModel, model: Pick<Model, 'partnerships'>, options: { cacheDir?: string } = {}): StructureDiagram {
  const names = partnershipNamesIn(model);
  const mermaid = structureToMermaid(structure, names);
  const svg = readCachedSvg(options.cacheDir ?? defaultCacheDir(), mermaid);
  return {
    mermaid,
    ...(svg === undefined ? {} : { svg }),
    title: diagramTitle(structure, names),
    description: diagramDescription(structure),
    outline: structureOutline(structure, names),
  };
}
