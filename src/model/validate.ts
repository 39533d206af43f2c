/**
 * validate: parsed documents → typed entries, one Zod schema per content type.
 * Zod's issues become diagnostics in plain English, each located by the path
 * of the value it is about.
 */
import { z } from 'zod';
import type { PathSegment, PendingDiagnostic } from '../content/diagnostics.ts';
import type { Entry } from '../content/entry.ts';
import type { ParsedDocument } from '../content/load.ts';
import { closest, listWords } from '../content/words.ts';
import { checkBodies, countSeats } from '../rules/bodies.ts';
import { checkFileRules } from '../rules/file-rules.ts';
import { checkFunding, sumFunding } from '../rules/funding.ts';
import { reportInto } from '../rules/report.ts';
import { CONTENT_SCHEMAS, FundingSchema, StructureSchema } from '../schemas/index.ts';
import { hedgeOf, QUANTITY_FORMS, type HedgeFound } from '../schemas/values.ts';

/**
 * Validates one document against its schema, then its own file's rules
 * (`checkFileRules`). Returns the typed entry, or undefined with the problems
 * added to `diagnostics`.
 */
export function validateDocument(document: ParsedDocument, diagnostics: PendingDiagnostic[]): Entry | undefined {
  const entry = validateSchema(document, diagnostics);
  if (entry) entry.sources = checkFileRules(entry, reportInto(diagnostics));
  return entry;
}

/** The entry a document makes with its validated data. */
function entryOf({ file, kind, id, partnershipId, body }: ParsedDocument, value: unknown): Entry {
  return { file, kind, id, partnershipId, body, value } as Entry;
}

function validateSchema(document: ParsedDocument, diagnostics: PendingDiagnostic[]): Entry | undefined {
  const schema: z.ZodType = CONTENT_SCHEMAS[document.kind];
  const result = schema.safeParse(document.data, { reportInput: true });
  if (result.success) return entryOf(document, result.data);
  const issues = flattenIssues(result.error.issues);
  const typos = typosOfMissingKeys(document, schema, issues);
  for (const issue of issues) {
    // A misspelt required key is one mistake: report it once, at the misspelling.
    if (typos.missing.has(pathKey(issue.path))) continue;
    diagnostics.push(...issueToDiagnostics(document, schema, issue, typos.required));
  }
  const salvaged = salvage(document, schema, issues);
  if (!salvaged) checkCompleteParts(document, diagnostics);
  return salvaged;
}

/**
 * All problems in one run, even when a required key is missing or wrong and
 * the file cannot join the model: a funding table or a list of bodies that is
 * complete in itself still gets its own rules (the sums, sizes and reporting
 * loops), the same ones `checkFileRules` runs on a valid file.
 */
function checkCompleteParts(document: ParsedDocument, diagnostics: PendingDiagnostic[]): void {
  const data = document.data && typeof document.data === 'object' ? (document.data as Record<string, unknown>) : {};
  const report = reportInto(diagnostics);
  if (document.kind === 'decision') {
    const funding = FundingSchema.safeParse(data.funding);
    if (funding.success) checkFunding(document.file, sumFunding(funding.data), report, typeof data.date === 'string' ? data.date : undefined);
  }
  if (document.kind === 'structure') {
    const bodies = StructureSchema.shape.bodies.safeParse(data.bodies);
    if (bodies.success) checkBodies(document.file, bodies.data.map(countSeats), report);
  }
}

/** How many unknown keys of one mapping are named, each with its own problem, before the rest are counted in one. */
const UNKNOWN_KEYS_NAMED = 20;

const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('\u0000');

/**
 * Pairs unknown keys with required keys missing from the same mapping that
 * they are likely misspellings of (`decison_maker` for `decision_maker`).
 */
function typosOfMissingKeys(document: ParsedDocument, schema: z.ZodType, issues: z.core.$ZodIssue[]): { missing: Set<string>; required: Set<string> } {
  const missing = new Set<string>();
  const required = new Set<string>();
  const missingByParent = new Map<string, string[]>();
  for (const issue of issues) {
    const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
    if (isMissing(document.data, path, issue)) {
      const parent = pathKey(path.slice(0, -1));
      missingByParent.set(parent, [...(missingByParent.get(parent) ?? []), String(path.at(-1))]);
    }
  }
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = pathKey(issue.path);
    const candidates = missingByParent.get(parent) ?? [];
    for (const key of issue.keys) {
      const match = closest(key, candidates);
      if (match && closest(key, knownKeys(schema, issue.path.filter((s): s is PathSegment => typeof s !== 'symbol'))) === match) {
        missing.add(pathKey([...issue.path, match]));
        required.add(pathKey([...issue.path, key]));
      }
    }
  }
  return { missing, required };
}

