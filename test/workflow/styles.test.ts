/**
 * The pages import src/styles/site.css, compiled from src/styles/site.scss by
 * `npm run styles` and committed, so that no build spends a second compiling
 * GOV.UK Frontend's Sass. It must never fall behind its source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderStyles, STYLES_FILE } from '../../scripts/styles.ts';

describe('the committed styles', () => {
  it('are exactly what npm run styles compiles from site.scss and GOV.UK Frontend', () => {
    expect(readFileSync(STYLES_FILE, 'utf8'), 'src/styles/site.css: run npm run styles').toBe(renderStyles());
  });

  it('hold GOV.UK Frontend and the register\'s own rules, with the Arial font and no GOV.UK images', () => {
    const css = readFileSync(STYLES_FILE, 'utf8');
    expect(css).toContain('.govuk-summary-list');
    expect(css).toContain('.app-diagram__canvas');
    expect(css).not.toMatch(/GDS Transport|url\(/);
    expect(css.startsWith('@charset "UTF-8";\n')).toBe(true);
  });
});
