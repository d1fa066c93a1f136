import type { Sighting } from './backup-sighting.js';
import { changedFact, mergeFacts, type ChangedFact, type PartitionFacts } from './changed-facts.js';
import { checkpointPositionDecrease, type PositionDecrease } from './checkpoint-position-decrease.js';
import { possibleStatesAfter } from './possible-states.js';
import { samePartitionSet } from './same-partition-set.js';
import { EITHER_TAKE_OUTCOME, expectedTakeOutcomes, type TakeOutcome } from './take-outcome.js';

/**
 * An id this run sent a take for.
 * `live`: accepted (202) and not deleted. `deleted`: its delete was answered 204 and it was then
 * seen gone. `uncertain`: a 5xx or a lost answer left it unknown whether it exists. `refused`:
 * answered 409; some partitions may still have made a backup of it, so it is never judged
 * (spec/NOTES.md#a-refused-take-may-leave-traces).
 */
export interface TrackedBackup {
  readonly id: bigint;
  readonly status: 'live' | 'deleted' | 'uncertain' | 'refused';
  /** The states it may be seen in next (for a live backup). */
  readonly possible: ReadonlySet<Sighting>;
  /** The last sighting, for messages. */
  readonly lastSeen?: Sighting;
  /**
   * For a deleted backup, the endpoints that have shown it gone. Only they can show it come back:
   * the list may lag behind a GET that already answers 404 (spec/NOTES.md#asynchronous-visibility).
   * A refused take of a deleted backup keeps them: that id had a backup of the run.
   */
  readonly goneFrom?: ReadonlySet<GoneFrom>;
}

/** A backup of the run seen in a final state, and the facts of its partitions by partition id. */
export interface SettledBackup {
  readonly id: bigint;
  readonly state: 'COMPLETED' | 'FAILED';
  readonly facts: ReadonlyMap<number, PartitionFacts>;
}

/** The endpoints that show a backup gone: its GET, or the list leaving it out. */
export type GoneFrom = 'get' | 'list';

/** The partition set the run saw first, and where. */
export interface PartitionSetSeen {
  readonly partitionIds: readonly number[];
  readonly where: string;
}

/**
 * What one stateful run knows about the server, simpler than the server: the ids it took,
 * relative to a base above every existing backup; the highest id accepted; for each backup the
 * *set* of states it may be in; the partition set and the checkpoint positions seen. It holds no
 * clock: time enters only through the commands' bounded polling.
 */
export class BackupModel {
  /** Takes use offsets 1 to `takeOffsets`. */
  static readonly takeOffsets = 5;
  /** The offset of the run's id that no take uses. */
  static readonly neverTakenOffset = 9;

  readonly #backups = new Map<bigint, TrackedBackup>();
  readonly #positions = new Map<bigint, ReadonlyMap<number, bigint>>();
  readonly #facts = new Map<bigint, ReadonlyMap<number, PartitionFacts>>();
  readonly #taken: bigint[] = [];
  #highestTaken: bigint | undefined;
  #highestSent: bigint | undefined;
  #highestUncertain: bigint | undefined;
  #partitionSet: PartitionSetSeen | undefined;
  #abandoned: string | undefined;

  /**
   * @param base every id of the run is above it, above every existing backup, and above every id
   *   the server ever accepted (the suite makes sure of that before its first run).
   */
  constructor(readonly base: bigint) {}

  idAt(offset: number): bigint {
    return this.base + BigInt(offset);
  }

  get neverTakenId(): bigint {
    return this.idAt(BackupModel.neverTakenOffset);
  }

  /** True for the ids this run may use; answers about other backups are not the run's concern. */
  inRange(id: bigint): boolean {
    return id > this.base && id <= this.neverTakenId;
  }

  /** Why the run stopped judging (the commands then do nothing), or undefined. */
  get abandoned(): string | undefined {
    return this.#abandoned;
  }

