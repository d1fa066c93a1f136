import { randomUUID } from 'node:crypto';

/** The outcome of parsing a response body as JSON. */
export type ParsedJson =
  | {
      readonly ok: true;
      /** The value as `JSON.parse` gives it: what the schema validators see. */
      readonly value: unknown;
      /**
       * The same value with every integer beyond 2^53 kept exactly as a `bigint`, so backup ids
       * near 2^63 are compared without rounding (spec/NOTES.md#ids-beyond-2-53). Identical to
       * `value` when the text holds no such integer.
       */
      readonly exact: unknown;
    }
  | { readonly ok: false; readonly error: string };

// Sixteen or more digits may exceed Number.MAX_SAFE_INTEGER; shorter literals never do.
const LONG_INTEGER_DIGITS = 16;

export function parseJson(text: string): ParsedJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  if (!hasLongDigitRun(text)) return { ok: true, value, exact: value };
  const marked = markUnsafeIntegers(text);
  return { ok: true, value, exact: marked === undefined ? value : exactFromMarked(marked) };
}

/**
 * Whether the text holds a run of 16 or more ASCII digits anywhere (in a string or not): only then
 * can a literal exceed 2^53. Probes every 16th character, so that it reads a fraction of a large body:
 * any run that long covers a probe, and a probe on a digit measures the run it is in. `/\d{16,}/`
 * reads every digit up to 15 times over, as long as parsing a list of timestamps.
 */
export function hasLongDigitRun(text: string): boolean {
  let probe = LONG_INTEGER_DIGITS - 1;
  while (probe < text.length) {
    if (!isDigit(text.charCodeAt(probe))) {
      probe += LONG_INTEGER_DIGITS;
      continue;
    }
    let start = probe;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
    let end = probe + 1;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    if (end - start >= LONG_INTEGER_DIGITS) return true;
    // `end` is not a digit: the next run of 16 starts after it, and covers end + 16.
    probe = end + LONG_INTEGER_DIGITS;
  }
  return false;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

// An unsafe integer literal becomes a string of this prefix and its digits, which `JSON.parse` reads
// with all its own rules (duplicate keys, `__proto__`); the strings are then turned into bigints. No
// body can hold the prefix by chance: it starts with U+0000 and holds a random UUID (and a body that
// held it would get another).
const MARK_TAG = `${randomUUID()}:`;

interface Marked {
  readonly text: string;
  readonly prefix: string;
}

/**
 * The text with each integer literal beyond 2^53 outside strings written as a marked string, or
 * undefined when it has none (long digit runs inside strings: ids sent as strings, nanoseconds).
 * Only runs on text `JSON.parse` accepted, so its strings and numbers are well-formed.
 */
function markUnsafeIntegers(text: string): Marked | undefined {
  let tag = MARK_TAG;
  while (text.includes(tag)) tag = `${randomUUID()}:`;
  const parts: string[] = [];
  let copied = 0;
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      at = afterString(text, at);
      continue;
    }
    if (!isDigit(code) && code !== MINUS) {
      at++;
      continue;
    }
    const start = at;
    let integer = true;
    for (at++; at < text.length; at++) {
      const next = text.charCodeAt(at);
      if (isDigit(next)) continue;
      if (next === DOT || next === 0x65 || next === 0x45 || next === PLUS || next === MINUS) integer = false;
      else break;
    }
    if (!integer || at - start < LONG_INTEGER_DIGITS) continue;
    const literal = text.slice(start, at);
    if (Number.isSafeInteger(Number(literal))) continue;
    parts.push(text.slice(copied, start), `"\\u0000${tag}${literal}"`);
    copied = at;
  }
  if (parts.length === 0) return undefined;
  parts.push(text.slice(copied));
  return { text: parts.join(''), prefix: `\u0000${tag}` };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;

/** The index after the string that opens at `at`: the next quote not escaped by a backslash. */
function afterString(text: string, at: number): number {
  let from = at + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** Parses the marked text and turns each marked string back into its integer, as a bigint. */
function exactFromMarked(marked: Marked): unknown {
  const restore = (value: unknown): unknown => {
    if (typeof value === 'string') return value.startsWith(marked.prefix) ? BigInt(value.slice(marked.prefix.length)) : value;
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) value[index] = restore(value[index]);
      return value;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const restored = restore(record[key]);
      // Defined, not assigned: an own "__proto__" key stays an own property, as JSON.parse made it.
      if (restored !== record[key]) Object.defineProperty(record, key, { value: restored, enumerable: true, writable: true, configurable: true });
    }
    return record;
  };
  return restore(JSON.parse(marked.text));
}
