import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { request } from 'undici';
import { curlScript } from '../../src/findings/curl-script.js';
import { createClient } from '../../src/http/client.js';
import type { Exchange } from '../../src/http/exchange.js';
import type { ReceivedRequest } from '../../src/server/request/received-request.js';
import { startReferenceServer, type RunningServer } from '../../src/server/reference-server.js';

const run = promisify(execFile);

/** What a request looked like on arrival, minus what only the transport decides. */
interface Arrival {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

// Set by the transport, not by the request: curl and undici differ here and no server judges them.
const TRANSPORT_HEADERS = new Set(['host', 'connection', 'content-length', 'user-agent', 'transfer-encoding', 'keep-alive']);

async function recordingServer(): Promise<{ server: RunningServer; arrivals: Arrival[] }> {
  const arrivals: Arrival[] = [];
  const note = (received: ReceivedRequest): void => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(received.headers)) if (!TRANSPORT_HEADERS.has(name) && value !== undefined) headers[name] = String(value);
    arrivals.push({ method: received.method, url: received.url, headers, body: received.bodyText });
  };
  const server = await startReferenceServer({ settleMs: 0, intercept: (received, planned) => (note(received), planned) });
  return { server, arrivals };
}

/** The words of a line written by toCurl: bare words and single-quoted ones (with `'\''` for a quote). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/(?:'((?:[^']|'\\'')*)'|(\S+))/g)) words.push(match[1] === undefined ? match[2]! : match[1].replace(/'\\''/g, "'"));
  return words;
}

/** Sends a curl line with undici, for a machine without curl: -X, -H (an empty value sends none), --data-raw, the URL. */
async function sendParsed(line: string): Promise<number> {
  const words = shellWords(line.replace(/ # [^']*$/, '')).slice(1);
  let method = 'GET';
  let body: string | undefined;
  let url = '';
  const headers: Record<string, string> = { accept: '*/*' };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-X') method = words[++i]!;
    else if (word === '-H') {
      const [name, ...rest] = words[++i]!.split(':');
      const value = rest.join(':').trim();
      if (value === '') delete headers[name!.toLowerCase()];
      else headers[name!.toLowerCase()] = value;
    } else if (word === '--data-raw') {
      body = words[++i]!;
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
    } else if (!word.startsWith('-')) url = word;
  }
  const answer = await request(url, { method: method as 'GET', headers, ...(body === undefined ? {} : { body }) });
  await answer.body.dump();
  return answer.statusCode;
}

/** Runs a curl line in a shell, as a reader would paste it, and returns the final status of its `-i` output. */
async function sendWithCurl(line: string): Promise<number> {
  const { stdout } = await run('sh', ['-c', line]);
  const statuses = [...stdout.matchAll(/^HTTP\/[\d.]+ (\d{3})/gm)].map((m) => Number(m[1]));
  return statuses[statuses.length - 1] ?? 0;
}

async function hasCurl(): Promise<boolean> {
  try {
    await run('curl', ['--version']);
    return true;
  } catch {
    return false;
  }
}

describe('printed curl lines replayed against a fresh reference server', () => {
  it('send the requests the suite sent and get the answers it got', async (t) => {
    const viaCurl = await hasCurl();
    if (!viaCurl) t.diagnostic('curl is not installed: the lines are parsed and sent with undici instead');
    const original = await recordingServer();
    const fresh = await recordingServer();
    const client = createClient({ timeoutMs: 5_000, maxBodyBytes: 1 << 20, defaultHeaders: { accept: 'application/json', 'x-tenant': "o'hara" } });
    const base = original.server.url;
    const exchanges: Exchange[] = [];
    try {
      const send = async (spec: Parameters<typeof client.send>[0]) => void exchanges.push(await client.send(spec));
      await send({ method: 'POST', url: base, headers: { 'content-type': 'application/json' }, body: '{"backupId":5}' });
      // A take without Content-Type: curl must not add its form media type.
      await send({ method: 'POST', url: base, body: '{"backupId":6}' });
      // Exact bytes: spaces, a newline, a quote and non-ASCII text.
      await send({ method: 'POST', url: base, headers: { 'content-type': 'application/json' }, body: '{ "backupId" : 7 ,\n "note": "it\'s é" }' });
      await send({ method: 'GET', url: `${base}/5` });
      await send({ method: 'GET', url: `${base}/5` });
      await send({ method: 'GET', url: base });
      await send({ method: 'DELETE', url: `${base}/6` });
      await send({ method: 'GET', url: `${base}/6` });
      await send({ method: 'GET', url: `${base}/[1]` });
      const lines = curlScript(exchanges, new Set());
      assert.equal(lines.length, exchanges.length - 1, 'the repeated get is written once');
      const statuses: number[] = [];
      for (const line of lines) {
        // A poll is written once, with how often the suite sent it: send it as often.
        const times = Number(/ # .*?(\d+) times?/.exec(line)?.[1] ?? 1);
        for (let i = 0; i < times; i++) statuses.push(await (viaCurl ? sendWithCurl : sendParsed)(line.replaceAll(base, fresh.server.url)));
      }
      const port = (url: string) => new URL(url).host;
      const replayed = fresh.arrivals.map((a) => ({ ...a, url: a.url.replaceAll(port(fresh.server.url), port(base)) }));
      assert.deepEqual(replayed, original.arrivals);
      assert.deepEqual(
        statuses,
        exchanges.map((e) => e.response?.status),
      );
    } finally {
      await client.close();
      await original.server.close();
      await fresh.server.close();
    }
  });
});
