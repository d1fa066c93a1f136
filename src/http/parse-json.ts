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
  return { ok: true, value, exact: new ExactParser(text).parseDocument() };
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

/**
 * A strict JSON reader that keeps unsafe integers as `bigint`. It only runs on text that
 * `JSON.parse` already accepted, so it reports no syntax errors of its own.
 */
class ExactParser {
  private at = 0;
  constructor(private readonly text: string) {}

  parseDocument(): unknown {
    const value = this.parseValue();
    return value;
  }

  private skipSpace(): void {
    while (this.at < this.text.length) {
      const c = this.text.charCodeAt(this.at);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      this.at++;
    }
  }

  private parseValue(): unknown {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === '{') return this.parseObject();
    if (c === '[') return this.parseArray();
    if (c === '"') return this.parseString();
    if (c === 't') return this.literal('true', true);
    if (c === 'f') return this.literal('false', false);
    if (c === 'n') return this.literal('null', null);
    return this.parseNumber();
  }

  private literal<T>(word: string, value: T): T {
    this.at += word.length;
    return value;
  }

  private parseObject(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      const key = this.parseString();
      this.skipSpace();
      this.at++; // ':'
      const value = this.parseValue();
      // Same semantics as JSON.parse for "__proto__" keys: an own property, not a prototype.
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      if (this.text[this.at++] === '}') return result;
    }
  }

  private parseArray(): unknown[] {
    const result: unknown[] = [];
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at++;
      return result;
    }
    for (;;) {
      result.push(this.parseValue());
      this.skipSpace();
      if (this.text[this.at++] === ']') return result;
    }
  }

  private parseString(): string {
    const start = this.at;
    this.at++;
    while (this.text[this.at] !== '"') {
      if (this.text[this.at] === '\\') this.at++;
      this.at++;
    }
    this.at++;
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  private parseNumber(): number | bigint {
    const start = this.at;
    while (this.at < this.text.length && /[-+0-9.eE]/.test(this.text[this.at] as string)) this.at++;
    const literal = this.text.slice(start, this.at);
    const number = Number(literal);
    if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(number)) return BigInt(literal);
    return number;
  }
}
