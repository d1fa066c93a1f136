import { request as httpRequest } from 'node:http';

/** What came back from the server, read once. */
export interface ApiAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly contentType: string | undefined;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  readonly json: unknown;
}

export interface ApiCall {
  readonly method?: string;
  /** Sent as is; with no `content-type` header given, as application/json. */
  readonly body?: string;
  /** Header names lower-case. A `content-type` of null sends none. */
  readonly headers?: Readonly<Record<string, string | null>>;
}

/**
 * One request with node:http rather than fetch, which always adds an Accept header and a
 * Content-Type for text bodies: tests need to send neither. No keep-alive agent: a closed
 * server must not leave a pooled socket behind for the next test.
 */
export function callApi(url: string, call: ApiCall = {}): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  for (const [name, value] of Object.entries(call.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: call.method ?? 'GET', headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          contentType: response.headers['content-type'],
          text,
          json: parseOrUndefined(text),
        });
      });
    });
    request.on('error', reject);
    request.end(call.body);
  });
}

/** POST / with a JSON body. */
export function takeBackup(baseUrl: string, body: string): Promise<ApiAnswer> {
  return callApi(baseUrl, { method: 'POST', body });
}

function parseOrUndefined(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
