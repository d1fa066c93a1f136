import { type Expectation, type TakeProbe, type TakeRequestText } from './invalid-probe.js';
import { formatRange, integerBounds } from './integer-bounds.js';
import type { TakeRequestSchema } from './invalid-take-requests.js';
import { jsonRequestMediaType } from '../../src/spec/index-operations.js';

const REFUSE: Expectation = { kind: 'refuse' };
const VALID: Expectation = { kind: 'valid' };
const NUMERIC_SPELLING: Expectation = { kind: 'may-accept', note: 'spec/NOTES.md#numeric-string-ids' };
const OTHER_MEDIA_TYPE: Expectation = { kind: 'may-accept', note: 'spec/NOTES.md#request-media-types' };
// The bundled schema allows 0 (minimum: 0), its description asks for a positive id: a 202 or a 409
// (the answer to a valid id at or below the highest) is inconclusive, a 4xx refusal conformant.
const NOT_POSITIVE: Expectation = { kind: 'may-accept', note: 'spec/NOTES.md#backupid-minimum-vs-positive', conflictInconclusive: true };
/** Larger than any request body a management endpoint needs, and than common server limits. */
export const OVERSIZED_BODY_BYTES = 1024 * 1024;

/**
 * The fixed boundary list of take requests, in the order they are sent: the lowest valid id first
 * when it is not positive (0 in the bundled spec, sent first so no backup taken by the suite makes
 * it a 409 for another reason), then the edges of the id's range read from its schema (one below
 * the minimum, the format's lowest, one above the highest) and its type, the body's shape, JSON
 * syntax, size and media type. Values a server might read as a positive id are written around the
 * reserved id each request gets; the valid-but-huge ids (2^53 + 1, 2^63 - 1) are not here: they
 * are taken only on a local target.
 */
