/**
 * The preview for officers (`npm run dev`): when a content file changes, the
 * checker runs again, its problems are printed in the terminal (the saved
 * file's first), the structure diagrams it needs are drawn, and the open page
 * reloads itself, showing the problems at the top (see DevProblems.astro).
 * A page whose file cannot be read shows that file's problems, not "Page not
 * found". Astro's, Vite's and Shiki's notices for developers are kept out of
 * the terminal (`npm run dev -- --verbose` shows them), and Astro's update
 * notice is off: an officer is not the one to run `npx @astrojs/upgrade`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { relative, sep } from 'node:path';
import type { AstroIntegration, AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeLogDestination from 'astro/logger/node';
import { formatDiagnostic, formatReport } from '../content/report.ts';
import { findBrowser, INSTALL_BROWSER_ADVICE, noBrowserReason } from '../diagrams/browser.ts';
import { diagramFor } from '../diagrams/index.ts';
import { prepareDiagrams } from '../diagrams/prepare.ts';
import { checkContent, contentDirectory, shareCheckedModel, type Model } from '../model/index.ts';
import { savedFileFirst, setPreviewState, type PreviewState } from '../site/pages/layout.ts';
import { chapterUrl, decisionUrl, partnershipUrl, strategyUrl, structureUrl } from '../site/urls.ts';

/** The integration's name: also the label its lines carry in the terminal. */
const NAME = 'partnership-register:content-preview';

/** Whether this process is `astro dev` (the preview), from its command line: known before any integration runs. */
function isPreviewCommand(argv: readonly string[] = process.argv): boolean {
  return argv.slice(2).find((arg) => !arg.startsWith('-')) === 'dev';
}

/**
 * Whether a line from Astro's logger is for the officer in the preview: the
 * register's own lines, the address the preview is at, and errors. Astro's
 * and Vite's notices for developers (a Shiki and CSP warning, the
 * getStaticPaths note, each request, "connected", types generated, a new
 * version) are not.
 *
 * @example
 * isForOfficer({ label: 'config', level: 'warn', message: 'Shiki syntax highlighting uses inline styles…', newLine: true }) // false
 */
export function isForOfficer(event: Pick<AstroLoggerMessage, 'label' | 'level'>): boolean {
  return event.level === 'error' || event.label === NAME || (event.label === 'SKIP_FORMAT' && event.level === 'info');
}

/**
 * Astro's log destination for this project (`logger` in astro.config.mjs):
 * Astro's own terminal output, less the developers' notices in the preview,
 * unless `--verbose` asks for everything. Builds print as they always did.
 */
export default function previewLogDestination(options?: Parameters<typeof nodeLogDestination>[0]): AstroLoggerDestination {
  const terminal = nodeLogDestination(options);
  const everything = !isPreviewCommand() || process.argv.includes('--verbose');
  return {
    ...terminal,
    write: (event) => {
      if (everything || isForOfficer(event)) terminal.write(event);
    },
  };
}

/** A content file's path as the checker prints it: relative to the content folder, with forward slashes. */
const contentPath = (contentDir: string, path: string) => relative(contentDir, path).split(sep).join('/');

/** Every file the model holds a page or part of a page for. */
function filesInModel(model: Pick<Model, 'partnerships'>): Set<string> {
  const files = new Set<string>();
  for (const p of model.partnerships) {
    files.add(p.file);
    for (const part of [...p.structures, ...p.strategies, ...p.chapters, ...p.decisions]) files.add(part.file);
  }
  return files;
}

