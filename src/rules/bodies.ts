/**
 * The rules about one structure's bodies: ids and names used once, reporting
 * lines that name a body of the file, a stated size against the seats listed,
 * and a quorum no larger than the body.
 */
import type { Body } from '../schemas/index.ts';
import { unknownReference } from './references.ts';
import type { Report } from './report.ts';
import { valueAt } from './report.ts';
import { checkReportingCycles } from './reporting-lines.ts';
import { checkUnique } from './uniqueness.ts';

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
    if (body.reports_to != null) {
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

/** Size against seats, and quorum against size. */
function checkSize(file: string, body: CountedBody, i: number, report: Report): void {
  const voting = body.votingSeats;
  const size = body.size;
  if (size != null && voting !== undefined && (body.seats?.length ?? 0) > 0) {
    const advisory = body.advisorySeats ? ` (not counting ${body.advisorySeats} advisory seats)` : '';
    const fix = 'if the source document really says both, leave them as they are: this note will be shown on the page';
    const facts = { file, severity: 'warning', code: 'size-mismatch', locator: valueAt('bodies', i, 'size'), subject: body.id, expected: size, actual: voting, fix } as const;
    if (typeof size === 'number' && size !== voting) {
      report({ ...facts, message: `${body.name}: the stated size is ${size}, but the voting seats listed add up to ${voting}${advisory}; expected them to agree; ${fix}` });
    } else if (typeof size === 'object' && Math.abs(voting - size.approx) > size.approx * 0.1) {
      report({ ...facts, message: `${body.name}: the stated size is around ${size.approx}, but the voting seats listed add up to ${voting}${advisory}, more than 10% off; expected them to be close; ${fix}` });
    }
  }
  if (body.quorum != null) {
    const limit = typeof size === 'number' ? size : size ? size.approx : voting ?? body.members?.length;
    if (limit !== undefined && body.quorum > limit) {
      const fix = 'correct the quorum or the size';
      report({
        file, severity: 'error', code: 'quorum-exceeds-size', locator: valueAt('bodies', i, 'quorum'), subject: body.id, expected: limit, actual: body.quorum, fix,
        message: `${body.name}: the quorum is ${body.quorum}, more than the body's ${limit} members; expected a quorum no larger than the body; ${fix}`,
      });
    }
  }
}
