const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

/**
 * The value of a decimal integer text (optional minus sign, digits), or undefined when the text is
 * not one or does not fit Java's `long`, the type Zeebe binds every backup id to.
 */
export function parseInt64(text: string): bigint | undefined {
  if (!/^-?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= MIN_INT64 && value <= MAX_INT64 ? value : undefined;
}
