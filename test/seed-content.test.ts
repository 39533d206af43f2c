/**
 * The example content in content/ is what `npm start` publishes and what new
 * officers copy: it must pass, and it must keep the warnings it documents.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../src/model/index.ts';
import { ROOT, TODAY } from './helpers/fixtures.ts';

const model = checkContent(join(ROOT, 'content'), { today: TODAY });

describe('the example content', () => {
  it('passes the checker with no errors', () => {
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('warns that the Chorley boards\' stated sizes do not match their seats, with both figures', () => {
    const warnings = model.diagnostics.filter((d) => d.code === 'size-mismatch');
    expect(warnings.map((d) => [d.file, d.severity])).toEqual([
      ['partnerships/chorley-partnership/structures/2006-proposed.yaml', 'warning'],
      ['partnerships/chorley-partnership/structures/pre-2006.yaml', 'warning'],
    ]);
    expect(warnings[0].message).toContain('the stated size is around 40, but the voting seats listed add up to 45');
    expect(warnings[1].message).toContain('Board of Directors: the stated size is 25, but the voting seats listed add up to 22');
  });

  it('points each size warning at the stated size', () => {
    for (const d of model.diagnostics.filter((x) => x.code === 'size-mismatch')) expect(d.column).toBe(11);
  });

  it('reads every partnership folder in the example', () => {
    const folders = readdirSync(join(ROOT, 'content/partnerships'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(model.partnerships.map((p) => p.id).sort()).toEqual(folders.sort());
  });
});
