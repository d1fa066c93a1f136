import { defineCheck } from './check.js';
import { mediaTypeMatches } from './media-type-matches.js';

/** A body must carry a documented media type; a response documented without content must have no body. */
export const contentTypeDocumented = defineCheck({
  rule: 'content-type-documented',
  run({ operation, exchange }, fail) {
    const response = exchange.response;
    if (response === undefined) return;
    const documented = operation.responseFor(response.status);
    if (documented === undefined) return;
    const hasBody = response.bodyText.length > 0;
    if (!hasBody) return;
    const specPointer = documented.pointer;
    if (documented.mediaTypes.length === 0) {
      fail({ expected: `no body (${documented.key}: ${documented.description})`, received: `a ${response.bodyText.length}-character body`, specPointer });
      return;
    }
    const contentType = response.headers['content-type'];
    if (contentType === undefined) {
      fail({ expected: `Content-Type ${documented.mediaTypes.join(' or ')}`, received: 'no Content-Type header', specPointer });
      return;
    }
    if (!documented.mediaTypes.some((type) => mediaTypeMatches(contentType, type))) {
      fail({ expected: `Content-Type ${documented.mediaTypes.join(' or ')}`, received: `Content-Type ${contentType}`, specPointer });
    }
  },
});
