/**
 * The site tests' fixture register with more in it, for what it does not
 * show: a decision superseded within its partnership and from another one, a
 * second decision about a proposed structure, and a second district chapter
 * of the county's strategy. Written to a temporary folder, so no test writes
 * into the fixtures.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { checkContent, type Model } from '../../../src/model/index.ts';
import { FIXTURE_CONTENT } from '../helpers/fixture-model.ts';

const ADDED: Record<string, string> = {
  'partnerships/chorley-partnership/chapters/scs-2011.md': `---
strategy: shire-partnership/scs-2011
title: Chorley district chapter
status: draft
priorities:
  - { id: safer-streets, title: Safer streets, objective: safer-communities }
---
`,
  'partnerships/chorley-partnership/decisions/2006-06-01-structure-agreed.md': `---
title: New structure agreed
date: 2006-06-01
decision_maker: Chorley Partnership Board
kind: structure
status: approved
public: true
structure: 2006-proposed
supersedes: 2006-03-09-a-way-forward
---
`,
  'partnerships/vale-lsp/decisions/2013-05-01-shared-working.md': `---
title: Shared working with Chorley
date: 2013-05-01
decision_maker: Vale Board
kind: support
status: approved
public: true
supersedes: chorley-partnership/2006-03-09-a-way-forward
---
`,
};

/** The extended fixture's model, checked once per test file; the folder is removed after the file's tests. */
export function extendedFixtureModel(): Model {
  const dir = mkdtempSync(join(tmpdir(), 'register-pages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  try {
    cpSync(FIXTURE_CONTENT, dir, { recursive: true });
    for (const [file, text] of Object.entries(ADDED)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    const model = checkContent(dir, { today: '2026-11-26' });
    const errors = model.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new Error(`the extended fixture has errors: ${errors.map((d) => `${d.file} ${d.code}`).join(', ')}`);
    return model;
  } catch (error) {
    // A file whose tests cannot be collected runs no afterAll: remove the folder now.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
