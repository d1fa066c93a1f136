import type { BackupApi, Observation } from '../../../src/api/backup-api.js';
import type { Finding } from '../../../src/findings/finding.js';
import type { Exchange } from '../../../src/http/exchange.js';
import type { OperationIndex } from '../../../src/spec/index-operations.js';
import type { Operation } from '../../../src/spec/operation.js';
import type { RoleStatuses } from '../../../src/spec/role-statuses.js';
import type { Patience } from './patience.js';
import { PropertyViolation, type ViolationDetails } from '../judges/property-violation.js';
import { ResponseViolation } from '../judges/response-violation.js';
import type { StatefulCheckId } from '../judges/stateful-properties.js';
import type { TakeLedger } from './take-ledger.js';

/**
 * A finding the run records without stopping: `inconclusive` (the model cannot judge) by default,
 * or a `violation` that shrinking could not make smaller (waiting out a timeout again proves nothing).
 */
export interface InconclusiveNote {
  readonly verdict?: 'inconclusive' | 'violation';
  readonly checkId: StatefulCheckId;
  readonly operation: string;
  readonly expected: string;
  readonly received: string;
  readonly specPointer?: string;
}

export interface StatefulSystemOptions {
  readonly api: BackupApi;
  readonly index: OperationIndex;
  readonly ledger: TakeLedger;
  /** How long a backup may take to reach COMPLETED or FAILED. */
  readonly settleTimeoutMs: number;
  /** How long a deleted backup may stay visible (real Zeebe deletes asynchronously). */
  readonly graceMs: number;
  /** Shared by every run of the suite. */
  readonly patience: Patience;
  /**
   * Backups outside the run's ids that existed before the suite and that no request of the suite
   * changes, by id: every list holds them while GET finds them, in a state their history allows.
   */
  readonly standing: ReadonlyMap<bigint, StandingBackup>;
  readonly signal: AbortSignal;
  /** A response check whose violation stops the run (throws a ResponseViolation), to shrink it. */
  readonly stopOn?: string;
  /** Records a judgement of a rule that held on evidence that could have shown it broken. */
  passed(operation: string, checkId: StatefulCheckId): void;
  /** Records a finding (inconclusive unless the note says otherwise), reproduced by the exchanges of the run so far. */
  inconclusive(note: InconclusiveNote, exchanges: readonly Exchange[]): void;
}

/** Why a standing backup must be there, in the words of its findings. */
export const STANDING_WHY = 'which existed before the run and which the suite never deleted';

/** A backup outside the run's ids that must still be there (see `StatefulSystemOptions.standing`). */
export interface StandingBackup {
  /** The final state GET showed it in, when it had settled: every later answer repeats it. */
  readonly settled?: 'COMPLETED' | 'FAILED';
}

/** The requests of one race, all sent at once (see `StatefulSystem.race`). */
export interface RaceRequests {
  /** A take of a new id. */
  readonly take?: bigint;
  /** With `take`: a GET of that id too. */
  readonly getNew?: boolean;
  /** A delete of a live backup of the run. */
  readonly delete?: bigint;
  /** With `delete`: a GET of that id too. */
  readonly getDeleting?: boolean;
  readonly lists: number;
}

export interface RaceAnswers {
  readonly taken?: Observation<'take'> | undefined;
  readonly gotNew?: Observation<'get'> | undefined;
  readonly deleted?: Observation<'delete'> | undefined;
  readonly gotDeleting?: Observation<'get'> | undefined;
  readonly lists: readonly Observation<'list'>[];
}

/**
 * The server as one stateful run sees it (fast-check's "real" system): the checked API, plus the
 * run's transcript (every exchange, for the curl reproduction) and its steps (each command as it
 * ran, with its resolved id, for the replay line). Created fresh for every run.
 */
export class StatefulSystem {
  readonly transcript: Exchange[] = [];
  readonly steps: string[] = [];
  /** The violations the response checks found in the run's answers, the first per check id. */
  readonly responseViolations: Finding[] = [];

  constructor(private readonly options: StatefulSystemOptions) {}

  get index(): OperationIndex {
    return this.options.index;
  }

  /** The status of each outcome, as the spec documents it. */
  get statuses(): RoleStatuses {
    return this.options.index.statuses;
  }

  get settleTimeoutMs(): number {
    return this.options.settleTimeoutMs;
  }

  get graceMs(): number {
    return this.options.graceMs;
  }

  get standing(): ReadonlyMap<bigint, StandingBackup> {
    return this.options.standing;
  }

  get patience(): Patience {
    return this.options.patience;
  }

  get signal(): AbortSignal {
    return this.options.signal;
  }

