/**
 * The rules a file answers to on its own, by content type. Validation runs
 * them on each file as it is read (../model/validate.ts), not once every file
 * is read, so that the checker can drop a file's details once they are checked
 * (see `crossFileOnly` in ../model/resolve.ts), and so that they are checked
 * even when the file's partnership.md has errors. The rules between files are
 * in ../model/resolve.ts.
 */
import type { Entry } from '../content/entry.ts';
import { checkBodies, countSeats } from './bodies.ts';
import { checkPartnershipDates, checkPeriod } from './dates.ts';
import { checkFunding, sumFunding } from './funding.ts';
import { checkDecisionId } from './ids.ts';
import { checkPlaceholders } from './placeholders.ts';
import type { Report } from './report.ts';
import type { SourceFacts } from '../content/entry.ts';
import { checkFileSources } from './sources.ts';
import { checkUnique } from './uniqueness.ts';

/**
 * Runs every rule of one file: dates in order; a structure's bodies (ids,
 * names, reporting lines, sizes); a strategy's objectives and a chapter's
 * priorities, each id and title once; a decision's file name, its funding
 * table's sums and attribution, and its options; every file's sources and
 * the citations it can resolve by itself. Returns what is left for the rules
 * between files: the citations its partnership.md must resolve.
 *
 * @example
 * entry.sources = checkFileRules(entry, reportInto(diagnostics))
 */
export function checkFileRules(entry: Entry, report: Report): SourceFacts | undefined {
  const { file } = entry;
  checkPlaceholders(file, entry.value, report);
  switch (entry.kind) {
    case 'site':
      return undefined;
    case 'partnership':
      checkPartnershipDates(file, entry.value, report);
      break;
    case 'strategy':
      checkPeriod(file, entry.value.period?.from, entry.value.period?.to, ['period', 'to'], report);
      checkUnique(file, ['objectives'], entry.value.objectives.map((o) => ({ id: o.id, name: o.title, nameKey: 'title' })), report);
      break;
    case 'chapter':
      checkUnique(file, ['priorities'], entry.value.priorities.map((p) => ({ id: p.id, name: p.title, nameKey: 'title' })), report);
      break;
    case 'structure':
      checkPeriod(file, entry.value.from, entry.value.to, ['to'], report);
      checkBodies(file, entry.value.bodies.map(countSeats), report);
      break;
    case 'decision':
      checkDecisionId(file, entry.id, entry.value.date, report);
      if (entry.value.funding) checkFunding(file, sumFunding(entry.value.funding), report, entry.value.date);
      if (entry.value.options) checkUnique(file, ['options'], entry.value.options.map((o) => ({ name: o.title, nameKey: 'title' })), report);
      break;
  }
  return checkFileSources(file, entry.value, report, entry.kind === 'partnership');
}
