import type { IdReading } from './id-reading.js';
import { parseInt64 } from './parse-int64.js';

/**
 * Binds the `{backupId}` path segment (already percent-decoded). Zeebe binds it to a Java `long`
 * (`@Selector long id` in 8.2–8.7), so anything that is not a decimal int64 is a 400.
 */
export function readPathId(segment: string): IdReading {
  const id = parseInt64(segment);
  if (id !== undefined) return { id };
  const shown = segment.length > 40 ? `${segment.slice(0, 40)}...` : segment;
  return { error: `The backup id in the path must be a whole number that fits in a signed 64-bit integer, but got '${shown}'.` };
}
