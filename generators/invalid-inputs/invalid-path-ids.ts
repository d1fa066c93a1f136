import fc from 'fast-check';
import { formatRange, integerBounds } from './integer-bounds.js';
import { type Expectation, type PathIdText, type PathProbe } from './invalid-probe.js';

// URL-unreserved characters: the value goes into the path as written, with nothing to encode,
// and no dot-only segment ('.', '..') that a URL parser would resolve away.
const UNRESERVED = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_~');
const NON_HEX_LETTER = fc.constantFrom(...'ghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ');
const DIGIT = fc.constantFrom(...'0123456789');
const REFUSE: Expectation = { kind: 'refuse' };
/** A delete documents no 4xx, and deleting an id that cannot exist deletes nothing. */
const DELETE_BELOW_MINIMUM: Expectation = { kind: 'may-accept', note: 'spec/NOTES.md#deleting-an-id-below-the-minimum' };

/**
 * Path ids that break the `{backupId}` parameter's schema, derived from it: not an integer
 * (letters, a fraction), below its lowest valid value, above its highest one, or with a
 * percent-encoded slash or backslash. Plain decimal digits only otherwise: other spellings of a
 * valid id (`007`, `+5`) are not judged (spec/NOTES.md#numeric-string-ids).
 */
export function invalidPathIds(schema: unknown): fc.Arbitrary<PathProbe> {
  const bounds = integerBounds(schema);
  const format = formatRange(schema);
  const families: fc.Arbitrary<PathProbe>[] = [
    fc.tuple(NON_HEX_LETTER, fc.string({ unit: UNRESERVED, maxLength: 12 })).map(([first, rest]) => constant(first + rest, 'a non-numeric id')),
    fc
      .tuple(NON_HEX_LETTER, fc.string({ unit: UNRESERVED, maxLength: 6 }))
      .map(([first, rest]) => around((id) => `${id}${first}${rest}`, 'an id followed by letters')),
    fc
      .tuple(fc.string({ unit: DIGIT, maxLength: 3 }), fc.constantFrom(...'123456789'))
      .map(([digits, last]) => around((id) => `${id}.${digits}${last}`, 'a fraction')),
    fc
      .tuple(fc.constantFrom('%2F', '%2f', '%5C', '%2F%2F'), fc.constantFrom('before', 'between', 'after'))
      .map(([escape, where]) =>
        around(
          (id) => (where === 'before' ? `${escape}${id}` : where === 'after' ? `${id}${escape}` : `${id}${escape}${id}`),
          `an id with ${escape} (a percent-encoded separator)`,
        ),
      ),
  ];
  if (bounds?.lowest !== undefined) {
    const lowest = bounds.lowest;
    families.push(
      fc
        .oneof(fc.constant(lowest - 1n), fc.bigInt({ min: lowest - 2n ** 64n, max: lowest - 1n }))
        .map((value) =>
          constant(String(value), `below the ${bounds.lowestSource}`, format === undefined || value >= format.lowest ? DELETE_BELOW_MINIMUM : REFUSE),
        ),
    );
  }
  if (bounds?.highest !== undefined) {
    const highest = bounds.highest;
    const digits = fc
      .tuple(fc.constantFrom(...'123456789'), fc.string({ unit: DIGIT, minLength: String(highest).length, maxLength: 60 }))
      .map(([lead, rest]) => lead + rest);
    families.push(
      fc
        .oneof(fc.constant(String(highest + 1n)), fc.bigInt({ min: highest + 1n, max: highest + 2n ** 64n }).map(String), digits)
        .map((value) => constant(value, `above the ${bounds.highestSource}`)),
    );
  }
  return fc.oneof(...families);
}

function constant(value: string, label: string, onDelete: Expectation = REFUSE): PathProbe {
  return { forGet: true, onDelete, render: () => ({ value, label }) };
}

function around(write: (id: bigint) => string, label: string): PathProbe {
  return { forGet: true, onDelete: REFUSE, render: (id): PathIdText => ({ value: write(id), label }) };
}
