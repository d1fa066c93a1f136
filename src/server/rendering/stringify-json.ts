import { randomUUID } from 'node:crypto';
import type { JsonValue } from './json-value.js';

// JSON.stringify cannot write a bigint as a number on Node 20 (`JSON.rawJSON` comes later), and a
// serialiser written in JS is twice as slow on a large list. So each bigint goes through the native
// serialiser as a marker string that no real string can equal (it holds a NUL and a per-process
// random UUID), and the quoted markers are then replaced by the digits.
const MARKER = `\u0000${randomUUID()}:`;
const QUOTED_MARKER = new RegExp(`"\\\\u0000${MARKER.slice(1)}(-?\\d+)"`, 'g');

/**
 * JSON text of a value, bigints written as exact numbers; members whose value is undefined are
 * left out.
 */
export function stringifyJson(value: JsonValue): string {
  let sawBigint = false;
  const text = JSON.stringify(value, (_key, member: unknown) => {
    if (typeof member !== 'bigint') return member;
    sawBigint = true;
    return `${MARKER}${member}`;
  });
  return sawBigint ? text.replace(QUOTED_MARKER, '$1') : text;
}
