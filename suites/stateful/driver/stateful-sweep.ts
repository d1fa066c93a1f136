import type { Observation } from '../../../src/api/backup-api.js';
import { inFlight } from '../../../src/api/in-flight.js';
import { sequenceFinding } from '../../../src/findings/sequence-finding.js';
import { backupSighting, lookupAnswerOf, type Sighting } from '../../../src/model/backup-sighting.js';
import { BackupModel } from '../../../src/model/backup-model.js';
import { samePartitionSet } from '../../../src/model/same-partition-set.js';
import type { RuleId } from '../../../src/rules/rules.js';
import { deletedBackupKinds } from '../../../src/findings/deleted-backup-kinds.js';
import { observedBackups, presentBackups, type ObservedBackup } from '../model/observed-backups.js';
import { STANDING_WHY, type StandingBackup } from '../model/stateful-system.js';
import type { SuiteContext } from '../../suite.js';

/** Pre-existing backups read at the start and again at the end: the newest, as the inventory reads them. */
const PRE_EXISTING_READ = 25;

/** One closing sweep: the list read at its start, and how to record a finding. */
interface SweepRound {
  readonly listing: Observation;
  readonly listReadable: boolean;
  readonly listed: ReadonlyMap<bigint, ObservedBackup>;
  /** The labels of the get and list operations. */
  readonly get: string;
  readonly list: string;
  /** Records a finding reproduced by the list and the one GET it rests on. */
  fail(read: Observation, checkId: RuleId, operation: string, expected: string, received: string, kind?: string): void;
}

/** A backup that must still be there at the end, as the suite first saw it. */
interface PreExisting extends StandingBackup {
  readonly id: bigint;
  readonly partitionIds: readonly number[];
}

/**
 * The backups the stateful suite has seen, kept for a closing sweep that reads each once more and
 * judges it against its whole history: the backups that existed before the suite (the newest 25,
 * read at the start by GET and in the list; every run's lists must hold them too, see
 * `judgeStanding`), and every backup of the suite that was deleted and seen gone. A change that
 * happens after the fact (a settled backup whose state or facts change, a backup that vanishes
 * from the list while GET still finds it, a deleted one that comes back) is seen only by reading
 * again later. (The suite's own settled backups are read again at the end of their run.)
 */
export class BackupSweep {
  /** The states and facts of the pre-existing backups; base 0, as the model is used only as a history. */
  readonly #history = new BackupModel(0n);
  readonly #preExisting = new Map<bigint, PreExisting>();
  readonly #deleted: bigint[] = [];
  /** The deleted backups a list has shown gone: only for them can the list show one come back. */
  readonly #goneFromList = new Set<bigint>();

  constructor(
    private readonly context: SuiteContext,
    private readonly suite: string,
  ) {}

  /** The backups every list must hold while GET finds them. */
  get standing(): ReadonlyMap<bigint, StandingBackup> {
    return this.#preExisting;
  }

  /** Reads the list and GETs its newest backups, before the suite takes any. */
  async recordPreExisting(): Promise<void> {
    const { api } = this.context;
    const listing = await api.list();
    const listed = presentBackups(observedBackups(listing));
    const newest = [...listed.values()].sort((a, b) => (a.backupId! < b.backupId! ? 1 : -1)).slice(0, PRE_EXISTING_READ);
    for (const entry of newest) {
      if (this.context.signal.aborted) return;
      const id = entry.backupId as bigint;
      const answer = await api.get(id);
      const observed = observedBackups(answer)[0];
      const sighting = backupSighting(lookupAnswerOf(answer.answer), observed?.state, observed?.partitionStates);
      if (sighting === undefined || sighting === 'ABSENT' || observed?.backupId !== id) continue;
      this.#history.accepted(id);
      this.#history.sight(id, sighting);
      this.#history.noteFacts(id, factsOf(observed));
      this.#history.noteFacts(id, factsOf(entry));
      const settled = sighting === 'COMPLETED' || sighting === 'FAILED' ? { settled: sighting } : {};
      this.#preExisting.set(id, { id, partitionIds: observed.partitionIds, ...settled });
    }
  }

  /** Backups of the suite were deleted and seen gone: they must stay gone. */
  deletedAndGone(backups: BackupModel['deletedBackups']): void {
    for (const backup of backups) {
      if (backup.goneFrom.has('list')) this.#goneFromList.add(backup.id);
      if (!this.#deleted.includes(backup.id)) this.#deleted.push(backup.id);
    }
  }

  /** How many backups the sweep will read. */
  get size(): number {
    return this.#preExisting.size + this.#deleted.length;
  }

  /** Reads the list, then GETs every backup kept, and records a finding for each rule broken, in a fixed order. */
  async sweep(): Promise<void> {
    if (this.size === 0 || this.context.signal.aborted) return;
    const round = await this.#startRound();
    const preExisting = [...this.#preExisting.values()];
    const ids = [...preExisting.map((backup) => backup.id), ...this.#deleted];
    const reads = await this.#readAll(ids);
    preExisting.forEach((backup, at) => {
      const read = reads[at];
      if (read !== undefined) this.#judgePreExisting(round, backup, read);
    });
    this.#deleted.forEach((id, at) => {
      const read = reads[preExisting.length + at];
      if (read !== undefined) this.#judgeDeleted(round, id, read);
    });
  }

  /**
   * GETs each id, --concurrency at a time (each is independent of the others, and the list was read
   * before all of them); an id left unread when the run is interrupted has no answer.
   */
  async #readAll(ids: readonly bigint[]): Promise<(Observation<'get'> | undefined)[]> {
    return inFlight(ids, this.context.config.concurrency, (id) => this.context.api.get(id), this.context.signal);
  }

