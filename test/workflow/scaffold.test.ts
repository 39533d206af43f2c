/**
 * `npm run new`: each type of file is started in a copy of the example
 * content, at the place the content model gives it, and — once the keys the
 * printed next step names are filled in — passes the checker.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildJsonSchemas } from '../../scripts/json-schemas.ts';
import { checkContent } from '../../src/model/index.ts';
import { ROOT, TODAY, temporaryFolder } from '../helpers/fixtures.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the example content at <temp>/content; commands run from <temp>, as from a repository's top. */
function workspace(): string {
  const dir = temporaryFolder('register-new-');
  folders.push(dir);
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

function runNew(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/new.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: join(cwd, 'content'), REGISTER_TODAY: TODAY },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What an officer might write for each key the next step names, by key name. */
const ANSWERS: Record<string, string> = {
  decision_maker: 'Cabinet, Lancaster City Council',
  kind: 'other',
  status: 'proposed',
  public: 'true',
  name: 'LSP Board',
  area: 'Wyre Forest District',
  tier: 'district',
  purpose: 'Lead the shared strategy for the district.',
  summary: 'The partnership brings local partners together.',
  to: '2036',
  id: 'first-priority',
  title: 'Create jobs in the private sector',
  objective: 'skilled-prosperous-economy',
};

/** Answers that differ by type (a body's kind is not a decision's kind). */
const ANSWERS_BY_TYPE: Record<string, Record<string, string>> = {
  structure: { kind: 'board' },
  partnership: { kind: 'district-lsp', status: 'active' },
};

/** The keys the printed next step names: "fill in the keys left empty: a, b; in the first of bodies: c, d." */
function keysToFill(stdout: string): string[] {
  const list = /fill in the keys left empty: (.*)\.\n/.exec(stdout)?.[1] ?? '';
  return list.split('; ').flatMap((group) => group.replace(/^in [^:]+: /, '').split(', ')).filter(Boolean);
}

/** Fills in each named key that was left empty, as an officer would: the value after its colon. */
function fillIn(text: string, keys: string[], type: string): string {
  let filled = text;
  for (const key of keys) {
    const answer = ANSWERS_BY_TYPE[type]?.[key] ?? ANSWERS[key];
    expect(answer, `an answer for ${key}`).toBeDefined();
    const empty = new RegExp(`^(\\s*(?:- )?${key}:)(\\s+#.*)?$`, 'm');
    expect(filled, `${key} is left empty`).toMatch(empty);
    filled = filled.replace(empty, `$1 ${answer}$2`);
  }
  return filled;
}

/** Every key name in a JSON Schema, at any depth. */
function allKeys(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) allKeys(item, into);
  else if (node && typeof node === 'object') {
    const properties = (node as { properties?: Record<string, unknown> }).properties;
    for (const key of Object.keys(properties ?? {})) into.add(key);
    for (const value of Object.values(node)) allKeys(value, into);
  }
  return into;
}

const CASES = [
  {
    type: 'decision',
    args: ['decision', 'lancaster-district-lsp', 'Allocation of the remaining Performance Reward Grant'],
    path: `content/partnerships/lancaster-district-lsp/decisions/${TODAY}-allocation-of-the-remaining-performance-reward-grant.md`,
    url: `partnerships/lancaster-district-lsp/decisions/${TODAY}-allocation-of-the-remaining-performance-reward-grant/`,
    dated: `date: ${TODAY}`,
  },
  {
    type: 'structure',
    args: ['structure', 'chorley-partnership', 'Structure agreed in 2007'],
    path: 'content/partnerships/chorley-partnership/structures/structure-agreed-in-2007.yaml',
    url: 'partnerships/chorley-partnership/structures/structure-agreed-in-2007/',
  },
  {
    type: 'strategy',
    args: ['strategy', 'lancashire-partnership', 'Ambition Lancashire'],
    path: 'content/partnerships/lancashire-partnership/strategies/ambition-lancashire.yaml',
    url: 'partnerships/lancashire-partnership/strategies/ambition-lancashire/',
  },
  {
    type: 'chapter',
    args: ['chapter', 'lancaster-district-lsp', 'worcestershire-partnership/scs-2011'],
    path: 'content/partnerships/lancaster-district-lsp/chapters/scs-2011.md',
    url: 'partnerships/lancaster-district-lsp/chapters/scs-2011/',
  },
  {
    type: 'partnership',
    args: ['partnership', 'wyre-forest-lsp', 'Wyre Forest Local Strategic Partnership'],
    path: 'content/partnerships/wyre-forest-lsp/partnership.md',
    url: 'partnerships/wyre-forest-lsp/',
    dated: `reviewed: ${TODAY}`,
  },
] as const;

