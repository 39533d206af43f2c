/**
 * Layout tricks that used to drop content with exit 0: links, pipes, sockets,
 * devices and unreadable folders in the content folder. Each is now an error
 * at its path, in plain English, and `npm run check` exits 1; a link is never
 * followed and a pipe is never opened (opening one would wait for a writer).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/content/diagnostics.ts';
import { check, copyValid, ROOT } from '../helpers/fixtures.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) {
    // A folder a test made unreadable must be readable again to be removed.
    spawnSync('chmod', ['-R', 'u+rwx', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A copy of the valid folder, changed by `trick`. */
function folderWith(trick: (dir: string) => void): string {
  const dir = copyValid();
  made.push(dir);
  trick(dir);
  return dir;
}

const mkfifo = (path: string) => {
  const result = spawnSync('mkfifo', [path]);
  expect(result.status, `mkfifo ${path}: ${result.stderr}`).toBe(0);
};

/** The errors of a check, as `file code` pairs. */
function errors(diagnostics: Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.code}`);
}

const DECISIONS = 'partnerships/town-lsp/decisions';
const DECISION = `${DECISIONS}/2009-01-20-adopt-structure.md`;

describe('site.yaml that is not a file', () => {
  it('is an error when site.yaml is a folder, instead of publishing with default settings', () => {
    const diagnostics = check(folderWith((dir) => {
      rmSync(join(dir, 'site.yaml'));
      mkdirSync(join(dir, 'site.yaml'));
    }));
    expect(errors(diagnostics)).toEqual(['site.yaml missing-file']);
    expect(diagnostics[0].message).toMatch(/^site\.yaml is a folder, not a file, so the site has no settings/);
  });

  it('is an error when site.yaml is a named pipe, which is never opened', () => {
    const diagnostics = check(folderWith((dir) => {
      rmSync(join(dir, 'site.yaml'));
      mkfifo(join(dir, 'site.yaml'));
    }));
    expect(errors(diagnostics)).toEqual(['site.yaml special-file']);
    expect(diagnostics[0].message).toContain('"site.yaml" is a named pipe (FIFO), not a regular file');
  });

  it('is an error when site.yaml is a symbolic link, which is never followed', () => {
    const diagnostics = check(folderWith((dir) => {
      renameSync(join(dir, 'site.yaml'), join(dir, '.site-settings.yaml'));
      symlinkSync('.site-settings.yaml', join(dir, 'site.yaml'));
    }));
    expect(errors(diagnostics)).toEqual(['site.yaml symbolic-link']);
    expect(diagnostics[0].message).toContain('"site.yaml" is a symbolic link; the register never follows links');
  });
});

describe('folders that are links', () => {
  it('is an error when partnerships/ is a link, instead of building no partnerships', () => {
    const diagnostics = check(folderWith((dir) => {
      renameSync(join(dir, 'partnerships'), join(dir, '.real-partnerships'));
      symlinkSync('.real-partnerships', join(dir, 'partnerships'));
    }));
    expect(errors(diagnostics)).toEqual(['partnerships symbolic-link']);
    expect(diagnostics[0].message).toContain('expected a real folder here; replace the link with the folder itself');
  });

  it("is an error when a partnership's folder is a link", () => {
    const diagnostics = check(folderWith((dir) => {
      renameSync(join(dir, 'partnerships/village-forum'), join(dir, '.village-forum'));
      symlinkSync('../.village-forum', join(dir, 'partnerships/village-forum'));
    }));
    expect(errors(diagnostics)).toContain('partnerships/village-forum symbolic-link');
  });

  it("is an error when a partnership's decisions/ is a link, instead of a warning and its decisions dropped", () => {
    const diagnostics = check(folderWith((dir) => {
      renameSync(join(dir, DECISIONS), join(dir, '.decisions'));
      symlinkSync('../../.decisions', join(dir, DECISIONS));
    }));
    expect(errors(diagnostics)).toContain(`${DECISIONS} symbolic-link`);
  });
});

describe('files that are not regular files', () => {
  it('is an error when a decision is a link to a file elsewhere', () => {
    const diagnostics = check(folderWith((dir) => {
      renameSync(join(dir, DECISION), join(dir, '.decision.md'));
      symlinkSync('../../../.decision.md', join(dir, DECISION));
    }));
    expect(errors(diagnostics)).toContain(`${DECISION} symbolic-link`);
  });

  it('is an error when a decision is a named pipe, and the check does not wait on it', () => {
    const diagnostics = check(folderWith((dir) => {
      rmSync(join(dir, DECISION));
      mkfifo(join(dir, DECISION));
    }));
    expect(errors(diagnostics)).toContain(`${DECISION} special-file`);
  });

  it('is an error when a socket sits among the decisions', async () => {
    const dir = folderWith(() => undefined);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, DECISIONS, 'socket.md'), resolve));
    try {
      const diagnostics = check(dir);
      expect(errors(diagnostics)).toContain(`${DECISIONS}/socket.md special-file`);
      expect(diagnostics.find((d) => d.code === 'special-file')?.message).toContain('is a socket, not a regular file');
    } finally {
      server.close();
    }
  });

  it('is an error when a device sits in the content folder (made with mknod, as root only)', ({ skip }) => {
    if (process.getuid?.() !== 0) {
      console.log('Skipped: only root may make a device node (mknod); this run is not root.');
      skip();
    }
    const diagnostics = check(folderWith((dir) => {
      expect(spawnSync('mknod', [join(dir, DECISIONS, 'null.md'), 'c', '1', '3']).status).toBe(0);
    }));
    expect(errors(diagnostics)).toContain(`${DECISIONS}/null.md special-file`);
  });

  it('still ignores files that tools leave behind, of any kind (a link named .#draft.md, as Emacs makes)', () => {
    const diagnostics = check(folderWith((dir) => symlinkSync('nowhere', join(dir, DECISIONS, '.#draft.md'))));
    expect(diagnostics).toEqual([]);
  });
});

describe('folders and files that cannot be read', () => {
  // As root, chmod 000 stops nothing; test/hostile/unreadable.test.ts simulates the refusal instead.
  const asRoot = process.getuid?.() === 0;

  it('is an error when a folder cannot be read, instead of passing over it in silence', ({ skip }) => {
    if (asRoot) {
      console.log('Skipped: this run is root, which reads a folder whatever its permissions; unreadable.test.ts simulates it.');
      skip();
    }
    const diagnostics = check(folderWith((dir) => chmodSync(join(dir, DECISIONS), 0o000)));
    expect(errors(diagnostics)).toContain(`${DECISIONS} unreadable-folder`);
  });

  it('is an error when a file cannot be read', ({ skip }) => {
    if (asRoot) {
      console.log('Skipped: this run is root, which reads a file whatever its permissions; unreadable.test.ts simulates it.');
      skip();
    }
    const diagnostics = check(folderWith((dir) => chmodSync(join(dir, DECISION), 0o000)));
    expect(errors(diagnostics)).toContain(`${DECISION} unreadable-file`);
  });
});

describe('npm run check', () => {
  it('exits 1 on a link and a pipe in the content folder, naming each at its path', () => {
    const dir = folderWith((dir) => {
      rmSync(join(dir, DECISION));
      mkfifo(join(dir, DECISION));
      renameSync(join(dir, 'site.yaml'), join(dir, '.site-settings.yaml'));
      symlinkSync('.site-settings.yaml', join(dir, 'site.yaml'));
    });
    const result = spawnSync(process.execPath, ['scripts/check.ts'], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: dir, REGISTER_TODAY: '2026-11-26', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/site\.yaml:1:1 {2}error {2}symbolic-link {2}/);
    expect(result.stdout).toMatch(/2009-01-20-adopt-structure\.md:1:1 {2}error {2}special-file {2}/);
  });
});
