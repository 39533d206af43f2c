/**
 * One folder per rule: each invalid case under test/fixtures/invalid/ is laid
 * over a copy of the valid folder, checked, and compared with its expected.json.
 * `UPDATE=1 npm test` rewrites expected.json from what the checker says; review
 * every rewritten file (the line and column must point at the offending value).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/content/diagnostics.ts';
import { check, copyValid, INVALID, invalidCases, materialise, readSpec, VALID, withoutMessage, type ExpectedDiagnostic } from './helpers/fixtures.ts';

const UPDATE = process.env.UPDATE === '1';
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Checks a case once and keeps its folder until the end of the file. */
const results = new Map<string, Diagnostic[]>();
function run(name: string): Diagnostic[] {
  let diagnostics = results.get(name);
  if (!diagnostics) {
    const dir = materialise(name);
    made.push(dir);
    diagnostics = check(dir);
    results.set(name, diagnostics);
  }
  return diagnostics;
}

describe('the valid fixture', () => {
  it('has no errors and no warnings', () => {
    expect(check(VALID)).toEqual([]);
  });
});

describe('each invalid fixture', () => {
  for (const name of invalidCases()) {
    const spec = readSpec(name);
    it(`${spec.about} (${name})`, () => {
      const actual = run(name).map(withoutMessage);
      const expectedPath = join(INVALID, name, 'expected.json');
      if (UPDATE || !existsSync(expectedPath)) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedDiagnostic[];
      expect(actual).toEqual(expected);
      // The codes the case exists for, so an UPDATE run cannot quietly accept their absence.
      for (const code of spec.codes) expect(actual.map((d) => d.code)).toContain(code);
    });
  }
});

/** The message of the one diagnostic with this code in a case. */
function message(name: string, code: string): string {
  const found = run(name).filter((d) => d.code === code);
  expect(found).toHaveLength(1);
  return found[0].message;
}

