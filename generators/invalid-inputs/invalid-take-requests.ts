import fc from 'fast-check';
import { invalidIdValues } from './invalid-id-values.js';
import type { Expectation, TakeProbe, TakeRequestText } from './invalid-probe.js';
import { jsonRequestMediaType } from '../../src/spec/index-operations.js';

/** What the generator reads from the take operation of the spec. */
export interface TakeRequestSchema {
  /** The request body schema (dereferenced): `TakeBackupRequest`. */
  readonly schema: unknown;
  /** The required integer member that carries the id (`backupId`). */
  readonly idField: string;
  /** The documented request media types (`application/json`). */
  readonly mediaTypes: readonly string[];
}

const REFUSE: Expectation = { kind: 'refuse' };
/** The spec lists the request media types, but does not say that others must be refused. */
const OTHER_MEDIA_TYPE: Expectation = { kind: 'may-accept', note: 'spec/NOTES.md#request-media-types' };
const UNDOCUMENTED_MEDIA_TYPES = ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/octet-stream', 'text/json'];
// Inserted outside strings, none of these can complete a JSON text, and none is '}': Jackson
// ignores what follows a complete object, so `{"backupId":1}}` would be read as valid.
const JUNK = ['{', '[', ']', ',', ':', '"', "'", 'x', '\\', '/', '=', ';', '#'];

/**
 * Take requests that break the request body's schema or JSON itself, derived from the spec:
 * - the id member with a value that breaks its schema (see `invalidIdValues`);
 * - `required`: the id member missing, or under a near-miss name (`backupID`, `backup_id`);
 * - `type: object`: a body that is JSON but not an object;
 * - not JSON at all: a valid body cut short, or with a stray character outside its strings;
 * - a valid body under a media type the spec does not document (inconclusive when accepted).
 */
export function invalidTakeRequests(take: TakeRequestSchema): fc.Arbitrary<TakeProbe> {
  const jsonType = jsonRequestMediaType(take.mediaTypes);
  const body = asObject(take.schema);
  const properties = asObject(body['properties']);
  const required = Array.isArray(body['required']) ? (body['required'] as unknown[]) : [];
  const { idField } = take;
  const families: { arbitrary: fc.Arbitrary<TakeProbe>; weight: number }[] = [
    { arbitrary: memberValues(idField, properties[idField], jsonType), weight: 8 },
    { arbitrary: malformed(idField, jsonType), weight: 2 },
  ];
  if (required.includes(idField)) families.push({ arbitrary: missingMember(idField, jsonType), weight: 2 });
  if (body['type'] === 'object') families.push({ arbitrary: notAnObject(idField, jsonType), weight: 1 });
  const others = UNDOCUMENTED_MEDIA_TYPES.filter((type) => !take.mediaTypes.some((documented) => sameEssence(documented, type)));
  if (others.length > 0) families.push({ arbitrary: otherMediaTypes(idField, others), weight: 1 });
  return fc.oneof(...families);
}

function memberValues(idField: string, schema: unknown, jsonType: string): fc.Arbitrary<TakeProbe> {
  return invalidIdValues(schema, idField).map((value) => ({
    expectation: value.expectation,
    render: (reserved) => {
      const { text, label, ids } = value.render(reserved);
      return { label, body: `{${JSON.stringify(idField)}:${text}}`, contentType: jsonType, ids };
    },
  }));
}

/** `{}` and the id under a near-miss name: the required member is missing. */
function missingMember(idField: string, jsonType: string): fc.Arbitrary<TakeProbe> {
  const nearMiss = fc
    .tuple(fc.nat(), fc.constantFrom(...NEAR_MISSES))
    .map(([at, miss]) => miss(idField, at % Math.max(idField.length, 1)))
    .filter((name) => name !== idField);
  const empty: TakeProbe = {
    expectation: REFUSE,
    render: () => ({ label: `${idField} missing: an empty object`, body: '{}', contentType: jsonType, ids: [] }),
  };
  return fc.oneof(
    { arbitrary: fc.constant(empty), weight: 1 },
    {
      arbitrary: nearMiss.map((name): TakeProbe => ({
        expectation: REFUSE,
        render: (reserved) => ({
          label: `${idField} missing: the id is under ${JSON.stringify(name)}`,
          body: `{${JSON.stringify(name)}:${reserved}}`,
          contentType: jsonType,
          ids: [reserved],
        }),
      })),
      weight: 4,
    },
  );
}

