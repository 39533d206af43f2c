/**
 * What changed between two versions of a structure: the comparison shown on a
 * structure version's page (the Chorley 2006 proposal against the structure in
 * force, for example). A body keeps its identity across versions by keeping
 * its id; a body whose id changed but whose name did not is the same body too.
 */
import { REPORTS_TO_NONE } from '../rules/bodies.ts';
import type { BodyModel } from '../model/index.ts';

/** A body as it was and as it is. */
export interface BodyPair {
  before: BodyModel;
  after: BodyModel;
}

/** A body that reports to a different body (or to none). */
export interface Reparenting extends BodyPair {
  /** The name of the body it reported to, if it reported to one. */
  fromParent?: string;
  /** The name of the body it reports to now, if it reports to one. */
  toParent?: string;
  /** Whether each version records the line: `none` is the top (`reports_to: none`), `not-recorded` no `reports_to`. */
  fromLine: 'body' | 'none' | 'not-recorded';
  toLine: 'body' | 'none' | 'not-recorded';
}

const lineOf = (body: BodyModel): Reparenting['fromLine'] => (body.reports_to == null ? 'not-recorded' : body.reports_to === REPORTS_TO_NONE ? 'none' : 'body');

/** Seats a sector holds before and after (0 where it had none). */
export interface SectorChange {
  sector: string;
  before: number;
  after: number;
}

/** A body whose seats changed. */
export interface Reseating extends BodyPair {
  /** Voting seats listed before, when seats were listed. */
  votingBefore?: number;
  /** Voting seats listed after, when seats are listed. */
  votingAfter?: number;
  /** The sectors whose seats changed, in the order they are listed (before's first). */
  sectors: SectorChange[];
}

/** Everything that changed between two versions, each list in the order the bodies are listed. */
export interface StructureComparison {
  /** Bodies only in the new version. */
  added: BodyModel[];
  /** Bodies only in the old version. */
  removed: BodyModel[];
  /** Bodies whose name changed. */
  renamed: BodyPair[];
  /** Bodies that report somewhere else: both versions record the line, and the lines differ. */
  reparented: Reparenting[];
  /**
   * Bodies whose line the old version did not record and the new one does.
   * Not a known change: the body may have reported there all along.
   */
  lineFirstRecorded: Reparenting[];
  /** Bodies whose stated size changed. */
  resized: BodyPair[];
  /** Bodies whose seats by sector changed. */
  reseated: Reseating[];
  /** How many bodies are in both versions with none of the changes above. */
  unchanged: number;
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Compares two versions of a structure.
 *
 * @example
 * compareStructures(current, proposed).added.map((b) => b.name) // ['LSP Board', 'Community Safety Partnership', …]
 */
export function compareStructures(previous: { bodies: BodyModel[] }, next: { bodies: BodyModel[] }): StructureComparison {
  const pairs = matchBodies(previous.bodies, next.bodies);
  const afterOf = new Map(pairs.map((p) => [p.before.id, p.after]));
  const matchedBefore = new Set(pairs.map((p) => p.before));
  const matchedAfter = new Set(pairs.map((p) => p.after));
  const nameIn = (bodies: BodyModel[], id: string | null | undefined) => (id == null ? undefined : bodies.find((b) => b.id === id)?.name);

  const comparison: StructureComparison = {
    added: next.bodies.filter((b) => !matchedAfter.has(b)),
    removed: previous.bodies.filter((b) => !matchedBefore.has(b)),
    renamed: [],
    reparented: [],
    lineFirstRecorded: [],
    resized: [],
    reseated: [],
    unchanged: 0,
  };
  for (const pair of pairs) {
    const { before, after } = pair;
    let changed = false;
    if (before.name !== after.name) {
      comparison.renamed.push(pair);
      changed = true;
    }
    // The old parent, carried into the new version: the same body may have a new id there.
    const parentBefore = before.reports_to == null || before.reports_to === REPORTS_TO_NONE ? before.reports_to ?? undefined : afterOf.get(before.reports_to)?.id ?? `removed:${before.reports_to}`;
    const parentAfter = after.reports_to ?? undefined;
    if (parentBefore !== parentAfter) {
      const reparenting: Reparenting = {
        ...pair, fromParent: nameIn(previous.bodies, before.reports_to), toParent: nameIn(next.bodies, after.reports_to), fromLine: lineOf(before), toLine: lineOf(after),
      };
      (reparenting.fromLine === 'not-recorded' ? comparison.lineFirstRecorded : comparison.reparented).push(reparenting);
      // Nor unchanged: with no line before, whether it changed is not known.
      changed = true;
    }
    if (sizeKey(before.size) !== sizeKey(after.size)) {
      comparison.resized.push(pair);
      changed = true;
    }
    const sectors = compareSeats(before, after);
    if (sectors.length > 0) {
      comparison.reseated.push({ ...pair, votingBefore: before.votingSeats, votingAfter: after.votingSeats, sectors });
      changed = true;
    }
    if (!changed) comparison.unchanged++;
  }
  return comparison;
}

/** Pairs bodies by id, then the rest by name. */
function matchBodies(previous: BodyModel[], next: BodyModel[]): BodyPair[] {
  const pairs: BodyPair[] = [];
  const unmatched = new Set(next);
  const leftOver: BodyModel[] = [];
  for (const before of previous) {
    const after = next.find((b) => b.id === before.id);
    if (after) {
      pairs.push({ before, after });
      unmatched.delete(after);
    } else leftOver.push(before);
  }
  for (const before of leftOver) {
    const after = [...unmatched].find((b) => normalise(b.name) === normalise(before.name));
    if (after) {
      pairs.push({ before, after });
      unmatched.delete(after);
    }
  }
  return pairs.sort((a, b) => next.indexOf(a.after) - next.indexOf(b.after));
}

function sizeKey(size: BodyModel['size']): string {
  if (size == null) return '';
  if (typeof size === 'number') return String(size);
  // A hedge is part of what the document says: "around 20" to "at least 20" is a change.
  if ('approx' in size) return `~${size.approx}`;
  return 'at_least' in size ? `>=${size.at_least}` : `<=${size.at_most}`;
}

function seatKey(seat: NonNullable<BodyModel['seats']>[number]): string {
  return `${normalise(seat.sector)}${seat.voting === false ? ' (advisory)' : ''}`;
}

function compareSeats(before: BodyModel, after: BodyModel): SectorChange[] {
  const counts = new Map<string, SectorChange>();
  for (const seat of before.seats ?? []) {
    const key = seatKey(seat);
    const entry = counts.get(key) ?? { sector: seat.sector, before: 0, after: 0 };
    entry.before += seat.count;
    counts.set(key, entry);
  }
  for (const seat of after.seats ?? []) {
    const key = seatKey(seat);
    const entry = counts.get(key) ?? { sector: seat.sector, before: 0, after: 0 };
    entry.after += seat.count;
    counts.set(key, entry);
  }
  return [...counts.values()].filter((c) => c.before !== c.after);
}
