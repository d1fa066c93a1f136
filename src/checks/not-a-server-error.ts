import { defineCheck } from './check.js';
import { isGatewayUnavailable } from '../http/gateway-unavailable.js';

/**
 * The spec documents 500 as "Internal Error", which is not an answer. A 5xx to a request that
 * deserved a 4xx, a 500, or a 502/503/504 that repeats on retry is a violation; a one-off
 * 502/503/504 to a valid request is inconclusive (spec/NOTES.md#undocumented-5xx).
 */
export const notAServerError = defineCheck({
  rule: 'not-a-server-error',
  exercisedBy: 'answer',
  applies: ({ exchange }) => exchange.response !== undefined,
  run({ exchange, intent, repeated }, fail) {
    const status = exchange.response?.status;
    if (status === undefined || status < 500) return;
    const received = `${status} ${summarise(exchange.response?.bodyText ?? '')}`.trim();
    if (intent === 'invalid') {
      fail({
        kind: `status-${status}-to-invalid-request`,
        expected: 'a 4xx refusal of an invalid request',
        received,
        specPointer: 'spec/NOTES.md#undocumented-5xx',
      });
    } else if (isGatewayUnavailable(status) && repeated !== true) {
      fail({
        kind: `status-${status}-once`,
        expected: 'a non-5xx answer',
        received: `${received} (once; the cluster may have been unavailable)`,
        verdict: 'inconclusive',
        specPointer: 'spec/NOTES.md#undocumented-5xx',
      });
    } else {
      fail({
        kind: repeated === true ? `status-${status}-repeated` : `status-${status}`,
        expected: 'a non-5xx answer',
        received: repeated === true ? `${received}, again on retry` : received,
        specPointer: 'spec/NOTES.md#undocumented-5xx',
      });
    }
  },
});

function summarise(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat === '') return '';
  return `(${flat.length > 120 ? `${flat.slice(0, 120)}…` : flat})`;
}
