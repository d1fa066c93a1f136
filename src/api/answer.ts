import { backupViews, type BackupView } from '../checks/backup-views.js';
import type { CheckInput } from '../checks/check.js';
import type { OperationRole } from '../spec/operation.js';
import type { RoleStatuses } from '../spec/role-statuses.js';

/**
 * Why an answer says nothing about the backups: no answer came, the server (or its gateway) failed,
 * or the status has no meaning for the operation (a 1xx or 3xx). The response checks judge the
 * status itself; what follows from it for the backup's life is "unknown".
 */
export interface Unclear {
  readonly kind: 'unclear';
  readonly why: 'no-answer' | 'server-error' | 'unexpected-status';
}

/** Refused as a bad request: a 4xx the spec gives no other meaning for this operation. */
export interface Refused {
  readonly kind: 'refused';
}

/** A take: the server scheduled it, refused it because the same or a higher id exists, or refused it otherwise. */
export type TakeAnswer = { readonly kind: 'accepted' } | { readonly kind: 'conflict' } | Refused | Unclear;

/** A get: the backup, when the body reads as one; not found; or refused. */
export type GetAnswer = { readonly kind: 'found'; readonly backup?: BackupView } | { readonly kind: 'not-found' } | Refused | Unclear;

/** A list: its backups, when the body reads as a list (absent: a 2xx whose body is no readable list). */
export type ListAnswer = { readonly kind: 'listed'; readonly backups?: readonly BackupView[] } | Refused | Unclear;

/** A delete: done, no backup with that id, or refused. */
export type DeleteAnswer = { readonly kind: 'deleted' } | { readonly kind: 'not-found' } | Refused | Unclear;

export interface AnswerOf {
  readonly take: TakeAnswer;
  readonly get: GetAnswer;
  readonly list: ListAnswer;
  readonly delete: DeleteAnswer;
}

export type Answer = AnswerOf[OperationRole];

/**
 * What an answer means for its operation, decided here and nowhere else. Success is any 2xx: the
 * take's 202 is documented, 201 and 200 happen, and in every case the backup now exists; whether the
 * status itself is the documented one is for the response checks (`status-code-documented`) to judge,
 * once. A refusal is the spec's own status for it (the conflict, not found, read by `RoleStatuses`);
 * any other 4xx is `refused`.
 */
export function interpretAnswer<R extends OperationRole>(role: R, statuses: RoleStatuses, input: CheckInput): AnswerOf[R];
export function interpretAnswer(role: OperationRole, statuses: RoleStatuses, input: CheckInput): Answer {
  const kind = answerKindOf(role, statuses, input.exchange.response?.status);
  if (kind === 'success') return success(role, input);
  return kind;
}

/**
 * The meaning of a status alone, for readers that see only the wire (the run's account of the
 * backups it created): `success` where `interpretAnswer` reads the body too.
 */
export function answerKindOf(
  role: OperationRole,
  statuses: RoleStatuses,
  status: number | undefined,
): 'success' | Exclude<Answer, { kind: 'accepted' | 'deleted' | 'found' | 'listed' }> {
  if (status === undefined) return { kind: 'unclear', why: 'no-answer' };
  if (status >= 500) return { kind: 'unclear', why: 'server-error' };
  if (status >= 200 && status < 300) return 'success';
  if (status >= 400) {
    if (role === 'take' && status === statuses.conflict) return { kind: 'conflict' };
    if ((role === 'get' || role === 'delete') && status === statuses.notFound) return { kind: 'not-found' };
    return { kind: 'refused' };
  }
  return { kind: 'unclear', why: 'unexpected-status' };
}

/** Whether the operation succeeded: a take accepted, a backup found, a list read, a delete done. */
export function isSuccess(answer: Answer): boolean {
  return answer.kind === 'accepted' || answer.kind === 'found' || answer.kind === 'listed' || answer.kind === 'deleted';
}

/** Whether the server refused the request (any 4xx: the conflict and not found among them). */
export function isRefusal(answer: Answer): boolean {
  return answer.kind === 'refused' || answer.kind === 'conflict' || answer.kind === 'not-found';
}

/** Whether an answer leaves the backup's fate unknown: no answer, a server error, a meaningless status. */
export function isUnclear(answer: Answer): answer is Unclear {
  return answer.kind === 'unclear';
}

function success(role: OperationRole, input: CheckInput): Answer {
  switch (role) {
    case 'take':
      return { kind: 'accepted' };
    case 'delete':
      return { kind: 'deleted' };
    case 'get': {
      const backup = readable(input) ? backupViews(input)[0] : undefined;
      return backup === undefined ? { kind: 'found' } : { kind: 'found', backup };
    }
    case 'list':
      return readable(input) && input.body?.ok === true && Array.isArray(input.body.exact)
        ? { kind: 'listed', backups: backupViews(input) }
        : { kind: 'listed' };
  }
}

/** A body that parsed, under the documented success status: the only answer whose body the spec describes. */
function readable(input: CheckInput): boolean {
  return input.body?.ok === true && input.exchange.response?.status === input.operation.successStatus;
}
