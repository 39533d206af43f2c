/**
 * A structure diagram's Mermaid source as plain text: the same text the page's
 * diagram is drawn from, for anyone who wants to redraw, diff or reuse it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { partnershipNamesIn, structureToMermaid } from '../../../../diagrams/index.ts';
import { loadModel, type StructureModel } from '../../../../model/index.ts';
import { structurePagePaths } from '../../../../site/pages/structure-page.ts';

/** A source file beside each structure's page. */
export const getStaticPaths = (() => structurePagePaths(loadModel())) satisfies GetStaticPaths;

/** The Mermaid source, served as text/plain wherever the host maps `.mmd` to it. */
export const GET: APIRoute<{ structure: StructureModel }> = ({ props }) =>
  new Response(structureToMermaid(props.structure, partnershipNamesIn(loadModel())), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
