import type { Exchange } from '../http/exchange.js';
import type { TranscriptEntry } from './finding.js';

const MOST_EXCHANGES = 8;
const MOST_BODY_CHARACTERS = 2_048;

/**
 * The last exchanges of a reproduction, as a report shows them: bounded in count and body length,
 * so a finding about a 50 MB list stays small. Request headers are left out (curl lines have them,
 * redacted).
 */
export function toTranscript(exchanges: readonly Exchange[]): TranscriptEntry[] {
  return exchanges.slice(-MOST_EXCHANGES).map(({ request, response, failure }) => {
    const entry: TranscriptEntry = { request: `${request.method} ${request.url}` };
    if (failure !== undefined) return { ...entry, failure: `${failure.kind}: ${failure.message}` };
    if (response === undefined) return entry;
    const cut = response.truncated || response.bodyText.length > MOST_BODY_CHARACTERS;
    return {
      ...entry,
      status: response.status,
      ...(response.headers['content-type'] === undefined ? {} : { contentType: response.headers['content-type'] }),
      ...(response.bodyText === '' ? {} : { body: detachedPrefix(response.bodyText) }),
      ...(cut ? { bodyTruncated: true } : {}),
    };
  });
}

/**
 * The start of a body as a string of its own. V8 may keep a slice pointing into its parent, and a
 * finding's transcript outlives the exchange: a 2 KiB slice must not hold a 32 MiB body alive.
 */
function detachedPrefix(text: string): string {
  return Buffer.from(text.slice(0, MOST_BODY_CHARACTERS), 'utf8').toString('utf8');
}