  /** Reads the list once for the whole sweep. */
  async #startRound(): Promise<SweepRound> {
    const { api, index } = this.context;
    const listing = await api.list();
    return {
      listing,
      listReadable: listing.answer.kind === 'listed' && listing.answer.backups !== undefined,
      listed: presentBackups(observedBackups(listing)),
      get: index.byRole.get.label,
      list: index.byRole.list.label,
      fail: (read, checkId, operation, expected, received, kind) => {
        this.context.record(
          sequenceFinding({
            checkId,
            operation,
            expected,
            received,
            ...(kind === undefined ? {} : { kind }),
            operations: index.byRole,
            suite: this.suite,
            exchanges: [listing.exchange, read.exchange],
            redactedHeaders: this.context.redactedHeaders,
          }),
        );
      },
    };
  }

  /**
   * A backup that must still be there: the list (read first) and then its GET may only show its
   * state moved on (a settled one: the same), its facts stay, and the list holds it while GET finds it.
   */
  #judgePreExisting(round: SweepRound, backup: PreExisting, read: Observation<'get'>): void {
    const { id } = backup;
    const entry = round.listed.get(id);
    if (entry !== undefined) {
      const listedAs = backupSighting('found', entry.state, entry.partitionStates);
      if (!this.#judgeState(round, backup, read, round.list, listedAs, `listed with state ${String(entry.state)}`)) return;
      if (!this.#judgeFacts(round, backup, read, round.list, entry)) return;
    }
    const observed = observedBackups(read)[0];
    const sighting = backupSighting(lookupAnswerOf(read.answer), observed?.state, observed?.partitionStates);
    if (sighting === undefined || !this.#judgeState(round, backup, read, round.get, sighting, sighting === 'ABSENT' ? 'not found' : sighting)) return;
    if (sighting === 'ABSENT' || observed === undefined) return;
    if (backup.partitionIds.length > 0 && !samePartitionSet(backup.partitionIds, observed.partitionIds)) {
      round.fail(
        read,
        'backup-facts-fixed',
        round.get,
        `partitions ${text(backup.partitionIds)} in the details of backup ${id}, as seen earlier in the run`,
        `partitions ${text(observed.partitionIds)}`,
      );
      return;
    }
    if (!this.#judgeFacts(round, backup, read, round.get, observed) || !round.listReadable) return;
    const expected = `backup ${id} listed: GET finds it ${sighting}`;
    if (entry === undefined) round.fail(read, 'list-holds-live-backups', round.list, expected, 'a list without it at the end of the run');
    else this.context.passed(round.list, 'list-holds-live-backups');
  }

  /** Whether the backup's state in one answer follows its history; records the finding when not. */
  #judgeState(round: SweepRound, backup: PreExisting, read: Observation, operation: string, sighting: Sighting | undefined, shown: string): boolean {
    if (sighting === undefined) return true;
    const before = this.#history.tracked(backup.id)?.lastSeen;
    const outcome = this.#history.sight(backup.id, sighting);
    if (outcome.allowed) {
      this.context.passed(operation, 'state-transition-allowed');
      return true;
    }
    const allowed = [...outcome.possible].join(' or ');
    round.fail(
      read,
      'state-transition-allowed',
      operation,
      `backup ${backup.id}, ${STANDING_WHY}, ${allowed} (it was ${before ?? 'seen'} earlier in the run)`,
      `${shown} at the end of the run`,
    );
    return false;
  }

  /** Whether the fixed facts in one answer are those reported before; records the finding when not. */
  #judgeFacts(round: SweepRound, backup: PreExisting, read: Observation, operation: string, observed: ObservedBackup): boolean {
    const changed = this.#history.noteFacts(backup.id, factsOf(observed));
    if (changed === undefined) {
      this.context.passed(operation, 'backup-facts-fixed');
      return true;
    }
    round.fail(
      read,
      'backup-facts-fixed',
      operation,
      `${changed.fact} ${changed.before} on partition ${changed.partitionId} of backup ${backup.id}, as reported earlier in the run`,
      `${changed.fact} ${changed.after} at the end`,
    );
    return false;
  }

  /** A backup the suite deleted and saw gone: GET and, if the list showed it gone, the list must not find it again. */
  #judgeDeleted(round: SweepRound, id: bigint, read: Observation<'get'>): void {
    const observed = observedBackups(read)[0];
    const sighting = backupSighting(lookupAnswerOf(read.answer), observed?.state, observed?.partitionStates);
    if (sighting !== undefined) {
      if (sighting !== 'ABSENT') {
        round.fail(
          read,
          'deleted-backup-gone',
          round.get,
          `${this.context.index.statuses.notFound} for backup ${id}: the suite deleted it and saw it gone`,
          `${sighting} at the end of the run`,
          deletedBackupKinds.backAfterSeenGone,
        );
        return;
      }
      this.context.passed(round.get, 'deleted-backup-gone');
    }
    // A list that never left the backup out cannot show it come back (it may lag behind the GET).
    if (!round.listReadable || !this.#goneFromList.has(id)) return;
    if (round.listed.has(id))
      round.fail(
        read,
        'deleted-backup-gone',
        round.list,
        `backup ${id} not listed: the suite deleted it and saw it gone`,
        `listed with state ${String(round.listed.get(id)?.state)} at the end of the run`,
        deletedBackupKinds.backAfterSeenGone,
      );
    else this.context.passed(round.list, 'deleted-backup-gone');
  }
}

function factsOf(observed: ObservedBackup): Map<number, ObservedBackup['partitions'][number]['facts']> {
  return new Map(observed.partitions.map((partition) => [partition.partitionId, partition.facts]));
}

function text(ids: readonly number[]): string {
  const distinct = [...new Set(ids)].sort((a, b) => a - b);
  return distinct.length === 0 ? '(none)' : distinct.join(', ');
}
