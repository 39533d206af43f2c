/**
 * Reporting lines (`reports_to`) must lead up to a body that reports to no
 * one: a loop has no top, and the diagram could not be drawn as a hierarchy.
 */
import type { Report } from './report.ts';
import { valueAt } from './report.ts';

/** How many bodies of a reporting loop its message names before saying how many more there are. */
const CYCLE_NAMES_SHOWN = 10;

/** What the loop check reads of a body. */
interface ReportingBody {
  id: string;
  reports_to?: string | null;
}

/**
 * Finds loops in reporting lines and reports each once, naming the bodies in it.
 * Each body is walked at most once: a walk stops at a body an earlier walk has
 * been through (whatever is above it is known already) or at one on its own
 * path (a loop), so a long reporting line costs time in proportion to its length.
 *
 * @example
 * checkReportingCycles(file, [{ id: 'a', reports_to: 'b' }, { id: 'b', reports_to: 'a' }], report)
 * // reporting-cycle at bodies[0].reports_to: "a → b → a"
 */
export function checkReportingCycles(file: string, bodies: readonly ReportingBody[], report: Report): void {
  const index = new Map(bodies.map((b, i) => [b.id, i]));
  const walked = new Set<string>();
  for (const start of bodies) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    for (let id: string | undefined = start.id; id !== undefined && index.has(id) && !walked.has(id); id = bodies[index.get(id) ?? 0].reports_to ?? undefined) {
      const at = onPath.get(id);
      if (at !== undefined) {
        // A body reporting to itself has its own message, given where its `reports_to` is checked.
        if (path.length - at > 1) reportCycle(file, path.slice(at), index, report);
        break;
      }
      onPath.set(id, path.length);
      path.push(id);
    }
    for (const id of path) walked.add(id);
  }
}

/** Reports one loop at the `reports_to` of its first body in the file, naming the loop from there. */
function reportCycle(file: string, loop: string[], index: Map<string, number>, report: Report): void {
  const first = loop.reduce((a, b) => ((index.get(a) ?? 0) < (index.get(b) ?? 0) ? a : b));
  const rotated = [...loop.slice(loop.indexOf(first)), ...loop.slice(0, loop.indexOf(first))];
  const named = rotated.length > CYCLE_NAMES_SHOWN ? [...rotated.slice(0, CYCLE_NAMES_SHOWN), `… and ${rotated.length - CYCLE_NAMES_SHOWN} more …`] : rotated;
  const fix = 'remove or change one `reports_to`';
  report({
    file, severity: 'error', code: 'reporting-cycle', locator: valueAt('bodies', index.get(first) ?? 0, 'reports_to'), subject: first, actual: rotated, fix,
    message: `reporting lines go round in a circle: ${[...named, first].join(' → ')}; expected every line to lead up to a body that reports to no one (usually the board); ${fix}`,
  });
}
