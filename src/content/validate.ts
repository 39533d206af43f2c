/**
 * validate: parsed documents → typed entries, one Zod schema per content type.
 * Zod's issues become diagnostics in plain English, each located by the path
 * of the value it is about.
 */
import { z } from 'zod';
import type { PathSegment, PendingDiagnostic } from './diagnostics.ts';
import type { ContentKind, SourceDocument } from './load.ts';
import { ChapterSchema, DecisionSchema, PartnershipSchema, SiteSchema, StrategySchema, StructureSchema } from '../schemas/index.ts';
import { closest, listWords } from './words.ts';

/** The schema for each content type. */
export const SCHEMAS = {
  site: SiteSchema,
  partnership: PartnershipSchema,
  structure: StructureSchema,
  strategy: StrategySchema,
  chapter: ChapterSchema,
  decision: DecisionSchema,
} as const satisfies Record<ContentKind, z.ZodType>;

/** The validated data of each content type. */
export type EntryData = { [K in ContentKind]: z.output<(typeof SCHEMAS)[K]> };

/** A document whose data passed its schema. */
export type Entry<K extends ContentKind = ContentKind> = { [P in K]: SourceDocument & { kind: P; value: EntryData[P] } }[K];

/**
 * Validates one document against its schema. Returns the typed entry, or
 * undefined with the problems added to `diagnostics`.
 */
export function validateDocument(document: SourceDocument, diagnostics: PendingDiagnostic[]): Entry | undefined {
  const schema: z.ZodType = SCHEMAS[document.kind];
  const result = schema.safeParse(document.data, { reportInput: true });
  if (result.success) return { ...document, value: result.data } as Entry;
  const issues = flattenIssues(result.error.issues);
  for (const issue of issues) diagnostics.push(...issueToDiagnostics(document, schema, issue));
  return salvage(document, schema, issues);
}

/**
 * All problems in one run: a typo in one key must not hide the file's other
 * problems, such as a broken reference. Unknown keys and bad optional values
 * are dropped and the rest is validated again, so the cross-file rules can
 * still run on it. (The file has errors already, so it is never published.)
 */
function salvage(document: SourceDocument, schema: z.ZodType, issues: z.core.$ZodIssue[]): Entry | undefined {
  const data = structuredClone(document.data);
  for (const issue of issues) {
    const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const holder = valueAt(data, path);
      for (const key of issue.keys) if (holder && typeof holder === 'object') delete (holder as Record<string, unknown>)[key];
      continue;
    }
    const key = path.at(-1);
    const holder = valueAt(data, path.slice(0, -1));
    const optional = typeof key === 'string' && fieldsAt(schema, path.slice(0, -1)).some((shape) => isOptional(shape[key]));
    if (!optional || !holder || typeof holder !== 'object') return undefined;
    delete (holder as Record<string, unknown>)[key];
  }
  const again = schema.safeParse(data);
  return again.success ? ({ ...document, value: again.data } as Entry) : undefined;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) node = node && typeof node === 'object' ? (node as Record<PathSegment, unknown>)[segment] : undefined;
  return node;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
const isOptional = (schema: z.ZodType | undefined) => schema !== undefined && defOf(schema).type === 'optional';

/**
 * A union's issue holds one list per alternative. Report the alternative that
 * got furthest (the most specific path), so `{ approx: "x" }` is reported at
 * `approx`, not as "invalid input".
 */
function flattenIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const flat: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && !issue.message.startsWith('must')) {
      const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
      if (depth(best) > 0) {
        flat.push(...flattenIssues(best.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }))));
        continue;
      }
    }
    flat.push(issue);
  }
  return flat;
}

const depth = (issues: readonly z.core.$ZodIssue[]) => Math.max(0, ...issues.map((i) => i.path.length));

/** Describes a value in an officer's words, for "is …" in messages. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return `the text "${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a group of keys';
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (each item on its own line starting with "- ")',
  object: 'a group of keys, each on its own line',
};

/** The name of the key a path ends in, for the start of a message. */
function subject(path: readonly PathSegment[]): string {
  const last = path.findLast((segment) => typeof segment === 'string');
  const index = path.at(-1);
  if (last === undefined) return 'The file';
  return typeof index === 'number' ? `Item ${index + 1} of \`${last}\`` : `\`${last}\``;
}

