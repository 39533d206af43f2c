/**
 * A preview that tells the truth, tested through the functions the preview
 * runs: the saved file's problems first, no figure worked out from a file the
 * checker refuses, a page whose file cannot be read showing its problem, and a
 * terminal without developers' notices. (test/officer/preview-server.test.ts
 * runs the same in `npm run dev`.)
 */
import { rmSync } from 'node:fs';
import type { AstroLoggerMessage } from 'astro';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/content/diagnostics.ts';
import previewLogDestination, { contentPreview, isForOfficer, unbuiltPage } from '../../src/integrations/content-preview.ts';
import { checkContent, type DecisionModel, type FundingModel, type Model } from '../../src/model/index.ts';
import { fundingView } from '../../src/site/funding-view.ts';
import { layoutView, previewProblems, setPreviewState } from '../../src/site/pages/layout.ts';
import { copyValid, materialise, TODAY } from '../helpers/fixtures.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
afterEach(() => setPreviewState({}));

/** The model of an invalid fixture case, as the preview sees it: pages render beside its errors. */
function caseModel(name: string): Model {
  const dir = materialise(name);
  folders.push(dir);
  return checkContent(dir, { today: TODAY });
}

const problem = (file: string, severity: Diagnostic['severity'], code: string): Diagnostic => ({ file, line: 3, column: 5, severity, code, message: `about ${code}` });

describe('the problem box and the terminal in the preview', () => {
  const others = [
    problem('partnerships/a-lsp/partnership.md', 'warning', 'no-current-structure'),
    problem('partnerships/b-lsp/partnership.md', 'warning', 'no-current-structure'),
  ];
  const saved = problem('partnerships/z-lsp/decisions/2011-01-01-grant.md', 'error', 'remaining-mismatch');

  it('list the problems of the file just saved first, before other partnerships’ warnings', () => {
    const shown = previewProblems([...others, saved], { savedFile: saved.file });
    expect(shown?.lines[0]).toBe('content/partnerships/z-lsp/decisions/2011-01-01-grant.md:3:5  error  remaining-mismatch  about remaining-mismatch');
    expect(shown?.saved).toEqual({ file: 'content/partnerships/z-lsp/decisions/2011-01-01-grant.md', count: 1 });
    expect(shown?.lines).toHaveLength(3);
  });

  it('say that the saved file has no problems when the others are someone else’s', () => {
    expect(previewProblems(others, { savedFile: saved.file })?.saved).toEqual({ file: `content/${saved.file}`, count: 0 });
  });

  it('show what the preview knows on every page, and nothing outside the preview', () => {
    const model = { site: caseModel('remaining-mismatch').site, diagnostics: [...others, saved] };
    setPreviewState({ savedFile: saved.file, diagrams: 'drawing a structure diagram; this page reloads by itself when it is drawn.' });
    const preview = layoutView(model, { title: 'Home', pathname: '/', canonical: true, preview: true }).problems;
    expect(preview?.lines[0]).toContain('remaining-mismatch');
    expect(preview?.diagrams).toContain('drawing a structure diagram');
    expect(layoutView(model, { title: 'Home', pathname: '/', canonical: true, preview: false }).problems).toBeUndefined();
  });
});

describe('a funding table shown beside an error in its own file', () => {
  const funded = (model: Model, id: string) => model.decisions.find((d) => d.id === id) as DecisionModel & { funding: FundingModel };

  it('states no totals or remaining amounts worked out from it, nor that they agree with the report', () => {
    const model = caseModel('remaining-mismatch');
    expect(model.diagnostics.map((d) => d.code)).toContain('remaining-mismatch');
    const view = fundingView(model, funded(model, '2011-11-08-grant-allocation'));
    expect(view.totals).toBeUndefined();
    expect(view.remainingAgrees).toBe(false);
  });

  it('states them when the file has no error', () => {
    const dir = copyValid();
    folders.push(dir);
    const model = checkContent(dir, { today: TODAY });
    const view = fundingView(model, funded(model, '2011-11-08-grant-allocation'));
    expect(view.totals?.remaining).toBeDefined();
    expect(view.remainingAgrees).toBe(true);
  });
});

