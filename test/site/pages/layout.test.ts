import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/content/diagnostics.ts';
import { footerView, headerView, layoutView, previewProblems } from '../../../src/site/pages/layout.ts';
import { fixtureModel } from '../helpers/fixture-model.ts';

const model = fixtureModel();
const page = (pathname: string, options: { canonical?: boolean; preview?: boolean } = {}) =>
  layoutView(model, { title: 'Decision register', pathname, canonical: options.canonical ?? true, preview: options.preview ?? false });
const current = (pathname: string) => headerView(model.site, pathname).sections.map((s) => [s.text, s.current]);

describe('what every page shows around its content', () => {
  it('names the page, then the register, in the browser tab', () => {
    expect(page('/decisions/').documentTitle).toBe('Decision register – Fixture Partnerships Register');
  });

  it('gives the page’s full address as canonical, and none for a page without an address of its own', () => {
    expect(page('/decisions/year/2011/').canonical).toBe('https://partnerships.example.org/decisions/year/2011/');
    expect(page('/404.html', { canonical: false }).canonical).toBeUndefined();
  });

  it('puts the publisher and the register’s name in the header, and the register’s name and licence in the footer', () => {
    const { header, footer } = page('/');
    expect(header).toMatchObject({ publisher: 'Fixture Council Policy Team', title: 'Fixture Partnerships Register' });
    expect(footer).toMatchObject({ publisher: 'Fixture Council Policy Team', title: 'Fixture Partnerships Register', licence: model.site.licence });
  });
});

describe('the header’s sections', () => {
  it('marks a section’s own page as the current page', () => {
    expect(current('/decisions/')).toEqual([['Partnerships', undefined], ['Decisions', 'page'], ['Boards compared', undefined], ['What changed', undefined], ['Search', undefined]]);
  });

  it('marks the section a page is inside, such as a filtered register', () => {
    expect(current('/decisions/year/2011/')).toEqual([['Partnerships', undefined], ['Decisions', 'true'], ['Boards compared', undefined], ['What changed', undefined], ['Search', undefined]]);
    expect(current('/partnerships/vale-lsp/')).toEqual([['Partnerships', 'true'], ['Decisions', undefined], ['Boards compared', undefined], ['What changed', undefined], ['Search', undefined]]);
    expect(current('/compare/kind/lsp/')).toEqual([['Partnerships', undefined], ['Decisions', undefined], ['Boards compared', 'true'], ['What changed', undefined], ['Search', undefined]]);
  });

  it('marks no section on the home page', () => {
    expect(current('/').every(([, mark]) => mark === undefined)).toBe(true);
  });
});

describe('the footer’s links', () => {
  it('links to the statement, the lists, the open data, the feed and the guide', () => {
    expect(footerView(model.site).links.map((l) => l.href)).toEqual(['/accessibility/', '/partnerships/', '/decisions/', '/data/', '/decisions.xml', '/changes.xml', '/guide/']);
  });

  it('links to the source files only when site.yaml names a repository', () => {
    const links = footerView({ ...model.site, repository: 'https://github.com/example/register' }).links;
    expect(links.at(-1)).toEqual({ text: 'Source files and history', href: 'https://github.com/example/register' });
  });
});

describe('the checker’s problems in the preview', () => {
  const problem = (severity: Diagnostic['severity'], code: string): Diagnostic => ({ file: 'site.yaml', line: 2, column: 3, severity, code, message: `about ${code}` });

  it('are never shown outside the preview', () => {
    expect(page('/').problems).toBeUndefined();
  });

  it('are shown in the preview, counted and worded as the checker prints them', () => {
    expect(page('/', { preview: true }).problems).toEqual({
      errors: 0,
      warnings: model.diagnostics.length,
      lines: model.diagnostics.map((d) => `content/${d.file}:${d.line}:${d.column}  warning  ${d.code}  ${d.message}`),
    });
    expect(previewProblems([problem('error', 'unknown-key'), problem('warning', 'size-mismatch')])).toEqual({
      errors: 1,
      warnings: 1,
      lines: ['content/site.yaml:2:3  error  unknown-key  about unknown-key', 'content/site.yaml:2:3  warning  size-mismatch  about size-mismatch'],
    });
  });

  it('are not shown when the checker found nothing', () => {
    expect(previewProblems([])).toBeUndefined();
  });
});
