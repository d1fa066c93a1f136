import { defineCheck } from './check.js';

/** A request that times out, or a connection dropped before a full response, breaks the contract. */
export const responseReceived = defineCheck({
  rule: 'response-received',
  exercisedBy: 'request',
  run({ exchange }, fail) {
    const { failure } = exchange;
    if (failure === undefined) return;
    fail({
      kind: failure.kind,
      expected: failure.kind === 'timeout' ? 'a complete response within the request timeout' : 'a complete HTTP response',
      received: `${failure.kind}: ${failure.message}`,
    });
  },
});
