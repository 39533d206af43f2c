/**
 * Templates cannot be published by accident: every example block `npm run new`
 * writes, uncommented and left unedited, is refused by the checker at a line
 * inside the block. (Uncommenting the decision template's `funding` block once
 * gave 0 errors, with another council's fund, figures and partners in the file.)
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scaffold } from '../../scripts/new.ts';
import { checkContent } from '../../src/model/index.ts';
import { ROOT, TODAY, temporaryFolder } from '../helpers/fixtures.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** What an officer writes in each key the template leaves empty, so only the example blocks can be wrong. */
const ANSWERS: Record<string, Record<string, string>> = {
  decision: { decision_maker: 'Cabinet, Chorley Borough Council', kind: 'other', status: 'proposed', public: 'true' },
  structure: { status: 'proposed', name: 'LSP Board', kind: 'board' },
  strategy: { kind: 'community-strategy', to: '2036', id: 'first-objective', title: 'Create jobs' },
  chapter: { id: 'first-priority', title: 'Create jobs in the private sector', objective: 'skilled-prosperous-economy' },
  partnership: { kind: 'district-lsp', area: 'Wyre Forest District', status: 'active', purpose: 'Lead the shared strategy.', summary: 'Local partners together.' },
};

const CASES = [
  { type: 'decision', args: ['chorley-partnership', 'Allocation of the grant'] },
  { type: 'structure', args: ['chorley-partnership', 'Structure agreed in 2007'] },
  { type: 'strategy', args: ['lancashire-partnership', 'Ambition Lancashire'] },
  { type: 'chapter', args: ['lancaster-district-lsp', 'worcestershire-partnership/scs-2011'] },
  { type: 'partnership', args: ['wyre-forest-lsp', 'Wyre Forest Local Strategic Partnership'] },
] as const;

/** A commented-out key or list item, as the template writes it: its indentation, then `# `, then the YAML. */
const COMMENTED = /^(\s*)# (\s*)(- |[a-z_]+:)/;

/** An example block: a commented line and the commented lines nested under it, by line index. */
interface Block {
  name: string;
  lines: number[];
}

/** The depth of a commented line's YAML once uncommented. */
const depth = (line: string) => {
  const match = COMMENTED.exec(line);
  return match ? match[1].length + match[2].length : -1;
};

/** Every example block of a template: each commented key or list item that is not inside another, with the commented lines nested under it. */
function exampleBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!COMMENTED.test(lines[i])) continue;
    const own = depth(lines[i]);
    const block = [i];
    while (block.at(-1)! + 1 < lines.length && depth(lines[block.at(-1)! + 1]) > own) block.push(block.at(-1)! + 1);
    blocks.push({ name: lines[i].trim(), lines: block });
    i = block.at(-1)!;
  }
  return blocks;
}

/** The file with one block's lines uncommented, as VS Code's "Toggle Line Comment" does, and every empty key answered. */
function withBlockUsed(lines: readonly string[], block: Block, answers: Record<string, string>): string {
  return lines
    .map((line, i) => (block.lines.includes(i) ? line.replace(/^(\s*)# /, '$1') : line))
    .map((line) => line.replace(/^(\s*(?:- )?)([a-z_]+):(\s+#.*)?$/, (whole, lead: string, key: string, comment = '') => (answers[key] ? `${lead}${key}: ${answers[key]}${comment}` : whole)))
    .join('\n');
}

describe('a template from npm run new, with an example block uncommented and left unedited', () => {
  for (const c of CASES) {
    it(`is refused at a line inside that block, for every block of the ${c.type} template`, () => {
      const dir = temporaryFolder('officer-templates-');
      folders.push(dir);
      cpSync(join(ROOT, 'content'), dir, { recursive: true });
      const made = scaffold(c.type, [...c.args], { contentDir: dir, date: TODAY });
      const lines = made.text.split('\n');
      const blocks = exampleBlocks(lines);
      expect(blocks.length).toBeGreaterThan(3);
      const file = made.path.slice(dir.length + 1);
      const accepted: string[] = [];
      mkdirSync(dirname(made.path), { recursive: true });
      for (const block of blocks) {
        writeFileSync(made.path, withBlockUsed(lines, block, ANSWERS[c.type]));
        const errors = checkContent(dir, { today: TODAY }).diagnostics.filter((d) => d.file === file && d.severity === 'error');
        // Line numbers count from 1; a Markdown file's lines are the same as the text's.
        const inside = errors.filter((d) => block.lines.includes(d.line - 1));
        if (inside.length === 0) accepted.push(`${block.name} (errors elsewhere: ${errors.map((d) => `${d.line}:${d.code}`).join(', ') || 'none'})`);
      }
      expect(accepted, 'blocks accepted as they were written').toEqual([]);
    });
  }

  it('names what to fill in, at the value, for a placeholder left in a text', () => {
    const dir = temporaryFolder('officer-templates-');
    folders.push(dir);
    cpSync(join(ROOT, 'content'), dir, { recursive: true });
    const made = scaffold('decision', ['chorley-partnership', 'Allocation of the grant'], { contentDir: dir, date: TODAY });
    const lines = made.text.split('\n');
    const outcome = exampleBlocks(lines).find((block) => block.name.startsWith('# outcome:'));
    expect(outcome).toBeDefined();
    writeFileSync(made.path, withBlockUsed(lines, outcome!, ANSWERS.decision));
    const found = checkContent(dir, { today: TODAY }).diagnostics.filter((d) => d.code === 'placeholder');
    expect(found).toMatchObject([{ severity: 'error', line: outcome!.lines[0] + 1, column: 10, fix: 'fill in what was decided, as the minutes record it' }]);
    expect(found[0].message).toContain('`outcome` still holds the template\'s placeholder');
  });
});
