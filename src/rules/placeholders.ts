/**
 * A template's placeholder is never content. `npm run new` writes
 * `"<fill in: the fund's name>"` wherever an officer must write what the
 * document says, in place of an example that could pass for real figures
 * (another council's fund, allocations and partners once did, unnoticed).
 * Such a value left in a file is an error at its place, naming what to fill in.
 *
 * The form is text no document uses: angle brackets, and the words "fill in".
 * YAML reads it as a string (it is quoted), and an editor's JSON Schema
 * accepts it wherever text goes, so nothing is underlined before the checker
 * says what to write. Where a number, date, id or choice goes, the schema
 * refuses it as such, quoting the placeholder, which says what belongs there.
 */
import type { PathSegment } from '../content/diagnostics.ts';
import type { Report } from './report.ts';
import { valueAt } from './report.ts';

/** A placeholder anywhere in a text: what to fill in is between `<fill in: ` and `>`. */
const PLACEHOLDER = /<fill in: ([^<>]+)>/;

/**
 * The placeholder for a value, as `npm run new` writes it.
 *
 * @example
 * placeholder("the fund's name") // "<fill in: the fund's name>"
 */
export function placeholder(what: string): string {
  return `<fill in: ${what}>`;
}

/**
 * What a text still asks to be filled in, when it holds a placeholder.
 *
 * @example
 * placeholderIn("<fill in: the fund's name>") // "the fund's name"
 * placeholderIn('Performance Reward Grant') // undefined
 */
export function placeholderIn(text: string): string | undefined {
  return PLACEHOLDER.exec(text)?.[1].trim();
}

/** `fund`, or `item 1 of \`allocations\``: the value a path ends at, in an officer's words. */
function subjectOf(path: readonly PathSegment[]): string {
  const key = path.findLast((segment) => typeof segment === 'string');
  const last = path.at(-1);
  if (key === undefined) return 'a value';
  return typeof last === 'number' ? `item ${last + 1} of \`${key}\`` : `\`${key}\``;
}

/**
 * Reports every placeholder left in a file's validated data: one error per
 * value, at the value, code `placeholder`.
 *
 * @example
 * checkPlaceholders('partnerships/x/decisions/2011-11-08-prg.md', { funding: { fund: "<fill in: the fund's name>" } }, report)
 * // placeholder: "`fund` still holds the template's placeholder "<fill in: the fund's name>"; …; fill in the fund's name"
 */
export function checkPlaceholders(file: string, data: unknown, report: Report): void {
  // One path, grown and shrunk as the walk goes: every file's data is walked, and nearly all hold no placeholder.
  const path: PathSegment[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const what = value.includes('<fill in: ') ? placeholderIn(value) : undefined;
      if (what === undefined) return;
      const fix = `fill in ${what}`;
      report({
        file, severity: 'error', code: 'placeholder', locator: valueAt(...path), actual: value, fix,
        message: `${subjectOf(path)} still holds the template's placeholder "${value}"; expected what the document says; ${fix}`,
      });
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const key in value) {
        path.push(key);
        walk((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  walk(data);
}
