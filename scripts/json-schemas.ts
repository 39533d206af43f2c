/**
 * `npm run schemas`: writes docs/schemas/<type>.schema.json, one JSON Schema
 * per content type, generated from the Zod schemas in src/schemas, so editors
 * can offer autocomplete, show each key's description and underline mistakes.
 * `npm run schemas -- --check` writes nothing and exits 1 if the committed
 * files differ from what the Zod schemas give (a test runs the same comparison).
 *
 * The Zod schemas stay the one source of truth, doc comments included: each
 * key's description is its doc comment, read from src/schemas/*.ts, so there is
 * no second copy of the text to drift. The checker remains the authority; the
 * JSON Schemas catch most mistakes as they are typed, not all of them (rules
 * that span files, and a few value rules such as "no 30 February", are the
 * checker's alone).
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ContentKind } from '../src/content/load.ts';
import { CONTENT_SCHEMAS } from '../src/schemas/index.ts';
import { CiteSchema, DateSchema, ID_PATTERN, IdSchema, MoneySchema } from '../src/schemas/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCHEMA_SOURCES = join(ROOT, 'src/schemas');
/** Where the generated schemas are committed; .vscode/settings.json points at these files. */
export const SCHEMAS_DIR = join(ROOT, 'docs/schemas');

/** The file a content type's schema is written to. */
export function schemaFileName(kind: ContentKind): string {
  return `${kind}.schema.json`;
}

/** Where each content type lives, for the schema's title; the contract's layout. */
const LOCATIONS: Record<ContentKind, string> = {
  site: 'content/site.yaml',
  partnership: 'partnerships/<partnership-id>/partnership.md (the frontmatter)',
  structure: 'partnerships/<partnership-id>/structures/<structure-id>.yaml',
  strategy: 'partnerships/<partnership-id>/strategies/<strategy-id>.yaml',
  chapter: 'partnerships/<partnership-id>/chapters/<strategy-id>.md (the frontmatter)',
  decision: 'partnerships/<partnership-id>/decisions/<decision-id>.md (the frontmatter)',
};

/**
 * A date as the checker reads it: YYYY, YYYY-MM or YYYY-MM-DD. The checker
 * also refuses days a month does not have; a pattern cannot say that simply.
 */
const DATE_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$';
/** A citation as the checker reads it: a source's id, then optionally a comma and where in the source. */
const CITATION_PATTERN = `^\\s*${ID_PATTERN.source.slice(1, -1)}\\s*(,.*)?$`;
const CITATION_HINT = 'Write the source\'s id, then a comma and where in it: "way-forward, para 26".';
/** Pounds in quotes as the checker reads them: "£27,535.40", "£147,000", "5000". */
const MONEY_PATTERN = '^\\s*£?\\s?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?\\s*$';

/*
 * The shared value types carry their rules in code (`.check`, `.transform`),
 * which JSON Schema cannot see, so each is described here by the pattern the
 * code accepts. `patternErrorMessage` is what the VS Code YAML extension shows
 * instead of "does not match the pattern"; other validators ignore it.
 */
const VALUE_TYPES = new Map<unknown, Record<string, unknown>>([
  [DateSchema, {
    anyOf: [
      { type: 'string', pattern: DATE_PATTERN, patternErrorMessage: 'Write the date as YYYY-MM-DD (2010-01-12), YYYY-MM (2002-10) or YYYY (1996).' },
      { type: 'integer', minimum: 1000, maximum: 9999 },
    ],
  }],
  [MoneySchema, {
    anyOf: [
      // Two decimal places at most is the checker's rule for numbers: JSON Schema's multipleOf
      // fails on binary fractions (27535.40) in some validators, so it is left to the checker.
      { type: 'number', minimum: 0 },
      { type: 'string', pattern: MONEY_PATTERN, patternErrorMessage: 'Write the amount in full, such as 27535.40 or "£27,535.40" (not "£147k" or "about £600k").' },
    ],
  }],
  [IdSchema, { type: 'string', pattern: ID_PATTERN.source, patternErrorMessage: 'An id is lower-case letters and digits joined by single hyphens, such as community-safety.' }],
  [CiteSchema, {
    anyOf: [
      { type: 'string', pattern: CITATION_PATTERN, patternErrorMessage: CITATION_HINT },
      { type: 'array', items: { type: 'string', pattern: CITATION_PATTERN, patternErrorMessage: CITATION_HINT } },
    ],
  }],
]);

/** One `/** … *\/ key:` pair in a schema source file. */
interface FieldDoc {
  key: string;
  doc: string;
  where: string;
}

const FIELD_DOC = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*([A-Za-z_$][\w$]*)\s*:/g;
const EXPORT_DOC = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export\s+const\s+([A-Za-z_$][\w$]*)/g;

/** A doc comment's text on one line, without its `*` margins. */
function cleanDoc(raw: string): string {
  return raw
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('@'))
    .join(' ');
}