function issueToDiagnostics(document: SourceDocument, schema: z.ZodType, issue: z.core.$ZodIssue): PendingDiagnostic[] {
  const base = { file: document.file, severity: 'error' as const };
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  const input = (issue as { input?: unknown }).input;

  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path);
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      return {
        ...base,
        code: 'unknown-key',
        locator: { path: [...path, key], at: 'key' },
        message: `\`${key}\` is not a key this register knows${path.length ? ` inside \`${String(path.findLast((s) => typeof s === 'string') ?? '')}\`` : ''}; ` +
          (suggestion ? `did you mean \`${suggestion}\`? Rename it to \`${suggestion}\`` : `expected one of: ${listWords(known)}; rename or delete it`),
      };
    });
  }
  if (issue.code === 'invalid_type' && input === undefined) {
    const parentKey = path.length > 1 ? path.slice(0, -1) : [];
    return [{
      ...base,
      code: 'missing-key',
      locator: { path, at: 'parent' },
      message: `\`${String(path.at(-1))}\` is missing${parentKey.length ? ` from ${subject(parentKey).replace(/^Item/, 'item')}` : ''}; expected ${EXPECTED[issue.expected] ?? issue.expected}; add \`${String(path.at(-1))}:\` with a value`,
    }];
  }
  if (issue.code === 'invalid_type' && path.length === 0) {
    return [{ ...base, code: 'invalid-type', locator: { path, at: 'value' }, message: `this file holds ${describeValue(input)}; expected keys such as \`title: …\`, one per line; rewrite the file as keys and values` }];
  }
  if (issue.code === 'invalid_type') {
    const expected = EXPECTED[issue.expected] ?? issue.expected;
    const fix = input === null ? `write a value after \`${String(path.at(-1))}:\`, or delete the line` : `write ${expected}`;
    return [{ ...base, code: 'invalid-type', locator: { path, at: 'value' }, message: `${subject(path)} is ${describeValue(input)}; expected ${expected}; ${fix}` }];
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String);
    const suggestion = typeof input === 'string' ? closest(input, allowed) : undefined;
    return [{
      ...base,
      code: 'invalid-value',
      locator: { path, at: 'value' },
      message: `${subject(path)} is ${describeValue(input)}, which is not one of the allowed values; expected one of: ${listWords(allowed)}; ` +
        (suggestion ? `did you mean "${suggestion}"?` : 'write one of them'),
    }];
  }
  const code = (issue.code === 'custom' && typeof issue.params?.code === 'string' ? issue.params.code : undefined) ?? 'invalid-value';
  const text = issue.message.startsWith('must') || issue.message.startsWith('is ') || issue.message.startsWith('gives')
    ? `${subject(path)} ${issue.message}`
    : `${subject(path)}: ${issue.message}`;
  const needsFix = issue.message.startsWith('must') ? `; it is ${describeValue(input)}` : '';
  return [{ ...base, code, locator: { path, at: 'value' }, message: text + needsFix }];
}

/** The keys an object schema allows at a path, for suggesting the nearest one. */
export function knownKeys(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  return Object.keys(fieldsAt(schema, path)[0] ?? {});
}

/** The fields of the object schemas that can stand at a path (several, through unions). */
function fieldsAt(schema: z.ZodType, path: readonly PathSegment[]): Record<string, z.ZodType>[] {
  let candidates: z.ZodType[] = [schema];
  for (const segment of path) {
    const next: z.ZodType[] = [];
    for (const candidate of candidates.flatMap(unwrap)) {
      const def = defOf(candidate);
      if (def.type === 'object' && typeof segment === 'string') {
        const field = (def.shape as Record<string, z.ZodType>)[segment];
        if (field) next.push(field);
      } else if (def.type === 'array' && typeof segment === 'number') next.push(def.element as z.ZodType);
    }
    candidates = next;
  }
  return candidates.flatMap(unwrap).map(defOf).filter((def) => def.type === 'object').map((def) => def.shape as Record<string, z.ZodType>);
}

/** Looks through wrappers (optional, nullable, pipes, unions) to the schemas that hold data. */
function unwrap(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return unwrap(def.innerType as z.ZodType);
    case 'pipe':
      return [...unwrap(def.in as z.ZodType), ...unwrap(def.out as z.ZodType)];
    case 'union':
      return (def.options as z.ZodType[]).flatMap(unwrap);
    default:
      return [schema];
  }
}
