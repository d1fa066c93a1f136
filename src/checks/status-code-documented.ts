import { defineCheck } from './check.js';

/**
 * The status must be one the spec documents for the operation. 5xx statuses belong to
 * `not-a-server-error`; a client error to a deliberately invalid request is judged by the negative
 * suite. DELETE documents 204 and 5xx only: a 4xx to a valid id, such as a 404 for an id never
 * taken, is a violation like any undocumented status; real Zeebe answers 204 there
 * (spec/NOTES.md#delete-undocumented-statuses).
 */
export const statusCodeDocumented = defineCheck({
  rule: 'status-code-documented',
  exercisedBy: 'answer with a status below 500',
  applies: ({ exchange }) => exchange.response !== undefined && exchange.response.status < 500,
  run({ operation, exchange, intent }, fail) {
    const status = exchange.response?.status;
    if (status === undefined || status >= 500) return;
    if (operation.responseFor(status) !== undefined) return;
    const isClientError = status >= 400 && status < 500;
    if (isClientError && intent === 'invalid') return;
    const documentsClientErrors = operation.responses.some((r) => r.key.startsWith('4'));
    fail({
      kind: `status-${status}`,
      expected: `one of ${operation.responses.map((r) => r.key).join(', ')}`,
      received: String(status),
      specPointer: isClientError && !documentsClientErrors ? 'spec/NOTES.md#delete-undocumented-statuses' : `${operation.pointer}/responses`,
    });
  },
});
