/*
 * Runs inside the headless browser that draws structure diagrams at build time
 * (render.ts injects it before Mermaid). Plain JavaScript, read as text: it is
 * never bundled or served. It draws diagrams one after another and cleans each
 * SVG so it is safe to inline and accessible:
 *   - entity codes that mermaid.ts wrote for awkward characters become those characters;
 *   - nothing that could run or load anything survives;
 *   - coordinates are rounded, so the markup is smaller;
 *   - the SVG is an image named by its <title> and described by its <desc>.
 */
'use strict';

/**
 * The copy of its configuration that Mermaid's own `getConfig` makes
 * (`assignWithDepth({}, config)`: objects copied three levels deep, arrays
 * copied without repeats, null settings left out below the top level), made
 * without the generic merge. Mermaid asks for a copy a few hundred times a
 * diagram, for every node, edge and label, and its merge of some 900 settings
 * took a third of the drawing time. render.ts makes Mermaid's `getConfig` call
 * this, so it is defined before Mermaid loads.
 */
window.copyMermaidConfig = function copyMermaidConfig(value, depth = 2) {
  if (Array.isArray(value)) {
    const copy = [];
    for (const item of value) if (!copy.includes(item)) copy.push(item);
    return copy;
  }
  if (depth === 0) return Object.assign({}, value);
  const copy = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === null) continue;
    copy[key] = typeof item === 'object' ? copyMermaidConfig(item, depth - 1) : item;
  }
  return copy;
};

/** Mermaid lays some diagrams out with Math.random: a fixed sequence per diagram makes every drawing repeatable. */
function seedRandom() {
  let state = 2463534242;
  Math.random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/**
 * With SVG text labels, Mermaid writes entity codes into the text as written
 * (`&#34;`) instead of the character. Every `&` in a label comes from such a
 * code (mermaid.ts escapes the rest), so each code is replaced by its character.
 * A long word may be wrapped across lines in the middle of a code, so the text
 * of the whole label is decoded at once and each character put back in the
 * line where its code began.
 */
function decodeEntityCodes(textElement) {
  const walker = textElement.ownerDocument.createTreeWalker(textElement, NodeFilter.SHOW_TEXT);
  const nodes = [];
  const owners = [];
  let combined = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) owners.push(nodes.length);
    combined += node.data;
    nodes.push(node);
  }
  if (!combined.includes('&#')) return;
  const decoded = nodes.map(() => '');
  const code = /&#(\d+);/g;
  let from = 0;
  for (let match = code.exec(combined); match; match = code.exec(combined)) {
    for (let i = from; i < match.index; i++) decoded[owners[i]] += combined[i];
    decoded[owners[match.index]] += String.fromCodePoint(Number(match[1]));
    from = match.index + match[0].length;
  }
  for (let i = from; i < combined.length; i++) decoded[owners[i]] += combined[i];
  nodes.forEach((node, i) => {
    node.data = decoded[i];
  });
}

/** Removes anything that could run script or fetch something, whatever Mermaid produced. */
function removeActiveContent(svg) {
  for (const element of [...svg.querySelectorAll('script, foreignObject, iframe, object, embed, image')]) element.remove();
  // A link (Mermaid's `click`) goes, but what it wrapped stays.
  for (const element of [...svg.querySelectorAll('a')]) element.replaceWith(...element.childNodes);
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    for (const { name, value } of [...element.attributes]) {
      const lower = name.toLowerCase();
      const isLink = lower === 'href' || lower === 'xlink:href';
      // data-points repeats each edge's path as base64: it only makes the page heavier.
      if (lower.startsWith('on') || lower === 'data-points' || (isLink && !value.startsWith('#'))) element.removeAttribute(name);
    }
  }
}

/** Attributes holding coordinates, which Mermaid writes with up to 16 decimal places. */
const GEOMETRY = ['d', 'transform', 'points', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'viewBox'];

/** Rounds coordinates to hundredths of a pixel: no visible change, and the SVG is a third smaller. */
function roundCoordinates(svg) {
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    for (const name of GEOMETRY) {
      const value = element.getAttribute(name);
      if (value) element.setAttribute(name, value.replace(/-?\d*\.\d{3,}/g, (number) => String(Math.round(Number(number) * 100) / 100)));
    }
  }
}

/** Makes the SVG one image, named by its title and described by its description. */
function makeAccessible(svg, id) {
  const title = svg.querySelector(':scope > title');
  const desc = svg.querySelector(':scope > desc');
  if (!title || !title.textContent || !desc || !desc.textContent) throw new Error(`diagram ${id} has no accessible title or description`);
  title.id = `${id}-title`;
  desc.id = `${id}-desc`;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', title.id);
  svg.setAttribute('aria-describedby', desc.id);
  svg.removeAttribute('aria-roledescription');
}

/** Configures Mermaid once per browser session. */
window.initialiseDiagrams = (config) => {
  window.mermaid.initialize(config);
};

/** Draws one diagram and returns its cleaned SVG markup. `id` prefixes every id in it. */
async function renderDiagram(id, source) {
  seedRandom();
  const { svg: markup } = await window.mermaid.render(id, source);
  const document = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const error = document.querySelector('parsererror');
  if (error) throw new Error(`Mermaid produced SVG that does not parse: ${error.textContent}`);
  const svg = document.documentElement;
  for (const text of svg.querySelectorAll('text')) decodeEntityCodes(text);
  removeActiveContent(svg);
  roundCoordinates(svg);
  makeAccessible(svg, id);
  return new XMLSerializer().serializeToString(svg);
}

/**
 * Draws several diagrams in one call from Node, which saves a round trip each.
 * One that fails does not stop the others: each result is `{ svg }` or `{ error }`.
 * Each diagram finished is reported to render.ts at once (not awaited: the
 * report needs no answer), so if the page then spends too long on the next
 * one, render.ts knows which diagram it was.
 */
window.renderDiagrams = async (diagrams) => {
  const results = [];
  for (const { id, source } of diagrams) {
    try {
      results.push({ svg: await renderDiagram(id, source) });
    } catch (error) {
      results.push({ error: error instanceof Error ? error.message : String(error) });
    }
    window.reportDiagramDrawn?.(id);
  }
  return results;
};
