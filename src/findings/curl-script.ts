import { toCurl } from '../http/curl.js';
import type { Exchange } from '../http/exchange.js';
import { parseJson } from '../http/parse-json.js';
import { plural } from '../text/plural.js';

/**
 * The curl lines of a sequence of exchanges, in order, with a poll written once: a run of the same
 * request sent again and again (waiting for a backup to settle, or to be gone) becomes one line
 * ending in a shell comment that says what to wait for,
 * `curl … # repeat until it answers 404 (the suite sent it 10 times)`.
 */
export function curlScript(exchanges: readonly Exchange[], redactedHeaders: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  for (let start = 0; start < exchanges.length;) {
    const line = toCurl(exchanges[start]!.request, redactedHeaders);
    let end = start + 1;
    while (end < exchanges.length && toCurl(exchanges[end]!.request, redactedHeaders) === line) end++;
    lines.push(end - start > 1 ? `${line} ${pollComment(exchanges.slice(start, end))}` : line);
    start = end;
  }
  return lines;
}

function pollComment(poll: readonly Exchange[]): string {
  const first = answerOf(poll[0]!);
  const last = answerOf(poll[poll.length - 1]!);
  const sent = plural(poll.length, 'time');
  if (first === last) return `# the suite sent this ${sent}; each time it answered ${last}`;
  return `# repeat until it answers ${last} (the suite sent it ${sent})`;
}

/** What an answer said, as far as a poll waits for it: the status, and a backup's state. */
function answerOf(exchange: Exchange): string {
  const { response, failure } = exchange;
  if (response === undefined) return `no answer (${failure?.kind ?? 'no response'})`;
  const body = response.bodyText.length > 0 && !response.truncated ? parseJson(response.bodyText) : undefined;
  const state =
    body?.ok === true && body.value !== null && typeof body.value === 'object' && !Array.isArray(body.value)
      ? (body.value as Record<string, unknown>)['state']
      : undefined;
  return typeof state === 'string' ? `${response.status} with state ${state}` : String(response.status);
}
