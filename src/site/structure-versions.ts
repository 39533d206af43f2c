/**
 * The versions of a partnership's structure in the order they belong to, and
 * what each is compared with. Versions that were in force (superseded, then
 * current) keep their order; a dated proposal sits among them where its date
 * puts it, so a proposal of 2014 never comes after a structure of 2020.
 */
import type { PartnershipModel, StructureModel } from '../model/index.ts';
import { compareDates } from '../schemas/index.ts';
import { formatDate, formatPeriod } from './format.ts';

/** The date a version is placed by: its start, or its end when only that is recorded. */
const dateOf = (s: StructureModel): string | undefined => s.from ?? s.to ?? undefined;

const byDate = (a: StructureModel, b: StructureModel) => compareDates(dateOf(a) ?? '', dateOf(b) ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A partnership's structures in time order: superseded (oldest first), then
 * current, with each dated proposal placed before the first of those that
 * starts after it; undated proposals come last, as nothing says when they were made.
 */
export function versionsInOrder(partnership: PartnershipModel): StructureModel[] {
  const rank = (s: StructureModel) => (s.status === 'current' ? 1 : 0);
  const enacted = partnership.structures.filter((s) => s.status !== 'proposed').sort((a, b) => rank(a) - rank(b) || byDate(a, b));
  const proposals = partnership.structures.filter((s) => s.status === 'proposed');
  const pending = proposals.filter((s) => dateOf(s) !== undefined).sort(byDate);
  const ordered: StructureModel[] = [];
  for (const version of enacted) {
    const start = dateOf(version);
    while (start !== undefined && pending.length > 0 && compareDates(dateOf(pending[0]!)!, start) < 0) ordered.push(pending.shift()!);
    ordered.push(version);
  }
  return [...ordered, ...pending, ...proposals.filter((s) => dateOf(s) === undefined).sort(byDate)];
}

/**
 * The version a structure is best compared with. A proposal is compared with
 * the structure in force when it was made, since that is what it would
 * change: the last version in force before it, unless that had ended before
 * the proposal's date (then none in force is recorded). Other versions are
 * compared with the version in force before them. Undefined when there is none.
 */
export function baselineFor(partnership: PartnershipModel, structure: StructureModel): StructureModel | undefined {
  const versions = versionsInOrder(partnership);
  const before = versions.slice(0, versions.indexOf(structure)).filter((s) => s.status !== 'proposed').at(-1);
  if (!before || structure.status !== 'proposed') return before;
  const made = dateOf(structure);
  return made !== undefined && before.to != null && compareDates(before.to, made) < 0 ? undefined : before;
}

/**
 * What a version's dates mean, as a summary row: when it was in force, or,
 * for a proposal (never in force as such), when it was proposed. Undefined
 * when no date is recorded.
 *
 * @example
 * versionDates({ status: 'proposed', from: '2014-06', to: '2014-06', … }) // { key: 'Proposed', text: 'June 2014' }
 * versionDates({ status: 'current', from: '2010', … }) // { key: 'In force', text: 'from 2010' }
 */
export function versionDates(structure: StructureModel): { key: 'In force' | 'Proposed'; text: string } | undefined {
  const { from, to } = structure;
  if (structure.status !== 'proposed') {
    const text = formatPeriod(from, to);
    return text ? { key: 'In force', text } : undefined;
  }
  // A proposal's `from` is when it was made (the contract's "Proposed structure (March 2006)",
  // `from: 2006-03`); `to` the same date again adds nothing.
  const text = from && (!to || to === from) ? formatDate(from) : formatPeriod(from, to);
  return text ? { key: 'Proposed', text } : undefined;
}
