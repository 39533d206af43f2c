/**
 * `npm run styles`: compiles src/styles/site.scss (GOV.UK Frontend's Sass and
 * the register's own few rules) into src/styles/site.css, which the pages
 * import. test/workflow/styles.test.ts fails if the committed CSS differs
 * from what the Sass gives, so a change to the Sass or to GOV.UK Frontend
 * cannot be published without its CSS.
 *
 * Why the CSS is committed: compiling GOV.UK Frontend's Sass took ~1 s of
 * every build (of 2 s for the example site), and the styles change only when
 * site.scss or GOV.UK Frontend does.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'sass';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = join(ROOT, 'src/styles/site.scss');
/** The compiled styles, committed; src/layouts/Page.astro imports them. */
export const STYLES_FILE = join(ROOT, 'src/styles/site.css');

const HEADER = '/* Written by `npm run styles` from site.scss: edit that file, then run `npm run styles`. */\n';

/** The CSS as committed to src/styles/site.css. */
export function renderStyles(): string {
  // `@use "govuk-frontend/dist/govuk"` resolves from node_modules; GOV.UK Frontend's own deprecation notices are not ours to fix.
  const { css } = compile(SOURCE, { loadPaths: [join(ROOT, 'node_modules')], quietDeps: true, style: 'expanded' });
  // A stylesheet's @charset must come first, before any comment.
  const charset = /^@charset "[^"]+";\n/.exec(css)?.[0] ?? '';
  return `${charset}${HEADER}${css.slice(charset.length)}\n`;
}

function main(): void {
  if (process.argv.length > 2) {
    process.stderr.write('Usage: npm run styles\n');
    process.exit(2);
  }
  const css = renderStyles();
  writeFileSync(STYLES_FILE, css);
  process.stdout.write(`Wrote src/styles/site.css (${Math.round(css.length / 1024)} kB).\n`);
}

if (process.argv[1] === import.meta.filename) main();
