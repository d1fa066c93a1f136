/**
 * Every value the tool echoes (an id, a body, a message, a URL) passes through here before the
 * console, JUnit, findings.json, the HTML report or an annotation shows it: a server that keeps a
 * megabyte-long id must not make a megabyte-long line. Only exchanges.har holds the whole value.
 */

/** A run of digits longer than this is a number no one reads whole: its start and length say enough. */
const LONGEST_DIGIT_RUN = 64;
const DIGITS_KEPT = 16;
/** The longest text kept whole, after digit runs are shortened: a few lines of a terminal. */
export const LONGEST_ECHOED_TEXT = 1_000;
const CHARACTERS_KEPT = 200;

/**
 * The text with each run of more than 64 digits cut to its start and its length,
 * `1234567890123456…(1,048,576 digits)`, and a text still longer than `longest` cut the same way,
 * `{"backupId":"aaaa…(1,048,590 characters)`. A text within bounds comes back unchanged.
 */
export function elide(text: string, longest = LONGEST_ECHOED_TEXT): string {
  if (text.length <= LONGEST_DIGIT_RUN) return text;
  const shortened = text.replace(/\d{65,}/g, (digits) => `${digits.slice(0, DIGITS_KEPT)}…(${count(digits.length)} digits)`);
  if (shortened.length <= longest) return shortened;
  return `${shortened.slice(0, Math.min(CHARACTERS_KEPT, longest))}…(${count(text.length)} characters)`;
}

/** `1,048,576`: a length people can read at a glance. */
function count(length: number): string {
  return length.toLocaleString('en-US');
}
