import type { CheckInput } from './check.js';

/** One partition entry of a backup, as far as the semantic checks need it. */
export interface PartitionView {
  readonly partitionId?: number;
  readonly state?: string;
  readonly createdAt?: string;
  readonly lastUpdatedAt?: string;
  readonly failureReason?: unknown;
}

/** One backup found in a 200 answer of the list or get operation. */
export interface BackupView {
  /** JSON pointer of the backup in the body: '' for a get, '/3' for the fourth list entry. */
  readonly at: string;
  readonly backupId?: bigint;
  readonly state?: string;
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
  if (exchange.response?.status !== 200 || body === undefined || !body.ok) return [];
  if (operation.role === 'get') return isObject(body.exact) ? [toView(body.exact, '')] : [];
  if (operation.role === 'list' && Array.isArray(body.exact)) {
    return body.exact.flatMap((entry, index) => (isObject(entry) ? [toView(entry, `/${index}`)] : []));
  }
  return [];
}

/** An integer id as a bigint, whether JSON gave a number or (beyond 2^53) a bigint. */
export function toBackupId(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return undefined;
}

function toView(entry: Record<string, unknown>, at: string): BackupView {
  const details = Array.isArray(entry['details']) ? entry['details'].filter(isObject).map(toPartitionView) : [];
  const backupId = toBackupId(entry['backupId']);
  return {
    at,
    ...(backupId === undefined ? {} : { backupId }),
    ...(typeof entry['state'] === 'string' ? { state: entry['state'] } : {}),
    ...('failureReason' in entry ? { failureReason: entry['failureReason'] } : {}),
    details,
  };
}

function toPartitionView(entry: Record<string, unknown>): PartitionView {
  const pick = (key: string) => (typeof entry[key] === 'string' ? { [key]: entry[key] as string } : {});
  return {
    ...(typeof entry['partitionId'] === 'number' ? { partitionId: entry['partitionId'] } : {}),
    ...pick('state'),
    ...pick('createdAt'),
    ...pick('lastUpdatedAt'),
    ...('failureReason' in entry ? { failureReason: entry['failureReason'] } : {}),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
