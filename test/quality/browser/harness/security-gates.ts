/**
 * The security gates: the Content Security Policy each page carries, what the
 * browser reports while the site is crawled (policy violations, console
 * errors, uncaught errors, dialogs, failed requests), and a look through the
 * page for anything a content payload could have smuggled in as markup.
 */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { checkPages, type PageCheck, type Problems } from './browser.ts';
import type { SitePage } from './site.ts';

/** A policy's directives: name → its sources, as written. */
export type Policy = Map<string, string[]>;

/** The policy in a page's `<meta http-equiv="content-security-policy">`, and what else the page holds around it. */
export interface PagePolicy {
  /** How many policy meta elements the page has. */
  count: number;
  policy: Policy;
  /** Tags that load or run something (scripts, stylesheets, styles) written before the policy, which it cannot govern. */
  before: string[];
}

/** Reads the Content Security Policy of a built page's HTML. */
export function readPagePolicy(html: string): PagePolicy {
  // Content quoted in attribute values is not markup: blank it so only real tags are seen.
  const markup = html.replace(/="[^"]*"/g, (value) => value.replace(/</g, ' '));
  const metas = [...html.matchAll(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/gi)];
  const at = markup.search(/<meta\s+http-equiv="content-security-policy"/i);
  const before = at < 0 ? [] : [...markup.slice(0, at).matchAll(/<(script|style|link)\b[^>]*>/gi)]
    .map(([tag]) => tag)
    .filter((tag) => !/type="application\/ld\+json"/.test(tag) && !/^<link\b(?![^>]*\bstylesheet\b)/i.test(tag));
  return { count: metas.length, policy: parsePolicy(metas[0]?.[1].replace(/&#39;/g, "'").replace(/&amp;/g, '&') ?? ''), before };
}

/** Splits a policy into its directives. */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const directive of text.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The sources that govern a kind of fetch, following CSP's fallback from the specific directive to default-src. */
export function effectiveSources(policy: Policy, ...directives: string[]): string[] | undefined {
  for (const name of [...directives, 'default-src']) if (policy.has(name)) return policy.get(name);
  return undefined;
}

/**
 * What a policy must say on this site: scripts only from the site's own
 * files (never inline, never eval, never another origin), no plugins, no
 * `<base>` pointing elsewhere, and nothing that a `<meta>` policy ignores.
 */
export function policyProblems(policy: Policy): Problems {
  const problems: Problems = [];
  const unsafeScript = /^('unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*|data:|blob:|https?:|filesystem:)$/i;
  for (const directive of [['script-src'], ['script-src-elem', 'script-src'], ['script-src-attr', 'script-src'], ['worker-src', 'child-src', 'script-src']]) {
    const sources = effectiveSources(policy, ...directive);
    if (!sources) problems.push(`no ${directive[0]} or default-src: scripts are not restricted`);
    else {
      const loose = sources.filter((source) => unsafeScript.test(source) || /^https?:\/\/|^\*\./i.test(source));
      if (loose.length > 0) problems.push(`${directive[0]} allows ${loose.join(' ')}`);
    }
  }
  const objects = effectiveSources(policy, 'object-src');
  if (objects?.join(' ') !== "'none'") problems.push(`object-src is ${objects?.join(' ') ?? 'missing'}, not 'none'`);
  if (!policy.has('base-uri')) problems.push('base-uri is missing, so an injected <base> could redirect every relative address');
  for (const ignored of ['frame-ancestors', 'report-uri', 'report-to', 'sandbox']) {
    if (policy.has(ignored)) problems.push(`${ignored} has no effect in a <meta> policy (browsers ignore it and say so in the console)`);
  }
  return problems;
}

/** Everything the browser reported while the pages of one context were open. */
interface Watch {
  /** Takes what was reported since the last call. */
  drain(): Problems;
}

declare global {
  interface Window {
    /** Policy violations reported to the page, recorded by the watch's init script. */
    reportedViolations?: string[];
  }
}

/**
 * Listens to a context: `securitypolicyviolation` events (recorded in each
 * page before its own scripts run), console errors and warnings, uncaught
 * errors, dialogs (which the watch dismisses) and failed requests.
 */
async function watchContext(context: BrowserContext): Promise<Watch> {
  let reported: Problems = [];
  await context.addInitScript(() => {
    window.reportedViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.reportedViolations!.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'}${event.sample ? ` ("${event.sample}")` : ''} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') reported.push(`console ${message.type()}: ${message.text()}`);
  });
  context.on('weberror', (error) => reported.push(`uncaught error: ${error.error().message}`));
  context.on('dialog', (dialog) => {
    reported.push(`a ${dialog.type()} dialog opened: "${dialog.message()}"`);
    void dialog.dismiss();
  });
  context.on('requestfailed', (request) => {
    // Leaving a page aborts what it was still fetching (its icon, say): that is the crawl moving on, not a fault.
    const why = request.failure()?.errorText;
    if (why !== 'net::ERR_ABORTED') reported.push(`request failed: ${request.url()} (${why})`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) reported.push(`${response.status()} for ${response.url()}`);
  });
  return {
    drain() {
      const taken = reported;
      reported = [];
      return taken;
    },
  };
}

/**
 * Crawls pages in one watched context: on each, does what `act` does there
 * (what a visitor would do, with its own findings), lets the page settle, then
 * reports what the browser heard and the violations the page recorded.
 */
export async function crawlPages(
  browser: Browser,
  origin: string,
  pages: readonly SitePage[],
  options: BrowserContextOptions,
  act?: PageCheck,
): Promise<Problems> {
  let watch: Watch | undefined;
  return checkPages(browser, origin, pages, options, async (tab, page, context) => {
    const found = act ? await act(tab, page, context) : [];
    // Violations are reported in a task of their own: give them a moment to arrive.
    await tab.evaluate(() => new Promise((settled) => setTimeout(settled, 50)));
    const violations = await tab.evaluate(() => window.reportedViolations ?? []);
    return [...found, ...violations.map((violation) => `Content Security Policy violation: ${violation}`), ...watch!.drain()];
  }, async (context) => {
    watch = await watchContext(context);
  });
}

/**
 * Looks through a page for markup that only an injected payload could have
 * put there: event-handler attributes, script URLs, frames, plugins, `<base>`,
 * refresh redirects, scripts other than the site's own files and its JSON-LD,
 * styles and SVG outside the drawn diagrams and charts, and forms that are
 * not the site's own.
 */
export const injectedMarkupCheck: PageCheck = async (tab) =>
  tab.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element) => `<${el.localName}${el.id ? `#${el.id}` : ''}${[...el.classList].slice(0, 2).map((c) => `.${c}`).join('')}>`;
    const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'ping', 'cite']);
    const drawing = '.app-diagram__canvas, .app-chart';
    for (const el of document.querySelectorAll('*')) {
      for (const attribute of el.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on')) problems.push(`${describe(el)} has an event handler ${name}="${attribute.value.slice(0, 60)}"`);
        if (name === 'srcdoc') problems.push(`${describe(el)} has srcdoc`);
        if (urlAttributes.has(name)) {
          const squashed = attribute.value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
          if (/^(javascript|vbscript|data|blob):/.test(squashed)) problems.push(`${describe(el)} has ${name}="${attribute.value.slice(0, 60)}"`);
        }
      }
      switch (el.localName) {
        case 'iframe': case 'frame': case 'frameset': case 'object': case 'embed': case 'applet': case 'base': case 'portal': case 'img': case 'math':
        case 'audio': case 'video': case 'foreignobject': case 'template': case 'link':
          if (el.localName !== 'link' || el.closest('body')) problems.push(`${describe(el)} is in the page`);
          break;
        case 'meta':
          if (el.getAttribute('http-equiv') && el.getAttribute('http-equiv')!.toLowerCase() !== 'content-security-policy') problems.push(`${describe(el)} http-equiv="${el.getAttribute('http-equiv')}" is in the page`);
          break;
        case 'script': {
          const script = el as HTMLScriptElement;
          if (script.type === 'application/ld+json') {
            try {
              JSON.parse(script.text);
            } catch {
              problems.push('a JSON-LD block is not valid JSON: something broke into it');
            }
          } else if (!(script.type === 'module' && /^\/(_astro|pagefind)\//.test(script.getAttribute('src') ?? ''))) {
            problems.push(`a script that is not one of the site's files: ${script.outerHTML.slice(0, 80)}`);
          }
          break;
        }
        case 'style':
          if (!el.closest(drawing)) problems.push(`a <style> outside the diagrams: ${el.textContent?.slice(0, 60)}`);
          break;
        case 'svg':
          if (!el.closest(drawing) && !el.matches('.govuk-pagination__icon')) problems.push(`an <svg> outside the diagrams and charts: ${el.outerHTML.slice(0, 80)}`);
          break;
        case 'form': {
          const form = el as HTMLFormElement;
          if (form.getAttribute('action') !== '/search/' && form.id !== 'register-filter') problems.push(`a form that is not the site's: ${form.outerHTML.slice(0, 80)}`);
          break;
        }
      }
    }
    return problems;
  });
