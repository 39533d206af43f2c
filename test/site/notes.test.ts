import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { noteFor, notesForFiles, partnershipNotes, UNWORDED_NOTE } from '../../src/site/notes.ts';
import { fixtureModel } from './helpers/fixture-model.ts';

const model = fixtureModel();
const partnership = (id: string) => {
  const found = model.partnerships.find((p) => p.id === id);
  if (!found) throw new Error(`fixture partnership ${id} is missing`);
  return found;
};

describe('data-quality notes', () => {
  it('say in plain words when a board’s stated size and its seats disagree', () => {
    const notes = notesForFiles(model, ['partnerships/chorley-partnership/structures/pre-2006.yaml']);
    expect(notes.map((n) => n.text)).toEqual(['The source document gives the Board of Directors 25 members, but the seats it lists add up to 22.']);
    expect(notes[0].bodyId).toBe('board-of-directors');
  });

  it('say "around" for an approximate size', () => {
    const notes = notesForFiles(model, ['partnerships/chorley-partnership/structures/2006-proposed.yaml']);
    expect(notes.map((n) => n.text)).toEqual(['The source document gives the LSP Board around 40 members, but the seats it lists add up to 45.']);
  });

  it('mention advisory seats that are left out of the count', () => {
    const notes = notesForFiles(model, ['partnerships/vale-lsp/structures/current.yaml']);
    expect(notes[0].text).toBe('The source document gives the Vale Board 12 members, but the seats it lists add up to 8, not counting 2 advisory seats.');
  });

  it('warn residents that a page not reviewed for a year may be out of date', () => {
    const notes = partnershipNotes(model, partnership('chorley-partnership'));
    expect(notes.map((n) => n.text)).toContain('This page was last checked on 15 January 2025, more than 12 months ago, so some details may be out of date.');
  });

  it('explain that no structure in force is recorded', () => {
    expect(partnershipNotes(model, partnership('shire-partnership')).map((n) => n.text)).toEqual([
      'No structure in force is recorded for Shire Partnership, so this page cannot show how it works today.',
    ]);
  });

  it('include the current structure’s notes on the partnership page, but not other versions’', () => {
    const texts = partnershipNotes(model, partnership('vale-lsp')).map((n) => n.text);
    expect(texts).toEqual(['The source document gives the Vale Board 12 members, but the seats it lists add up to 8, not counting 2 advisory seats.']);
  });

  it('say how many priorities a chapter has against the limit', () => {
    const notes = notesForFiles(model, ['partnerships/vale-lsp/chapters/scs-2011.md']);
    expect(notes.map((n) => n.text)).toEqual(['This chapter has 6 priorities. Chapters are meant to keep to a limited set of high level priorities: at most 5.']);
  });

  it('never show errors, which stop the build instead', () => {
    const error = { file: 'partnerships/chorley-partnership/partnership.md', line: 1, column: 1, severity: 'error' as const, code: 'x', message: 'broken' };
    expect(notesForFiles({ ...model, diagnostics: [error] }, [error.file])).toEqual([]);
  });

  it('say that the checks flagged the data, without the rule’s code or the officer’s message, for a warning they have no wording for', () => {
    const warning = { file: 'partnerships/x/partnership.md', line: 3, column: 1, severity: 'warning' as const, code: 'new-rule', message: 'the thing is odd; expected it not to be; fix it' };
    const text = noteFor(warning, model).text;
    expect(text).toBe(UNWORDED_NOTE);
    expect(text).not.toContain('new-rule');
    expect(text).not.toContain('odd');
  });

  it('say in plain words that a file names no source', () => {
    const file = 'partnerships/vale-lsp/chapters/scs-2011.md';
    const warning = { file, line: 2, column: 1, severity: 'warning' as const, code: 'no-sources', message: 'this file names no source' };
    expect(notesForFiles({ ...model, diagnostics: [warning] }, [file]).map((n) => n.text)).toEqual(['This part of the record does not say which document it is taken from.']);
  });

  it('keep a warning to its own file: a chapter’s note is not shown for the strategy whose id it shares', () => {
    const warning = { file: 'partnerships/vale-lsp/chapters/scs-2011.md', line: 2, column: 1, severity: 'warning' as const, code: 'no-sources', message: 'this file names no source' };
    expect(notesForFiles({ ...model, diagnostics: [warning] }, ['partnerships/shire-partnership/strategies/scs-2011.yaml'])).toEqual([]);
  });

  it('leave out warnings about how a file is saved, which say nothing about its facts', () => {
    const file = 'partnerships/vale-lsp/partnership.md';
    const saved = (code: string) => ({ file, line: 1, column: 1, severity: 'warning' as const, code, message: 'saved oddly' });
    expect(notesForFiles({ ...model, diagnostics: [saved('byte-order-mark'), saved('line-endings')] }, [file])).toEqual([]);
  });

  it('word every warning the checker can give about a page’s facts, never naming its rule', () => {
    const sources = readdirSync(new URL('../../src', import.meta.url), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(new URL(`../../src/${f}`, import.meta.url), 'utf8'))
      .join('\n');
    const codes = [...new Set([...sources.matchAll(/severity: 'warning', code: '([a-z-]+)'/g)].map((m) => m[1]))];
    expect(codes).toContain('no-sources');
    // Warnings on any kind of file, with no facts to word from: the generic wording must still be plain and specific.
    for (const code of codes) {
      for (const file of ['partnerships/x/partnership.md', 'partnerships/chorley-partnership/structures/pre-2006.yaml']) {
        const text = noteFor({ file, line: 1, column: 1, severity: 'warning', code, message: 'for officers' }, model).text;
        expect(text, code).not.toBe(UNWORDED_NOTE);
        expect(text, code).not.toContain(code);
      }
    }
  });

  it('find the body of a size note by the id the checker gave, not by its name in the message', () => {
    const [note] = notesForFiles(model, ['partnerships/chorley-partnership/structures/pre-2006.yaml']);
    const moved = { ...model.diagnostics.find((d) => d.code === 'size-mismatch' && d.file === note.file)!, message: 'reworded by the checker' };
    expect(noteFor(moved, model)).toEqual(note);
  });
});
