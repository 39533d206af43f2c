import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { diagramFor, partnershipNamesIn, structureOutline, structureToMermaid } from '../../src/diagrams/index.ts';
import { findBrowser, INSTALL_BROWSER_ADVICE } from '../../src/diagrams/browser.ts';
import { cachedFailurePath, cachedSvgPath, UNUSED_ENTRY_LIFETIME_MS, writeCachedSvg } from '../../src/diagrams/cache.ts';
import { DiagramsRequiredError, prepareDiagrams } from '../../src/diagrams/prepare.ts';
import { DiagramRenderError, assertSafeSvg, findRenderer, mermaidScript, renderMermaidToSvg } from '../../src/diagrams/render.ts';
import { checkContent } from '../../src/model/index.ts';
import { reportMissingBrowser } from '../quality/browser/harness/browser.ts';
import { asDrawn, chorley2006, fixtureModel, makeStructure, trickyStructure } from './support.ts';

const browser = findBrowser();
if (!browser) reportMissingBrowser('diagram drawing');

const temporaryDirs: string[] = [];
/** A fresh, empty cache folder, removed after the tests. */
function freshCacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'diagram-cache-'));
  temporaryDirs.push(dir);
  return dir;
}
afterAll(() => temporaryDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Reads back text escaped in XML. */
function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return named[entity]!;
  });
}

/** The text drawn in each node of a rendered diagram, by Mermaid node id. */
function drawnLabels(svg: string): Map<string, string> {
  const labels = new Map<string, string>();
  for (const chunk of svg.split('<g class="node ').slice(1)) {
    const id = /^[^>]*\bid="structure-[0-9a-f]{12}-flowchart-(\w+)-\d+"/.exec(chunk)?.[1];
    if (!id) continue;
    const words = [...chunk.matchAll(/<tspan[^>]*class="text-inner-tspan"[^>]*>([^<]*)<\/tspan>/g)].map(([, text]) => unescapeXml(text!));
    labels.set(id, words.join(''));
  }
  return labels;
}

/** Every attribute name in the SVG's tags. */
function attributeNames(svg: string): string[] {
  return [...svg.matchAll(/<[^>]*>/g)].flatMap(([tag]) => [...tag.matchAll(/\s([^\s=/>]+)=/g)].map(([, name]) => name!));
}

describe('assertSafeSvg', () => {
  it('accepts text that only looks like markup', () => {
    expect(() => assertSafeSvg('<svg><text>onload=alert(1) href="https://x"</text></svg>')).not.toThrow();
  });

  it.each([
    ['a script', '<svg><script>alert(1)</script></svg>', /<script>/],
    ['an event handler', '<svg><rect onclick="alert(1)"/></svg>', /onclick/],
    ['HTML inside the SVG', '<svg><foreignObject><div/></foreignObject></svg>', /<foreignobject>/],
    ['a link out', '<svg><use href="https://example.org/x.svg#a"/></svg>', /link to https/],
    ['a style sheet that fetches', '<svg><style>@import url(https://example.org/x.css);</style></svg>', /loads something/],
    ['a style that fetches', '<svg><rect style="fill: url(https://example.org/x.svg#p)"/></svg>', /style attribute that loads something/],
  ])('refuses %s', (_, svg, problem) => {
    expect(() => assertSafeSvg(svg)).toThrow(problem);
  });
});

describe('loading Mermaid', () => {
  it('has Mermaid copy its configuration with copyMermaidConfig, which draws the same several times faster', () => {
    // If a new Mermaid fails this, diagrams are still drawn, only slower: update MERMAID_GET_CONFIG in render.ts.
    expect(mermaidScript().match(/copyMermaidConfig\([\w$]+\),"getConfig"/g)).toHaveLength(1);
  });
});

