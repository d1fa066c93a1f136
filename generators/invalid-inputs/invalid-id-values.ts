import fc from 'fast-check';
import { integerBounds } from './integer-bounds.js';
import type { Expectation } from './invalid-probe.js';

/** A JSON value for an id member, for one reserved id. */
export interface IdValueText {
  /** The raw JSON text of the value, e.g. `-3`, `"12"` or `12.5`. */
  readonly text: string;
  /** What the value tries, e.g. `backupId -3, below the minimum 0`. */
  readonly label: string;
  /** Every id a server could read from the value (see `TakeRequestText.ids`). */
  readonly ids: readonly bigint[];
}

/** An invalid value for an integer id, written around a reserved id where it could read as one. */
export interface IdValueProbe {
  readonly expectation: Expectation;
  render(reserved: bigint): IdValueText;
}

const REFUSE: Expectation = { kind: 'refuse' };
/** JSON Schema drafts disagree on whether `1.0` and `1e3` are integers; Zeebe accepts numeric strings. */
const NUMERIC_SPELLING: Expectation = { kind: 'may-accept', note: 'spec/NOTES.md#numeric-string-ids' };

/** A placeholder for the reserved id inside generated arrays and objects. */
const RESERVED = Symbol('reserved id');
type Element = typeof RESERVED | string | boolean | null;

const DIGIT = fc.constantFrom(...'0123456789');
// Letters that are no hexadecimal digit, so no parser (Long.decode, Number) reads a number.
const NON_HEX_LETTER = fc.constantFrom(...'ghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ');

/**
 * Values that break the id's schema, derived from it: each family violates one keyword.
 * - `minimum` / `format`: integers below the lowest or above the highest valid value, and digit
 *   strings too long for the format;
 * - `type: integer`: fractions, other JSON types (strings, booleans, null, arrays, objects), and
 *   integral values spelled as decimals, exponents or strings, which are inconclusive when taken
 *   (spec/NOTES.md#numeric-string-ids).
 * Integers are written from bigints, never through a JS number, so values beyond 2^53 are exact.
 */
export function invalidIdValues(schema: unknown, name: string): fc.Arbitrary<IdValueProbe> {
  const bounds = integerBounds(schema);
  const families: { arbitrary: fc.Arbitrary<IdValueProbe>; weight: number }[] = [
    { arbitrary: fractions(name), weight: 2 },
    { arbitrary: integralSpellings(name), weight: 1 },
    { arbitrary: numericStrings(name), weight: 1 },
    { arbitrary: nonNumericStrings(name), weight: 2 },
    { arbitrary: fc.constantFrom('true', 'false', 'null').map((text) => refusedValue(text, `${name} ${text}, not an integer`, [])), weight: 1 },
    { arbitrary: containers(name), weight: 2 },
  ];
  if (bounds?.lowest !== undefined) {
    const lowest = bounds.lowest;
    const below = fc.oneof(fc.constant(lowest - 1n), fc.bigInt({ min: lowest - 2n ** 64n, max: lowest - 1n }));
    families.push({ arbitrary: below.map((value) => refusedValue(String(value), `${name} ${value}, below the ${bounds.lowestSource}`, [value])), weight: 3 });
  }
  if (bounds?.highest !== undefined) {
    const highest = bounds.highest;
    const above = fc.oneof(fc.constant(highest + 1n), fc.bigInt({ min: highest + 1n, max: highest + 2n ** 64n }));
    const longDigits = fc
      .tuple(fc.constantFrom(...'123456789'), fc.string({ unit: DIGIT, minLength: String(highest).length, maxLength: 80 }))
      .map(([lead, rest]) => BigInt(lead + rest));
    families.push({
      arbitrary: fc
        .oneof(above, longDigits)
        .map((value) => refusedValue(String(value), `${name} ${abbreviate(String(value))}, above the ${bounds.highestSource}`, [value, highest])),
      weight: 3,
    });
  }
  return fc.oneof(...families);
}

function refusedValue(text: string, label: string, ids: readonly bigint[]): IdValueProbe {
  return { expectation: REFUSE, render: () => ({ text, label, ids }) };
}

