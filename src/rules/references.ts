/**
 * What an unresolved reference says. A reference is an id; the rules that
 * resolve references between files live in ../model/resolve.ts, and those
 * within one structure in ./bodies.ts. Both word the problem here.
 */
import type { PendingDiagnostic } from '../content/diagnostics.ts';
import { closest, listWords } from '../content/words.ts';

/** How many of the ids that exist a message names, and `expected` carries. */
const IDS_NAMED = 25;

/**
 * The problem for a reference that does not resolve: what was written, the
 * ids that exist, and the likeliest one, as a message and as data.
 *
 * @example
 * unknownReference('reports_to', 'bord', 'a body in this file', ['board', 'executive']).message
 * // '`reports_to` is "bord", which is not a body in this file; expected one of: board, executive; did you mean "board"?'
 */
export function unknownReference(key: string, written: string, what: string, listed: readonly string[]): Pick<PendingDiagnostic, 'message' | 'actual' | 'expected' | 'fix'> {
  // A list with a duplicate id (reported on its own) names it once here.
  const existing = [...new Set(listed)];
  const suggestion = closest(written, existing);
  const fix = suggestion ? `did you mean "${suggestion}"?` : existing.length ? 'write one of them' : 'create it first, or delete the key';
  return {
    message: `\`${key}\` is "${written}", which is not ${what}; expected one of: ${listWords(existing, IDS_NAMED)}; ${fix}`,
    actual: written,
    expected: existing.slice(0, IDS_NAMED),
    fix,
  };
}
