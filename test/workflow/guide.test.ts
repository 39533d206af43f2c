/**
 * The authoring guide cannot drift from the checker: every YAML example in it
 * is run through the real checker (the whole pipeline, in a copy of the
 * example content with the example in place of the file it stands for, so
 * references and funding arithmetic are checked too, which the Zod schemas
 * alone would not do), every quoted message is compared with what the checker
 * prints, every key of every type is described, and every `npm run new`
 * command in it works.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildJsonSchemas } from '../../scripts/json-schemas.ts';
import { nextSteps, scaffold } from '../../scripts/new.ts';
import type { ContentKind } from '../../src/content/load.ts';
import { ROOT, temporaryFolder } from '../helpers/fixtures.ts';
import { checkExample, GUIDE, guideCodeBlocks, guideExamples, kindOfPath } from './guide.ts';

const guide = readFileSync(GUIDE, 'utf8');
const examples = guideExamples(guide);
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** What the checker prints for each mistake, by guide line, worked out once. */
const printed = new Map(examples.filter((e) => e.mistake).map((e) => [e.line, checkExample(e).lines]));

describe('the YAML examples in the authoring guide', () => {
  it('each say which content type and which file they are', () => {
    expect(examples.length).toBeGreaterThan(10);
    for (const example of examples) expect(kindOfPath(example.file), `guide line ${example.line}`).toBe(example.kind);
  });

  it('include one for every content type', () => {
    const kinds = new Set(examples.filter((e) => !e.mistake).map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['chapter', 'decision', 'partnership', 'site', 'strategy', 'structure']);
  });

  for (const example of examples.filter((e) => !e.mistake)) {
    it(`pass the checker without a problem: the ${example.kind} at guide line ${example.line}`, () => {
      const { all, lines } = checkExample(example);
      expect(lines).toEqual([]);
      expect(all.filter((d) => d.severity === 'error')).toEqual([]);
    });
  }

  for (const example of examples.filter((e) => e.mistake)) {
    it(`quote exactly what the checker prints about the mistake at guide line ${example.line}`, () => {
      expect(example.expected, 'a ```text block after the example').toBeDefined();
      expect(printed.get(example.line)).toEqual(example.expected);
      expect(example.expected?.length).toBeGreaterThan(0);
    });
  }
});

describe('the messages quoted in the authoring guide', () => {
  it('are all ones the checker prints, including the one shortened with "…"', () => {
    const real = [...printed.values()].flat();
    const textBlocks = guideCodeBlocks(guide).filter((b) => b.lang === 'text');
    const quoted = textBlocks
      .flatMap((b) => b.value.split('\n'))
      .filter((line) => /^content\/\S+:\d+:\d+ {2}(error|warning) {2}/.test(line));
    // Every mistake in the guide quotes at least one message.
    expect(quoted.length).toBeGreaterThanOrEqual(printed.size);
    for (const line of quoted) {
      const shortened = line.endsWith('…');
      expect(real.some((r) => (shortened ? r.startsWith(line.slice(0, -1)) : r === line)), line).toBe(true);
    }
  });

  it('cover the three mistakes of the walk-through: a typo in a key, a total that does not add up, a UK date', () => {
    const codes = [...printed.values()].flat().map((line) => line.split(/ {2}/)[2]);
    expect(codes).toEqual(expect.arrayContaining(['unknown-key', 'remaining-mismatch', 'invalid-date']));
  });
});

/** Every key of a JSON Schema, at any depth. */
function keysOf(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) keysOf(item, into);
  else if (node && typeof node === 'object') {
    for (const key of Object.keys((node as { properties?: object }).properties ?? {})) into.add(key);
    for (const value of Object.values(node)) keysOf(value, into);
  }
  return into;
}

/** The guide's section about each type, from its heading to the next heading of the same level. */
const SECTIONS: Record<ContentKind, string> = {
  site: '### Site settings',
  partnership: '### Partnerships',
  structure: '### Structures',
  strategy: '### Strategies',
  chapter: '### Chapters',
  decision: '### Decisions',
};

describe('the key lists in the authoring guide', () => {
  const schemas = buildJsonSchemas();
  for (const [kind, heading] of Object.entries(SECTIONS) as [ContentKind, string][]) {
    it(`describe every key of a ${kind}`, () => {
      const start = guide.indexOf(`\n${heading}`);
      expect(start, heading).toBeGreaterThan(-1);
      const end = guide.slice(start + 1).search(/\n#{2,3} /);
      const section = guide.slice(start, end === -1 ? undefined : start + 1 + end);
      for (const key of keysOf(schemas[kind])) expect(section, `${kind}: \`${key}\``).toContain(`\`${key}\``);
    });
  }
});

describe('the npm run new commands in the authoring guide', () => {
  const commands = guideCodeBlocks(guide)
    .filter((b) => b.lang === 'sh')
    .flatMap((b) => b.value.split('\n'))
    .filter((line) => line.startsWith('npm run new -- '));

  /** Splits a command line as a shell would, for the quoting the guide uses. */
  const words = (line: string) => [...line.slice('npm run new -- '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);

  it('include one for every type of file', () => {
    expect(commands.map((c) => words(c)[0]).sort()).toEqual(['chapter', 'decision', 'partnership', 'strategy', 'structure']);
  });

  it('work as written, one after another, as an officer would type them', () => {
    const root = temporaryFolder('register-guide-new-');
    folders.push(root);
    cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
    for (const command of commands) {
      const [type, ...rest] = words(command);
      const option = (name: string) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
      const args = rest.filter((word, i) => !word.startsWith('--') && !rest[i - 1]?.startsWith('--'));
      const made = scaffold(type, args, { contentDir: join(root, 'content'), date: option('--date'), id: option('--id') });
      mkdirSync(dirname(made.path), { recursive: true });
      writeFileSync(made.path, made.text, { flag: 'wx' });
      if (type === 'decision') {
        const shown = guideCodeBlocks(guide).find((b) => b.lang === 'text' && b.meta === 'new');
        expect(nextSteps(made, root), command).toBe(`${shown?.value}\n`);
      }
    }
  });
});
