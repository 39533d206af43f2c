/**
 * The preview for officers (`npm run dev`): when a content file changes, the
 * checker runs again, its problems are printed in the terminal, and the open
 * page reloads itself, showing the problems at the top (see DevProblems.astro).
 */
import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { formatReport } from '../content/report.ts';
import { checkContent, contentDirectory } from '../model/index.ts';

/** An Astro integration that watches the content folder during `astro dev`. */
export function contentPreview(): AstroIntegration {
  let preview = false;
  return {
    name: 'partnership-register:content-preview',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // Only `astro dev` is the preview: a build can start a dev server of its own internally.
        preview = command === 'dev';
        // Tells the pages they are in the preview (see DevProblems.astro).
        if (preview) process.env.PARTNERSHIP_REGISTER_PREVIEW = '1';
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!preview) return;
        const contentDir = contentDirectory();
        const shown = relative(process.cwd(), contentDir) || '.';
        const report = () => {
          const model = checkContent(contentDir);
          logger.info(`\n${formatReport(model.diagnostics, model.fileCount, shown)}`);
        };
        report();
        server.watcher.add(contentDir);
        let timer: NodeJS.Timeout | undefined;
        const onChange = (path: string) => {
          if (!path.startsWith(contentDir)) return;
          // Editors write a file in several steps; check once they have finished.
          clearTimeout(timer);
          timer = setTimeout(() => {
            report();
            // Pages hold the checked model in a module: running every module
            // afresh is what makes the next request read the content again.
            // A full reload tells each environment's runner (the pages' server side,
            // and the browser) to forget what it ran.
            for (const environment of Object.values(server.environments)) {
              environment.moduleGraph.invalidateAll();
              environment.hot.send({ type: 'full-reload' });
            }
          }, 100);
        };
        server.watcher.on('change', onChange);
        server.watcher.on('add', onChange);
        server.watcher.on('unlink', onChange);
      },
    },
  };
}