/**
 * All problems in one run: a typo in one key must not hide the file's other
 * problems, such as a broken reference. Unknown keys and bad optional values
 * are dropped and the rest is validated again, so the cross-file rules can
 * still run on it. (The file has errors already, so it is never published.)
 */
function salvage(document: ParsedDocument, schema: z.ZodType, issues: z.core.$ZodIssue[]): Entry | undefined {
  const data = structuredClone(document.data);
  let dropFunding = false;
  for (const issue of issues) {
    const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const holder = valueAt(data, path);
      for (const key of issue.keys) if (holder && typeof holder === 'object') delete (holder as Record<string, unknown>)[key];
      continue;
    }
    // Without one of its figures a funding table cannot add up: its sums would
    // be reported as wrong when only the unreadable figure is, so skip them.
    if (document.kind === 'decision' && path[0] === 'funding') {
      dropFunding = true;
      continue;
    }
    const key = path.at(-1);
    const holder = valueAt(data, path.slice(0, -1));
    const optional = typeof key === 'string' && fieldsAt(schema, path.slice(0, -1)).some((shape) => isOptional(shape[key]));
    if (!optional || !holder || typeof holder !== 'object') return undefined;
    delete (holder as Record<string, unknown>)[key];
  }
  if (dropFunding && data && typeof data === 'object') delete (data as Record<string, unknown>).funding;
  const again = schema.safeParse(data);
  return again.success ? entryOf(document, again.data) : undefined;
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
    // A closed list that also takes a list of its values (a decision's `kind`): a text that is not one
    // of the values is reported as such, so it gets "did you mean" like every other closed list.
    const closedList = issue.code === 'invalid_union' ? issue.errors.find((alternative) => alternative.length === 1 && alternative[0].code === 'invalid_value' && alternative[0].path.length === 0) : undefined;
    if (closedList && typeof (issue as { input?: unknown }).input === 'string') {
      flat.push({ ...closedList[0], path: issue.path, input: (issue as { input?: unknown }).input } as z.core.$ZodIssue);
      continue;
    }
    // A group of keys that one alternative takes, with a wrong figure under its key ({ approx: 6.5 }):
    // that figure's own problem, not the union's list of every form.
    const input = (issue as { input?: unknown }).input;
    const shaped = issue.code === 'invalid_union' && isGroup(input) ? issue.errors.find((alternative) => fitsKeys(alternative, input)) : undefined;
    if (shaped) {
      flat.push(...flattenIssues(shaped.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }))));
      continue;
    }
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

const isGroup = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether an alternative's problems are all with values under keys the group has: it takes the group's keys. */
const fitsKeys = (alternative: readonly z.core.$ZodIssue[], group: Record<string, unknown>) =>
  alternative.length > 0 && alternative.every((i) => i.path.length > 0 && i.code !== 'unrecognized_keys' && Object.hasOwn(group, i.path[0] as PropertyKey));

/**
 * The keys a union's groups take (a hedged count's `approx`, `at_least`,
 * `at_most`): each group alternative takes the keys it says are missing and
 * those of the value it does not call unknown.
 */
function groupKeys(issue: z.core.$ZodIssue): string[] {
  const input = (issue as { input?: unknown }).input;
  if (issue.code !== 'invalid_union' || !isGroup(input)) return [];
  const keys = new Set<string>();
  for (const alternative of issue.errors) {
    const unknown = alternative.find((i) => i.code === 'unrecognized_keys');
    // The plain-number alternative says only that the value is not a number.
    if (!unknown && !alternative.some((i) => i.path.length > 0)) continue;
    for (const i of alternative) if (i.path.length === 1 && !Object.hasOwn(input, i.path[0] as PropertyKey)) keys.add(String(i.path[0]));
    for (const key of Object.keys(input)) if (!unknown?.keys.includes(key)) keys.add(key);
  }
  return [...keys];
}

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A number below 1,000 in words, without "and": 345 is "three hundred forty five". */
function inWords(n: number): string {
  if (n < 20) return ONES[n];
  if (n < 100) return `${TENS[Math.floor(n / 10)]}${n % 10 ? ` ${ONES[n % 10]}` : ''}`;
  return `${ONES[Math.floor(n / 100)]} hundred${n % 100 ? ` ${inWords(n % 100)}` : ''}`;
}

