import type { Observation } from '../../../src/api/backup-api.js';
import { sequenceFinding } from '../../../src/findings/sequence-finding.js';
import { backupSighting, lookupAnswerOf, type Sighting } from '../../../src/model/backup-sighting.js';
import { BackupModel } from '../../../src/model/backup-model.js';
import { samePartitionSet } from '../../../src/model/same-partition-set.js';
import type { RuleId } from '../../../src/rules/rules.js';
import { deletedBackupKinds } from '../../../src/findings/deleted-backup-kinds.js';
import { observedBackups, type ObservedBackup } from '../model/observed-backups.js';
import type { SuiteContext } from '../../suite.js';

/** Pre-existing backups read at the start and again at the end: the newest, as the inventory reads them. */
const PRE_EXISTING_READ = 25;
/**
 * The suite's own backups, seen gone after their delete, read again at the end: this many of the
 * first ones (they have had the longest to come back) and of the last ones.
 */
const DELETED_READ = 10;

/** One closing sweep: the list read at its start, and how to read a backup and record a finding. */
interface SweepRound {
  readonly listReadable: boolean;
  readonly listed: ReadonlyMap<bigint, ObservedBackup>;
  /** The labels of the get and list operations. */
  readonly get: string;
  readonly list: string;
  /** GETs the backup; the answer joins the reproduction of every later finding. */
  read(id: bigint): Promise<Observation>;
  fail(checkId: RuleId, operation: string, expected: string, received: string, kind?: string): void;
}

/** What the suite saw of one backup it did not create. */
interface PreExisting {
  readonly id: bigint;
  readonly partitionIds: readonly number[];
}

/**
 * The backups the stateful suite has seen, kept for a closing sweep that reads each once more and
 * judges it against its whole history: the backups that existed before the suite (the newest 25,
 * read at the start by GET and in the list), and the suite's own backups that were deleted and
 * seen gone. A change that happens after the fact (a settled backup whose state or facts change, a
 * backup that vanishes from the list while GET still finds it, a deleted one that comes back) is
 * seen only by reading again later.
 */
export class BackupSweep {
  /** The states and facts of the pre-existing backups; base 0, as the model is used only as a history. */
  readonly #history = new BackupModel(0n);
  readonly #preExisting: PreExisting[] = [];
  readonly #firstDeleted: bigint[] = [];
  readonly #lastDeleted: bigint[] = [];

  constructor(
    private readonly context: SuiteContext,
    private readonly suite: string,
  ) {}

