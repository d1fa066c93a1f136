import { defineCheck } from './check.js';

/** A request that times out, or a connection dropped before a full response, breaks the contract. */
export const responseReceived = defineCheck({
  id: 'response-received',
  title: 'The server answers every request with a complete HTTP response in time',
  severity: 'high',
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
