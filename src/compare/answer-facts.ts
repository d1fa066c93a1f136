import type { Exchange } from '../http/exchange.js';
import { parseJson } from '../http/parse-json.js';

/**
 * What an answer shows, written so that two servers can be compared fact by fact: each key is an
 * aspect (`status`, `media type`, `field .details[].brokerId`, `value .state`, …), each value its
 * reading. What differs between two runs of the same server by design is written relatively:
 * backup ids as offsets from the run's first id, timestamps and positions only as their order,
 * numbers inside texts blanked into a template.
 */
export type AnswerFacts = Readonly<Record<string, string>>;

export interface FactReading {
  /** The run's first backup id: ids at or above it are the run's own, written as `+offset`. */
  readonly base: bigint;
  /** The name of the id field of a backup (`backupId`), read from the spec's take operation. */
  readonly idField: string;
  /** The paths whose values the spec enumerates (`.state`, `.details[].state`), whose values are compared as they are. */
  readonly enumPaths: ReadonlySet<string>;
  /**
   * Whether the run followed the backup until it settled. A list entry of one it did not follow
   * shows its enumerated values as `(not followed)`: whether it is still IN_PROGRESS at that
   * moment is a matter of timing, not of the server.
   */
  settled(id: bigint): boolean;
}

/** What a list entry shows for an enumerated value of a backup the run did not follow. */
export const NOT_FOLLOWED = '(not followed)';

/** Texts longer than this are compared by their start: a template, not a copy of the body. */
const TEMPLATE_CHARS = 160;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

export function answerFacts(exchange: Exchange, reading: FactReading): AnswerFacts {
  const { response, failure } = exchange;
  if (response === undefined) return { status: `no answer (${failure?.kind ?? 'other'})` };
  const facts: Record<string, Set<string>> = {};
  const add = (aspect: string, value: string): void => void (facts[aspect] ??= new Set()).add(value);
  add('status', String(response.status));
  add('media type', (response.headers['content-type'] ?? '(none)').split(';')[0]!.trim().toLowerCase());
  const text = response.bodyText;
  const parsed = text.trim() === '' ? undefined : parseJson(text);
  if (parsed === undefined) add('body', 'empty');
  else if (!parsed.ok) add('body', `text: ${template(text)}`);
  else walk(Array.isArray(parsed.exact) ? ownEntries(parsed.exact, reading) : parsed.exact, '', add, reading);
  return Object.fromEntries(Object.entries(facts).map(([aspect, values]) => [aspect, [...values].sort().join(' | ')]));
}

/**
 * A list keeps only the run's own backups (the backups from before the run differ from server to
 * server), their enumerated values blanked where the run did not follow the backup.
 */
function ownEntries(entries: readonly unknown[], reading: FactReading): unknown[] {
  return entries.flatMap((entry) => {
    const id = idOf(isObject(entry) ? entry[reading.idField] : undefined);
    if (id === undefined || id < reading.base) return [];
    return [reading.settled(id) ? entry : blankEnums(entry, '[]', reading.enumPaths)];
  });
}

function blankEnums(value: unknown, path: string, enumPaths: ReadonlySet<string>): unknown {
  if (enumPaths.has(path) && typeof value === 'string') return NOT_FOLLOWED;
  if (Array.isArray(value)) return value.map((item) => blankEnums(item, `${path}[]`, enumPaths));
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, blankEnums(child, `${path}.${key}`, enumPaths)]));
}

function walk(value: unknown, path: string, add: (aspect: string, value: string) => void, reading: FactReading): void {
  add(path === '' ? 'body' : `field ${path}`, typeOf(value));
  if (Array.isArray(value)) {
    add(`count ${path === '' ? 'of the entries' : path}`, String(value.length));
    for (const item of value) walk(item, `${path}[]`, add, reading);
    for (const order of arrayOrders(value, reading)) add(`order ${path}[].${order.field}`, order.order);
    return;
  }
  if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`, add, reading);
    const timestamps = timestampOrder(value);
    if (timestamps !== undefined) add(`order of the timestamps of ${path === '' ? 'the body' : path}`, timestamps);
    return;
  }
  const key = path.slice(path.lastIndexOf('.') + 1);
  if (key === reading.idField) add(`value ${path}`, relativeId(value, reading.base));
  else if (reading.enumPaths.has(path) || typeof value === 'boolean' || value === null) add(`value ${path}`, String(value));
  else if (typeof value === 'string' && !TIMESTAMP.test(value)) add(`value ${path}`, template(value));
}

/**
 * How the elements of an array of objects are ordered by each id they all have (`backupId`,
 * `partitionId`, `brokerId`): the list's order, the order of the partitions. Other numbers
 * (positions) follow the data, not the server's choice.
 */
function arrayOrders(items: readonly unknown[], reading: FactReading): { field: string; order: string }[] {
  if (items.length < 2 || !items.every(isObject)) return [];
  const objects = items as Record<string, unknown>[];
  const isId = (field: string) => field === reading.idField || /Id$/.test(field);
  const fields = Object.keys(objects[0]!).filter((field) => isId(field) && objects.every((item) => idOf(item[field]) !== undefined));
  return fields.map((field) => {
    const numbers = objects.map((item) => idOf(item[field])!);
    const ascending = numbers.every((n, i) => i === 0 || numbers[i - 1]! <= n);
    const descending = numbers.every((n, i) => i === 0 || numbers[i - 1]! >= n);
    return { field, order: ascending ? 'ascending' : descending ? 'descending' : 'unordered' };
  });
}

/** The timestamp fields of an object from earliest to latest (`createdAt ≤ lastUpdatedAt`), when it has two or more. */
function timestampOrder(object: Record<string, unknown>): string | undefined {
  const stamps = Object.entries(object)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && TIMESTAMP.test(entry[1]))
    .map(([field, text]) => ({ field, at: Date.parse(text) }));
  if (stamps.length < 2) return undefined;
  stamps.sort((a, b) => a.at - b.at || (a.field < b.field ? -1 : 1));
  return stamps.map((s, i) => (i === 0 ? s.field : `${stamps[i - 1]!.at === s.at ? '=' : '<'} ${s.field}`)).join(' ');
}

function relativeId(value: unknown, base: bigint): string {
  const id = idOf(value);
  if (id === undefined) return template(String(value));
  return id >= base ? `+${id - base}` : 'an id from before the run';
}

/** A number written as a bigint, from a JSON number, a bigint or a string of digits; undefined otherwise. */
function idOf(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d{1,30}$/.test(value)) return BigInt(value);
  return undefined;
}

/** A text with its numbers blanked, so that "The latest backup has id 1004" reads the same on every server. */
export function template(text: string): string {
  // A token with a digit in it (an id, a version, a request id such as 3fa85f64-5717) is one blank.
  const blanked = text
    .replace(/[\w-]*\d[\w-]*/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
  return blanked.length <= TEMPLATE_CHARS ? blanked : `${blanked.slice(0, TEMPLATE_CHARS)}…`;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'bigint') return 'number';
  return typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