/** `R.5`, `R.0307`: not integers; a server that truncates or rounds lands on R or R + 1. */
function fractions(name: string): fc.Arbitrary<IdValueProbe> {
  return fc.tuple(fc.string({ unit: DIGIT, maxLength: 4 }), fc.constantFrom(...'123456789')).map(([digits, last]) => ({
    expectation: REFUSE,
    render: (reserved) => ({ text: `${reserved}.${digits}${last}`, label: `${name} ${reserved}.${digits}${last}, a fraction`, ids: [reserved, reserved + 1n] }),
  }));
}

/** `R.0`, `R00e-2`, `RE+0`: integral, but not written as a JSON integer. */
function integralSpellings(name: string): fc.Arbitrary<IdValueProbe> {
  const spelling = fc.oneof(
    fc.integer({ min: 1, max: 3 }).map((zeros) => (reserved: bigint) => `${reserved}.${'0'.repeat(zeros)}`),
    fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('e', 'E'), fc.constantFrom('', '+')).map(
      ([zeros, e, sign]) =>
        (reserved: bigint) =>
          zeros === 0 ? `${reserved}${e}${sign}0` : `${reserved}${'0'.repeat(zeros)}${e}-${zeros}`,
    ),
  );
  return spelling.map((write) => ({
    expectation: NUMERIC_SPELLING,
    render: (reserved) => ({ text: write(reserved), label: `${name} ${write(reserved)}, an integral number not written as an integer`, ids: [reserved] }),
  }));
}

/** `"R"`, `" R "`, `"+R"`, `"0xHEX"`: the id as a string, which Spring converts (spec/NOTES.md#numeric-string-ids). */
function numericStrings(name: string): fc.Arbitrary<IdValueProbe> {
  const spellings: readonly ((reserved: bigint) => string)[] = [
    (r) => `${r}`,
    (r) => ` ${r} `,
    (r) => `\t${r}\n`,
    (r) => `+${r}`,
    (r) => `0x${r.toString(16)}`,
    (r) => `0X${r.toString(16).toUpperCase()}`,
    (r) => `#${r.toString(16)}`,
  ];
  return fc.constantFrom(...spellings).map((spell) => ({
    expectation: NUMERIC_SPELLING,
    render: (reserved) => {
      const text = JSON.stringify(spell(reserved));
      return { text, label: `${name} ${text}, a numeric string`, ids: [reserved] };
    },
  }));
}

/** Strings no number parser reads as a number: they start with a letter that is no hex digit. */
function nonNumericStrings(name: string): fc.Arbitrary<IdValueProbe> {
  const generated = fc.tuple(NON_HEX_LETTER, fc.string({ maxLength: 12 })).map(([first, rest]) => first + rest);
  const words = fc.constantFrom('', 'NaN', 'Infinity', '-Infinity', 'null', 'true', 'undefined');
  return fc.oneof(generated, words).map((value) => {
    const text = JSON.stringify(value);
    return refusedValue(text, `${name} ${text}, a non-numeric string`, []);
  });
}

/** Arrays and objects, holding at most the reserved id, booleans and strings. */
function containers(name: string): fc.Arbitrary<IdValueProbe> {
  const element: fc.Arbitrary<Element> = fc.oneof(fc.constant<Element>(RESERVED), fc.boolean(), fc.string({ maxLength: 6 }), fc.constant(null));
  const array = fc.array(element, { maxLength: 3 }).map((items) => ({
    kind: 'an array' as const,
    write: (r: bigint) => `[${items.map((item) => writeElement(item, r)).join(',')}]`,
    holdsId: items.includes(RESERVED),
  }));
  const object = fc.dictionary(fc.string({ maxLength: 8 }), element, { maxKeys: 3 }).map((entries) => ({
    kind: 'an object' as const,
    write: (r: bigint) =>
      `{${Object.entries(entries)
        .map(([key, value]) => `${JSON.stringify(key)}:${writeElement(value, r)}`)
        .join(',')}}`,
    holdsId: Object.values(entries).includes(RESERVED),
  }));
  return fc.oneof(array, object).map(({ kind, write, holdsId }) => ({
    expectation: REFUSE,
    render: (reserved) => {
      const text = write(reserved);
      return { text, label: `${name} ${abbreviate(text)}, ${kind}`, ids: holdsId ? [reserved] : [] };
    },
  }));
}

function writeElement(element: Element, reserved: bigint): string {
  return element === RESERVED ? String(reserved) : JSON.stringify(element);
}

/** Long values shortened for labels; the request itself always carries the whole text. */
function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 20)}…${text.slice(-8)} (${text.length} characters)` : text;
}
