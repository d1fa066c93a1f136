import { INT64_MAX, INT64_MIN } from '../../spec/int64.js';

/**
 * A Java `long` as Spring's `NumberUtils.parseNumber(text, Long.class)` reads it when it binds an
 * actuator argument from a string: every whitespace character removed, hexadecimal (`0x`, `0X`,
 * `#`) through `Long.decode`, anything else through `Long.valueOf` (optional sign, decimal digits).
 * Undefined when that conversion would throw. Research note §2, "[INFERRED]".
 */
export function readSpringLong(text: string): bigint | undefined {
  const trimmed = text.replace(/\s+/g, '');
  const hex = /^([-+]?)(?:0x|0X|#)([0-9a-fA-F]+)$/.exec(trimmed);
  const decimal = /^([-+]?)(\d+)$/.exec(trimmed);
  const match = hex ?? decimal;
  if (match === null) return undefined;
  const magnitude = BigInt(hex === null ? (match[2] ?? '') : `0x${match[2] ?? ''}`);
  const value = match[1] === '-' ? -magnitude : magnitude;
  return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
}
