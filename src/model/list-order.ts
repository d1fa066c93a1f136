/** The kinds of a `list-sorted-descending` finding (see Finding.kind): an id listed twice is not an order problem alone. */
export const listOrderKinds = {
  /** An id listed twice, anywhere in the list. */
  idRepeated: 'id-repeated',
  /** A pair of distinct ids in ascending order. */
  ascendingPair: 'ascending-pair',
} as const;

/** An id that appears twice in a list of backup ids, or undefined. */
export function firstRepeatedId(ids: readonly bigint[]): { readonly index: number; readonly id: bigint } | undefined {
  const seen = new Set<bigint>();
  for (const [index, id] of ids.entries()) {
    if (seen.has(id)) return { index, id };
    seen.add(id);
  }
  return undefined;
}

/** Where a list of backup ids first stops being strictly descending. */
export interface OrderViolation {
  /** Index of the later id of the pair, so `ids[index - 1]` is `previous` and `ids[index]` is `next`. */
  readonly index: number;
  readonly previous: bigint;
  readonly next: bigint;
}

/**
 * The first place where a list of backup ids is not strictly descending, or undefined when the
 * whole list is. The spec states the order in prose (`#/paths/~1/get/description`, verbatim):
 *
 *   sorted in descending order of backupId
 *
 * Equal neighbours are reported too: a backup id names one backup, so a list that holds the same
 * id twice cannot be in descending order of it. Ids are bigints because backup ids are int64 and
 * may lie beyond 2^53 (spec/NOTES.md#ids-beyond-2-53). See spec/NOTES.md#list-order for why the
 * rule is enforced although Zeebe 8.2–8.8 return the list unsorted.
 */
export function firstOrderViolation(ids: readonly bigint[]): OrderViolation | undefined {
  for (let index = 1; index < ids.length; index++) {
    const previous = ids[index - 1] as bigint;
    const next = ids[index] as bigint;
    if (next >= previous) return { index, previous, next };
  }
  return undefined;
}
