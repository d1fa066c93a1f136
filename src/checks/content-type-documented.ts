import { plural } from '../text/plural.js';
import { defineCheck } from './check.js';
import { mediaTypeEssence, mediaTypeMatches } from './media-type-matches.js';

/** A body must carry a documented media type; a response documented without content must have no body. */
export const contentTypeDocumented = defineCheck({
  rule: 'content-type-documented',
  exercisedBy: 'answer with a body and a documented status',
  applies: ({ operation, exchange }) =>
    exchange.response !== undefined && exchange.response.bodyText.length > 0 && operation.responseFor(exchange.response.status) !== undefined,
  run({ operation, exchange }, fail) {
    const response = exchange.response;
    if (response === undefined) return;
    const documented = operation.responseFor(response.status);
    if (documented === undefined) return;
    const hasBody = response.bodyText.length > 0;
    if (!hasBody) return;
    const specPointer = documented.pointer;
    if (documented.mediaTypes.length === 0) {
      fail({
        kind: 'body-where-none-documented',
        expected: `no body (${documented.key}: ${documented.description})`,
        received: `a body of ${plural(response.bodyText.length, 'character')}`,
        specPointer,
      });
      return;
    }
    const contentType = response.headers['content-type'];
    if (contentType === undefined) {
      fail({ kind: 'no-content-type', expected: `Content-Type ${documented.mediaTypes.join(' or ')}`, received: 'no Content-Type header', specPointer });
      return;
    }
    if (!documented.mediaTypes.some((type) => mediaTypeMatches(contentType, type))) {
      fail({
        kind: `content-type-${mediaTypeEssence(contentType)}`,
        expected: `Content-Type ${documented.mediaTypes.join(' or ')}`,
        received: `Content-Type ${contentType}`,
        specPointer,
      });
    }
  },
});
