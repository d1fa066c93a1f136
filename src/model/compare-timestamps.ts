// RFC 3339 section 5.6 `date-time`. "T" and "Z" may be lower case (the RFC's note on case).
// The fraction may have any number of digits, and the offset is "Z" or +hh:mm / -hh:mm.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const LAST_MINUTE_OF_DAY = 23 * 60 + 59;

/** One instant, exactly: the UTC minute since 1970-01-01, then the seconds and fraction within it. */
interface Instant {
  readonly minute: number;
  /** 0–59, or 60 for a leap second. */
  readonly second: number;
  /** The fraction's digits without trailing zeros ('' for none). */
  readonly fraction: string;
}

/**
 * Compares two RFC 3339 date-times (the spec's `format: date-time`, e.g. `createdAt`) as
 * instants: negative when `a` is earlier, 0 when both name the same instant, positive when `a`
 * is later. Undefined when either is not an RFC 3339 date-time.
 *
 * The comparison is exact at any precision. Zeebe writes up to nine fraction digits and drops
 * trailing zeros (`2022-12-08T13:00:55.84756566Z`), so `Date`, which keeps milliseconds, would
 * call two different instants equal. Offsets are applied, so `10:00:00+02:00` equals
 * `08:00:00Z`. A leap second (`23:59:60Z`) sorts after `23:59:59.999…Z` and before the next
 * day. Forms outside RFC 3339 that some validators accept, such as `+0000` or a space for "T",
 * are undefined here (spec/NOTES.md#timestamps).
 */
export function compareTimestamps(a: string, b: string): number | undefined {
  const left = parseInstant(a);
  const right = parseInstant(b);
  if (left === undefined || right === undefined) return undefined;
  if (left.minute !== right.minute) return left.minute < right.minute ? -1 : 1;
  if (left.second !== right.second) return left.second < right.second ? -1 : 1;
  // Equal-length strings of digits compare as their numbers do.
  const width = Math.max(left.fraction.length, right.fraction.length);
  const l = left.fraction.padEnd(width, '0');
  const r = right.fraction.padEnd(width, '0');
  return l === r ? 0 : l < r ? -1 : 1;
}

function parseInstant(text: string): Instant | undefined {
  const match = DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', sign, offsetHour = '0', offsetMinute = '0'] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  const oh = Number(offsetHour);
  const om = Number(offsetMinute);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  if (h > 23 || mi > 59 || s > 60 || oh > 23 || om > 59) return undefined;
  const offset = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  const utcMinute = (daysFromCivil(y, mo, d) * 24 + h) * 60 + mi - offset;
  // A leap second exists only as the last second of a UTC day.
  if (s === 60 && ((utcMinute % 1440) + 1440) % 1440 !== LAST_MINUTE_OF_DAY) return undefined;
  return { minute: utcMinute, second: s, fraction: fraction.replace(/0+$/, '') };
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
