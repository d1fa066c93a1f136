import { INT64_MAX, INT64_MIN } from '../../spec/int64.js';

/**
 * The value of a decimal integer text (optional minus sign, digits), or undefined when the text is
 * not one or does not fit Java's `long`, the type Zeebe binds every backup id to.
 */
export function parseInt64(text: string): bigint | undefined {
  if (!/^-?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
}
