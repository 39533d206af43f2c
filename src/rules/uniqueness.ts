/**
 * Ids and names used once in a list of one file: bodies, objectives,
 * priorities, options and allocations. References use ids, and readers tell
 * things apart by name.
 */
import type { Report } from './report.ts';
import { valueAt } from './report.ts';

/**
 * The form in which two names count as the same: case, surrounding spaces and
 * runs of white space do not tell names apart.
 *
 * @example
 * sameNameKey('  Warm   Homes ') === sameNameKey('warm homes') // true
 */
export function sameNameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** One item of a list that must not repeat an id or a name. */
export interface UniqueItem {
  id?: string;
  name: string;
  /** The key that holds the name (`name`, `title`, `item`). */
  nameKey?: string;
}

/** Wording for each list whose names must not repeat: why a repeat matters there. */
const WHY_NAMES_DIFFER: Record<string, { each: string; why: string; fix: string }> = {
  allocations: { each: 'each item once', why: 'so the table adds up unambiguously', fix: 'merge the two lines or name them apart' },
};
const DEFAULT_WHY = { each: 'each once', why: 'so readers can tell them apart', fix: 'merge them or make the names distinct' };

/**
 * Reports a second use of an id or a name in a list. `path` is where the list
 * is in the file (`['bodies']`, `['funding', 'allocations']`).
 *
 * @example
 * checkUnique(file, ['bodies'], [{ id: 'board', name: 'Board' }, { id: 'board', name: 'Forum' }], report)
 * // reports duplicate-id at bodies[1].id
 */
export function checkUnique(file: string, path: readonly (string | number)[], items: readonly UniqueItem[], report: Report): void {
  const list = String(path.at(-1));
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  items.forEach((item, i) => {
    if (item.id !== undefined) {
      const first = ids.get(item.id);
      if (first !== undefined) {
        const fix = 'give this one a different id';
        report({
          file, severity: 'error', code: 'duplicate-id', locator: valueAt(...path, i, 'id'), subject: item.id, fix,
          message: `\`id\` "${item.id}" is used twice in \`${list}\` (items ${first + 1} and ${i + 1}); expected each id once, because references use it; ${fix}`,
        });
      } else ids.set(item.id, i);
    }
    const key = sameNameKey(item.name);
    const first = names.get(key);
    const nameKey = item.nameKey ?? 'name';
    if (first !== undefined) {
      const { each, why, fix } = WHY_NAMES_DIFFER[list] ?? DEFAULT_WHY;
      report({
        file, severity: 'error', code: 'duplicate-name', locator: valueAt(...path, i, nameKey), subject: item.id ?? item.name, fix,
        message: `\`${nameKey}\` "${item.name}" appears twice in \`${list}\` (items ${first + 1} and ${i + 1}); expected ${each}, ${why}; ${fix}`,
      });
    } else names.set(key, i);
  });
}