/** Every count a document might write in words, up to a thousand, by its words. */
const NUMBER_WORDS = new Map<string, number>([...Array.from({ length: 1000 }, (_, n): [string, number] => [inWords(n), n]), ['one thousand', 1000], ['one dozen', 12]]);

/**
 * The whole number a text gives, in digits or in words ("30", "1,200",
 * "thirty", "forty-five", "a hundred and twenty", "a dozen"); undefined when
 * it is anything more or less than one figure, so no figure is ever guessed.
 */
function figureOf(text: string): number | undefined {
  const words = text.trim().toLowerCase().replace(/[\s-]+/g, ' ');
  if (/^(\d+|\d{1,3}(,\d{3})+)$/.test(words)) return Number(words.replaceAll(',', ''));
  return NUMBER_WORDS.get(words.replace(/\band\b/g, ' ').replace(/^an? (?=hundred|thousand|dozen)/, 'one ').replace(/\s+/g, ' ').trim());
}

/**
 * How to write a hedge the officer wrote in words, as one of the count's keys:
 * "write `{ approx: 30 }`" when the words mean what the key means and the
 * figure can be read; for a strict bound ("over 12"), why the key is not the
 * same and no figure.
 */
function hedgeFix({ words, hedge, exact }: HedgeFound, figure: number | undefined): string {
  if (!exact) {
    const [means, limit] = hedge === 'at_least' ? ['at least', 'minimum'] : ['at most', 'maximum'];
    const bound = figure === undefined ? 'the figure' : `${figure}`;
    return `"${words}" is not "${means}" (\`{ ${hedge}: ${figure ?? '…'} }\` would allow ${bound} itself); write \`{ ${hedge}: … }\` only with a figure the document gives as a ${limit}, or the exact figure if it gives one`;
  }
  return figure === undefined ? `write \`{ ${hedge}: … }\` with the figure in digits` : `write \`{ ${hedge}: ${figure} }\``;
}

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