  /** Sends a take, counted against the suite's limit. */
  async take(id: bigint): Promise<Observation<'take'>> {
    this.options.ledger.sending(id);
    const observation = await this.options.api.take(id);
    this.options.ledger.answered(id, observation.answer);
    return this.#observed(observation);
  }

  /**
   * Sends takes of `ids` at once (each counted against the suite's limit first), for the rules
   * that must hold under concurrency; answers in the order of `ids`.
   */
  async takeAtOnce(ids: readonly bigint[]): Promise<Observation<'take'>[]> {
    for (const id of ids) this.options.ledger.sending(id);
    const answers = await Promise.all(ids.map((id) => this.options.api.take(id)));
    answers.forEach((answer, at) => this.options.ledger.answered(ids[at] as bigint, answer.answer));
    return answers.map((answer) => this.#observed(answer));
  }

  /** Sends a GET and a DELETE of `id` at once. */
  async getWhileDeleting(id: bigint): Promise<{ readonly got: Observation<'get'>; readonly deleted: Observation<'delete'> }> {
    const [got, deleted] = await Promise.all([this.options.api.get(id), this.options.api.delete(id)]);
    if (deleted.answer.kind === 'deleted') this.options.ledger.removed(id);
    return { got: this.#observed(got), deleted: this.#observed(deleted) };
  }

  /**
   * Sends every request of a race at once: a take of a new id, a GET of it, a delete of a live
   * backup, a GET of that one, and lists; answers by part, the takes counted against the limit first.
   */
  async race(race: RaceRequests): Promise<RaceAnswers> {
    const { api, ledger } = this.options;
    if (race.take !== undefined) ledger.sending(race.take);
    const maybe = <T>(id: bigint | undefined, send: (id: bigint) => Promise<T>): Promise<T | undefined> =>
      id === undefined ? Promise.resolve(undefined) : send(id);
    // Sent in this order, each before the answer to the one before: the delete is under way when the
    // take arrives, and both when the reads do, which is where a server that is right one request
    // at a time goes wrong.
    const deleting = maybe(race.delete, (id) => api.delete(id));
    const taking = maybe(race.take, (id) => api.take(id));
    const [deleted, taken, gotNew, gotDeleting, lists] = await Promise.all([
      deleting,
      taking,
      maybe(race.getNew ? race.take : undefined, (id) => api.get(id)),
      maybe(race.getDeleting ? race.delete : undefined, (id) => api.get(id)),
      Promise.all(Array.from({ length: race.lists }, () => api.list())),
    ]);
    if (taken !== undefined) ledger.answered(race.take!, taken.answer);
    if (deleted?.answer.kind === 'deleted') ledger.removed(race.delete!);
    const seen = <O extends Observation>(observation: O | undefined): O | undefined => (observation === undefined ? undefined : this.#observed(observation));
    return {
      taken: seen(taken),
      gotNew: seen(gotNew),
      deleted: seen(deleted),
      gotDeleting: seen(gotDeleting),
      lists: lists.map((list) => this.#observed(list)),
    };
  }

  async list(): Promise<Observation<'list'>> {
    return this.#observed(await this.options.api.list());
  }

  async get(id: bigint): Promise<Observation<'get'>> {
    return this.#observed(await this.options.api.get(id));
  }

  async delete(id: bigint): Promise<Observation<'delete'>> {
    const observation = await this.options.api.delete(id);
    if (observation.answer.kind === 'deleted') this.options.ledger.removed(id);
    return this.#observed(observation);
  }

  /** Notes a command as it runs, e.g. `Take(+7 = 1037)`. */
  step(text: string): void {
    this.steps.push(text);
  }

  /** Records that a rule held, once the answers that could have broken it are judged. */
  passed(operation: Operation, checkId: StatefulCheckId): void {
    this.options.passed(operation.label, checkId);
  }

  inconclusive(note: InconclusiveNote): void {
    this.options.inconclusive(note, [...this.transcript]);
  }

  /** The error a command throws when a rule is broken. */
  violation(checkId: StatefulCheckId, operation: Operation, expected: string, received: string, details?: ViolationDetails): PropertyViolation {
    return new PropertyViolation(checkId, operation.label, expected, received, details);
  }

  #observed<O extends Observation>(observation: O): O {
    this.transcript.push(observation.exchange);
    for (const finding of observation.findings) {
      if (finding.verdict !== 'violation' || this.responseViolations.some((seen) => seen.checkId === finding.checkId)) continue;
      this.responseViolations.push(finding);
      if (finding.checkId === this.options.stopOn) throw new ResponseViolation(finding);
    }
    return observation;
  }
}
