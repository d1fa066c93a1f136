import type { CheckInput } from './check.js';

/** One partition entry of a backup, as far as the semantic checks need it. */
// Fields are `?: T | undefined`: a built view is one literal of one shape (fast for V8 on lists of
// half a million partitions), with undefined where the answer lacks a field; an entry of the answer
// whose fields already have these types serves as its own view (see `partitionViews`).
export interface PartitionView {
  readonly partitionId?: number | undefined;
  readonly state?: string | undefined;
  readonly createdAt?: string | undefined;
  readonly lastUpdatedAt?: string | undefined;
  readonly failureReason?: unknown;
}

/** One backup found in a 200 answer of the list or get operation. */
export interface BackupView {
  /** JSON pointer of the backup in the body: '' for a get, '/3' for the fourth list entry. */
  readonly at: string;
  readonly backupId?: bigint | undefined;
  readonly state?: string | undefined;
  readonly failureReason?: unknown;
  readonly details: readonly PartitionView[];
}

/**
 * The backups in a successful list or get answer, read from the exact (lossless) body. Entries too
 * malformed to read are skipped: the schema check reports them.
 */
export function backupViews(input: CheckInput): readonly BackupView[] {
  // Several checks read the same answer; a list of thousands of backups is read once.
  let views = viewsOf.get(input);
  if (views === undefined) {
    views = readViews(input);
    viewsOf.set(input, views);
  }
  return views;
}

const viewsOf = new WeakMap<CheckInput, readonly BackupView[]>();

function readViews({ operation, exchange, body }: CheckInput): BackupView[] {
  if (exchange.response?.status !== operation.successStatus || body === undefined || !body.ok) return [];
  if (operation.role === 'get') return isObject(body.exact) ? [toView(body.exact, '')] : [];
  if (operation.role === 'list' && Array.isArray(body.exact)) {
    const views: BackupView[] = [];
    body.exact.forEach((entry, index) => {
      if (isObject(entry)) views.push(toView(entry, `/${index}`));
    });
    return views;
  }
  return [];
}

/** An integer id as a bigint, whether JSON gave a number or (beyond 2^53) a bigint. */
export function toBackupId(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return undefined;
}

// These run once per partition of every listed backup (half a million for a large cluster). A
// partition entry whose fields already have the view's types is its own view, and a details array of
// such entries its own list: a well-formed list costs one view per backup, not one per partition.
// Any other entry gets a view built in one literal, with absent or mistyped fields left undefined.
function toView(entry: Record<string, unknown>, at: string): BackupView {
  return {
    at,
    backupId: toBackupId(entry['backupId']),
    state: text(entry['state']),
    failureReason: entry['failureReason'],
    details: partitionViews(entry['details']),
  };
}

function partitionViews(details: unknown): readonly PartitionView[] {
  if (!Array.isArray(details)) return [];
  if (details.every(isPartitionView)) return details;
  const views: PartitionView[] = [];
  for (const partition of details) if (isObject(partition)) views.push(toPartitionView(partition));
  return views;
}

/** An entry every field of which reads as its view would: a number id, string state and timestamps. */
function isPartitionView(entry: unknown): entry is PartitionView {
  if (!isObject(entry)) return false;
  const partitionId = entry['partitionId'];
  return (
    (partitionId === undefined || typeof partitionId === 'number') &&
    optionalText(entry['state']) &&
    optionalText(entry['createdAt']) &&
    optionalText(entry['lastUpdatedAt'])
  );
}

function optionalText(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function toPartitionView(entry: Record<string, unknown>): PartitionView {
  const partitionId = entry['partitionId'];
  return {
    partitionId: typeof partitionId === 'number' ? partitionId : undefined,
    state: text(entry['state']),
    createdAt: text(entry['createdAt']),
    lastUpdatedAt: text(entry['lastUpdatedAt']),
    failureReason: entry['failureReason'],
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