describe('messages say what is wrong, what was expected and how to fix it', () => {
  it('suggests the nearest key for an unknown key', () => {
    expect(message('unknown-key', 'unknown-key')).toMatch(/`reprots_to`.*did you mean `reports_to`\?/);
  });

  it('reports a key written without its colon on its own line, saying where to add the colon', () => {
    expect(message('yaml-missing-colon', 'yaml-syntax')).toBe('`fund` has no `:` after it, so this line is not read as a key and its value; add `:` after `fund`: write `fund: Performance Reward Grant`');
  });

  it('gives the column to indent a tab-indented line to, in line with the key above', () => {
    expect(message('tab-indentation', 'tab-indentation')).toBe('a tab is used for indentation here; YAML indentation must be spaces; replace the tab with 4 spaces, so that the line starts in column 5, in line with `id` above');
  });

  it('uses no YAML jargon (mapping, scalar, flow) in any message of any case', () => {
    for (const name of invalidCases()) for (const d of run(name)) expect(d.message, name).not.toMatch(/\b(mapping|scalar|flow)\b/i);
  });

  it('suggests the nearest value for every closed list, a decision\'s kind written as one text included', () => {
    expect(message('invalid-value-decision-kind', 'invalid-value')).toBe('`kind` is the text "Funding", which is not one of the allowed values; expected one of: funding, structure, strategy, support, consultation-response, other; did you mean "funding"?');
  });

  it('lists every key allowed when no key is near the unknown one', () => {
    expect(message('unknown-key-no-suggestion', 'unknown-key')).toContain('`colour` is not a key this register knows; expected one of: title, status, from, to, decided_by, bodies, relations');
  });

  it('names the missing key and the place it is missing from', () => {
    expect(message('missing-key', 'missing-key')).toMatch(/`kind` is missing from item 2 of `bodies`; expected one of: board, executive, .*; add `kind:` with a value/);
    expect(message('missing-key-file', 'missing-key')).toBe('`area` is missing; expected text; add `area:` with a value');
  });

  it('says which type was expected for a value of the wrong type', () => {
    expect(message('invalid-type', 'invalid-type')).toBe('`size` must be a whole number (20), or a hedged one: { approx: 40 }, { at_least: 4 } or { at_most: 10 }; it is the text "twelve"');
  });

  it('names the hedge to write for a hedged figure written another way, and the figure that is not whole', () => {
    expect(message('invalid-quantity', 'invalid-value')).toBe('`about` is not a key `meetings_per_year` can hold; expected a whole number, or one of: approx, at_least, at_most; did you mean `approx`? Write `{ approx: 4 }`');
    expect(message('invalid-quantity-fraction', 'invalid-type')).toBe('`approx` is the number 6.5; expected a whole number; write a whole number');
    expect(message('invalid-quantity-two-hedges', 'invalid-value')).toBe("`size` holds `approx` and `at_least`; expected one of them only; keep the one the document's wording gives");
  });

  it('says how to write a count hedged in words, with its figure in digits when it can be read, and never guesses one', () => {
    const forms = '`size` must be a whole number (20), or a hedged one: { approx: 40 }, { at_least: 4 } or { at_most: 10 }';
    const messages = run('invalid-quantity-text').filter((d) => d.code === 'invalid-type').map((d) => d.message);
    expect(messages).toEqual([
      `${forms}; it is the text "about thirty"; write \`{ approx: 30 }\``,
      `${forms.replace('`size`', '`meetings_per_year`')}; it is the text "at least 4"; write \`{ at_least: 4 }\``,
      `${forms.replace('`size`', '`term_years`')}; it is the text "up to three"; write \`{ at_most: 3 }\``,
      `${forms}; it is the text "more than 20"; "more than" is not "at least" (\`{ at_least: 20 }\` would allow 20 itself); write \`{ at_least: … }\` only with a figure the document gives as a minimum, or the exact figure if it gives one`,
      `${forms.replace('`size`', '`meetings_per_year`')}; it is the text "c. 6"; write \`{ approx: 6 }\``,
      `${forms.replace('`size`', '`term_years`')}; it is the text "around a few"; write \`{ approx: … }\` with the figure in digits`,
    ]);
  });

  it('carries no figure into at_least for a key that is a strict bound', () => {
    expect(message('invalid-quantity-strict-key', 'invalid-value')).toBe(
      '`over` is not a key `size` can hold; expected a whole number, or one of: approx, at_least, at_most; "over" is not "at least" (`{ at_least: 20 }` would allow 20 itself); write `{ at_least: … }` only with a figure the document gives as a minimum, or the exact figure if it gives one',
    );
  });

  it('lists the allowed values and suggests the nearest for a value not in its list', () => {
    expect(message('invalid-value', 'invalid-value')).toMatch(/expected one of: current, proposed, superseded; did you mean "current"\?/);
  });

  it('asks for 2010-01-12 instead of 12/01/2010', () => {
    expect(message('invalid-date', 'invalid-date')).toMatch(/"12\/01\/2010".*write 2010-01-12/);
  });

  it('asks for the full figure instead of "£147k"', () => {
    expect(message('invalid-money-abbreviation', 'invalid-money')).toContain('write the full figure, for example "£147,000"');
  });

  it('asks for money rounded to the penny instead of three decimals', () => {
    expect(message('invalid-money-three-decimals', 'invalid-money')).toMatch(/more than two decimal places.*round it to the penny, for example 5000\.13/);
  });

  it('asks for money without a minus sign', () => {
    expect(message('invalid-money-negative', 'invalid-money')).toMatch(/negative amount.*without a minus sign/);
  });

  it('lists the partnerships that exist for an unknown parent', () => {
    expect(message('unknown-reference-parent', 'unknown-reference')).toMatch(/"county-partnerhsip".*expected one of: county-partnership, harbour-partnership, village-forum; did you mean "county-partnership"\?/);
  });

  it('lists the bodies that exist for an unknown reports_to', () => {
    expect(message('unknown-reference-reports-to', 'unknown-reference')).toMatch(/`reports_to` is "exec".*expected one of: board, community-safety, place-shaping/);
  });

  it('lists the bodies and partnerships that exist for an unknown relation target', () => {
    expect(message('unknown-reference-relation-to', 'unknown-reference')).toMatch(/expected one of: board, executive, community-safety, place-shaping, harbour-partnership, town-lsp, village-forum.*`external:`/);
  });

  it('lists the decisions that exist for an unknown decided_by', () => {
    expect(message('unknown-reference-decided-by', 'unknown-reference')).toMatch(/expected one of: 2010-03-01-new-structure, 2011-11-08-grant-allocation/);
  });

  it('lists the structures that exist for an unknown structure', () => {
    expect(message('unknown-reference-structure', 'unknown-reference')).toMatch(/expected one of: 2006-proposed, 2009-current/);
  });

  it('lists the decisions that exist for an unknown supersedes', () => {
    expect(message('unknown-reference-supersedes', 'unknown-reference')).toMatch(/expected one of: 2006-03-09-way-forward/);
  });

  it('lists the strategies that exist for an unknown strategy', () => {
    expect(message('unknown-reference-strategy', 'unknown-reference')).toMatch(/expected one of: county-partnership\/scs-2011/);
  });

  it('lists the objectives that exist for an unknown objective', () => {
    expect(message('unknown-reference-objective', 'unknown-reference')).toMatch(/expected one of: skilled-prosperous-economy, safer-communities/);
  });

  it('says two current structures are both current, and three or more all current', () => {
    expect(message('multiple-current-structures', 'multiple-current-structures'))
      .toMatch(/^`status` is current, but 2006-proposed and 2009-current are both current; expected one current structure/);
    const three = run('multiple-current-structures-three').filter((d) => d.code === 'multiple-current-structures');
    expect(three.map((d) => d.file)).toEqual(['partnerships/town-lsp/structures/2006-proposed.yaml', 'partnerships/town-lsp/structures/2009-current.yaml']);
    for (const d of three) expect(d.message).toMatch(/^`status` is current, but 2003-current, 2006-proposed and 2009-current are all current; /);
  });

  it('names every body in a reporting cycle', () => {
    expect(message('reporting-cycle', 'reporting-cycle')).toContain('board → community-safety → executive → board');
  });

  it('shows the three figures, formatted as pounds, when remaining does not add up', () => {
    expect(message('remaining-mismatch', 'remaining-mismatch')).toContain(
      'stated as £27,535.00, but £357,535.40 available minus £330,000.00 allocated is £27,535.40',
    );
  });

  it('shows what was allocated and what was available when a stream is over-allocated', () => {
    expect(message('over-allocated', 'over-allocated')).toContain('add up to £300,000.00, more than the £289,910.60 capital available');
  });

  it('shows both figures when the size differs from the seats', () => {
    expect(message('size-mismatch-exact', 'size-mismatch')).toMatch(/stated size is 14, but the voting seats listed add up to 12 \(not counting 2 advisory seats\)/);
    expect(message('size-mismatch-approx', 'size-mismatch')).toMatch(/stated size is around 10, but the voting seats listed add up to 12, more than 10% off/);
  });

  it('names the repeated item of a funding table by its place in the list', () => {
    expect(message('duplicate-allocation-item', 'duplicate-name')).toContain('`item` "Warm Homes" appears twice in `allocations` (items 1 and 2)');
  });

  it('names the repeated objective id', () => {
    expect(message('duplicate-objective-id', 'duplicate-id')).toContain('`id` "safer-communities" is used twice in `objectives` (items 2 and 3)');
  });

  it('says a quote was left open, at the quote', () => {
    expect(message('yaml-syntax', 'yaml-syntax')).toBe('this value opens a quote (") that is never closed on its line, so the YAML after it cannot be read; expected a closing "; add it at the end of the value');
  });

  it('suggests the id to use for a badly named folder', () => {
    expect(message('invalid-folder-name', 'invalid-id')).toContain('rename the folder to "town-lsp-2"');
  });

  it('points at the Windows-1252 character and says how to save as UTF-8', () => {
    expect(message('not-utf8', 'not-utf8')).toMatch(/Byte 0x96 looks like the character – saved as Windows-1252.*save the file as "UTF-8"/);
  });
});