  /** Reads the list and GETs its newest backups, before the suite takes any. */
  async recordPreExisting(): Promise<void> {
    const { api } = this.context;
    const listing = await api.list();
    const listed = present(observedBackups(listing));
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
      this.#preExisting.push({ id, partitionIds: observed.partitionIds });
    }
  }

  /** Backups of the suite were deleted and seen gone: they must stay gone. The first and the last few are kept. */
  deletedAndGone(backups: BackupModel['deletedBackups']): void {
    for (const backup of backups) {
      const id = backup.id;
      if (backup.goneFrom.has('list')) this.#goneFromList.add(id);
      if (this.#firstDeleted.length < DELETED_READ) this.#firstDeleted.push(id);
      else this.#lastDeleted.push(id);
    }
    this.#lastDeleted.splice(0, Math.max(0, this.#lastDeleted.length - DELETED_READ));
  }

  /** The deleted backups a list has shown gone: only for them can the list show one come back. */
  readonly #goneFromList = new Set<bigint>();

  get #deleted(): bigint[] {
    return [...this.#firstDeleted, ...this.#lastDeleted];
  }

  /** How many backups the sweep will read. */
  get size(): number {
    return this.#preExisting.length + this.#firstDeleted.length + this.#lastDeleted.length;
  }

  /** Reads the list, then GETs every backup kept, and records a finding for each rule broken. */
  async sweep(): Promise<void> {
    if (this.size === 0 || this.context.signal.aborted) return;
    const round = await this.#startRound();
    for (const backup of this.#preExisting) {
      if (this.context.signal.aborted) return;
      await this.#sweepPreExisting(round, backup);
    }
    for (const id of this.#deleted) {
      if (this.context.signal.aborted) return;
      await this.#sweepDeleted(round, id);
    }
  }

  /** Reads the list once for the whole sweep; every answer read after it joins the reproduction. */
  async #startRound(): Promise<SweepRound> {
    const { api, index } = this.context;
    const listing = await api.list();
    const transcript: Observation[] = [listing];
    return {
      listReadable: listing.answer.kind === 'listed' && listing.answer.backups !== undefined,
      listed: present(observedBackups(listing)),
      get: index.byRole.get.label,
      list: index.byRole.list.label,
      read: async (id) => {
        const answer = await api.get(id);
        transcript.push(answer);
        return answer;
      },
      fail: (checkId, operation, expected, received, kind) => {
        this.context.record(
          sequenceFinding({
            checkId,
            operation,
            expected,
            received,
            ...(kind === undefined ? {} : { kind }),
            operations: index.byRole,
            suite: this.suite,
            exchanges: transcript.map((o) => o.exchange),
            redactedHeaders: this.context.redactedHeaders,
          }),
        );
      },
    };
  }

  /** A backup that existed before the run: its state may only move on, its facts stay, and the list holds it while GET finds it. */
  async #sweepPreExisting(round: SweepRound, backup: PreExisting): Promise<void> {
    const { id } = backup;
    const answer = await round.read(id);
    const observed = observedBackups(answer)[0];
    const sighting = backupSighting(lookupAnswerOf(answer.answer), observed?.state, observed?.partitionStates);
    if (sighting === undefined) return;
    const before = this.#history.tracked(id)?.lastSeen;
    const outcome = this.#history.sight(id, sighting);
    if (!outcome.allowed) {
      const now = sighting === 'ABSENT' ? 'not found' : sighting;
      const allowed = [...outcome.possible].join(' or ');
      round.fail(
        'state-transition-allowed',
        round.get,
        `backup ${id}, which existed before the run and which the suite never deleted, ${allowed} (it was ${before ?? 'seen'} at the start)`,
        `${now} at the end of the run`,
      );
      return;
    }
    this.context.passed(round.get, 'state-transition-allowed');
    if (sighting === 'ABSENT' || observed === undefined) return;
    if (!samePartitionSet(backup.partitionIds, observed.partitionIds)) {
      round.fail(
        'backup-facts-fixed',
        round.get,
        `partitions ${text(backup.partitionIds)} in the details of backup ${id}, as at the start of the run`,
        `partitions ${text(observed.partitionIds)}`,
      );
      return;
    }
    const entry = round.listed.get(id);
    const changed = this.#history.noteFacts(id, factsOf(observed)) ?? (entry === undefined ? undefined : this.#history.noteFacts(id, factsOf(entry)));
    if (changed !== undefined) {
      round.fail(
        'backup-facts-fixed',
        round.get,
        `${changed.fact} ${changed.before} on partition ${changed.partitionId} of backup ${id}, as at the start of the run`,
        `${changed.fact} ${changed.after} at the end`,
      );
      return;
    }
    this.context.passed(round.get, 'backup-facts-fixed');
    if (!round.listReadable) return;
    const expected = `backup ${id} listed: GET finds it ${sighting}`;
    if (entry === undefined) round.fail('list-holds-live-backups', round.list, expected, 'a list without it at the end of the run');
    else this.context.passed(round.list, 'list-holds-live-backups');
  }

  /** A backup the suite deleted and saw gone: GET and, if the list showed it gone, the list must not find it again. */
  async #sweepDeleted(round: SweepRound, id: bigint): Promise<void> {
    const answer = await round.read(id);
    const observed = observedBackups(answer)[0];
    const sighting = backupSighting(lookupAnswerOf(answer.answer), observed?.state, observed?.partitionStates);
    if (sighting !== undefined) {
      if (sighting !== 'ABSENT') {
        round.fail(
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
        'deleted-backup-gone',
        round.list,
        `backup ${id} not listed: the suite deleted it and saw it gone`,
        `listed with state ${String(round.listed.get(id)?.state)} at the end of the run`,
        deletedBackupKinds.backAfterSeenGone,
      );
    else this.context.passed(round.list, 'deleted-backup-gone');
  }
}

/** The entries that list a backup (one no partition has does not), by id. */
function present(entries: readonly ObservedBackup[]): Map<bigint, ObservedBackup> {
  const byId = new Map<bigint, ObservedBackup>();
  for (const entry of entries) {
    if (entry.backupId === undefined || byId.has(entry.backupId)) continue;
    const sighting: Sighting | undefined = backupSighting('found', entry.state, entry.partitionStates);
    if (sighting !== 'ABSENT') byId.set(entry.backupId, entry);
  }
  return byId;
}

function factsOf(observed: ObservedBackup): Map<number, ObservedBackup['partitions'][number]['facts']> {
  return new Map(observed.partitions.map((partition) => [partition.partitionId, partition.facts]));
}

function text(ids: readonly number[]): string {
  const distinct = [...new Set(ids)].sort((a, b) => a - b);
  return distinct.length === 0 ? '(none)' : distinct.join(', ');
}
