import type { HttpClient } from '../http/client.js';
import type { Exchange } from '../http/exchange.js';
import { isGatewayUnavailable } from '../http/gateway-unavailable.js';
import { pollUntil } from './poll-until.js';

/** At most this long between two tries, so a target that comes up is noticed soon. */
const MAX_PAUSE_MS = 2_000;

/**
 * Waits, at most `durationMs`, until the target answers with something other than a network
 * failure or a gateway's "starting" status: for CI jobs that start a cluster and the suite
 * together. Says how each try went. Returns the last try and whether the target was up by then.
 */
export async function waitForTarget(
  client: HttpClient,
  url: string,
  durationMs: number,
  signal: AbortSignal,
  progress: (message: string) => void,
): Promise<{ readonly up: boolean; readonly last: Exchange }> {
  const started = performance.now();
  const result = await pollUntil<Exchange>(
    async () => {
      const probe = await client.send({ method: 'GET', url, maxBodyBytes: 4096 });
      const status = probe.response?.status;
      const ready = status !== undefined && !isGatewayUnavailable(status);
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      progress(
        ready
          ? `${url} answers (${status}) after ${seconds} s`
          : `waiting for ${url}: ${status === undefined ? (probe.failure?.message ?? 'no answer') : `it answers ${status}`} (${seconds} s of ` +
              `${(durationMs / 1000).toFixed(0)} s)`,
      );
      return { done: ready, value: probe };
    },
    { timeoutMs: durationMs, maxAttempts: Math.ceil(durationMs / 250) + 1, initialDelayMs: 250, maxDelayMs: MAX_PAUSE_MS, signal },
  );
  return { up: result.done, last: result.value };
}
