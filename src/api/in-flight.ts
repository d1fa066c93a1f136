/**
 * Calls `work` on every item, at most `limit` calls in flight at once, starting them in the items'
 * order, and resolves to their results in that order. No call starts once `stop` is aborted: the
 * result of an item never started is undefined. Callers judge the results in the items' order, so
 * that what a run reports does not depend on which answer came first.
 */
export async function inFlight<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  stop?: AbortSignal,
): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = items.map(() => undefined);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && stop?.aborted !== true) {
      const at = next++;
      results[at] = await work(items[at] as T, at);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
