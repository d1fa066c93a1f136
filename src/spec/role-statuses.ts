import { proseRule, responseStating, type ProseRuleId } from './prose-rules.js';
import type { Operation, OperationRole } from './operation.js';

/**
 * The status of each outcome the suites judge, read from the documented responses of the
 * operations, so that no suite types them again. In the bundled spec: 202, 409, 200, 200, 404, 204. (An invalid
 * request may be refused with any 4xx: the negative suite needs no status of its own.)
 */
export interface RoleStatuses {
  /** A take was scheduled: the take's documented 2xx. */
  readonly accepted: number;
  /** A take was refused because a backup with the same or a higher id exists. */
  readonly conflict: number;
  /** The list was read: the list's documented 2xx. */
  readonly listed: number;
  /** A backup was found: the get's documented 2xx. */
  readonly found: number;
  /** No backup has the requested id. */
  readonly notFound: number;
  /** A backup was deleted: the delete's documented 2xx. */
  readonly deleted: number;
}

/**
 * Reads the statuses from the operations by role. A success is the operation's `successStatus`;
 * a refusal is the documented 4xx whose description says it (the spec's own sentence). Where the
 * document says neither, the HTTP status with that meaning stands in (202 Accepted, 409 Conflict,
 * 404 Not Found, ...), and the rule whose sentence is missing is reported as not checked.
 */
export function roleStatuses(byRole: Readonly<Record<OperationRole, Operation>>): RoleStatuses {
  return Object.freeze({
    accepted: byRole.take.successStatus ?? 202,
    conflict: refusalOf(byRole.take, 'take-conflict-same-or-higher', 409),
    listed: byRole.list.successStatus ?? 200,
    found: byRole.get.successStatus ?? 200,
    notFound: refusalOf(byRole.get, 'get-unknown-not-found', 404),
    deleted: byRole.delete.successStatus ?? 204,
  });
}

function refusalOf(operation: Operation, sentence: ProseRuleId, usual: number): number {
  const stating = responseStating(
    operation.responses.filter((response) => /^4\d\d$/.test(response.key)),
    proseRule(sentence),
  );
  return stating === undefined ? usual : Number(stating.key);
}
