/**
 * The public API of src/schemas/index.ts. Editors' JSON Schemas, the authoring
 * guide and the pages depend on these names: adding or removing one must be a
 * deliberate change to this list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as schemas from '../src/schemas/index.ts';

const VALUES = [
  'AllocationSchema', 'BODY_KINDS', 'BODY_STATES', 'BodySchema', 'CHAPTER_STATUSES', 'CONTENT_SCHEMAS', 'ChapterSchema', 'CiteSchema', 'ContactSchema', 'ContributionSchema',
  'DECISION_KINDS', 'DECISION_STATUSES', 'DateSchema', 'DecisionSchema', 'DiscrepanciesSchema', 'DiscrepancySchema', 'FundingSchema', 'ID_PATTERN', 'IdSchema', 'MeasureSchema', 'MoneySchema',
  'ObjectiveSchema', 'OptionSchema', 'PARTNERSHIP_KINDS', 'PARTNERSHIP_STATUSES', 'PartnershipSchema', 'PeriodSchema', 'PrioritySchema',
  'RELATION_KINDS', 'ReferenceSchema', 'RelationSchema', 'ReportSchema', 'SEAT_CATEGORIES', 'STRATEGY_KINDS', 'STRUCTURE_STATUSES', 'SUMMARY_MAX',
  'SeatSchema', 'SiteSchema', 'SizeSchema', 'SourceSchema', 'SourcesSchema', 'StrategySchema', 'StreamsSchema', 'StructureSchema', 'TIERS', 'TextListSchema', 'TextSchema',
  'compareDates', 'datePrecision', 'decisionReference', 'quantity', 'slugify',
];

const TYPES = [
  'Body', 'Chapter', 'ChapterInput', 'Citation', 'ContentData', 'DatePrecision', 'Decision', 'DecisionInput', 'DecisionReference', 'Discrepancy', 'Partnership', 'PartnershipInput', 'Pence', 'Quantity', 'Site', 'SiteInput', 'Source',
  'Strategy', 'StrategyInput', 'Structure', 'StructureInput',
];

/** The names in the index's `export { … } from` lists, split into values and `type` exports. */
function declaredExports(): { values: string[]; types: string[] } {
  const source = readFileSync(new URL('../src/schemas/index.ts', import.meta.url), 'utf8');
  const values: string[] = [];
  const types: string[] = [];
  for (const [, list] of source.matchAll(/export\s*\{([^}]*)\}\s*from/g)) {
    for (const raw of list.split(',')) {
      const name = raw.trim();
      if (name === '') continue;
      if (name.startsWith('type ')) types.push(name.slice(5).trim());
      else values.push(name);
    }
  }
  return { values: values.sort(), types: types.sort() };
}

describe('the schemas module', () => {
  it('exports exactly the pinned values', () => {
    expect(Object.keys(schemas).sort()).toEqual(VALUES);
  });

  it('exports exactly the pinned types', () => {
    expect(declaredExports().types).toEqual(TYPES);
  });

  it('declares in its export lists exactly the values it exports', () => {
    expect(declaredExports().values).toEqual(VALUES);
  });

  it('exports a Zod schema under every name ending in Schema', () => {
    for (const name of VALUES.filter((n) => n.endsWith('Schema'))) {
      expect(typeof (schemas as unknown as Record<string, { safeParse?: unknown }>)[name].safeParse, name).toBe('function');
    }
  });
});
