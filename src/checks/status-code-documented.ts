import { defineCheck } from './check.js';

/**
 * The status must be one the spec documents for the operation. 5xx statuses belong to
 * `not-a-server-error`; a client error to a deliberately invalid request is judged by the negative
 * suite. Where the operation documents no 4xx at all (DELETE), an undocumented 4xx is left
 * inconclusive: the spec is silent on what the server should say (spec/NOTES.md#delete-undocumented-statuses).
 */
export const statusCodeDocumented = defineCheck({
  rule: 'status-code-documented',
  run({ operation, exchange, intent }, fail) {
    const status = exchange.response?.status;
    if (status === undefined || status >= 500) return;
    if (operation.responseFor(status) !== undefined) return;
    const isClientError = status >= 400 && status < 500;
    if (isClientError && intent === 'invalid') return;
    const documentsClientErrors = operation.responses.some((r) => r.key.startsWith('4'));
    fail({
      expected: `one of ${operation.responses.map((r) => r.key).join(', ')}`,
      received: String(status),
      ...(isClientError && !documentsClientErrors ? { verdict: 'inconclusive' as const, specPointer: 'spec/NOTES.md#delete-undocumented-statuses' } : {}),
    });
  },
});
