/**
 * The rules about one structure's bodies: ids and names used once, reporting
 * lines that name a body of the file, a stated size against the seats listed,
 * and a quorum no larger than the body.
 */
import type { Body, Quantity } from '../schemas/index.ts';
import { unknownReference } from './references.ts';
import type { Report } from './report.ts';
import { valueAt } from './report.ts';
import { checkReportingCycles } from './reporting-lines.ts';
import { checkUnique } from './uniqueness.ts';

/** The `reports_to` that says a body reports to no other body (absent says: not recorded). */
export const REPORTS_TO_NONE = 'none';

/** A body with its listed seats counted, voting and advisory apart. */
export interface CountedBody extends Body {
  /** Sum of voting seats, when seats are listed. */
  votingSeats?: number;
  /** Sum of advisory (non-voting) seats, when seats are listed. */
  advisorySeats?: number;
}

/**
 * Counts a body's seats: voting unless `voting: false`.
 *
 * @example
 * countSeats({ …, seats: [{ sector: 'Councillors', count: 10 }, { sector: 'Thematic', count: 5, voting: false }] })
 * // { …, votingSeats: 10, advisorySeats: 5 }
 */
export function countSeats(body: Body): CountedBody {
  if (!body.seats) return body;
  let voting = 0;
  let advisory = 0;
  for (const seat of body.seats) {
    if (seat.voting === false) advisory += seat.count;
    else voting += seat.count;
  }
  return { ...body, votingSeats: voting, advisorySeats: advisory };
}

/**
 * The rules about one file's bodies alone: unique ids and names, reporting
 * lines, sizes and quorums.
 *
 * @example
 * checkBodies('partnerships/x/structures/current.yaml', structure.bodies.map(countSeats), report)
 */
export function checkBodies(file: string, bodies: readonly CountedBody[], report: Report): void {
  const bodyIds = bodies.map((b) => b.id);
  const known = new Set(bodyIds);
  checkUnique(file, ['bodies'], bodies.map((b) => ({ id: b.id, name: b.name })), report);

  bodies.forEach((body, i) => {
    // `none` is the document saying the body reports to no other body: the top of the structure.
    if (body.reports_to != null && body.reports_to !== REPORTS_TO_NONE) {
      if (body.reports_to === body.id) {
        const fix = 'correct it or delete the key';
        report({
          file, severity: 'error', code: 'reporting-cycle', locator: valueAt('bodies', i, 'reports_to'), subject: body.id, actual: body.reports_to, fix,
          message: `\`reports_to\` is "${body.id}", the body itself; expected another body's id; ${fix}`,
        });
      } else if (!known.has(body.reports_to)) {
        report({
          file, severity: 'error', code: 'unknown-reference', locator: valueAt('bodies', i, 'reports_to'), subject: body.id,
          ...unknownReference('reports_to', body.reports_to, 'a body in this file', bodyIds.filter((id) => id !== body.id)),
        });
      }
    }
    checkSize(file, body, i, report);
  });
  checkReportingCycles(file, bodies, report);
}

/**
 * Whether the voting seats listed disagree with a stated size, and how the
 * size reads in a message: exact sizes must equal the seats; "around N" must
 * be within 10%; "at least" and "at most" are bounds.
 */
function sizeDisagreement(size: Quantity, voting: number): { stated: string; how: string } | undefined {
  if (typeof size === 'number') return size === voting ? undefined : { stated: `${size}`, how: '; expected them to agree' };
  if ('approx' in size) return Math.abs(voting - size.approx) > size.approx * 0.1 ? { stated: `around ${size.approx}`, how: ', more than 10% off; expected them to be close' } : undefined;
  if ('at_least' in size) return voting < size.at_least ? { stated: `at least ${size.at_least}`, how: ', fewer; expected at least that many' } : undefined;
  return voting > size.at_most ? { stated: `at most ${size.at_most}`, how: ', more; expected no more than that' } : undefined;
}

/**
 * The most members a stated size allows, for the quorum: an exact size, a
 * figure given as "around" or "at most"; none for "at least".
 */
function sizeLimit(size: Quantity): number | undefined {
  if (typeof size === 'number') return size;
  if ('approx' in size) return size.approx;
  return 'at_most' in size ? size.at_most : undefined;
}

/** Size against seats, and quorum against size. */
function checkSize(file: string, body: CountedBody, i: number, report: Report): void {
  const voting = body.votingSeats;
  const size = body.size;
  if (size != null && voting !== undefined && (body.seats?.length ?? 0) > 0) {
    const disagreement = sizeDisagreement(size, voting);
    if (disagreement) {
      const advisory = body.advisorySeats ? ` (not counting ${body.advisorySeats} advisory seats)` : '';
      const fix = 'if the source document really says both, leave them as they are: this note will be shown on the page';
      report({
        file, severity: 'warning', code: 'size-mismatch', locator: valueAt('bodies', i, 'size'), subject: body.id, expected: size, actual: voting, fix,
        message: `${body.name}: the stated size is ${disagreement.stated}, but the voting seats listed add up to ${voting}${advisory}${disagreement.how}; ${fix}`,
      });
    }
  }
  if (body.quorum != null) {
    const limit = size != null ? sizeLimit(size) : voting ?? body.members?.length;
    if (limit !== undefined && body.quorum > limit) {
      const fix = 'correct the quorum or the size';
      report({
        file, severity: 'error', code: 'quorum-exceeds-size', locator: valueAt('bodies', i, 'quorum'), subject: body.id, expected: limit, actual: body.quorum, fix,
        message: `${body.name}: the quorum is ${body.quorum}, more than the body's ${limit} members; expected a quorum no larger than the body; ${fix}`,
      });
    }
  }
}
