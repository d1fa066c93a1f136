/**
 * The last two seconds formatted, as `YYYY-MM-DDTHH:mm:ss`. A backup's partitions start in one
 * second and mostly settle in one other, and a list formats both for each partition in turn.
 */
const prefixes: [number, string][] = [
  [NaN, ''],
  [NaN, ''],
];

/**
 * An RFC 3339 UTC timestamp with up to nine fractional digits and trailing zeros dropped, the way
 * Zeebe's timestamps look (e.g. `2022-12-08T13:00:55.84756566Z` in the docs' example output).
 * `nanosOfMilli` (0 to 999999) supplies the digits below the millisecond that a JS clock lacks.
 */
export function formatInstant(epochMs: number, nanosOfMilli: number): string {
  const ms = Math.floor(epochMs);
  const second = Math.floor(ms / 1000);
  const prefix = secondPrefix(second);
  const nanosOfSecond = (ms - second * 1000) * 1_000_000 + nanosOfMilli;
  if (nanosOfSecond === 0) return `${prefix}Z`;
  const digits = String(nanosOfSecond).padStart(9, '0');
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48 /* '0' */) end--;
  return `${prefix}.${digits.slice(0, end)}Z`;
}

function secondPrefix(second: number): string {
  for (const entry of prefixes) if (entry[0] === second) return entry[1];
  const prefix = new Date(second * 1000).toISOString().slice(0, 19);
  prefixes.pop();
  prefixes.unshift([second, prefix]);
  return prefix;
}
