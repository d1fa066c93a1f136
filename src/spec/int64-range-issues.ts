import { escapePointer } from './escape-pointer.js';
import type { SchemaIssue } from './schema-issue.js';
import { INT64_MAX, INT64_MIN } from './int64.js';

type Schema = { [key: string]: unknown };

/** Where a value sits in the body, built into a JSON pointer only for an issue. */
interface Location {
  readonly parent?: Location;
  readonly token: string | number;
}

/**
 * Integers beyond int64 where the schema says `format: int64`. ajv sees numbers after
 * `JSON.parse`, which cannot tell 2^63 - 1 from 2^63; this walks the exact value
 * (unsafe integers kept as bigint) alongside the schema instead.
 */
export function int64RangeIssues(exact: unknown, schema: unknown, instancePath = ''): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  walk(exact, schema, { token: instancePath }, issues);
  return issues;
}

// A list of 10,000 backups of 50 partitions is half a million values: the walk builds no pointer
// and no array for a value that is in range.
function walk(exact: unknown, schema: unknown, at: Location, issues: SchemaIssue[]): void {
  if (schema === null || typeof schema !== 'object') return;
  const s = schema as Schema;
  for (const part of (s['allOf'] as unknown[] | undefined) ?? []) walk(exact, part, at, issues);
  if (typeof exact === 'bigint' && s['format'] === 'int64' && (exact < INT64_MIN || exact > INT64_MAX)) {
    issues.push({ instancePath: pointer(at), message: `${exact} is outside the int64 range` });
  }
  if (Array.isArray(exact) && s['items'] !== undefined) {
    for (let index = 0; index < exact.length; index++) walk(exact[index], s['items'], { parent: at, token: index }, issues);
  } else if (exact !== null && typeof exact === 'object' && s['properties'] !== undefined) {
    const properties = s['properties'] as Schema;
    for (const [key, value] of Object.entries(exact as Record<string, unknown>)) {
      if (Object.hasOwn(properties, key)) walk(value, properties[key], { parent: at, token: key }, issues);
    }
  }
}

function pointer(at: Location): string {
  const tokens: string[] = [];
  for (let location: Location | undefined = at; location?.parent !== undefined; location = location.parent) {
    tokens.push(typeof location.token === 'number' ? String(location.token) : escapePointer(location.token));
  }
  let root: Location = at;
  while (root.parent !== undefined) root = root.parent;
  return `${root.token as string}${tokens
    .reverse()
    .map((token) => `/${token}`)
    .join('')}`;
}
