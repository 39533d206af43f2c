/**
 * The gates themselves: on a page broken on purpose, each gate reports the
 * problem it exists to find, so a passing site means something. Also how pages
 * are classified and sampled, which decides what the gates see.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, DESKTOP, keyboardCheck, NARROW, noJavaScriptCheck, reflowCheck } from './harness/accessibility-gates.ts';
import { checkPages, chromiumPath, launchBrowser, reportMissingBrowser, type PageCheck } from './harness/browser.ts';
import { classifyPath } from './harness/page-types.ts';
import { crawlPages, injectedMarkupCheck, parsePolicy, policyProblems } from './harness/security-gates.ts';
import { samplePages, serveSite, type SitePage, type SiteServer } from './harness/site.ts';

describe('page types', () => {
  it('names each page by the content model\'s URL patterns', () => {
    expect(classifyPath('/')).toBe('home');
    expect(classifyPath('/partnerships/chorley-partnership/')).toBe('partnership');
    expect(classifyPath('/partnerships/chorley-partnership/structures/2006-proposed/')).toBe('structure');
    expect(classifyPath('/partnerships/lancaster/decisions/2011-11-08-partnerships/')).toBe('decision');
    expect(classifyPath('/decisions/year/2011/')).toBe('register filter');
    expect(classifyPath('/404.html')).toBe('not found');
  });

  it('gives a page of no known type a type of its own, named by its path, so it still gets every gate', () => {
    expect(classifyPath('/about/')).toBe('/about/');
    const pages = ['/a/', '/b/', '/partnerships/x/', '/partnerships/y/', '/partnerships/z/'].map((path, i) => ({ path, type: classifyPath(path), file: '', bytes: i }));
    expect(samplePages(pages).map((page) => page.path)).toEqual(['/a/', '/b/', '/partnerships/x/', '/partnerships/z/']);
  });
});

describe('a Content Security Policy', () => {
  it('is refused when it lets inline or foreign scripts run, allows plugins or leaves <base> open', () => {
    expect(policyProblems(parsePolicy("script-src 'self' 'unsafe-inline' https://cdn.example.org; object-src *"))).toEqual([
      "script-src allows 'unsafe-inline' https://cdn.example.org",
      "script-src-elem allows 'unsafe-inline' https://cdn.example.org",
      "script-src-attr allows 'unsafe-inline' https://cdn.example.org",
      "worker-src allows 'unsafe-inline' https://cdn.example.org",
      "object-src is *, not 'none'",
      'base-uri is missing, so an injected <base> could redirect every relative address',
    ]);
  });

  it('is refused when it uses directives a <meta> policy cannot carry', () => {
    expect(policyProblems(parsePolicy("default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"))).toEqual([
      "frame-ancestors has no effect in a <meta> policy (browsers ignore it and say so in the console)",
    ]);
  });
});

const BROKEN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Broken on purpose</title>
<meta http-equiv="content-security-policy" content="default-src 'self'; object-src 'none'; base-uri 'self'">
<link rel="stylesheet" href="/broken.css"></head>
<body>
<a href="#main-content" class="skip">Skip to main content</a>
<main id="main-content">
<h1>Anextraordinarilylongwordthatcannotwrapanywhereatall</h1>
<p><a href="/first/" class="no-focus">A link with no focus indicator</a></p>
<p><a href="/second/" tabindex="3">A link that jumps the queue</a></p>
<div class="wide">A box wider than a phone</div>
<img src="/missing.png">
<p id="late"></p>
<p><a href="javascript:alert(1)">A script link</a></p>
<script>document.title = 'inline ran';</script>
<script type="module" src="/late.js"></script>
</main>
</body></html>`;

const BROKEN_CSS = `
.skip { position: absolute; left: -9999px; }
.no-focus:focus, .no-focus:focus-visible { outline: none; }
.wide { width: 600px; }
h1 { font-size: 40px; }
`;

if (!chromiumPath()) reportMissingBrowser('self-test');

describe.skipIf(!chromiumPath())('the gates, on a page broken on purpose', () => {
  let folder: string;
  let server: SiteServer;
  let browser: Browser;
  const page: SitePage = { path: '/', type: 'broken', file: '', bytes: 0 };
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'quality-gates-'));
    writeFileSync(join(folder, '404.html'), '<!doctype html><title>Not found</title>');
    writeFileSync(join(folder, 'broken.css'), BROKEN_CSS);
    writeFileSync(join(folder, 'late.js'), 'document.querySelector("#late").textContent = "Only with JavaScript";');
    writeFileSync(join(folder, 'index.html'), BROKEN_PAGE);
    [server, browser] = await Promise.all([serveSite(folder), launchBrowser(chromiumPath()!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  const run = (check: PageCheck, options = DESKTOP) => checkPages(browser, server.origin, [page], options, check);

  it('axe finds an image without a text alternative', async () => {
    expect((await run(axeCheck)).join('\n')).toContain('image-alt');
  });

  it('the keyboard gate finds a missing focus indicator, a jump in the order and a skip link that goes nowhere', async () => {
    const found = (await run(keyboardCheck)).join('\n');
    expect(found).toContain('"A link with no focus indicator" shows no focus indicator');
    expect(found).toMatch(/the first Tab stop is .*A link that jumps the queue.*, not the skip link/);
    expect(found).toContain('Tab goes back from');
    expect(found).toMatch(/Skip to main content.* is focused but not on screen/);
  });

  it('the no-JavaScript gate finds text that only a script writes', async () => {
    const withScripts = await browser.newContext(DESKTOP);
    const found = await run(noJavaScriptCheck(await withScripts.newPage(), server.origin, 0), { ...DESKTOP, javaScriptEnabled: false });
    await withScripts.close();
    expect(found.join('\n')).toContain('without JavaScript the page does not show "Only with JavaScript"');
  });

  it('the reflow gate finds sideways scrolling, a box wider than the window and a word wider than its heading', async () => {
    const found = (await run(reflowCheck, NARROW)).join('\n');
    expect(found).toMatch(/the page scrolls sideways: \d+px wide in a 320px window/);
    expect(found).toContain('<div.wide> "A box wider than a phone"');
    expect(found).toContain('content wider than its box: <h1>');
  });

  it('the crawl hears the policy block an inline script, and a missing file', async () => {
    const found = await crawlPages(browser, server.origin, [page], DESKTOP);
    expect(found.join('\n')).toMatch(/Content Security Policy violation: script-src-elem blocked inline/);
    expect(found.join('\n')).toMatch(/404 for http:\/\/127\.0\.0\.1:\d+\/missing\.png/);
  });

  it('the markup gate finds a script link, an inline script and an image', async () => {
    const found = (await run(injectedMarkupCheck)).join('\n');
    expect(found).toContain('has href="javascript:alert(1)"');
    expect(found).toContain('a script that is not one of the site\'s files: <script>document.title');
    expect(found).toContain('<img> is in the page');
  });
});
