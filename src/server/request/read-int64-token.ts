import type { IdReading } from './id-reading.js';
import { parseInt64 } from './parse-int64.js';
import { INT64_MAX } from '../../spec/int64.js';

/**
 * Binds `backupId` from the raw text of a JSON value. Only a plain JSON integer within int64 binds:
 * Zeebe's parameter is a Java `long`, and a fraction or exponent (`1.5`, `1e3`) fails Spring's
 * `Long.valueOf` conversion (research note §2).
 */
export function readInt64Token(raw: string): IdReading {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}...` : raw;
  if (/^-?(0|[1-9]\d*)$/.test(raw)) {
    const id = parseInt64(raw);
    return id === undefined ? { error: `backupId must fit in a signed 64-bit integer (at most ${INT64_MAX}), but got ${shown}.` } : { id };
  }
  if (/^-?\d/.test(raw)) {
    return { error: `backupId must be a whole number written without fraction or exponent, but got ${shown}.` };
  }
  return { error: `backupId must be a JSON integer, but got ${shown}.` };
}