export function invalidBoundaryTakes(take: TakeRequestSchema): readonly TakeProbe[] {
  const write = probeWriters(take);
  const properties = (take.schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  const range: IdRange = { bounds: integerBounds(properties[take.idField]), format: formatRange(properties[take.idField]) };
  return [...belowRangeTakes(range, write), ...idTypeTakes(write), ...aboveRangeTakes(range, write), ...bodyTakes(take, write)];
}

/** The ids a probe's request could make a server take, given the id reserved for it. */
type IdsOf = (reserved: bigint) => readonly bigint[];
const none: IdsOf = () => [];
const same: IdsOf = (r) => [r];

/** How the probes of one take schema are written: as the id member's value, or as the whole body. */
interface ProbeWriters {
  readonly idField: string;
  /** The id field's name as a JSON string. */
  readonly key: string;
  member(expectation: Expectation, label: string, write: (r: bigint) => string, ids: IdsOf): TakeProbe;
  /** contentType null: no Content-Type header at all. */
  body(expectation: Expectation, label: string, write: (r: bigint) => string, ids: IdsOf, contentType?: string | null): TakeProbe;
  /** A fixed integer value, refused unless said otherwise; it names itself as the id a server could read. */
  integer(value: bigint, label: string, ids?: readonly bigint[], expectation?: Expectation): TakeProbe;
}

function probeWriters(take: TakeRequestSchema): ProbeWriters {
  const { idField } = take;
  const jsonType = jsonRequestMediaType(take.mediaTypes);
  const key = JSON.stringify(idField);
  const member: ProbeWriters['member'] = (expectation, label, write, ids) => ({
    expectation,
    render: (r) => ({ label: `${idField} ${label}`, body: `{${key}:${write(r)}}`, contentType: jsonType, ids: ids(r) }),
  });
  return {
    idField,
    key,
    member,
    body: (expectation, label, write, ids, contentType = jsonType) => ({
      expectation,
      render: (r): TakeRequestText => ({ label, body: write(r), ...(contentType === null ? {} : { contentType }), ids: ids(r) }),
    }),
    integer: (value, label, ids = [value], expectation = REFUSE) =>
      member(
        expectation,
        `${value}, ${label}`,
        () => String(value),
        () => ids,
      ),
  };
}

/** The id's range as its schema states it: its bounds and the range of its integer format. */
interface IdRange {
  readonly bounds: ReturnType<typeof integerBounds>;
  readonly format: ReturnType<typeof formatRange>;
}

/** The low edge of the id's range: the lowest valid value when not positive, below the minimum, the format's lowest. */
function belowRangeTakes({ bounds, format }: IdRange, { member, integer }: ProbeWriters): TakeProbe[] {
  const lowest = bounds?.lowest;
  return [
    ...(lowest !== undefined && lowest <= 0n
      ? [integer(lowest, `the lowest valid value (${bounds?.lowestSource}), not positive`, [lowest], NOT_POSITIVE)]
      : []),
    ...(lowest === undefined ? [] : [integer(lowest - 1n, `one below the ${bounds?.lowestSource}`)]),
    ...(lowest !== undefined && lowest >= 0n
      ? [
          member(
            REFUSE,
            'negative, minus the reserved id',
            (r) => `-${r}`,
            (r) => [-r],
          ),
        ]
      : []),
    ...(format !== undefined && lowest !== undefined && format.lowest < lowest - 1n ? [integer(format.lowest, `the lowest ${format.format}`)] : []),
    member(
      REFUSE,
      'a fraction (.5)',
      (r) => `${r}.5`,
      (r) => [r, r + 1n],
    ),
  ];
}

/** The high edge: past the highest, past twice the format's width, and ids longer than any integer type. */
function aboveRangeTakes({ bounds, format }: IdRange, { member, integer }: ProbeWriters): TakeProbe[] {
  const highest = bounds?.highest;
  const longDigits = '9'.repeat(40);
  const atHighest: IdsOf = () => (highest === undefined ? [] : [highest]);
  return [
    // A server that stores the id in the format's width may clamp a value above it to the highest
    // value or wrap it around to the lowest (or, past twice the width, to 0).
    ...(highest === undefined
      ? []
      : [
          integer(highest + 1n, `one above the ${bounds?.highestSource}`, [
            highest + 1n,
            highest,
            ...(format !== undefined && format.highest === highest ? [format.lowest] : []),
          ]),
        ]),
    ...(format === undefined
      ? []
      : [integer(2n * (format.highest + 1n), `twice the ${format.format} range`, [2n * (format.highest + 1n), format.highest, 0n])]),
    member(REFUSE, `${longDigits}, 40 digits`, () => longDigits, atHighest),
    member(REFUSE, `"${longDigits}", a string of 40 digits`, () => JSON.stringify(longDigits), atHighest),
  ];
}

/** The id written in other spellings and other JSON types. */
function idTypeTakes({ member }: ProbeWriters): TakeProbe[] {
  return [
    member(NUMERIC_SPELLING, 'integral, written with .0', (r) => `${r}.0`, same),
    member(NUMERIC_SPELLING, 'in exponent form (e0)', (r) => `${r}e0`, same),
    member(NUMERIC_SPELLING, 'in exponent form (000e-3)', (r) => `${r}000e-3`, same),
    member(NUMERIC_SPELLING, 'as a numeric string', (r) => JSON.stringify(String(r)), same),
    member(NUMERIC_SPELLING, 'as a numeric string padded with spaces', (r) => JSON.stringify(` ${r} `), same),
    member(NUMERIC_SPELLING, 'as a numeric string with a plus sign', (r) => JSON.stringify(`+${r}`), same),
    member(NUMERIC_SPELLING, 'as a hexadecimal string', (r) => JSON.stringify(`0x${r.toString(16)}`), same),
    member(REFUSE, '"abc", a non-numeric string', () => '"abc"', none),
    member(REFUSE, '"", an empty string', () => '""', none),
    member(REFUSE, 'true, a boolean', () => 'true', none),
    member(REFUSE, 'false, a boolean', () => 'false', none),
    member(REFUSE, 'null', () => 'null', none),
    member(REFUSE, 'an array holding the id', (r) => `[${r}]`, same),
    member(REFUSE, 'an object holding the id', (r) => `{"value":${r}}`, same),
  ];
}

/** The body's shape, its JSON syntax, its size and its media type. */
function bodyTakes({ idField }: TakeRequestSchema, { body, key }: ProbeWriters): TakeProbe[] {
  return [
    body(REFUSE, `${idField} missing: an empty object`, () => '{}', none),
    body(REFUSE, `${idField} misspelled as backupID`, (r) => `{"backupID":${r}}`, same),
    body(REFUSE, `${idField} misspelled as backup_id`, (r) => `{"backup_id":${r}}`, same),
    body(REFUSE, `${idField} misspelled as id`, (r) => `{"id":${r}}`, same),
    body(VALID, 'a valid body with an extra member', (r) => `{${key}:${r},"extra":true}`, same),
    body(REFUSE, 'an empty body', () => '', none),
    body(REFUSE, 'JSON cut short', (r) => `{${key}:${r}`, same),
    body(REFUSE, 'JSON with a trailing comma', (r) => `{${key}:${r},}`, same),
    body(REFUSE, 'JSON with an unquoted name', (r) => `{${idField}:${r}}`, same),
    body(REFUSE, 'JSON with single quotes', (r) => `{'${idField}':${r}}`, same),
    body(REFUSE, 'JSON with a comment', (r) => `{${key}:${r}/* id */}`, same),
    body(REFUSE, 'JSON with a leading zero', (r) => `{${key}:0${r}}`, same),
    body(REFUSE, 'an array holding the body', (r) => `[{${key}:${r}}]`, same),
    body(REFUSE, 'a bare number as the body', (r) => String(r), same),
    body(REFUSE, 'null as the body', () => 'null', none),
    body(REFUSE, `a body of ${OVERSIZED_BODY_BYTES} bytes (an id of that many digits)`, (r) => oversized(key, r), none),
    body(OTHER_MEDIA_TYPE, 'a valid body without Content-Type', (r) => `{${key}:${r}}`, same, null),
    body(OTHER_MEDIA_TYPE, 'a valid body sent as text/plain', (r) => `{${key}:${r}}`, same, 'text/plain'),
    body(
      OTHER_MEDIA_TYPE,
      'a form sent as application/x-www-form-urlencoded',
      (r) => `${encodeURIComponent(idField)}=${r}`,
      same,
      'application/x-www-form-urlencoded',
    ),
  ];
}

function oversized(key: string, reserved: bigint): string {
  const head = `{${key}:${reserved}`;
  return `${head}${'0'.repeat(OVERSIZED_BODY_BYTES - head.length - 1)}}`;
}
