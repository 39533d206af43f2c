/** The schema of each content type, by the name the loader gives the type (see ../content/load.ts). */
import type { z } from 'zod';
import { ChapterSchema } from './chapter.ts';
import { DecisionSchema } from './decision.ts';
import { PartnershipSchema } from './partnership.ts';
import { SiteSchema } from './site.ts';
import { StrategySchema } from './strategy.ts';
import { StructureSchema } from './structure.ts';

/** The schema for each content type: one per file kind. */
export const CONTENT_SCHEMAS = {
  site: SiteSchema,
  partnership: PartnershipSchema,
  structure: StructureSchema,
  strategy: StrategySchema,
  chapter: ChapterSchema,
  decision: DecisionSchema,
} as const;

/** The validated data of each content type. */
export type ContentData = { [K in keyof typeof CONTENT_SCHEMAS]: z.output<(typeof CONTENT_SCHEMAS)[K]> };