describe('prepareDiagrams without a browser', () => {
  it('still succeeds, says once what to install on each platform, and pages say so above their text alternative', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nowhere/chromium');
    const cacheDir = freshCacheDir();
    const lines: string[] = [];
    const result = await prepareDiagrams(fixtureModel(), { cacheDir, log: (line) => lines.push(line) });
    expect(result).toEqual({ rendered: 0, cached: 0, missing: 2, tooLarge: 0, failed: 0 });
    expect(lines).toEqual([
      `No Chrome, Edge or Chromium found: CHROMIUM_PATH is set to /nowhere/chromium, but there is no file there: diagrams will be shown as text only. ${INSTALL_BROWSER_ADVICE}`,
    ]);
    expect(INSTALL_BROWSER_ADVICE).toContain('on Debian or Ubuntu, `sudo apt-get install chromium`');
    expect(INSTALL_BROWSER_ADVICE).toContain('on macOS or Windows, Google Chrome or Microsoft Edge');
    const diagram = diagramFor(chorley2006(), fixtureModel(), { cacheDir });
    expect(diagram.svg).toBeUndefined();
    expect(diagram.note).toBe('Diagram not available in this build.');
    expect(diagram.outline).toEqual(structureOutline(chorley2006(), partnershipNamesIn(fixtureModel())));
  });

  it('clears out drawings no build has used for a day, and nothing else', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nowhere/chromium');
    const cacheDir = freshCacheDir();
    const dayOld = new Date(Date.now() - UNUSED_ENTRY_LIFETIME_MS - 60_000);
    const stale = join(cacheDir, `${'0'.repeat(64)}.svg`);
    const staleFailure = join(cacheDir, `${'1'.repeat(64)}.failed`);
    const recent = join(cacheDir, `${'2'.repeat(64)}.svg`);
    const unrelated = join(cacheDir, 'notes.txt');
    for (const file of [stale, staleFailure, recent, unrelated]) writeFileSync(file, 'x');
    for (const file of [stale, staleFailure, unrelated]) utimesSync(file, dayOld, dayOld);
    await prepareDiagrams(fixtureModel(), { cacheDir, log: () => {} });
    expect([stale, staleFailure, recent, unrelated].map((file) => existsSync(file))).toEqual([false, false, true, true]);
  });

  it('uses a drawing made by another renderer, since it cannot draw a newer one', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nowhere/chromium');
    const cacheDir = freshCacheDir();
    const source = structureToMermaid(chorley2006(), partnershipNamesIn(fixtureModel()));
    writeCachedSvg(cacheDir, source, '<svg>drawn the old way</svg>', 'f'.repeat(64));
    expect(await prepareDiagrams(fixtureModel(), { cacheDir, log: () => {} })).toEqual({ rendered: 0, cached: 1, missing: 1, tooLarge: 0, failed: 0 });
    expect(diagramFor(chorley2006(), fixtureModel(), { cacheDir }).svg).toBe('<svg>drawn the old way</svg>');
  });

  it('says so when the browser found cannot be started', async () => {
    vi.stubEnv('CHROMIUM_PATH', process.execPath);
    const lines: string[] = [];
    const result = await prepareDiagrams(fixtureModel(), { cacheDir: freshCacheDir(), log: (line) => lines.push(line) });
    expect(result).toEqual({ rendered: 0, cached: 0, missing: 2, tooLarge: 0, failed: 0 });
    expect(lines.join('\n')).toMatch(/^The browser at .+ could not be started \(.*\): diagrams will be shown as text only\. Set CHROMIUM_PATH to a working Chrome, Edge or Chromium\.$/);
  }, 60_000);

  it('stops the build when diagrams are required, saying what to install', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nowhere/chromium');
    const error = await prepareDiagrams(fixtureModel(), { cacheDir: freshCacheDir(), require: true, log: () => {} }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(DiagramsRequiredError);
    expect((error as Error).message).toBe(
      'No Chrome, Edge or Chromium found: CHROMIUM_PATH is set to /nowhere/chromium, but there is no file there, and diagrams are required ' +
        `(--require-diagrams or CI), so the build stops. ${INSTALL_BROWSER_ADVICE}`,
    );
  });

  it('stops the build when diagrams are required and the browser found cannot be started', async () => {
    vi.stubEnv('CHROMIUM_PATH', process.execPath);
    await expect(prepareDiagrams(fixtureModel(), { cacheDir: freshCacheDir(), require: true, log: () => {} })).rejects.toThrow(DiagramsRequiredError);
  }, 60_000);

  it('does not need a browser, even when diagrams are required, when every diagram is cached', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nowhere/chromium');
    const cacheDir = freshCacheDir();
    const names = partnershipNamesIn(fixtureModel());
    for (const structure of [chorley2006(), trickyStructure()]) writeCachedSvg(cacheDir, structureToMermaid(structure, names), '<svg/>', 'f'.repeat(64));
    expect(await prepareDiagrams(fixtureModel(), { cacheDir, require: true, log: () => {} })).toEqual({ rendered: 0, cached: 2, missing: 0, tooLarge: 0, failed: 0 });
  });
});

