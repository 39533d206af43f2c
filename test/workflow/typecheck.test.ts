/**
 * `npm run typecheck` must find type errors in .astro components as well as in
 * .ts files (plain `tsc` sees only the .ts files) and fail on them. It runs here
 * on a small project of its own, test/workflow/fixtures/typecheck, which holds a
 * component used rightly and wrongly and a module typed rightly and wrongly (the
 * project's own typecheck leaves that folder out).
 */
import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.ts';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const FIXTURE = 'test/workflow/fixtures/typecheck';

describe('npm run typecheck', () => {
  let status: number | null;
  let output: string;

  // One run serves every test: astro check takes seconds to start.
  beforeAll(() => {
    // --noSync: the fixture has no Astro config to sync, and nothing is written into it.
    const result = spawnSync(NPM, ['run', '--silent', 'typecheck', '--', '--root', FIXTURE, '--noSync'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
    });
    if (result.error) throw result.error;
    status = result.status;
    output = stripVTControlCharacters(result.stdout + result.stderr);
  }, 120_000);

  it('fails when it finds a type error', () => {
    expect(status, output).toBe(1);
    expect(output).toMatch(/^- 2 errors$/m);
  });

  it('names the file, line and column of a component given a prop it does not take', () => {
    expect(output).toContain(`${FIXTURE}/TagUsedWrongly.astro:4:28 - error ts(2322)`);
    expect(output).toContain("Property 'label' does not exist");
  });

  it('names the file, line and column of a .ts file that assigns text where a number is declared', () => {
    expect(output).toContain(`${FIXTURE}/pence-as-text.ts:2:14 - error ts(2322): Type 'string' is not assignable to type 'number'.`);
  });

  it('reports nothing in the component and the module whose types are right', () => {
    expect(output).not.toContain('TagUsedRightly.astro');
    expect(output).not.toContain(`${FIXTURE}/pence.ts`);
    expect(output).not.toMatch(/Tag\.astro:/);
  });
});
