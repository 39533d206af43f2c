/**
 * HTML validity of built pages with html-validate's recommended rules. Two
 * rules are adjusted, each for a reason that holds on every page; everything
 * else in `html-validate:recommended` applies as it is.
 */
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { htmlPages } from './build-site.ts';

/** The configuration every built page is held to. */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Titles follow GOV.UK's pattern, "<page heading> - <register's name>", which WCAG 2.4.2
    // asks for (descriptive titles); with real partnership names that passes 70 characters,
    // a search-engine heuristic rather than an accessibility or validity rule.
    'long-title': 'off',
    // GOV.UK Frontend's notification banner, and the keyboard-scrollable diagram and table
    // areas, are `<div role="region">` with an accessible name by design; a <section> would
    // change GOV.UK's markup. Every other native-element preference still applies.
    'prefer-native-element': ['error', { exclude: ['region'] }],
  },
};

/**
 * Validates every HTML page under a site folder (or those `only` picks);
 * returns one line per problem, `page:line:col rule message`.
 */
export async function validateSite(siteDir: string, only: (page: string) => boolean = () => true): Promise<string[]> {
  const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
  const problems: string[] = [];
  for (const page of htmlPages(siteDir).filter(only)) {
    const report = await validator.validateFile(join(siteDir, page));
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
  }
  return problems;
}