/** The page a content file makes, and whether the pages under it depend on it too (a partnership's file). */
function pageOf(file: string): { url: string; under: boolean } | undefined {
  const match = /^partnerships\/([^/]+)\/(?:partnership\.md|(structures|strategies|chapters|decisions)\/([^/]+)\.(?:ya?ml|md))$/.exec(file);
  if (!match) return undefined;
  const [, partnership, folder, id] = match;
  switch (folder) {
    case undefined:
      return { url: partnershipUrl(partnership), under: true };
    case 'structures':
      return { url: structureUrl(partnership, id), under: false };
    case 'strategies':
      return { url: strategyUrl(partnership, id), under: false };
    case 'chapters':
      return { url: chapterUrl(partnership, id), under: false };
    default:
      return { url: decisionUrl(partnership, id), under: false };
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/**
 * In the preview, the page for an address whose content file has an error
 * that keeps it out of the site (a YAML syntax error, a missing required key):
 * the file's problems, and that the page reloads once the file is fixed.
 * Undefined when the address is not such a page (Astro answers as usual).
 *
 * @param pathname the address asked for, from the site's root
 * @param base where the site is served (Astro's `base`), under which Vite serves the styles and its client
 * @example
 * unbuiltPage(model, '/partnerships/town-lsp/decisions/2009-01-20-adopt-structure/')
 * // '<!doctype html>…This page cannot be shown until its file is fixed…'
 */
export function unbuiltPage(model: Pick<Model, 'partnerships' | 'diagnostics'>, pathname: string, base = '/'): string | undefined {
  const inModel = filesInModel(model);
  const broken = new Set<string>();
  for (const d of model.diagnostics) {
    if (d.severity !== 'error' || inModel.has(d.file) || broken.has(d.file)) continue;
    const page = pageOf(d.file);
    if (page && (page.url === pathname || (page.under && pathname.startsWith(page.url)))) broken.add(d.file);
  }
  if (broken.size === 0) return undefined;
  const files = [...broken];
  const problems = model.diagnostics.filter((d) => broken.has(d.file)).map((d) => `<li><code>${escapeHtml(formatDiagnostic(d, 'content'))}</code></li>`);
  const names = files.map((file) => `<code>content/${escapeHtml(file)}</code>`).join(' and ');
  return `<!doctype html>
<html lang="en-GB" class="govuk-template">
<head>
<meta charset="utf-8">
<title>Preview: this page cannot be shown until its file is fixed</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(base)}src/styles/site.css">
<script type="module" src="${escapeHtml(base)}@vite/client"></script>
</head>
<body class="govuk-template__body">
<div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
<div class="govuk-error-summary" role="region" aria-labelledby="preview-problems-title">
<h1 class="govuk-error-summary__title" id="preview-problems-title">This page cannot be shown until its file is fixed</h1>
<p class="govuk-body">The checker found an error in ${names} that keeps ${files.length === 1 ? 'it' : 'them'} out of the site, so there is no page here yet. Fix ${files.length === 1 ? 'this problem' : 'these problems'} and save the file: this page reloads by itself.</p>
<ul class="govuk-list govuk-!-font-size-16">
${problems.join('\n')}
</ul>
<p class="govuk-body">This page is shown only in the preview.</p>
</div>
</main>
</div>
</body>
</html>
`;
}

/** How many structure diagrams of the model are not drawn yet, for want of drawing (not too large, not failed before). */
function undrawnDiagrams(model: Model): number {
  return model.partnerships.flatMap((p) => p.structures).filter((structure) => diagramFor(structure, model).notDrawn === 'notDrawn').length;
}

/** What the page says while diagrams are drawn, or when no browser can draw them. */
function diagramsNotice(count: number, browser: boolean): string {
  const diagrams = count === 1 ? 'a structure diagram' : `${count} structure diagrams`;
  return browser
    ? `drawing ${diagrams}; this page reloads by itself when ${count === 1 ? 'it is' : 'they are'} drawn.`
    : `${noBrowserReason()}, so ${diagrams} ${count === 1 ? 'is' : 'are'} shown as text only. ${INSTALL_BROWSER_ADVICE} Then save the file again.`;
}

/** Sends one of the preview's own pages. */
function sendPage(response: ServerResponse, page: string): void {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
}

/**
 * Sends the page `instead` gives in place of a "Page not found" answer, when
 * it gives one by the time the answer starts; any other answer goes as it is.
 */
function insteadOfNotFound(response: ServerResponse, instead: () => string | undefined): void {
  const { writeHead, write, end } = response;
  let replaced = false;
  response.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const page = status === 404 ? instead() : undefined;
    if (!page) return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
    replaced = true;
    writeHead.call(this, 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    (end as (chunk: string) => ServerResponse).call(this, page);
    return this;
  } as ServerResponse['writeHead'];
  response.write = function (this: ServerResponse, ...args: unknown[]) {
    return replaced || (write as (...args: unknown[]) => boolean).apply(this, args);
  } as ServerResponse['write'];
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    return replaced ? this : (end as (...args: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['end'];
}

/** An Astro integration that watches the content folder during `astro dev`. */
export function contentPreview(): AstroIntegration {
  let preview = false;
  // Where the site is served (Astro's `base`): the preview's own page links Vite's files under it.
  let base = '/';
  return {
    name: NAME,
    hooks: {
      'astro:config:setup': ({ command }) => {
        // Only `astro dev` is the preview: a build can start a dev server of its own internally.
        preview = command === 'dev';
        if (!preview) return;
        // Tells the pages they are in the preview (see DevProblems.astro).
        process.env.PARTNERSHIP_REGISTER_PREVIEW = '1';
        // "New version of Astro available… run npx @astrojs/upgrade" is for developers: updates go through review (docs/security.md).
        process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!preview) return;
        const contentDir = contentDirectory();
        const shown = relative(process.cwd(), contentDir) || '.';
        let model: Model | undefined;
        let state: PreviewState = {};

        /** Checks the content, prints the problems (the saved file's first) and hands the model to the pages. */
        const check = (savedFile?: string) => {
          const checked = checkContent(contentDir);
          model = checked;
          shareCheckedModel(contentDir, checked);
          state = { ...state, ...(savedFile === undefined ? {} : { savedFile }) };
          setPreviewState(state);
          const saved = savedFile === undefined ? '' : `\nChecked after ${shown}/${savedFile} was saved:`;
          logger.info(`${saved}\n${formatReport(savedFileFirst(checked.diagnostics, state.savedFile), checked.fileCount, shown)}`);
          return checked;
        };

        /**
         * After a check: the pages read the new model from shareCheckedModel at their next request, so
         * no module is run afresh (invalidating every module while a page rendered left Astro unable to
         * find the page's component). The server side forgets the addresses getStaticPaths gave, as on
         * Astro's own content changes, and the open page in the browser reloads.
         */
        const reload = () => {
          for (const [name, environment] of Object.entries(server.environments)) {
            if (name === 'client') environment.hot.send({ type: 'full-reload', path: '*' });
            else environment.hot.send('astro:content-changed', {});
          }
        };

        /**
         * After a check: the page reloads at once, with the new content; when
         * diagrams must be drawn first, it says so, and reloads again once they are.
         */
        const refresh = async (checked: Model) => {
          const undrawn = undrawnDiagrams(checked);
          const browser = findBrowser() !== undefined;
          const notice = undrawn > 0 ? diagramsNotice(undrawn, browser) : undefined;
          if (!browser && notice !== undefined && notice !== state.diagrams) logger.info(`Diagrams: ${notice}`);
          state = { ...state, diagrams: notice };
          setPreviewState(state);
          reload();
          if (undrawn === 0 || !browser) return;
          const lines: string[] = [];
          try {
            const result = await prepareDiagrams(checked, { log: (line) => lines.push(line) });
            const left = undrawnDiagrams(checked);
            state = { ...state, diagrams: left > 0 ? diagramsNotice(left, result.browser !== undefined) : undefined };
          } catch (error) {
            state = { ...state, diagrams: `the diagrams could not be drawn (${(error as Error).message.split('\n')[0]}). Save the file again to try once more.` };
          }
          for (const line of lines) logger.info(line);
          setPreviewState(state);
          reload();
        };

        // Pages asked for between a save and its check wait for the check, so that no page is
        // drawn from a model older than the files (its own 404 beside the new file's error).
        let checked = Promise.resolve();
        let release: (() => void) | undefined;
        const saving = () => {
          if (!release) checked = new Promise((resolve) => (release = resolve));
        };
        // One run at a time, in order: a save while diagrams are drawn waits its turn.
        let queue = Promise.resolve();
        const run = (savedFile?: string) => {
          queue = queue
            .then(() => {
              const fresh = check(savedFile);
              release?.();
              release = undefined;
              return refresh(fresh);
            })
            .catch((error: unknown) => logger.error(`The preview could not check the content: ${(error as Error).message}`));
        };
        run();

        server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
          const pathname = new URL(request.url ?? '/', 'http://preview').pathname;
          // The register's addresses are written from the site's root: the base it is served under comes off first.
          const fromRoot = pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : undefined;
          // Pages only: scripts and styles never wait.
          if (!fromRoot || request.method !== 'GET' || !fromRoot.endsWith('/')) return next();
          const unbuilt = () => (model ? unbuiltPage(model, decodeURIComponent(fromRoot), base) : undefined);
          void checked.then(() => {
            const page = unbuilt();
            if (page) return void sendPage(response, page);
            // A save seen only after this request came in can be checked while Astro renders it, from
            // the newer model: Astro then answers "Page not found", and this page is sent in its place.
            insteadOfNotFound(response, unbuilt);
            next();
          });
        });

        server.watcher.add(contentDir);
        let timer: NodeJS.Timeout | undefined;
        const onChange = (path: string) => {
          if (!path.startsWith(contentDir)) return;
          saving();
          // Editors write a file in several steps; check once they have finished.
          clearTimeout(timer);
          timer = setTimeout(() => {
            run(contentPath(contentDir, path));
          }, 100);
        };
        server.watcher.on('change', onChange);
        server.watcher.on('add', onChange);
        server.watcher.on('unlink', onChange);
      },
    },
  };
}