describe('npm run new', () => {
  for (const c of CASES) {
    describe(`a ${c.type}`, () => {
      it('is written where the content model puts it, and the command prints the path and the next step', () => {
        const dir = workspace();
        const { status, stdout } = runNew(dir, ...c.args);
        expect(status).toBe(0);
        expect(existsSync(join(dir, c.path))).toBe(true);
        expect(stdout).toContain(`Created ${c.path}\n`);
        expect(stdout).toMatch(/Next:\n {2}1\. Open .* and fill in the keys left empty: .+\.\n/);
        expect(stdout).toContain('npm run check');
        expect(stdout).toContain(c.url);
      });

      it('has every key of its type, each with a comment saying what it holds', () => {
        const dir = workspace();
        runNew(dir, ...c.args);
        const text = readFileSync(join(dir, c.path), 'utf8');
        for (const key of allKeys(buildJsonSchemas()[c.type])) {
          expect(text, `the key ${key}`).toMatch(new RegExp(`(^|[\\s{#-])${key}:[^\\n]*#`, 'm'));
        }
        if ('dated' in c) expect(text).toContain(c.dated);
      });

      it('refuses to overwrite a file that is already there', () => {
        const dir = workspace();
        expect(runNew(dir, ...c.args).status).toBe(0);
        writeFileSync(join(dir, c.path), 'edited by an officer\n');
        const again = runNew(dir, ...c.args);
        expect(again.status).toBe(1);
        expect(again.stderr).toContain('already exists');
        expect(readFileSync(join(dir, c.path), 'utf8')).toBe('edited by an officer\n');
      });

      it('is refused by the checker, naming each key to fill in, until they are filled in; then it passes', () => {
        const dir = workspace();
        const { stdout } = runNew(dir, ...c.args);
        const keys = keysToFill(stdout);
        expect(keys.length).toBeGreaterThan(0);
        const file = c.path.slice('content/'.length);
        const before = checkContent(join(dir, 'content'), { today: TODAY }).diagnostics.filter((d) => d.file === file && d.severity === 'error');
        for (const key of new Set(keys)) expect(before.map((d) => d.message).join('\n')).toContain(`\`${key}\``);

        const path = join(dir, c.path);
        writeFileSync(path, fillIn(readFileSync(path, 'utf8'), keys, c.type));
        const errors = checkContent(join(dir, 'content'), { today: TODAY }).diagnostics.filter((d) => d.severity === 'error');
        expect(errors).toEqual([]);
      });
    });
  }

  it('dates a decision with --date, so the file name starts with the day it was taken', () => {
    const dir = workspace();
    const { status, stdout } = runNew(dir, 'decision', 'lancaster-district-lsp', 'Allocation of the remaining Performance Reward Grant', '--date', '2012-01-17');
    expect(status).toBe(0);
    const path = 'content/partnerships/lancaster-district-lsp/decisions/2012-01-17-allocation-of-the-remaining-performance-reward-grant.md';
    expect(stdout).toContain(`Created ${path}`);
    expect(readFileSync(join(dir, path), 'utf8')).toMatch(/^date: 2012-01-17 /m);
  });

  it('names the partnerships that exist when asked for one that does not, suggesting the nearest', () => {
    const dir = workspace();
    const { status, stderr } = runNew(dir, 'decision', 'lancaster-distict-lsp', 'A title');
    expect(status).toBe(1);
    expect(stderr).toContain('There is no partnership "lancaster-distict-lsp"');
    expect(stderr).toContain('did you mean "lancaster-district-lsp"?');
  });

  it('suggests the nearest type for a misspelt one and shows how to use the command', () => {
    const dir = workspace();
    const { status, stderr } = runNew(dir, 'decison', 'lancaster-district-lsp', 'A title');
    expect(status).toBe(2);
    expect(stderr).toContain('did you mean "decision"?');
    expect(stderr).toContain('npm run new -- decision <partnership-id> "<title>"');
  });

  it('names the strategies that exist when a chapter names one that does not', () => {
    const dir = workspace();
    const { status, stderr } = runNew(dir, 'chapter', 'worcester-lsp', 'worcestershire/scs-2011');
    expect(status).toBe(1);
    expect(stderr).toContain('did you mean "worcestershire-partnership/scs-2011"?');
  });
});
