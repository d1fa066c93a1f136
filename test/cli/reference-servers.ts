import { after } from 'node:test';
import type { ReferenceServerOptions } from '../../src/server/options.js';
import type { ReceivedRequest } from '../../src/server/request/received-request.js';
import { startReferenceServer } from '../../src/server/reference-server.js';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  await Promise.all(closers.map((close) => close()));
});

/** Closes `close` when the importing test file ends. */
export function closeAfterTests(close: () => Promise<void>): void {
  closers.push(close);
}

export type ReferenceServer = Awaited<ReturnType<typeof startReferenceServer>>;

/**
 * A reference server on a free port, backups completing at once unless `options` say otherwise,
 * closed when the test file ends; `requests` holds every request it received, in order.
 */
export async function serveReference(
  options: ReferenceServerOptions = {},
): Promise<{ server: ReferenceServer; url: string; origin: string; requests: ReceivedRequest[] }> {
  const requests: ReceivedRequest[] = [];
  const server = await startReferenceServer({
    settleMs: 0,
    ...options,
    intercept: (request, planned) => {
      requests.push(request);
      return options.intercept === undefined ? planned : options.intercept(request, planned);
    },
  });
  closeAfterTests(() => server.close());
  return { server, url: server.url, origin: server.origin, requests };
}
