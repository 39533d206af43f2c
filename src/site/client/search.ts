/**
 * Search in the browser with Pagefind's index (written beside the site at
 * build time). Reads `?q=` so the search boxes on other pages work, shows
 * results with GOV.UK styles, and keeps the address in step with the words.
 * Excerpts are rebuilt from text nodes, so nothing from the index is inserted as HTML.
 */
import { BASE_PATH } from '../urls.ts';

/** The part of Pagefind's browser API this page uses. */
interface Pagefind {
  search(term: string): Promise<{ results: { data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }> }[] }>;
  mergeIndex(bundlePath: string): Promise<void>;
}

const MAX_RESULTS = 20;
const form = document.querySelector<HTMLFormElement>('form[role="search"]');
const input = document.querySelector<HTMLInputElement>('#search-input');
const results = document.querySelector<HTMLElement>('#search-results');
const statusLine = document.querySelector<HTMLElement>('#search-status');
const fallback = document.querySelector<HTMLElement>('#search-fallback');
let pagefind: Promise<Pagefind> | undefined;

/**
 * Loads the index's script on first use; the address is not bundled, it is built with the site.
 * A large site's index is written in shards (src/site/search-index.ts): /pagefind/shards.json
 * lists the ones beyond the first, and each is merged in so one search covers every page.
 * Both are under the path the site is served at; Pagefind takes its results' addresses
 * from where its script was loaded, so they are under that path too.
 */
async function openPagefind(): Promise<Pagefind> {
  const url = `${BASE_PATH}pagefind/pagefind.js`;
  const [index, shards] = await Promise.all([
    import(/* @vite-ignore */ url) as Promise<Pagefind>,
    fetch(`${BASE_PATH}pagefind/shards.json`).then((response) => {
      if (!response.ok) throw new Error(`${BASE_PATH}pagefind/shards.json: ${response.status}`);
      return response.json() as Promise<string[]>;
    }),
  ]);
  for (const shard of shards) await index.mergeIndex(shard);
  return index;
}

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= openPagefind();
  return pagefind;
}

/** An excerpt with Pagefind's <mark> highlights, as elements built from text. */
function excerpt(html: string): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  paragraph.className = 'govuk-body';
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const node of parsed.body.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else paragraph.append(node.textContent ?? '');
  }
  return paragraph;
}

async function search(term: string): Promise<void> {
  if (!results || !statusLine) return;
  results.replaceChildren();
  if (!term) {
    statusLine.textContent = '';
    if (fallback) fallback.hidden = false;
    return;
  }
  statusLine.textContent = 'Searching…';
  try {
    const found = await (await loadPagefind()).search(term);
    const pages = await Promise.all(found.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    const heading = document.createElement('h2');
    heading.className = 'govuk-heading-m';
    heading.textContent = `${found.results.length === 1 ? '1 result' : `${found.results.length} results`} for “${term}”`;
    const list = document.createElement('ol');
    list.className = 'app-search-results';
    for (const page of pages) {
      const item = document.createElement('li');
      item.className = 'app-search-results__item';
      const title = document.createElement('h3');
      title.className = 'govuk-heading-s govuk-!-margin-bottom-1';
      const link = document.createElement('a');
      link.className = 'govuk-link';
      link.href = page.url;
      link.textContent = page.meta.title ?? page.url;
      title.append(link);
      item.append(title, excerpt(page.excerpt));
      list.append(item);
    }
    results.append(heading, list);
    statusLine.textContent = found.results.length > MAX_RESULTS ? `Showing the first ${MAX_RESULTS} results. Add words to narrow the search.` : '';
    if (fallback) fallback.hidden = found.results.length > 0;
  } catch {
    statusLine.textContent = 'Search is not available at the moment. You can browse the decision register or the A to Z below.';
    if (fallback) fallback.hidden = false;
  }
}

if (form && input) {
  const term = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  input.value = term;
  void search(term);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const words = input.value.trim();
    history.replaceState(null, '', words ? `?q=${encodeURIComponent(words)}` : location.pathname);
    void search(words);
  });
}