  abandon(reason: string): void {
    this.#abandoned ??= reason;
  }

  /** The highest id this run has sent a take for, whatever the answer. */
  get highestSentId(): bigint | undefined {
    return this.#highestSent;
  }

  /** A take of `id` was sent. */
  sent(id: bigint): void {
    if (this.#highestSent === undefined || id > this.#highestSent) this.#highestSent = id;
  }

  get highestTaken(): bigint | undefined {
    return this.#highestTaken;
  }

  /** The highest id of a live backup (whatever its state), or undefined. */
  get highestLive(): bigint | undefined {
    let highest: bigint | undefined;
    for (const backup of this.#backups.values()) {
      if (backup.status === 'live' && (highest === undefined || backup.id > highest)) highest = backup.id;
    }
    return highest;
  }

  /**
   * The outcomes a conformant server may give a take of `id` (`expectedTakeOutcomes`), widened to
   * either below an id whose take got no clear answer: that take may have happened.
   */
  expectedTake(id: bigint): ReadonlySet<TakeOutcome> {
    const outcomes = expectedTakeOutcomes(this.#highestTaken, this.highestLive, id);
    const maybeTaken = this.#highestUncertain !== undefined && id <= this.#highestUncertain;
    return maybeTaken && !outcomes.has('conflict') ? EITHER_TAKE_OUTCOME : outcomes;
  }

  /** The ids the server accepted in this run, in the order first accepted. */
  get takenIds(): readonly bigint[] {
    return this.#taken;
  }

  /** The backups deleted and seen gone in this run, with the endpoints that showed them gone. */
  get deletedBackups(): { readonly id: bigint; readonly goneFrom: ReadonlySet<GoneFrom> }[] {
    const deleted = [...this.#backups.values()].filter((backup) => backup.status === 'deleted');
    return deleted.map((backup) => ({ id: backup.id, goneFrom: backup.goneFrom ?? new Set<GoneFrom>() }));
  }

  /**
   * The live backups last seen COMPLETED or FAILED, with the facts their partitions reported: final
   * states, which every later answer must repeat (read again at the closing sweep).
   */
  get settledBackups(): SettledBackup[] {
    const settled: SettledBackup[] = [];
    for (const backup of this.#backups.values()) {
      const state = backup.lastSeen;
      if (backup.status !== 'live' || (state !== 'COMPLETED' && state !== 'FAILED')) continue;
      settled.push({ id: backup.id, state, facts: this.#facts.get(backup.id) ?? new Map<number, PartitionFacts>() });
    }
    return settled;
  }

  tracked(id: bigint): TrackedBackup | undefined {
    return this.#backups.get(id);
  }

  /** The live backups that have been seen (so must be listed), by ascending id. */
  get visible(): TrackedBackup[] {
    return [...this.#backups.values()].filter((backup) => backup.status === 'live' && !backup.possible.has('ABSENT')).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** The server answered 202: a new backup, in any state of its life. */
  accepted(id: bigint): void {
    this.#backups.set(id, { id, status: 'live', possible: possibleStatesAfter('accepted') });
    this.#positions.delete(id);
    this.#facts.delete(id);
    if (!this.#taken.includes(id)) this.#taken.push(id);
    if (this.#highestTaken === undefined || id > this.#highestTaken) this.#highestTaken = id;
  }

  /**
   * The server answered 409. Changes nothing for a live or uncertain backup; a deleted one is no
   * longer judged, as a refused take may leave traces (spec/NOTES.md#a-refused-take-may-leave-traces).
   */
  refused(id: bigint): void {
    const before = this.#backups.get(id);
    if (before === undefined || before.status === 'deleted') {
      const goneFrom = before?.goneFrom;
      this.#backups.set(id, { id, status: 'refused', possible: possibleStatesAfter('accepted'), ...(goneFrom === undefined ? {} : { goneFrom }) });
    }
  }

  /** No clear answer: the backup may or may not exist, now or later. Never judged again. */
  uncertain(id: bigint): void {
    const before = this.#backups.get(id);
    this.#backups.set(id, {
      id,
      status: 'uncertain',
      possible: possibleStatesAfter('accepted'),
      ...(before?.lastSeen === undefined ? {} : { lastSeen: before.lastSeen }),
    });
    if (this.#highestUncertain === undefined || id > this.#highestUncertain) this.#highestUncertain = id;
  }

  /**
   * The backup was deleted and seen gone. Its checkpoint positions are forgotten: the take rule
   * lets a later take reuse an id below it (spec/NOTES.md#deleted-id-reuse), so the ordering of
   * positions by id is judged among the backups that exist, the same way the take rule reads them.
   */
  deleted(id: bigint, goneFrom: ReadonlySet<GoneFrom>): void {
    const before = this.#backups.get(id);
    if (before === undefined || before.status === 'uncertain' || before.status === 'refused') return;
    this.#backups.set(id, { id, status: 'deleted', possible: new Set<Sighting>(['ABSENT']), lastSeen: 'ABSENT', goneFrom });
    this.#positions.delete(id);
  }

  /** A deleted backup was shown gone by one more endpoint (a list that left it out). */
  seenGone(id: bigint, from: GoneFrom): void {
    const before = this.#backups.get(id);
    if (before?.status !== 'deleted' || before.goneFrom?.has(from) === true) return;
    this.#backups.set(id, { ...before, goneFrom: new Set([...(before.goneFrom ?? []), from]) });
  }

  /**
   * Records a sighting of a live backup. Returns the states it was allowed in: when `sighting` is
   * not among them the server broke the lifecycle, and the model is left as it was.
   */
  sight(id: bigint, sighting: Sighting): { readonly allowed: boolean; readonly possible: ReadonlySet<Sighting>; readonly lastSeen?: Sighting } {
    const backup = this.#backups.get(id);
    if (backup === undefined || backup.status !== 'live') return { allowed: true, possible: possibleStatesAfter('accepted') };
    const result = { possible: backup.possible, ...(backup.lastSeen === undefined ? {} : { lastSeen: backup.lastSeen }) };
    if (!backup.possible.has(sighting)) return { allowed: false, ...result };
    this.#backups.set(id, { ...backup, possible: possibleStatesAfter(sighting), lastSeen: sighting });
    return { allowed: true, ...result };
  }

  /**
   * Records the partition ids one answer listed for a backup; returns the set seen first in this
   * run when this one differs from it, else undefined.
   */
  notePartitions(partitionIds: readonly number[], where: string): PartitionSetSeen | undefined {
    if (this.#partitionSet === undefined) {
      this.#partitionSet = { partitionIds: [...partitionIds], where };
      return undefined;
    }
    return samePartitionSet(this.#partitionSet.partitionIds, partitionIds) ? undefined : this.#partitionSet;
  }

  /**
   * Records the fixed facts of a backup's partitions (createdAt, snapshotId, ...); returns the
   * first one that differs from what the backup reported before, if any (see `changedFact`).
   */
  noteFacts(id: bigint, facts: ReadonlyMap<number, PartitionFacts>): ChangedFact | undefined {
    const before = this.#facts.get(id) ?? new Map<number, PartitionFacts>();
    const changed = changedFact(before, facts);
    if (changed === undefined) this.#facts.set(id, mergeFacts(before, facts));
    return changed;
  }

  /** Records the checkpoint positions a backup reported; returns the first decrease across the run's backups, if any. */
  notePositions(id: bigint, positions: ReadonlyMap<number, bigint>): PositionDecrease | undefined {
    if (positions.size === 0) return undefined;
    this.#positions.set(id, new Map([...(this.#positions.get(id) ?? []), ...positions]));
    return checkpointPositionDecrease(this.#positions);
  }
}
