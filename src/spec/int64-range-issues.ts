import { escapePointer } from './escape-pointer.js';
import type { SchemaIssue } from './schema-issue.js';
import { INT64_MAX, INT64_MIN } from './int64.js';

type Schema = { [key: string]: unknown };

/**
 * Integers beyond int64 where the schema says `format: int64`. ajv sees numbers after
 * `JSON.parse`, which cannot tell 2^63 - 1 from 2^63; this walks the exact value
 * (unsafe integers kept as bigint) alongside the schema instead.
 */
export function int64RangeIssues(exact: unknown, schema: unknown, instancePath = ''): SchemaIssue[] {
  if (schema === null || typeof schema !== 'object') return [];
  const s = schema as Schema;
  const issues: SchemaIssue[] = [];
  for (const part of (s['allOf'] as unknown[] | undefined) ?? []) issues.push(...int64RangeIssues(exact, part, instancePath));
  if (typeof exact === 'bigint' && s['format'] === 'int64' && (exact < INT64_MIN || exact > INT64_MAX)) {
    issues.push({ instancePath, message: `${exact} is outside the int64 range` });
  }
  if (Array.isArray(exact) && s['items'] !== undefined) {
    exact.forEach((item, index) => issues.push(...int64RangeIssues(item, s['items'], `${instancePath}/${index}`)));
  } else if (exact !== null && typeof exact === 'object' && s['properties'] !== undefined) {
    const properties = s['properties'] as Schema;
    for (const [key, value] of Object.entries(exact as Record<string, unknown>)) {
      if (Object.hasOwn(properties, key)) issues.push(...int64RangeIssues(value, properties[key], `${instancePath}/${escapePointer(key)}`));
    }
  }
  return issues;
}