const NEAR_MISSES: readonly ((name: string, at: number) => string)[] = [
  (name, at) => name.slice(0, at) + (name[at] ?? '').toUpperCase() + name.slice(at + 1),
  (name, at) => name.slice(0, at) + (name[at] ?? '').toLowerCase() + name.slice(at + 1),
  (name) => name.toLowerCase(),
  (name) => name.toUpperCase(),
  (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  (name, at) => name.slice(0, at) + name.slice(at + 1),
  (name, at) => name.slice(0, at) + (name[at] ?? '') + name.slice(at),
  (name) => `${name}s`,
  (name) => ` ${name}`,
];

/** JSON texts that are not objects. */
function notAnObject(idField: string, jsonType: string): fc.Arbitrary<TakeProbe> {
  const shapes: readonly ((r: bigint) => { text: string; kind: string; ids: bigint[] })[] = [
    (r) => ({ text: `[{${JSON.stringify(idField)}:${r}}]`, kind: 'an array holding the object', ids: [r] }),
    (r) => ({ text: String(r), kind: 'a bare number', ids: [r] }),
    (r) => ({ text: JSON.stringify(String(r)), kind: 'a bare string', ids: [r] }),
    () => ({ text: 'null', kind: 'null', ids: [] }),
    () => ({ text: 'true', kind: 'a boolean', ids: [] }),
    () => ({ text: '[]', kind: 'an empty array', ids: [] }),
  ];
  return fc.constantFrom(...shapes).map((shape) => ({
    expectation: REFUSE,
    render: (reserved) => {
      const { text, kind, ids } = shape(reserved);
      return { label: `a body that is ${kind}, not an object: ${text}`, body: text, contentType: jsonType, ids };
    },
  }));
}

/** A valid body cut short, or with one stray character outside its strings: not JSON. */
function malformed(idField: string, jsonType: string): fc.Arbitrary<TakeProbe> {
  const cut = fc.nat().map((n) => (reserved: bigint) => {
    const valid = validBody(idField, reserved);
    const digitsStart = valid.length - 1 - String(reserved).length;
    let end = 1 + (n % (valid.length - 1));
    // Never cut inside the number: a shorter number is another id.
    if (end > digitsStart && end < valid.length - 1) end = valid.length - 1;
    return valid.slice(0, end);
  });
  const insert = fc.tuple(fc.nat(), fc.constantFrom(...JUNK)).map(([n, junk]) => (reserved: bigint) => {
    const valid = validBody(idField, reserved);
    const keyEnd = 1 + JSON.stringify(idField).length;
    // Before the '{', before the key, or anywhere from the key's end up to the final '}'.
    const places = [0, 1, ...Array.from({ length: valid.length - keyEnd }, (_, i) => keyEnd + i)];
    const at = places[n % places.length] ?? 0;
    const text = valid.slice(0, at) + junk + valid.slice(at);
    return isJson(text) ? valid.slice(0, -1) : text;
  });
  return fc.oneof(cut, insert).map((write) => ({
    expectation: REFUSE,
    render: (reserved) => {
      const text = write(reserved);
      return { label: `a body that is not JSON: ${text}`, body: text, contentType: jsonType, ids: [reserved] };
    },
  }));
}

/** A valid body, under a media type the spec does not document for the request. */
function otherMediaTypes(idField: string, types: readonly string[]): fc.Arbitrary<TakeProbe> {
  return fc.constantFrom(undefined, ...types).map((contentType) => ({
    expectation: OTHER_MEDIA_TYPE,
    render: (reserved): TakeRequestText => {
      const body = contentType === 'application/x-www-form-urlencoded' ? `${encodeURIComponent(idField)}=${reserved}` : validBody(idField, reserved);
      const label = contentType === undefined ? 'a valid body without Content-Type' : `a body sent as ${contentType}`;
      return { label, body, ...(contentType === undefined ? {} : { contentType }), ids: [reserved] };
    },
  }));
}

function validBody(idField: string, reserved: bigint): string {
  return `{${JSON.stringify(idField)}:${reserved}}`;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function sameEssence(a: string, b: string): boolean {
  const essence = (type: string) => (type.split(';')[0] ?? '').trim().toLowerCase();
  return essence(a) === essence(b);
}

function asObject(value: unknown): Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
