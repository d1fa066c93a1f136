import { defineCheck } from './check.js';

/** A body over --max-body-bytes is not read to the end, so it cannot be judged. */
export const responseBodyWithinLimit = defineCheck({
  rule: 'response-body-within-limit',
  exercisedBy: 'answer',
  applies: ({ exchange }) => exchange.response !== undefined,
  run({ exchange }, fail) {
    const response = exchange.response;
    if (response === undefined || !response.truncated) return;
    fail({
      kind: 'body-over-limit',
      expected: 'a body within --max-body-bytes',
      received: `more than ${Buffer.byteLength(response.bodyText)} bytes; the rest was not read and the body was not validated`,
      verdict: 'inconclusive',
    });
  },
});
