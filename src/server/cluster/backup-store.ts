import type { StoredBackup } from './stored-backup.js';

/**
 * The cluster's memory: the backups that exist, and the highest id ever taken, which outlives the
 * deletion of its backup (checkpoint ids live in the partitions' state and never go back down;
 * camunda/camunda#36191, research note §3.1).
 */
export class BackupStore {
  readonly #backups = new Map<bigint, StoredBackup>();
  #latestId: bigint | undefined;
  #lastAdded: StoredBackup | undefined;
  #createdCount = 0;

  /** The highest backup id ever taken or seeded, deleted or not; undefined on a fresh cluster. */
  get latestId(): bigint | undefined {
    return this.#latestId;
  }

  /** The backup added last (seeded or taken), deleted or not: where checkpoint positions continue from. */
  get lastAdded(): StoredBackup | undefined {
    return this.#lastAdded;
  }

  /** How many backups take requests have created (seeded backups not counted). */
  get createdCount(): number {
    return this.#createdCount;
  }

  /** How many backups exist now. */
  get size(): number {
    return this.#backups.size;
  }

  get(id: bigint): StoredBackup | undefined {
    return this.#backups.get(id);
  }

  /** The existing backups, in the order they were added. */
  list(): StoredBackup[] {
    return [...this.#backups.values()];
  }

  /** Records a backup created by a take request. */
  add(backup: StoredBackup): void {
    this.#put(backup);
    this.#createdCount++;
  }

  /** Records a backup that existed before the server started. */
  seed(backup: StoredBackup): void {
    this.#put(backup);
  }

  /** True when a backup was removed. */
  delete(id: bigint): boolean {
    return this.#backups.delete(id);
  }

  #put(backup: StoredBackup): void {
    this.#backups.set(backup.id, backup);
    this.#lastAdded = backup;
    if (this.#latestId === undefined || backup.id > this.#latestId) this.#latestId = backup.id;
  }
}
