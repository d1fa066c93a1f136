import { INT64_MIN, type Expectation, type PathProbe } from './invalid-probe.js';

const REFUSE: Expectation = { kind: 'refuse' };
const DELETE_BELOW_MINIMUM: Expectation = { kind: 'may-accept', note: 'spec/NOTES.md#deleting-an-id-below-the-minimum' };

function probe(label: string, write: (id: bigint) => string, onDelete: Expectation = REFUSE, forGet = true): PathProbe {
  return { forGet, onDelete, render: (id) => ({ label, value: write(id) }) };
}

/**
 * The fixed boundary list of `{backupId}` path values: non-numeric, negative, fractional,
 * beyond int64 on both sides, with a percent-encoded slash, and empty (for deletes only: an
 * empty id turns a get into the list operation's URL).
 */
export const invalidBoundaryPathIds: readonly PathProbe[] = [
  probe('a non-numeric id', () => 'abc'),
  probe('an id followed by letters', (id) => `${id}abc`),
  probe('a negative id', (id) => `-${id}`, DELETE_BELOW_MINIMUM),
  probe('a fraction', (id) => `${id}.5`),
  probe('2^63, one above the int64 range', () => String(2n ** 63n)),
  probe('2^64', () => String(2n ** 64n)),
  probe('one below the int64 range', () => String(INT64_MIN - 1n)),
  probe('40 digits', () => '9'.repeat(40)),
  probe('an id with a percent-encoded slash', (id) => `${id}%2F${id}`),
  probe('an empty id', () => '', REFUSE, false),
];
