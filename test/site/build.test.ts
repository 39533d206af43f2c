/**
 * The site built from the fixture register: pages at the contract's URLs, with
 * what a resident looks for on them, valid HTML, no inline scripts, and no
 * sideways scrolling on a 320px screen.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/diagrams/browser.ts';
import { reportMissingBrowser } from '../quality/browser/harness/browser.ts';
import { serveSite, type SiteServer } from '../quality/browser/harness/site.ts';
import { FIXTURE_CONTENT } from './helpers/fixture-model.ts';

const root = resolve(import.meta.dirname, '../..');
// In the project's git-ignored .cache/, which the site tests clean up with the rest.
mkdirSync(join(root, '.cache'), { recursive: true });
const work = mkdtempSync(join(root, '.cache', 'site-test-'));
const out = join(work, 'site');
const page = (path: string) => readFileSync(join(out, path.endsWith('/') ? `${path}index.html` : path), 'utf8');

/** Every built HTML file, as a path under the site. */
function htmlFiles(dir = out): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return path.endsWith('.html') ? [path] : [];
  });
}

beforeAll(() => {
  // A working folder of its own means no diagram cache: every structure shows its text alternative.
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.ts'), '--out', out, '--no-diagrams'], {
    cwd: work,
    env: { ...process.env, CONTENT_DIR: FIXTURE_CONTENT },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`The fixture site did not build:\n${result.stderr}\n${result.stdout}`);
}, 200_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the built site', () => {
  it('never shows the preview\'s problem box, even when built with NODE_ENV=test', () => {
    expect(process.env.NODE_ENV).toBe('test');
    for (const file of htmlFiles()) expect(readFileSync(file, 'utf8'), file).not.toContain('Preview: the checker found');
  });

  it('has a page at every URL the contract promises', () => {
    const urls = [
      '/', '/partnerships/', '/decisions/', '/search/', '/accessibility/',
      '/partnerships/chorley-partnership/', '/partnerships/shire-partnership/', '/partnerships/vale-lsp/', '/partnerships/lancaster-district-lsp/',
      '/partnerships/chorley-partnership/structures/pre-2006/', '/partnerships/chorley-partnership/structures/2006-proposed/',
      '/partnerships/chorley-partnership/decisions/2006-03-09-a-way-forward/', '/partnerships/chorley-partnership/decisions/2007-01-10-exempt-matter/',
      '/partnerships/lancaster-district-lsp/decisions/2011-11-08-partnerships/',
      '/partnerships/vale-lsp/chapters/scs-2011/', '/partnerships/shire-partnership/strategies/scs-2011/',
    ];
    for (const url of urls) expect(existsSync(join(out, url, 'index.html')), url).toBe(true);
    expect(existsSync(join(out, '404.html'))).toBe(true);
  });

  it('publishes each structure diagram’s Mermaid source beside its page', () => {
    const source = readFileSync(join(out, 'partnerships/chorley-partnership/structures/2006-proposed.mmd'), 'utf8');
    expect(source).toMatch(/^(%%.*\n)*\s*(flowchart|graph) /m);
    expect(source).toContain('LSP Executive');
  });

  it('shows a funding table in pounds and pence, with totals, what was available and what remains', () => {
    const html = page('/partnerships/lancaster-district-lsp/decisions/2011-11-08-partnerships/');
    for (const amount of ['£5,000.00', '£100,000.00', '£330,000.00', '£200,000.00', '£357,535.40', '£289,910.60', '£27,535.40', '£89,910.60']) {
      expect(html).toContain(amount);
    }
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('Lancashire County Council');
  });

  it('shows the options side by side with their advantages, disadvantages and risks', () => {
    const html = page('/partnerships/lancaster-district-lsp/decisions/2011-11-08-partnerships/');
    expect(html).toContain('Option 1: Continue support for key partnerships within a streamlined structure');
    for (const text of ['Reduced administrative burden.', 'Council will need a stronger central co-ordinating role.', 'Possible impact on communications between partners.']) expect(html).toContain(text);
  });

  it('shows only the title and date of an exempt decision, everywhere', () => {
    const html = page('/partnerships/chorley-partnership/decisions/2007-01-10-exempt-matter/');
    expect(html).toContain('Property matter');
    expect(html).toContain('10 January 2007');
    expect(html).toContain('exempt from publication');
    const leaks = htmlFiles().filter((file) => /SECRET RECOMMENDATION|Secret fund|Confidential narrative/.test(readFileSync(file, 'utf8')));
    expect(leaks).toEqual([]);
  });

  it('says at the top of a dissolved partnership’s page when it was dissolved and what replaced it', () => {
    const html = page('/partnerships/lancaster-district-lsp/');
    const banner = /<div class="govuk-notification-banner"[\s\S]*?<\/div>\s*<\/div>/.exec(html)?.[0] ?? '';
    expect(banner).toContain('was dissolved in <time datetime="2011-11">November 2011</time>');
    expect(banner).toContain('href="/partnerships/lancaster-district-lsp/structures/2011-proposed/"');
    expect(banner).toContain('href="/partnerships/lancaster-district-lsp/decisions/2011-11-08-partnerships/"');
    expect(html.indexOf('govuk-notification-banner')).toBeLessThan(html.indexOf('<h1'));
  });

  it('shows HTML written in content as text, and never runs it', () => {
    const html = page('/partnerships/chorley-partnership/');
    expect(html).toContain('Brings &lt;script&gt;alert(&quot;summary&quot;)&lt;/script&gt; partners &amp; &lt;b&gt;groups&lt;/b&gt; together');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('href="https://example.org/chorley"');
    // Attribute values may hold `<` safely (a meta description, say); elements and links may not.
    const unsafe = htmlFiles().flatMap((file) => {
      const markup = readFileSync(file, 'utf8').replace(/="[^"]*"/g, '=""');
      return /<script>alert|<img src=x/i.test(markup) || /href="javascript:/i.test(readFileSync(file, 'utf8')) ? [file] : [];
    });
    expect(unsafe).toEqual([]);
  });

  it('shows the checker’s warnings as data-quality notes on the pages they concern', () => {
    const chorley = page('/partnerships/chorley-partnership/');
    expect(chorley).toContain('The source document gives the Board of Directors 25 members, but the seats it lists add up to 22.');
    expect(chorley).toContain('This page was last checked on 15 January 2025, more than 12 months ago, so some details may be out of date.');
    expect(page('/partnerships/chorley-partnership/structures/2006-proposed/')).toContain('The source document gives the LSP Board around 40 members, but the seats it lists add up to 45.');
    expect(page('/partnerships/vale-lsp/chapters/scs-2011/')).toContain('This chapter has 6 priorities.');
  });

  it('compares a proposed structure with the one in force', () => {
    const html = page('/partnerships/chorley-partnership/structures/2006-proposed/');
    expect(html).toContain('Bodies added (8)');
    expect(html).toContain('Bodies removed (3)');
    // A proposal was never in force: its changes are what it would do.
    expect(html).toMatch(/The Executive would be <a[^>]*>LSP Executive<\/a>/);
    expect(html).not.toMatch(/The Executive is now/);
    expect(html).toContain('Diagram not available in this build.');
  });

  it('lists every decision in the register, newest first, and has a page for each filter', () => {
    const register = page('/decisions/');
    const rows = [...register.matchAll(/<tr class="govuk-table__row" data-partnership="([^"]+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(['vale-lsp', 'lancaster-district-lsp', 'chorley-partnership', 'chorley-partnership']);
    expect(register).toContain('href="/decisions/year/2011/"');
    const chorley = page('/decisions/partnership/chorley-partnership/');
    expect([...chorley.matchAll(/data-partnership="chorley-partnership"/g)]).toHaveLength(2);
    expect(existsSync(join(out, 'decisions/key-decision/yes/index.html'))).toBe(true);
    expect(existsSync(join(out, 'decisions/kind/consultation-response/index.html'))).toBe(false);
  });

  it('offers the register and an A to Z when search cannot run', () => {
    const html = page('/search/');
    expect(html).toContain('href="/decisions/"');
    expect(html).toMatch(/id="search-letter-V"[^>]*>V</);
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('loads scripts only from files, so a Content Security Policy can forbid inline scripts', () => {
    const inline = htmlFiles().flatMap((file) =>
      // Content quoted in an attribute (a meta description) is not markup, so only tags outside attribute values count.
      [...readFileSync(file, 'utf8').replace(/="[^"]*"/g, (value) => value.replaceAll('<', '&lt;')).matchAll(/<script\b[^>]*>/g)]
        .map(([tag]) => tag)
        // JSON-LD is data, which a policy does not treat as script.
        .filter((tag) => !/\bsrc="/.test(tag) && !/type="application\/ld\+json"/.test(tag))
        .map((tag) => `${file.slice(out.length)}: ${tag}`),
    );
    expect(inline).toEqual([]);
  });

  it('writes valid HTML on every page', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Titles follow GOV.UK's pattern, the page's heading then the register's name, so long names make long titles.
        'long-title': 'off',
        // GOV.UK's notification banner and the scrollable diagram and table areas are `div role="region"` by design.
        'prefer-native-element': ['error', { exclude: ['region'] }],
      },
    });
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const report = await validator.validateFile(file);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file.slice(out.length)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});

const browserPath = findBrowser();
if (!browserPath) reportMissingBrowser('site');

describe.skipIf(!browserPath)('the built site in a browser', () => {
  let site: SiteServer;
  let origin: string;
  beforeAll(async () => {
    site = await serveSite(out);
    origin = site.origin;
  });
  afterAll(() => site?.close());

  const paths = [
    '/', '/partnerships/', '/decisions/', '/search/', '/accessibility/', '/partnerships/chorley-partnership/', '/partnerships/chorley-partnership/structures/2006-proposed/',
    '/partnerships/lancaster-district-lsp/', '/partnerships/lancaster-district-lsp/decisions/2011-11-08-partnerships/', '/partnerships/vale-lsp/chapters/scs-2011/',
    '/partnerships/shire-partnership/strategies/scs-2011/', '/partnerships/chorley-partnership/decisions/2007-01-10-exempt-matter/', '/decisions/year/2011/',
  ];

  it('has no problems axe can find against WCAG 2.2 AA, at 320px and 1280px', async () => {
    const { chromium } = await import('playwright-core');
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
    try {
      const problems: string[] = [];
      for (const width of [320, 1280]) {
        const tab = await browser.newPage({ viewport: { width, height: 900 } });
        for (const path of paths) {
          await tab.goto(origin + path);
          // Evaluated, not added as a <script>: the pages' Content Security Policy rightly refuses inline scripts.
          await tab.evaluate(axeSource);
          const violations = await tab.evaluate(async () => {
            const run = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run;
            const result = await run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
            return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          });
          problems.push(...violations.map((v) => `${path} (${width}px): ${v}`));
        }
        await tab.close();
      }
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('never scrolls sideways on a 320px screen, with or without JavaScript', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
    try {
      for (const javaScriptEnabled of [true, false]) {
        const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled });
        const tab = await context.newPage();
        for (const path of paths) {
          await tab.goto(origin + path);
          const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`).toBeLessThanOrEqual(0);
        }
        await context.close();
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
});
