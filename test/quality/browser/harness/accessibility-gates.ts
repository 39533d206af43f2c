/**
 * The accessibility gates, each a check run on one loaded page: axe against
 * WCAG 2.2 AA, the keyboard (order, visible focus, skip link, scroll regions,
 * filters and search), the page without JavaScript, and reflow at 320px and
 * at 200% zoom. Each returns what a user would meet, naming the element.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { PageCheck, Problems } from './browser.ts';

/** The WCAG 2.2 AA rule sets of axe-core (A and AA of 2.0, 2.1 and 2.2). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A phone held upright: 320 CSS pixels wide (WCAG 1.4.10 Reflow). */
export const NARROW: BrowserContextOptions = { viewport: { width: 320, height: 640 } };

/**
 * A 1280×800 screen zoomed to 200%. Browser zoom halves the CSS viewport and
 * doubles the device pixel ratio, which is exactly a 640×400 viewport at
 * deviceScaleFactor 2: media queries, `rem` sizes and layout see what they
 * see when a reader zooms. CSS `zoom` on the page would not: the viewport and
 * its breakpoints would stay at 1280px.
 */
export const ZOOM_200: BrowserContextOptions = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 };

/** A desktop screen, where axe and the keyboard are checked. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/**
 * Runs axe-core in the page against WCAG 2.2 AA. axe is evaluated through the
 * browser's DevTools protocol, which the page's Content Security Policy does
 * not govern, so the policy stays on while it runs.
 */