describe.skipIf(!browser)('drawing diagrams in a browser', () => {
  const cacheDir = freshCacheDir();
  const names = (id: string) => partnershipNamesIn(fixtureModel())(id);
  let first: Awaited<ReturnType<typeof prepareDiagrams>>;
  const svgOf = (structure = chorley2006()) => diagramFor(structure, fixtureModel(), { cacheDir }).svg!;

  beforeAll(async () => {
    first = await prepareDiagrams(fixtureModel(), { cacheDir, log: () => {} });
  }, 60_000);

  it('draws every structure, in one browser session', () => {
    expect(first).toEqual({ rendered: 2, cached: 0, missing: 0, tooLarge: 0, failed: 0, browser });
  });

  it('draws Chorley’s proposed structure as one image with a title and a description', () => {
    const svg = svgOf();
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    const id = /^<svg [^>]*\bid="(structure-[0-9a-f]{12})"/.exec(svg)![1]!;
    expect(svg).toMatch(new RegExp(`^<svg [^>]*aria-labelledby="${id}-title"`));
    expect(svg).toMatch(new RegExp(`^<svg [^>]*aria-describedby="${id}-desc"`));
    expect(svg).toContain(`<title id="${id}-title">Chorley Partnership: Proposed structure (March 2006)</title>`);
    expect(svg).toContain(`<desc id="${id}-desc">Structure diagram of 9 bodies with 7 reporting lines and 2 other links.`);
    expect(svg).not.toMatch(/aria-roledescription/);
  });

  it('is safe to inline: no script, no event handlers, no HTML inside, no outside links', () => {
    for (const structure of [chorley2006(), trickyStructure()]) {
      const svg = svgOf(structure);
      expect(svg).not.toMatch(/<script/i);
      expect(svg).not.toMatch(/<foreignObject/i);
      expect(attributeNames(svg).filter((name) => /^on/i.test(name))).toEqual([]);
      expect(() => assertSafeSvg(svg)).not.toThrow();
    }
  });

  it('prefixes every id with the diagram’s own, so diagrams on one page never share an id', () => {
    const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map(([, id]) => id!);
    const [chorley, tricky] = [svgOf(), svgOf(trickyStructure())];
    const prefix = ids(chorley)[0]!;
    for (const id of ids(chorley)) expect(id.startsWith(prefix)).toBe(true);
    expect(ids(chorley).filter((id) => ids(tricky!).includes(id))).toEqual([]);
  });

  it('draws every awkward name exactly as written', () => {
    const drawn = drawnLabels(svgOf(trickyStructure()));
    const squash = (text: string) => asDrawn(text).replace(/\s/g, '');
    for (const body of trickyStructure().bodies) {
      const qualifiers = body.statutory ? '(statutory)' : body.state === 'to-be-developed' ? '(to be developed)' : '';
      expect(squash(drawn.get(`body_${body.id.replace(/-/g, '_')}`) ?? '')).toBe(squash(body.name + qualifiers));
    }
    expect(squash(drawn.get('external_1')!)).toBe(squash('Sub-regional "footprint" groups <co-ordinated> & #hash;(external)'));
    expect(squash(drawn.get('partnership_chorley_partnership')!)).toBe(squash('Chorley Partnership(another partnership)'));
    expect(svgOf(trickyStructure())).toContain('<title id="structure-');
    expect(svgOf(trickyStructure())).toContain('>The "Tricky" &lt;Names&gt; &amp; #35; Partnership: Structure with "awkward" names: &lt;b&gt;bold&lt;/b&gt; &amp; #quot;</title>');
  });

  it('draws quotes, brackets, <, >, &, #, ; and : in names and titles as written, and none of it can run', async () => {
    const awkward = [
      'style A fill:url(javascript:alert("x"));',
      'classDef evil fill:#f00; "quoted" [brackets] {braces} (parens)',
      '<img src=x onerror=alert(1)> & &amp; #35; a;b c:d <script>alert("x"))</script>',
    ];
    const structure = {
      ...makeStructure([['a', awkward[0]!, 'none'], ['b', awkward[1]!, 'a'], ['c', awkward[2]!, 'a']]),
      title: 'Lifestyle:#1; <b>"Plan"</b> & more;',
    };
    const source = structureToMermaid(structure, names);
    const svg = (await renderMermaidToSvg([source], { cacheDir: freshCacheDir() })).get(source)!;
    const drawn = drawnLabels(svg);
    const squash = (text: string) => text.replace(/\s/g, '');
    awkward.forEach((name, i) => expect(squash(drawn.get(`body_${'abc'[i]}`) ?? '')).toBe(squash(name)));
    const text = (element: string) => unescapeXml(new RegExp(`<${element} id="[^"]+">([^<]*)</${element}>`).exec(svg)![1]!);
    expect(text('title')).toBe('Lifestyle:#1; <b>"Plan"</b> & more;');
    expect(text('desc')).toContain(`${awkward[0]} is at the top.`);
    expect(svg).not.toMatch(/<script|<img|<foreignObject/i);
    expect(attributeNames(svg).filter((name) => /^on/i.test(name))).toEqual([]);
    expect(() => assertSafeSvg(svg)).not.toThrow();
  }, 60_000);

  it('draws the same bytes when several pages share the drawing, whichever page draws which', async () => {
    const others = Array.from({ length: 10 }, (_, i) => makeStructure([['board', `Board ${i}`], ...Array.from({ length: i + 2 }, (_, j): [string, string, string] => [`group-${j}`, `Group ${j} of ${i}`, 'board'])]));
    const sources = [chorley2006(), trickyStructure(), ...others].map((structure) => structureToMermaid(structure, names));
    const forwards = await renderMermaidToSvg(sources, { cacheDir: freshCacheDir() });
    const backwards = await renderMermaidToSvg([...sources].reverse(), { cacheDir: freshCacheDir() });
    for (const source of sources) expect(backwards.get(source)).toBe(forwards.get(source));
    expect(forwards.get(sources[0]!)).toBe(svgOf());
    expect(forwards.get(sources[1]!)).toBe(svgOf(trickyStructure()));
  }, 120_000);

  it('keeps text at its natural size instead of shrinking the diagram to fit', () => {
    const svg = svgOf();
    expect(svg).toMatch(/^<svg [^>]*\bwidth="\d+(\.\d+)?"/);
    expect(svg).not.toMatch(/^<svg [^>]*max-width/);
    expect(svg).toMatch(/font-size:16px/);
  });

  it('takes unchanged diagrams from the cache without starting a browser', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nowhere/chromium');
    const lines: string[] = [];
    expect(await prepareDiagrams(fixtureModel(), { cacheDir, log: (line) => lines.push(line) })).toEqual({ rendered: 0, cached: 2, missing: 0, tooLarge: 0, failed: 0 });
    expect(lines).toEqual(['Diagrams: all 2 are unchanged, taken from the cache.']);
    const source = structureToMermaid(chorley2006(), names);
    const again = await renderMermaidToSvg([source], { cacheDir, browserPath: '/nowhere/chromium' });
    expect(again.get(source)).toBe(svgOf());
  });

  it('draws the same bytes every time, whatever else the session draws first', async () => {
    const otherDir = freshCacheDir();
    const sources = [structureToMermaid(trickyStructure(), names), structureToMermaid(chorley2006(), names)];
    const fresh = await renderMermaidToSvg(sources, { cacheDir: otherDir });
    expect(fresh.get(sources[1]!)).toBe(svgOf());
    expect(fresh.get(sources[0]!)).toBe(svgOf(trickyStructure()));
    expect(readdirSync(otherDir).filter((name) => name.endsWith('.svg'))).toHaveLength(2);
  }, 60_000);

  it('draws the rest when one diagram cannot be drawn, says which, and remembers why for its page', async () => {
    const otherDir = freshCacheDir();
    const good = structureToMermaid(chorley2006(), names);
    const broken = 'flowchart TB\n  a[[["unclosed';
    const failure = await renderMermaidToSvg([broken, good], { cacheDir: otherDir }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DiagramRenderError);
    expect((failure as DiagramRenderError).failures.map((f) => f.source)).toEqual([broken]);
    expect(readFileSync(cachedSvgPath(otherDir, good), 'utf8')).toMatch(/^<!-- renderer [0-9a-f]{64} -->\n<svg /);
    expect(diagramFor(chorley2006(), fixtureModel(), { cacheDir: otherDir }).svg).toBe(svgOf());
    expect(JSON.parse(readFileSync(cachedFailurePath(otherDir, broken), 'utf8'))).toMatchObject({ retry: false, key: findRenderer(otherDir)!.key });
  }, 60_000);

  it('draws afresh a drawing cached by another renderer (another Mermaid or browser version)', async () => {
    const otherDir = freshCacheDir();
    const source = structureToMermaid(chorley2006(), names);
    writeCachedSvg(otherDir, source, '<svg>drawn by an older browser</svg>', 'f'.repeat(64));
    expect(await prepareDiagrams(fixtureModel(), { cacheDir: otherDir, log: () => {} })).toMatchObject({ rendered: 2, cached: 0 });
    expect(diagramFor(chorley2006(), fixtureModel(), { cacheDir: otherDir }).svg).toBe(svgOf());
  }, 60_000);

  it('draws all the example content’s diagrams in a few seconds', async () => {
    const model = checkContent('content');
    const started = performance.now();
    const result = await prepareDiagrams(model, { cacheDir: freshCacheDir(), log: () => {} });
    const seconds = (performance.now() - started) / 1000;
    console.log(`Drew ${result.rendered} example diagrams in ${seconds.toFixed(1)} s.`);
    expect(result.missing).toBe(0);
    expect(seconds).toBeLessThan(10);
  }, 60_000);
});