function issueToDiagnostics(document: ParsedDocument, schema: z.ZodType, issue: z.core.$ZodIssue, requiredTypos: ReadonlySet<string> = new Set()): PendingDiagnostic[] {
  const base = { file: document.file, severity: 'error' as const };
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  const input = (issue as { input?: unknown }).input;

  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path);
    // Past a few, unknown keys in one place are one mistake (a pasted block, a generated file): the
    // first are named, the rest counted, so 100,000 of them cost one problem, not 100,000.
    const named = issue.keys.slice(0, UNKNOWN_KEYS_NAMED);
    const rest = issue.keys.length - named.length;
    const more: PendingDiagnostic[] = rest > 0 ? [{
      ...base,
      code: 'unknown-key',
      locator: { path: [...path, issue.keys[UNKNOWN_KEYS_NAMED]], at: 'key' },
      message: `and ${rest.toLocaleString('en-GB')} more keys this register does not know${path.length ? ` in ${subject(path).replace(/^Item/, 'item')}` : ''}, from \`${issue.keys[UNKNOWN_KEYS_NAMED]}\` on; expected only the keys of the content model (docs/authoring.md); delete them`,
    }] : [];
    return [...named.map((key): PendingDiagnostic => {
      const suggestion = closest(key, known);
      return {
        ...base,
        code: 'unknown-key',
        locator: { path: [...path, key], at: 'key' },
        message: `\`${key}\` is not a key this register knows${path.length ? ` in ${subject(path).replace(/^Item/, 'item')}` : ''}; ` +
          (suggestion
            ? `did you mean \`${suggestion}\`${requiredTypos.has(pathKey([...path, key])) ? ', which is required and missing' : ''}? Rename it to \`${suggestion}\``
            : `expected one of: ${listWords(known)}; rename or delete it`),
      };
    }), ...more];
  }
  if (isMissing(document.data, path, issue)) {
    const parentKey = path.length > 1 ? path.slice(0, -1) : [];
    return [{
      ...base,
      code: 'missing-key',
      locator: { path, at: 'parent' },
      message: `\`${String(path.at(-1))}\` is missing${parentKey.length ? ` from ${subject(parentKey).replace(/^Item/, 'item')}` : ''}; expected ${expectedOf(issue)}; add \`${String(path.at(-1))}:\` with a value`,
    }];
  }
  if (issue.code === 'invalid_type' && path.length === 0) {
    return [{ ...base, code: 'invalid-type', locator: { path, at: 'value' }, message: `this file holds ${describeValue(input)}; expected keys such as \`title: …\`, one per line; rewrite the file as keys and values` }];
  }
  if (issue.code === 'invalid_type') {
    const expected = EXPECTED[issue.expected] ?? issue.expected;
    // Empty optional keys are accepted, so an empty value here is a required key left blank.
    const fix = input === null ? `write a value after \`${String(path.at(-1))}:\` (it is required)` : `write ${expected}`;
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
  const accepted = groupKeys(issue);
  const strange = isGroup(input) ? Object.keys(input).filter((key) => !accepted.includes(key)) : [];
  if (accepted.length > 0 && strange.length > 0) {
    // `{ about: 4 }`: name the key that is wrong and the one to write instead.
    const key = strange[0];
    const value = (input as Record<string, unknown>)[key];
    const figure = typeof value === 'number' ? value : undefined;
    const hedge = hedgeOf(key);
    const instead = hedge && hedge.rest === '' ? hedge : undefined;
    const near = instead ? undefined : closest(key, accepted);
    // A strict bound ("over") gets no "did you mean `at_least`?": the explanation says that is not what it means.
    const fix = instead
      ? instead.exact ? `did you mean \`${instead.hedge}\`? Write \`{ ${instead.hedge}: ${figure ?? '…'} }\`` : hedgeFix(instead, figure)
      : near
        ? `did you mean \`${near}\`? Write \`{ ${near}: ${figure ?? '…'} }\``
        : `write one of them, or a whole number`;
    return [{
      ...base,
      code: 'invalid-value',
      locator: { path: [...path, key], at: 'key' },
      message: `\`${key}\` is not a key ${subject(path).replace(/^Item/, 'item')} can hold; expected a whole number, or one of: ${listWords(accepted)}; ${fix}`,
    }];
  }
  if (accepted.length > 0 && isGroup(input) && Object.keys(input).length > 1) {
    // `{ approx: 4, at_least: 2 }`: a figure is hedged one way.
    return [{
      ...base,
      code: 'invalid-value',
      locator: { path, at: 'value' },
      message: `${subject(path)} holds ${Object.keys(input).map((key) => `\`${key}\``).join(' and ')}; expected one of them only; keep the one the document's wording gives`,
    }];
  }
  const code = (issue.code === 'custom' && typeof issue.params?.code === 'string' ? issue.params.code : undefined) ??
    (isWrongType(issue) ? 'invalid-type' : 'invalid-value');
  const text = issue.message.startsWith('must') || issue.message.startsWith('is ') || issue.message.startsWith('gives')
    ? `${subject(path)} ${issue.message}`
    : `${subject(path)}: ${issue.message}`;
  const needsFix = issue.message.startsWith('must') ? `; it is ${describeValue(input)}${countFix(issue, input)}` : '';
  return [{ ...base, code, locator: { path, at: 'value' }, message: text + needsFix }];
}

/**
 * For a count written as hedged text ("about 30", "at least twelve"), the
 * count's own form of it: "; write `{ approx: 30 }`".
 */
function countFix(issue: z.core.$ZodIssue, input: unknown): string {
  const hedge = issue.message === QUANTITY_FORMS && typeof input === 'string' ? hedgeOf(input) : undefined;
  return hedge ? `; ${hedgeFix(hedge, figureOf(hedge.rest))}` : '';
}

/**
 * Whether an issue is about a required key that is absent. Zod reports an
 * absent enum as a bad value and an absent union (dates, lists) as a failed
 * union, so the data is asked, not the issue's code.
 */
function isMissing(data: unknown, path: readonly PathSegment[], issue: z.core.$ZodIssue): boolean {
  if (path.length === 0 || (issue as { input?: unknown }).input !== undefined) return false;
  if (issue.code !== 'invalid_type' && issue.code !== 'invalid_value' && issue.code !== 'invalid_union') return false;
  const holder = valueAt(data, path.slice(0, -1));
  return holder !== null && typeof holder === 'object' && !Object.hasOwn(holder, path.at(-1) as PropertyKey);
}

/** What a missing key should hold, in an officer's words. */
function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return EXPECTED[issue.expected] ?? issue.expected;
  if (issue.code === 'invalid_value') return `one of: ${listWords(issue.values.map(String))}`;
  return issue.message.startsWith('must be ') ? issue.message.slice('must be '.length) : 'a value';
}

/** A union none of whose alternatives accepts the value's type (text where a number belongs). */
function isWrongType(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors.every((alternative) => alternative.length > 0 && alternative.every((i) => i.code === 'invalid_type' && i.path.length === 0));
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