export const axeCheck: PageCheck = async (tab) => {
  await tab.evaluate(axeSource);
  const violations = await tab.evaluate(async (tags) => {
    interface AxeResult { violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }
    const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.help}) at ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''}`);
  }, WCAG_TAGS);
  return violations.map((violation) => `axe: ${violation}`);
};

/** What the keyboard walk found on one page, before it is judged. */
interface FocusStop {
  /** The stop's position in the page's list of focusable elements, or -1 for an element not in it. */
  index: number;
  description: string;
  /** Whether its look changed when focused: an outline, box shadow or background that shows. */
  visibleFocus: boolean;
  /** Whether it is on screen, with some size, while focused. */
  onScreen: boolean;
}

/**
 * Lists what the keyboard should reach, in document order, and records how
 * each looks unfocused, on `window`, for `focusStop` to compare with.
 */
function listFocusable(): string[] {
  const selector = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable]';
  const describe = (el: Element) => {
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `<${el.localName}${el.id ? ` id="${el.id}"` : ''}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''}> "${text}"`;
  };
  const reachable = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
    if (el.matches(':disabled') || el.tabIndex < 0 || el.closest('[inert]')) return false;
    if (el.localName === 'summary' && el.parentElement?.localName !== 'details') return false;
    const details = el.parentElement?.closest('details');
    if (details && !details.open && !(el.localName === 'summary' && el.parentElement === details)) return false;
    return el.checkVisibility({ visibilityProperty: true });
  });
  const look = (el: Element) => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor];
  };
  const state = window as unknown as { keyboardWalk: { elements: HTMLElement[]; looks: string[][]; look: typeof look; describe: typeof describe } };
  state.keyboardWalk = { elements: reachable, looks: reachable.map(look), look, describe };
  return reachable.map(describe);
}

/** Where the focus is now, and whether it shows. */
function focusStop(): FocusStop | null {
  const { elements, looks, look, describe } = (window as unknown as {
    keyboardWalk: { elements: Element[]; looks: string[][]; look: (el: Element) => string[]; describe: (el: Element) => string };
  }).keyboardWalk;
  const active = document.activeElement;
  if (!active || active === document.body || active === document.documentElement) return null;
  const index = elements.indexOf(active);
  const before = index >= 0 ? looks[index] : look(document.body);
  const now = look(active);
  const [outlineStyle, outlineWidth, outlineColor, boxShadow, background] = now;
  const transparent = (colour: string) => colour === 'transparent' || /rgba\(.*,\s*0\)$/.test(colour);
  const outlineShows = outlineStyle !== 'none' && parseFloat(outlineWidth) > 0 && !transparent(outlineColor);
  // An indicator is an area that changes (outline, shadow or background); a change of text colour alone is not enough.
  const visibleFocus =
    (outlineShows && (outlineStyle !== before[0] || outlineWidth !== before[1] || outlineColor !== before[2])) ||
    (boxShadow !== 'none' && boxShadow !== before[3]) ||
    (!transparent(background) && background !== before[4]);
  const box = active.getBoundingClientRect();
  // Focus scrolls an element into view; one moved off to the side stays out of sight.
  const onScreen = box.width > 1 && box.height > 1 && box.right > 0 && box.left < document.documentElement.clientWidth;
  return { index, description: describe(active), visibleFocus, onScreen };
}

/**
 * The keyboard alone: Tab from the top reaches every link and control in
 * document order, each with a focus indicator that changes how it looks; the
 * skip link comes first and moves focus to the main content; diagrams'
 * scroll regions, the register's filters and the search box are among the stops.
 */
export const keyboardCheck: PageCheck = async (tab, page) => {
  const problems: Problems = [];
  const expected = await tab.evaluate(listFocusable);
  const stops: FocusStop[] = [];
  const seen = new Set<string>();
  for (let presses = 0; presses < expected.length + 5; presses++) {
    await tab.keyboard.press('Tab');
    const stop = await tab.evaluate(focusStop);
    // Focus leaves the page after its last stop, or comes round to a stop again.
    const key = stop && (stop.index === -1 ? stop.description : String(stop.index));
    if (!stop || !key || seen.has(key)) break;
    seen.add(key);
    stops.push(stop);
  }
  const reached = new Set(stops.map((stop) => stop.index));
  const missed = expected.filter((_, index) => !reached.has(index));
  if (missed.length > 0) problems.push(`Tab never reaches ${missed.slice(0, 5).join(', ')}${missed.length > 5 ? ` and ${missed.length - 5} more` : ''}`);
  for (const [position, stop] of stops.entries()) {
    const previous = stops[position - 1];
    if (stop.index === -1) problems.push(`Tab stops on ${stop.description}, which is not a link or control`);
    else if (previous && previous.index !== -1 && stop.index < previous.index) problems.push(`Tab goes back from ${previous.description} to ${stop.description}, against the reading order`);
    if (!stop.visibleFocus) problems.push(`${stop.description} shows no focus indicator`);
    if (!stop.onScreen) problems.push(`${stop.description} is focused but not on screen`);
  }
  if (stops[0]?.index !== 0 || !/Skip to main content/.test(stops[0].description)) problems.push(`the first Tab stop is ${stops[0]?.description ?? 'nothing'}, not the skip link`);

  problems.push(...(await skipLinkProblems(tab)));

  const required = await tab.evaluate((type) => {
    const describe = (el: Element) => `<${el.localName}${el.id ? ` id="${el.id}"` : ''}${el.getAttribute('aria-label') ? ` aria-label="${el.getAttribute('aria-label')}"` : ''}>`;
    const { elements } = (window as unknown as { keyboardWalk: { elements: Element[] } }).keyboardWalk;
    const needs: { what: string; index: number }[] = [...document.querySelectorAll('.app-diagram__canvas, .app-scroll-region')].map((region) => ({ what: `the scroll region ${describe(region)}`, index: elements.indexOf(region) }));
    if (type === 'register') {
      const controls = [...document.querySelectorAll('#register-filter select, #register-filter button')];
      if (controls.length === 0) needs.push({ what: 'the register\'s filter controls (none shown)', index: -1 });
      needs.push(...controls.map((control) => ({ what: `the filter ${describe(control)}`, index: elements.indexOf(control) })));
    }
    for (const box of document.querySelectorAll('input[type="search"]')) needs.push({ what: `the search box ${describe(box)}`, index: elements.indexOf(box) });
    return needs;
  }, page.type);
  for (const need of required) if (need.index === -1 || !reached.has(need.index)) problems.push(`the keyboard cannot reach ${need.what}`);
  return problems;
};

/** The skip link, used: Enter moves focus to the main content, and the next Tab goes on from there. */
async function skipLinkProblems(tab: Page): Promise<Problems> {
  await tab.reload({ waitUntil: 'load' });
  await tab.evaluate(listFocusable);
  await tab.keyboard.press('Tab');
  const skip = await tab.evaluate(() => {
    const active = document.activeElement as HTMLAnchorElement | null;
    return active?.matches('a.govuk-skip-link') ? active.hash : null;
  });
  if (skip === null) return ['the skip link is not the first thing Tab reaches'];
  await tab.keyboard.press('Enter');
  const landed = await tab.evaluate((hash) => {
    const target = document.querySelector(hash);
    return { focused: document.activeElement === target, target: target?.localName ?? null };
  }, skip);
  if (landed.target !== 'main') return [`the skip link points to ${skip}, which is ${landed.target ? `a <${landed.target}>` : 'missing'}, not the main content`];
  if (!landed.focused) return ['the skip link does not move focus to the main content'];
  await tab.keyboard.press('Tab');
  const next = await tab.evaluate(() => {
    const main = document.querySelector('main')!;
    const active = document.activeElement;
    return !active || active === document.body || Boolean(main.compareDocumentPosition(active) & (Node.DOCUMENT_POSITION_CONTAINED_BY | Node.DOCUMENT_POSITION_FOLLOWING));
  });
  return next ? [] : ['after the skip link, Tab goes back before the main content'];
}

/** Every piece of text a reader sees on the page, and whether it belongs to a control that needs JavaScript. */
function visibleTexts(): { text: string; control: boolean }[] {
  const texts: { text: string; control: boolean }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.replace(/\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('script, style, template, noscript')) continue;
    if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    texts.push({ text, control: Boolean(parent.closest('form, button, select, label, [role="status"], [aria-live]')) });
  }
  return texts;
}

/**
 * Without JavaScript every page shows all its content: each piece of text
 * shown with JavaScript is shown without it too (only controls that need
 * JavaScript, like the register's filter form, may be missing), and the
 * register lists every decision.
 *
 * @param withScripts a page in a context with JavaScript, to compare with
 * @param decisions how many decision pages the site has, which the register must list
 */
export function noJavaScriptCheck(withScripts: Page, origin: string, decisions: number): PageCheck {
  return async (tab, page) => {
    const problems: Problems = [];
    const without = new Set((await tab.evaluate(visibleTexts)).map((entry) => entry.text));
    await withScripts.goto(origin + page.path, { waitUntil: 'load' });
    const lost = [...new Set((await withScripts.evaluate(visibleTexts)).filter((entry) => !entry.control && !without.has(entry.text)).map((entry) => entry.text))];
    if (lost.length > 0) problems.push(`without JavaScript the page does not show ${lost.slice(0, 5).map((text) => `"${text.slice(0, 60)}"`).join(', ')}${lost.length > 5 ? ` and ${lost.length - 5} more` : ''}`);
    if (page.type === 'register' || page.type === 'register filter') {
      const rows = await tab.evaluate(() => {
        const all = [...document.querySelectorAll('main table tbody tr')];
        return { all: all.length, shown: all.filter((row) => row.checkVisibility()).length };
      });
      if (rows.shown !== rows.all) problems.push(`without JavaScript the register shows ${rows.shown} of its ${rows.all} rows`);
      if (page.type === 'register' && rows.all !== decisions) problems.push(`without JavaScript the register lists ${rows.all} decisions; the site has ${decisions} decision pages`);
      if (page.type === 'register filter' && rows.all === 0) problems.push('without JavaScript this filter page lists no decisions');
    }
    return problems;
  };
}

/**
 * Reflow (WCAG 1.4.10): at the context's width nothing sticks out of the
 * viewport and the page never scrolls sideways, except inside a scroll region
 * (a diagram or a wide table) that the keyboard can reach and scroll; no text
 * is clipped out of sight or spills out of its box.
 */
export const reflowCheck: PageCheck = async (tab) => [...(await layoutProblems(tab)), ...(await scrollRegionProblems(tab))];

/** What sticks out, scrolls sideways or is cut off at the context's width. */
function layoutProblems(tab: Page): Promise<Problems> {
  return tab.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    const describe = (el: Element) => {
      const classes = [...el.classList].slice(0, 2).map((c) => `.${c}`).join('');
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `<${el.localName}${el.id ? `#${el.id}` : ''}${classes}>${text ? ` "${text}"` : ''}`;
    };
    if (root.scrollWidth > width) problems.push(`the page scrolls sideways: ${root.scrollWidth}px wide in a ${width}px window`);
    const clippingAncestor = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return up;
      return null;
    };
    const outside: string[] = [];
    const clipped: string[] = [];
    // Text too wide for its box (a long word in a heading) spills out of the window, where no element's box shows it.
    const spilling: Element[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('svg') && el.localName !== 'svg') continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      // Visually hidden text is a 1px box kept for screen readers.
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(el);
      const scrolls = el.scrollWidth > el.clientWidth + 1;
      if (scrolls && (style.overflowX === 'auto' || style.overflowX === 'scroll')) {
        const region = el.matches('.app-scroll-region[tabindex="0"][role="region"][aria-label]');
        if (!region) problems.push(`${describe(el)} scrolls sideways but is not a named scroll region the keyboard can reach`);
      } else if (scrolls && (style.overflowX === 'hidden' || style.overflowX === 'clip') && el.textContent?.trim()) {
        clipped.push(describe(el));
      } else if (scrolls && style.overflowX === 'visible' && el.clientWidth > 0 && box.left + el.scrollWidth > width + 1 && !clippingAncestor(el)) {
        spilling.push(el);
      }
      if ((box.left < -1 || box.right > width + 1) && !clippingAncestor(el)) outside.push(`${describe(el)} (${Math.round(box.left)}px to ${Math.round(box.right)}px)`);
    }
    if (outside.length > 0) problems.push(`outside the ${width}px window: ${outside.slice(0, 5).join(', ')}${outside.length > 5 ? ` and ${outside.length - 5} more` : ''}`);
    // Only the innermost: its ancestors spill because it does.
    const spills = spilling.filter((el) => !spilling.some((other) => other !== el && el.contains(other))).map(describe);
    if (spills.length > 0) problems.push(`content wider than its box: ${spills.slice(0, 5).join(', ')}${spills.length > 5 ? ` and ${spills.length - 5} more` : ''}`);
    if (clipped.length > 0) problems.push(`text cut off: ${clipped.slice(0, 5).join(', ')}${clipped.length > 5 ? ` and ${clipped.length - 5} more` : ''}`);
    return problems;
  });
}

/** Each scroll region that is wider than the window scrolls with the arrow keys once focused. */
async function scrollRegionProblems(tab: Page): Promise<Problems> {
  const problems: Problems = [];
  for (const region of await tab.$$('.app-scroll-region')) {
    if (!(await region.evaluate((el) => el.scrollWidth > el.clientWidth + 1))) continue;
    await region.focus();
    await tab.keyboard.press('ArrowRight');
    const moved = await region.evaluate((el) => el.scrollLeft > 0);
    await region.evaluate((el) => el.blur());
    if (!moved) problems.push(`the arrow keys do not scroll ${await region.evaluate((el) => `<${el.localName}> "${el.getAttribute('aria-label')}"`)}`);
  }
  return problems;
}
