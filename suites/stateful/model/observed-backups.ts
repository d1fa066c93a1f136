import type { Observation } from '../../../src/api/backup-api.js';
import { toBackupId } from '../../../src/checks/backup-views.js';
import { FIXED_FACTS, type FixedFact, type PartitionFacts } from '../../../src/model/changed-facts.js';
import { backupSighting } from '../../../src/model/backup-sighting.js';

/** One entry of `details` with an integer partition id. */
export interface ObservedPartition {
  readonly partitionId: number;
  readonly state: unknown;
  /** The fixed facts it carries (see `changedFact`). */
  readonly facts: PartitionFacts;
}

/** One backup in a 200 answer of GET /{backupId} or of the list, as far as the stateful rules need it. */
export interface ObservedBackup {
  readonly backupId?: bigint;
  readonly state?: unknown;
  /** The partition ids of `details`, in order; entries without an integer id are left out. */
  readonly partitionIds: readonly number[];
  /** The `state` of every entry of `details`, in order. */
  readonly partitionStates: readonly unknown[];
  /** checkpointPosition by partition id, for the partitions that report one. */
  readonly positions: ReadonlyMap<number, bigint>;
  /** The entries of `details` with an integer partition id, in order. */
  readonly partitions: readonly ObservedPartition[];
}

/**
 * The backups in a successful answer (the operation's documented 2xx, 200), read from the exact body (ids and positions beyond 2^53 kept as
 * bigints). Empty for other answers; entries too malformed to read are left out (the schema check
 * reports them).
 */
export function observedBackups(observation: Observation): ObservedBackup[] {
  const { answer, body, operation } = observation;
  if ((answer.kind !== 'found' && answer.kind !== 'listed') || body === undefined || !body.ok) return [];
  if (operation.role === 'get') return isObject(body.exact) ? [toObserved(body.exact)] : [];
  if (operation.role === 'list' && Array.isArray(body.exact)) return body.exact.filter(isObject).map(toObserved);
  return [];
}

function toObserved(entry: Record<string, unknown>): ObservedBackup {
  const details = Array.isArray(entry['details']) ? entry['details'].filter(isObject) : [];
  const partitionIds: number[] = [];
  const positions = new Map<number, bigint>();
  const partitions: ObservedPartition[] = [];
  const partitionStates = details.map((partition) => partition['state']);
  for (const partition of details) {
    const partitionId = partition['partitionId'];
    if (typeof partitionId !== 'number' || !Number.isInteger(partitionId)) continue;
    partitionIds.push(partitionId);
    const position = toBackupId(partition['checkpointPosition']);
    if (position !== undefined) positions.set(partitionId, position);
    const facts: Partial<Record<FixedFact, string>> = {};
    for (const name of FIXED_FACTS) {
      const value = partition[name];
      if (typeof value === 'string' || typeof value === 'bigint' || typeof value === 'number') facts[name] = String(value);
    }
    partitions.push({ partitionId, state: partition['state'], facts });
  }
  const backupId = toBackupId(entry['backupId']);
  return { ...(backupId === undefined ? {} : { backupId }), state: entry['state'], partitionIds, partitionStates, positions, partitions };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The entries that list a backup (one no partition has does not), the first for each id. */
export function presentBackups(entries: readonly ObservedBackup[]): Map<bigint, ObservedBackup> {
  const byId = new Map<bigint, ObservedBackup>();
  for (const entry of entries) {
    if (entry.backupId === undefined || byId.has(entry.backupId)) continue;
    if (backupSighting('found', entry.state, entry.partitionStates) !== 'ABSENT') byId.set(entry.backupId, entry);
  }
  return byId;
}
