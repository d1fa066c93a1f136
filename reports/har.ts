import { STATUS_CODES } from 'node:http';
import type { ArchivedBody, ArchivedExchange, ExchangeRecord } from '../src/http/exchange-archive.js';
import { toolVersion } from '../src/tool-version.js';

const CUT_WORDS: Readonly<Record<NonNullable<ArchivedBody['cut']>, string>> = {
  'max-body-bytes': 'the run read no more of it (--max-body-bytes)',
  'kept-body-bytes': 'this file keeps at most that much of each body',
  'total-body-bytes': "this file's budget for all bodies was spent",
};

/**
 * exchanges.har: every request and response of the run as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/),
 * which browser devtools and HAR viewers open. Header values the run redacts are `***`; bodies
 * are cut to the archive's bounds, as the log's comment and each cut body's comment say. A
 * request that got no response has status 0 and its failure in `_error`, as Chromium writes it.
 */
export function toHar(record: ExchangeRecord): string {
  const mib = (bytes: number) => `${+(bytes / 1024 / 1024).toFixed(2)} MiB`;
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'backup-conformance', version: toolVersion },
      entries: record.exchanges.map(toEntry),
      comment:
        `Every request and response of the run, in the order sent. Response bodies were read up to ${record.readBodyBytes} bytes (--max-body-bytes); ` +
        `this file keeps at most ${mib(record.keptBodyBytes)} of each body and ${mib(record.totalBodyBytes)} of all bodies together, and says so on ` +
        `every body it cut. ` +
        'Values of credential headers and of the headers given with --header are ***.',
    },
  };
  return `${JSON.stringify(har, null, 1)}\n`;
}

function toEntry(exchange: ArchivedExchange): object {
  const { request, response, failure } = exchange;
  const time = response?.durationMs ?? failure?.durationMs ?? 0;
  const wait = response?.headersMs ?? time;
  const url = new URL(request.url);
  return {
    startedDateTime: new Date(exchange.startedAt).toISOString(),
    time: round(time),
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValues(request.headers),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(request.body === undefined
        ? {}
        : { postData: { mimeType: request.headers['content-type'] ?? '', text: request.body.text ?? '', ...cutComment(request.body) } }),
      headersSize: -1,
      bodySize: request.body?.bytes ?? 0,
    },
    response:
      response === undefined
        ? {
            status: 0,
            statusText: '',
            httpVersion: '',
            cookies: [],
            headers: [],
            content: { size: 0, mimeType: 'x-unknown' },
            redirectURL: '',
            headersSize: -1,
            bodySize: -1,
            comment: `no response: ${failure?.message ?? 'unknown'}`,
          }
        : {
            status: response.status,
            statusText: STATUS_CODES[response.status] ?? '',
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: nameValues(response.headers),
            content: {
              size: response.body.bytes,
              mimeType: response.headers['content-type'] ?? 'x-unknown',
              ...(response.body.text === undefined ? {} : { text: response.body.text }),
              ...cutComment(response.body),
            },
            redirectURL: response.headers['location'] ?? '',
            headersSize: -1,
            bodySize: bodySize(response.headers),
          },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: round(wait), receive: round(Math.max(time - wait, 0)), ssl: -1 },
    ...(failure === undefined ? {} : { _error: `${failure.kind}: ${failure.message}` }),
    comment: `request ${exchange.seq} of the run`,
  };
}

function cutComment(body: ArchivedBody): { comment?: string } {
  if (body.cut === undefined) return {};
  const kept = body.text === undefined ? 'left out' : `cut to its first ${Buffer.byteLength(body.text)} bytes`;
  return { comment: `${kept} of ${body.bytes}${body.cut === 'max-body-bytes' ? ' read' : ''}: ${CUT_WORDS[body.cut]}` };
}

/** The body's size on the wire when the server announced it, else unknown (-1), as HAR has it. */
function bodySize(headers: Readonly<Record<string, string>>): number {
  const announced = Number(headers['content-length']);
  return Number.isSafeInteger(announced) && announced >= 0 ? announced : -1;
}

function nameValues(headers: Readonly<Record<string, string>>): { name: string; value: string }[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
