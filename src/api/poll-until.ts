/** Bounds for polling: stop after `timeoutMs` or `maxAttempts`, whichever comes first. */
export interface PollBounds {
  readonly timeoutMs: number;
  readonly maxAttempts?: number;
  /** First pause between attempts; doubles up to `maxDelayMs`. */
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * Calls `attempt` until it returns `{ done: true }` or the bounds run out, backing off between
 * tries; with time to spare, one attempt is made at the deadline itself. Returns the last result, so the caller can report what it saw last.
 */
export async function pollUntil<T>(
  attempt: () => Promise<{ done: boolean; value: T }>,
  bounds: PollBounds,
): Promise<{ done: boolean; value: T; attempts: number }> {
  const deadline = performance.now() + bounds.timeoutMs;
  const maxAttempts = bounds.maxAttempts ?? 100;
  let delay = bounds.initialDelayMs ?? 50;
  let attempts = 0;
  for (;;) {
    const result = await attempt();
    attempts++;
    // The last pause is cut to the deadline, so the last attempt is made when the time is up, not
    // one long pause before it.
    const remaining = deadline - performance.now();
    if (result.done || attempts >= maxAttempts || remaining <= 0 || bounds.signal?.aborted === true) return { ...result, attempts };
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, remaining)));
    delay = Math.min(delay * 2, bounds.maxDelayMs ?? 2_000);
  }
}
