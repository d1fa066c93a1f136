import { type Expectation, type PathProbe } from './invalid-probe.js';
import { formatRange, integerBounds } from './integer-bounds.js';

const REFUSE: Expectation = { kind: 'refuse' };
const DELETE_BELOW_MINIMUM: Expectation = { kind: 'may-accept', note: 'spec/NOTES.md#deleting-an-id-below-the-minimum' };

function probe(label: string, write: (id: bigint) => string, onDelete: Expectation = REFUSE, forGet = true): PathProbe {
  return { forGet, onDelete, render: (id) => ({ label, value: write(id) }) };
}

/**
 * The fixed boundary list of `{backupId}` path values, its edges read from the parameter's schema:
 * non-numeric, negative, fractional, beyond the range on both sides (one above the highest, twice
 * the format's range, one below it), with a percent-encoded slash, and empty (for deletes only: an
 * empty id turns a get into the list operation's URL).
 */
export function invalidBoundaryPathIds(schema: unknown): readonly PathProbe[] {
  const bounds = integerBounds(schema);
  const format = formatRange(schema);
  return [
    probe('a non-numeric id', () => 'abc'),
    probe('an id followed by letters', (id) => `${id}abc`),
    ...(bounds?.lowest !== undefined && bounds.lowest >= 0n ? [probe('a negative id', (id) => `-${id}`, DELETE_BELOW_MINIMUM)] : []),
    probe('a fraction', (id) => `${id}.5`),
    ...(bounds?.highest === undefined ? [] : [probe(`one above the ${bounds.highestSource}`, () => String((bounds.highest as bigint) + 1n))]),
    ...(format === undefined
      ? []
      : [
          probe(`twice the ${format.format} range`, () => String(2n * (format.highest + 1n))),
          probe(`one below the ${format.format} range`, () => String(format.lowest - 1n)),
        ]),
    probe('40 digits', () => '9'.repeat(40)),
    probe('an id with a percent-encoded slash', (id) => `${id}%2F${id}`),
    probe('an empty id', () => '', REFUSE, false),
  ];
}
