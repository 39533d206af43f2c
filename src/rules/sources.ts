/**
 * Sources and citations: each file may list the documents it is taken from
 * (`sources`), a decision's `report` is a source with the id `report`, and a
 * partnership's sources may be cited from any of its files. A `cite` must name
 * one of them. A file that names no source at all is flagged once.
 *
 * A file's own sources are checked here, as it is validated; a citation the
 * file cannot resolve by itself waits for its partnership.md, in
 * ../model/resolve.ts (`checkCitations`), which words the problem with
 * `unknownSource` below.
 */
import type { PathSegment, PendingDiagnostic } from '../content/diagnostics.ts';
import type { CitationUse, SourceFacts } from '../content/entry.ts';
import { closest, listWords } from '../content/words.ts';
import type { Citation, Source } from '../schemas/index.ts';
import type { Report } from './report.ts';
import { valueAt } from './report.ts';

/** The id a decision's `report` is cited by. */
export const REPORT_SOURCE_ID = 'report';

/** What the sources rule reads of a file's validated data. */
export interface Sourced {
  sources?: readonly Source[] | null;
  report?: unknown;
}

/**
 * Where citations can stand in a file, as the schemas allow them: each list
 * (or, for `funding`, the one table) whose items may carry `cite`. Walking only
 * these keeps the rule's cost to the cited items, not the whole file.
 */
const CITED_ITEMS: readonly (readonly string[])[] = [
  ['discrepancies'],
  ['bodies'], ['bodies', 'seats'], ['bodies', 'discrepancies'], ['relations'],
  ['objectives'], ['priorities'], ['priorities', 'measures'],
  ['options'], ['funding'], ['funding', 'allocations'], ['funding', 'discrepancies'],
];

/**
 * Every citation in a file's validated data, with the path of its `cite`.
 *
 * @example
 * citationsIn({ bodies: [{ id: 'board', cite: [{ source: 'way-forward', where: 'para 26' }] }] })
 * // [{ path: ['bodies', 0, 'cite'], citation: { source: 'way-forward', where: 'para 26' } }]
 */
export function citationsIn(value: unknown): CitationUse[] {
  const found: CitationUse[] = [];
  const visit = (node: unknown, path: PathSegment[], rest: readonly string[]): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...path, i], rest));
      return;
    }
    const record = node as Record<string, unknown>;
    if (rest.length > 0) {
      visit(record[rest[0]], [...path, rest[0]], rest.slice(1));
      return;
    }
    const cite = record.cite;
    if (Array.isArray(cite)) cite.forEach((citation: Citation, j) => found.push({ path: cite.length === 1 ? [...path, 'cite'] : [...path, 'cite', j], citation }));
  };
  for (const items of CITED_ITEMS) visit(value, [], items);
  return found;
}

/**
 * Checks a file's own sources (ids used once) and the citations it can resolve
 * by itself; returns what is left for its partnership.md to resolve. For
 * partnership.md itself (`partnershipLevel`), nothing is left: its sources are
 * the partnership's, so an unknown citation and a missing source are reported here.
 *
 * @example
 * checkFileSources(file, decision, report, false) // { ids: ['report', 'minutes'], unresolved: [...] }
 */
export function checkFileSources(file: string, value: Sourced, report: Report, partnershipLevel: boolean): SourceFacts {
  const ids: string[] = value.report ? [REPORT_SOURCE_ID] : [];
  (value.sources ?? []).forEach((source, i) => {
    if (ids.includes(source.id)) {
      const fix = source.id === REPORT_SOURCE_ID ? 'give this source another id: `report` already names the decision\'s report' : 'give this one a different id';
      report({
        file, severity: 'error', code: 'duplicate-id', locator: valueAt('sources', i, 'id'), subject: source.id, fix,
        message: `\`id\` "${source.id}" is used twice in \`sources\`${source.id === REPORT_SOURCE_ID ? ' (`report` is the decision\'s report)' : ''}; expected each source's id once, because citations use it; ${fix}`,
      });
    } else ids.push(source.id);
  });
  const unresolved = citationsIn(value).filter((use) => !ids.includes(use.citation.source));
  if (!partnershipLevel) return { ids, unresolved };
  for (const use of unresolved) report({ file, ...unknownSource(use, ids) });
  if (ids.length === 0) report({ file, ...noSources() });
  return { ids, unresolved: [] };
}

/**
 * The problem for a citation naming a source that is not listed: the sources
 * that exist, and the likeliest one.
 *
 * @example
 * unknownSource({ path: ['bodies', 0, 'cite'], citation: { source: 'way-foward' } }, ['way-forward']).message
 * // '`cite` names the source "way-foward", which is not listed; expected one of: way-forward; did you mean "way-forward"?'
 */
export function unknownSource(use: CitationUse, known: readonly string[]): Omit<PendingDiagnostic, 'file'> {
  const existing = [...new Set(known)];
  const suggestion = closest(use.citation.source, existing);
  const fix = suggestion
    ? `did you mean "${suggestion}"?`
    : existing.length
      ? 'cite one of them, or add the document to `sources`'
      : 'add the document to `sources` (in this file or in partnership.md), with `id:` and `title:`';
  return {
    severity: 'error', code: 'unknown-source', locator: valueAt(...use.path), actual: use.citation.source, expected: existing, fix,
    message: `\`cite\` names the source "${use.citation.source}", which is not listed; expected one of: ${listWords(existing)} (this file's \`sources\`, a decision's \`report\`, and partnership.md's \`sources\`); ${fix}`,
  };
}

/**
 * The warning for a file that names no source at all: once per file, not once per fact.
 *
 * @example
 * noSources().code // 'no-sources'
 */
export function noSources(): Omit<PendingDiagnostic, 'file'> {
  const fix = 'add `sources:` with the document this page is taken from (`id`, `title`, `publisher`, `date`), here or in partnership.md';
  return {
    severity: 'warning', code: 'no-sources', locator: { path: [], at: 'value' }, fix,
    message: `this file names no source: no \`sources\`, no \`report\`, and none in its partnership.md; expected every fact to be traceable to a document; ${fix}`,
  };
}