/** Every documented key and exported constant in src/schemas, in source order. */
function readDocs(): { fields: FieldDoc[]; exports: Map<string, string> } {
  const fields: FieldDoc[] = [];
  const exports = new Map<string, string>();
  for (const name of readdirSync(SCHEMA_SOURCES).filter((n) => n.endsWith('.ts')).sort()) {
    const source = readFileSync(join(SCHEMA_SOURCES, name), 'utf8');
    for (const match of source.matchAll(FIELD_DOC)) {
      const line = source.slice(0, match.index).split('\n').length;
      fields.push({ key: match[2], doc: cleanDoc(match[1]), where: `src/schemas/${name}:${line}` });
    }
    for (const match of source.matchAll(EXPORT_DOC)) exports.set(match[2], cleanDoc(match[1]));
  }
  return { fields, exports };
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every object schema in a JSON Schema tree: the nodes that have `properties`. */
function objectNodes(node: unknown, into: JsonObject[] = []): JsonObject[] {
  if (Array.isArray(node)) for (const item of node) objectNodes(item, into);
  else if (isObject(node)) {
    if (isObject(node.properties)) into.push(node);
    for (const value of Object.values(node)) objectNodes(value, into);
  }
  return into;
}

/**
 * Splits the documented keys, in source order, into the objects they belong
 * to. Each Zod object's keys appear once, together and in order, so the
 * longest known key list starting at each point is the object there. A key
 * without a doc comment breaks its object's run: the object is then left
 * without descriptions, and `buildJsonSchemas` stops, naming its keys.
 */
function docsByObject(fields: FieldDoc[], keyLists: string[][]): Map<string, Map<string, string>> {
  const byList = new Map<string, Map<string, string>>();
  const lists = [...new Set(keyLists.map((keys) => keys.join(',')))].map((joined) => joined.split(',')).sort((a, b) => b.length - a.length);
  let i = 0;
  while (i < fields.length) {
    const keys = lists.find((list) => list.every((key, k) => fields[i + k]?.key === key));
    if (!keys) {
      // Not a content object's key list (an object no content type uses); its keys are checked below if they are.
      i++;
      continue;
    }
    const docs = new Map(keys.map((key, k) => [key, fields[i + k].doc]));
    const id = keys.join(',');
    const earlier = byList.get(id);
    if (earlier && [...earlier].some(([key, doc]) => docs.get(key) !== doc)) {
      throw new Error(`${fields[i].where}: two schema objects have the keys ${keys.join(', ')} with different doc comments, so their descriptions cannot be told apart; give one of them a different key`);
    }
    byList.set(id, docs);
    i += keys.length;
  }
  return byList;
}

/** Replaces a generated schema node's contents in place. */
function replaceNode(node: JsonObject, next: JsonObject): void {
  for (const key of Object.keys(node)) delete node[key];
  Object.assign(node, structuredClone(next));
}

/** The JSON Schema for every content type, with descriptions from the doc comments. */
export function buildJsonSchemas(): Record<ContentKind, JsonObject> {
  const { fields, exports } = readDocs();
  const generated = Object.fromEntries(
    Object.entries(CONTENT_SCHEMAS).map(([kind, schema]) => {
      const json = z.toJSONSchema(schema, {
        target: 'draft-07',
        io: 'input',
        override: ({ zodSchema, jsonSchema }) => {
          const replacement = VALUE_TYPES.get(zodSchema);
          if (replacement) replaceNode(jsonSchema as JsonObject, replacement);
        },
      });
      // A deep copy: the generator may share one node between several keys, and each gets its own description.
      return [kind, structuredClone(json) as JsonObject];
    }),
  ) as Record<ContentKind, JsonObject>;

  const nodes = Object.values(generated).flatMap((json) => objectNodes(json));
  const docs = docsByObject(fields, nodes.map((node) => Object.keys(node.properties as JsonObject)));
  for (const node of nodes) {
    const properties = node.properties as Record<string, JsonObject>;
    const described = docs.get(Object.keys(properties).join(','));
    for (const [key, property] of Object.entries(properties)) {
      const doc = described?.get(key);
      if (!doc) throw new Error(`the schema object with the keys ${Object.keys(properties).join(', ')} has no doc comment for \`${key}\`, or its keys are not written in this order in src/schemas; every key needs a /** … */ comment saying what it is for`);
      properties[key] = { description: doc, ...property };
    }
  }

  const result = {} as Record<ContentKind, JsonObject>;
  for (const kind of Object.keys(CONTENT_SCHEMAS) as ContentKind[]) {
    const name = `${kind[0].toUpperCase()}${kind.slice(1)}`;
    const description = exports.get(`${name}Schema`);
    if (!description) throw new Error(`src/schemas has no doc comment on \`export const ${name}Schema\`; add one saying what the file is`);
    const { $schema, ...rest } = generated[kind];
    result[kind] = {
      $schema,
      $comment: `Generated from src/schemas/${kind}.ts by \`npm run schemas\`; do not edit by hand.`,
      title: `${name}: ${LOCATIONS[kind]}`,
      description,
      ...rest,
    };
  }
  return result;
}

/** Each schema as the text committed to docs/schemas/. */
export function renderJsonSchemas(): Map<string, string> {
  return new Map(Object.entries(buildJsonSchemas()).map(([kind, json]) => [schemaFileName(kind as ContentKind), `${JSON.stringify(json, null, 2)}\n`]));
}

function main(): void {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`Unknown option ${unknown.join(', ')}. Usage: npm run schemas [-- --check]\n`);
    process.exit(2);
  }
  const rendered = renderJsonSchemas();
  if (args.includes('--check')) {
    const stale = [...rendered].filter(([name, text]) => {
      try {
        return readFileSync(join(SCHEMAS_DIR, name), 'utf8') !== text;
      } catch {
        return true;
      }
    });
    for (const [name] of stale) process.stderr.write(`docs/schemas/${name} is out of date with src/schemas; run npm run schemas and commit the result\n`);
    process.exitCode = stale.length > 0 ? 1 : 0;
    return;
  }
  mkdirSync(SCHEMAS_DIR, { recursive: true });
  for (const [name, text] of rendered) writeFileSync(join(SCHEMAS_DIR, name), text);
  process.stdout.write(`Wrote ${rendered.size} JSON Schemas to docs/schemas/.\n`);
}

if (process.argv[1] === import.meta.filename) main();
