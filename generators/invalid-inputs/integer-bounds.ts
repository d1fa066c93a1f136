import { INT64_MAX, INT64_MIN } from '../../src/spec/int64.js';

/** The valid range of an integer schema, with the keyword each bound comes from. */
export interface IntegerBounds {
  /** The lowest valid value, when the schema has one. */
  readonly lowest?: bigint;
  /** Where `lowest` comes from, e.g. `minimum 0` or `format int64`. */
  readonly lowestSource?: string;
  readonly highest?: bigint;
  readonly highestSource?: string;
}

type Schema = Readonly<Record<string, unknown>>;

const FORMAT_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [INT64_MIN, INT64_MAX],
};

/** The range of the schema's `format` (int32 or int64), whatever its other keywords say. */
export function formatRange(schema: unknown): { readonly lowest: bigint; readonly highest: bigint; readonly format: string } | undefined {
  const merged = flatten(schema);
  const format = merged['format'];
  const range = merged['type'] === 'integer' && typeof format === 'string' ? FORMAT_RANGES[format] : undefined;
  return range === undefined ? undefined : { lowest: range[0], highest: range[1], format: format as string };
}

/**
 * The bounds of an integer schema (dereferenced, `allOf` followed), from `minimum`, `maximum`,
 * their exclusive forms (OpenAPI 3.0 booleans or 3.1 numbers) and `format` int32/int64; undefined
 * when the schema is not `type: integer`. Where both a keyword and the format bound a side, the
 * tighter one wins.
 */
export function integerBounds(schema: unknown): IntegerBounds | undefined {
  const merged = flatten(schema);
  if (merged['type'] !== 'integer') return undefined;
  const lower: { value: bigint; source: string }[] = [];
  const upper: { value: bigint; source: string }[] = [];
  const format = typeof merged['format'] === 'string' ? FORMAT_RANGES[merged['format']] : undefined;
  if (format !== undefined) {
    lower.push({ value: format[0], source: `format ${String(merged['format'])}` });
    upper.push({ value: format[1], source: `format ${String(merged['format'])}` });
  }
  const minimum = merged['minimum'];
  if (typeof minimum === 'number' && Number.isFinite(minimum)) {
    const exclusive = merged['exclusiveMinimum'] === true;
    lower.push({ value: BigInt(exclusive ? Math.floor(minimum) + 1 : Math.ceil(minimum)), source: `${exclusive ? 'exclusiveMinimum' : 'minimum'} ${minimum}` });
  }
  if (typeof merged['exclusiveMinimum'] === 'number' && Number.isFinite(merged['exclusiveMinimum'])) {
    lower.push({ value: BigInt(Math.floor(merged['exclusiveMinimum']) + 1), source: `exclusiveMinimum ${merged['exclusiveMinimum']}` });
  }
  const maximum = merged['maximum'];
  if (typeof maximum === 'number' && Number.isFinite(maximum)) {
    const exclusive = merged['exclusiveMaximum'] === true;
    upper.push({ value: BigInt(exclusive ? Math.ceil(maximum) - 1 : Math.floor(maximum)), source: `${exclusive ? 'exclusiveMaximum' : 'maximum'} ${maximum}` });
  }
  if (typeof merged['exclusiveMaximum'] === 'number' && Number.isFinite(merged['exclusiveMaximum'])) {
    upper.push({ value: BigInt(Math.ceil(merged['exclusiveMaximum']) - 1), source: `exclusiveMaximum ${merged['exclusiveMaximum']}` });
  }
  const low = lower.reduce<(typeof lower)[number] | undefined>((best, b) => (best === undefined || b.value > best.value ? b : best), undefined);
  const high = upper.reduce<(typeof upper)[number] | undefined>((best, b) => (best === undefined || b.value < best.value ? b : best), undefined);
  return {
    ...(low === undefined ? {} : { lowest: low.value, lowestSource: low.source }),
    ...(high === undefined ? {} : { highest: high.value, highestSource: high.source }),
  };
}

/** The schema's own keywords merged with those of its `allOf` parts (the outer schema wins). */
function flatten(schema: unknown): Schema {
  if (schema === null || typeof schema !== 'object') return {};
  const s = schema as Schema;
  const parts = Array.isArray(s['allOf']) ? s['allOf'].map(flatten) : [];
  const own = Object.fromEntries(Object.entries(s).filter(([key]) => key !== 'allOf'));
  return Object.assign({}, ...parts, own) as Schema;
}