describe('files that are unusual but valid', () => {
  it('checks a file with many blank and comment lines before its first key without slowing down', () => {
    const dir = copyValid();
    made.push(dir);
    const site = readFileSync(join(dir, 'site.yaml'), 'utf8');
    writeFileSync(join(dir, 'site.yaml'), `${'\n'.repeat(40)}${'# settings\n  \n'.repeat(40)}${site}`);
    const started = performance.now();
    expect(check(dir)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reads `---yaml` frontmatter and keeps positions right', () => {
    const dir = copyValid();
    made.push(dir);
    const path = 'partnerships/town-lsp/decisions/2006-03-09-way-forward.md';
    const text = readFileSync(join(dir, path), 'utf8');
    writeFileSync(join(dir, path), text.replace(/^---\n/, '---yaml\n').replace('structure: 2006-proposed', 'structure: 2006-propsed'));
    expect(check(dir).map(withoutMessage)).toEqual([{ file: path, line: 8, column: 12, severity: 'error', code: 'unknown-reference' }]);
  });
});

describe('one problem is reported once', () => {
  for (const name of ['not-utf8', 'file-too-large', 'empty-file', 'empty-frontmatter', 'frontmatter-language', 'missing-frontmatter', 'too-many-blank-lines', 'yaml-syntax']) {
    it(`does not report references to a file it could not read as broken too (${name})`, () => {
      const files = new Set(run(name).map((d) => d.file));
      expect(files.size).toBe(1);
    });
  }

  it('still checks the rest of a file with a duplicate key', () => {
    const dir = materialise('duplicate-key');
    made.push(dir);
    const path = 'partnerships/county-partnership/partnership.md';
    writeFileSync(join(dir, path), readFileSync(join(dir, path), 'utf8').replace('reviewed: 2026-11-01', 'reviewed: 2020-01-01'));
    expect(check(dir).map((d) => d.code)).toEqual(['duplicate-key', 'duplicate-key', 'review-overdue']);
  });

  it('does not report a funding table\'s sums when one of its figures cannot be read', () => {
    expect(run('invalid-money-abbreviation').map((d) => d.code)).toEqual(['invalid-money']);
  });

  it('does not warn that a partnership has no current structure when its structure file has errors', () => {
    expect(run('missing-key').map((d) => d.code)).toEqual(['missing-key']);
  });

  it('reports a strategy period that ends before it starts at the strategy, not at every measure', () => {
    expect(run('date-order-period').map((d) => [d.file, d.code])).toEqual([['partnerships/county-partnership/strategies/scs-2011.yaml', 'date-order']]);
  });
});

describe('positions in files saved by other editors', () => {
  it('places a problem in a file with Windows line endings where the editor shows it', () => {
    const dir = materialise('line-endings');
    made.push(dir);
    const path = 'partnerships/town-lsp/structures/2009-current.yaml';
    writeFileSync(join(dir, path), readFileSync(join(dir, path), 'utf8').replace('    reports_to: board', '    reports_to: bored'));
    expect(check(dir).map(withoutMessage)).toEqual([
      { file: path, line: 1, column: 1, severity: 'warning', code: 'line-endings' },
      { file: path, line: 17, column: 17, severity: 'error', code: 'unknown-reference' },
    ]);
  });

  it('places a problem on the first line of a file with a byte-order mark after the invisible mark', () => {
    const dir = materialise('byte-order-mark');
    made.push(dir);
    const bytes = readFileSync(join(dir, 'site.yaml'));
    writeFileSync(join(dir, 'site.yaml'), Buffer.from(bytes.toString('utf8').replace('title: Test Partnerships Register', 'title: 42')));
    expect(check(dir).map(withoutMessage)).toEqual([
      { file: 'site.yaml', line: 1, column: 1, severity: 'warning', code: 'byte-order-mark' },
      { file: 'site.yaml', line: 1, column: 8, severity: 'error', code: 'invalid-type' },
    ]);
  });
});
