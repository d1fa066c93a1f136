import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseJson } from '../../src/http/parse-json.js';

const BASE_PATH = '/actuator/backups';

export interface LenientStore {
  /** The API's base URL, e.g. `http://127.0.0.1:41234/actuator/backups`. */
  readonly url: string;
  /** The ids the store holds now, each as the text its path would give. */
  ids(): string[];
  close(): Promise<void>;
}

/**
 * A store like json-server: whatever a take's JSON object holds as its `backupId` (a megabyte of
 * digits, `"abc"`, `58.5`, `true`) is kept and answered 201 with the object; the list answers every
 * object kept, a get answers one, a delete removes it. An id is addressed by the text of its value
 * (`abc`, `58.5`, `true`); a path longer than Node's header limit is refused 431 before the store
 * sees it, as on most servers.
 */
export async function startLenientStore(): Promise<LenientStore> {
  const kept = new Map<string, unknown>();
  const server = createServer((request, response) => {
    void readBody(request).then((body) => answer(kept, request, body, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    ids: () => [...kept.keys()],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(kept: Map<string, unknown>, request: IncomingMessage, body: string, response: ServerResponse): void {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  if (path === BASE_PATH || path === `${BASE_PATH}/`) {
    if (request.method === 'GET') return send(response, 200, [...kept.values()]);
    if (request.method === 'POST') return take(kept, body, response);
  } else if (path.startsWith(`${BASE_PATH}/`)) {
    const id = decodeURIComponent(path.slice(BASE_PATH.length + 1));
    const backup = kept.get(id);
    if (backup === undefined) return send(response, 404, {});
    if (request.method === 'GET') return send(response, 200, backup);
    if (request.method === 'DELETE') {
      kept.delete(id);
      return send(response, 200, {});
    }
  }
  send(response, 404, {});
}

function take(kept: Map<string, unknown>, body: string, response: ServerResponse): void {
  const parsed = parseJson(body);
  const object = parsed.ok ? parsed.exact : undefined;
  if (object === null || typeof object !== 'object' || Array.isArray(object) || !('backupId' in object)) return send(response, 400, {});
  kept.set(idText((object as { backupId: unknown }).backupId), object);
  send(response, 201, object);
}

/** The path text of a kept id: a string as it is, anything else as JSON writes it (a bigint in full). */
function idText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

function send(response: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value, (_key, member: unknown) => (typeof member === 'bigint' ? `@@${member}@@` : member)).replace(/"@@(-?\d+)@@"/g, '$1');
  response.writeHead(status, { 'content-type': 'application/json' }).end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(''));
  });
}
