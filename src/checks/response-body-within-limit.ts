import { defineCheck } from './check.js';

/**
 * A body over --max-body-bytes is not read to the end. The spec bounds no body's size, so the
 * bound is the tool's documented one (spec/NOTES.md#response-bodies-beyond-the-read-limit): where
 * the spec documents one object (a take's answer, an error, one backup), whose size does not grow
 * with the backups held, a body past the bound is a violation, as an answer past --timeout is; a
 * documented array (the list) grows with the store, so a cut one is only inconclusive, and so is
 * the body of a status the spec does not document.
 */
export const responseBodyWithinLimit = defineCheck({
  rule: 'response-body-within-limit',
  exercisedBy: 'answer',
  applies: ({ exchange }) => exchange.response !== undefined,
  run({ operation, exchange }, fail) {
    const response = exchange.response;
    if (response === undefined || !response.truncated) return;
    const read = `more than ${Buffer.byteLength(response.bodyText)} bytes; the rest was not read and the body was not validated`;
    const documented = operation.responseFor(response.status);
    if (documented === undefined || (documented.jsonSchema as { type?: unknown } | undefined)?.type === 'array') {
      fail({ kind: 'body-over-limit', expected: 'a body within --max-body-bytes', received: read, verdict: 'inconclusive' });
      return;
    }
    fail({
      kind: 'single-body-over-limit',
      expected: 'a body within --max-body-bytes: the spec documents one object here, whose size does not grow with the backups held',
      received: read,
    });
  },
});
