import { interpretAnswer, type AnswerOf } from '../../src/api/answer.js';
import type { Observation } from '../../src/api/backup-api.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import type { OperationRole } from '../../src/spec/operation.js';
import { makeFailedInput, makeInput } from './make-input.js';

/**
 * An observation of the operation of `role` answering `status` with `body` (or, for `status`
 * undefined, no answer: a timeout), read the way the API layer reads it, with no response findings.
 */
export function makeObservation<R extends OperationRole>(index: OperationIndex, role: R, status: number | undefined, body?: unknown): Observation<R> {
  const operation = index.byRole[role];
  const input = status === undefined ? makeFailedInput(operation, 'timeout') : makeInput(operation, status, body);
  const answer: AnswerOf[R] = interpretAnswer(role, index.statuses, input);
  return {
    operation,
    exchange: input.exchange,
    ...(status === undefined ? {} : { status }),
    ...(input.body === undefined ? {} : { body: input.body }),
    answer,
    findings: [],
  };
}