describe('a page whose file the checker cannot read, in the preview', () => {
  it('shows the file’s problem instead of “Page not found”', () => {
    const model = caseModel('all-problems-under-a-broken-partnership');
    const broken = model.diagnostics.find((d) => d.severity === 'error' && d.file.endsWith('partnership.md'));
    expect(broken).toBeDefined();
    const partnership = broken!.file.split('/')[1];
    const page = unbuiltPage(model, `/partnerships/${partnership}/`);
    expect(page).toContain('This page cannot be shown until its file is fixed');
    expect(page).toContain(`content/${broken!.file}:${broken!.line}:${broken!.column}  error  ${broken!.code}`);
    expect(page).not.toContain('Page not found');
  });

  it('leaves every other address to the site', () => {
    const model = caseModel('all-problems-under-a-broken-partnership');
    expect(unbuiltPage(model, '/')).toBeUndefined();
    expect(unbuiltPage(model, '/partnerships/no-such-partnership/')).toBeUndefined();
  });
});

describe('the terminal of the preview', () => {
  const argv = process.argv;
  const written: unknown[] = [];
  afterEach(() => {
    process.argv = argv;
    written.length = 0;
  });
  const shiki: AstroLoggerMessage = { label: 'config', level: 'warn', message: 'Shiki syntax highlighting uses inline styles that are not compatible with Content Security Policy (CSP).', newLine: true };
  const report: AstroLoggerMessage = { label: 'partnership-register:content-preview', level: 'info', message: '16 files checked: 0 errors, 0 warnings', newLine: true };
  const address: AstroLoggerMessage = { label: 'SKIP_FORMAT', level: 'info', message: ' astro  v7.3.5 ready in 743 ms\n┃ Local    http://localhost:4321/', newLine: true };
  const update: AstroLoggerMessage = { label: 'SKIP_FORMAT', level: 'warn', message: 'New version of Astro available: 8.0.0\nRun npx @astrojs/upgrade to update', newLine: true };

  it('shows the checker’s report, the address and errors, and keeps developers’ notices out', () => {
    expect([report, address, { ...shiki, level: 'error' as const }].every((event) => isForOfficer(event))).toBe(true);
    expect(isForOfficer(shiki)).toBe(false);
    expect(isForOfficer(update)).toBe(false);
    expect(isForOfficer({ label: 'router', level: 'warn' })).toBe(false);
    expect(isForOfficer({ label: 'vite', level: 'info' })).toBe(false);
    expect(isForOfficer({ label: null, level: 'info' })).toBe(false);
  });

  it('shows everything with --verbose', async () => {
    const lines = (args: string[]) => {
      process.argv = [argv[0], 'astro.mjs', ...args];
      const destination = previewLogDestination({ level: 'info' });
      const out: string[] = [];
      const write = process.stdout.write;
      process.stdout.write = ((chunk: string) => out.push(chunk) > 0) as typeof process.stdout.write;
      try {
        destination.write(shiki);
      } finally {
        process.stdout.write = write;
      }
      return out.join('');
    };
    expect(lines(['dev'])).toBe('');
    expect(lines(['dev', '--verbose'])).toContain('Shiki');
    expect(lines(['build'])).toContain('Shiki');
  });

  it('never offers Astro’s update, which an officer might run', async () => {
    const before = process.env.ASTRO_DISABLE_UPDATE_CHECK;
    const before2 = process.env.PARTNERSHIP_REGISTER_PREVIEW;
    try {
      delete process.env.ASTRO_DISABLE_UPDATE_CHECK;
      const setup = contentPreview().hooks['astro:config:setup'] as (options: { command: string }) => void;
      setup({ command: 'dev' });
      expect(process.env.ASTRO_DISABLE_UPDATE_CHECK).toBe('true');
    } finally {
      if (before === undefined) delete process.env.ASTRO_DISABLE_UPDATE_CHECK;
      else process.env.ASTRO_DISABLE_UPDATE_CHECK = before;
      if (before2 === undefined) delete process.env.PARTNERSHIP_REGISTER_PREVIEW;
      else process.env.PARTNERSHIP_REGISTER_PREVIEW = before2;
    }
  });
});
