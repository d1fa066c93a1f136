import type { BackupCommand } from '../commands/backup-command.js';
import { takesOf } from '../commands/stateful-scenarios.js';
import type { TakeLedger } from '../model/take-ledger.js';
import type { StatefulBudget } from './stateful-budget.js';

const SKIPS_BEFORE_STOP = 3;

/**
 * Decides whether a run may start. None starts once the suite has stopped or was interrupted, nor
 * one whose takes could pass the ledger's limit. While shrinking, none starts beyond the shrink
 * runs or the shrink time: fast-check's remaining candidates then pass without a request, which
 * ends the shrinking with the shortest failing sequence found so far.
 */
export class RunGate {
  #shrinkRunsLeft: number;
  #shrinkDeadline: number | undefined;
  #stopReason: string | undefined;
  #skippedInARow = 0;

  constructor(
    private readonly budget: StatefulBudget,
    private readonly ledger: TakeLedger,
    private readonly signal: AbortSignal,
  ) {
    this.#shrinkRunsLeft = budget.shrinkRuns;
  }

  /** Why no run starts any more, or undefined. */
  get stopReason(): string | undefined {
    return this.#stopReason;
  }

  /** No run starts from now on; the first reason given is kept. */
  stop(reason: string | undefined): void {
    this.#stopReason ??= reason;
  }

  /**
   * A run could not start this time (the cluster did not answer its listing). A cluster that keeps
   * failing is not worth more runs: the third such run in a row stops the suite.
   */
  skipped(reason: string): void {
    this.#skippedInARow++;
    if (this.#skippedInARow >= SKIPS_BEFORE_STOP) this.stop(`${this.#skippedInARow} runs in a row could not start; the last because ${reason}`);
  }

  /** A run started: the count of skipped runs starts again. */
  started(): void {
    this.#skippedInARow = 0;
  }

  /** How many runs shrinking has started. */
  get shrinkAttempts(): number {
    return this.budget.shrinkRuns - this.#shrinkRunsLeft;
  }

  /** True when shrinking may start another run. */
  get shrinkOpen(): boolean {
    return this.#shrinkRunsLeft > 0 && (this.#shrinkDeadline === undefined || performance.now() <= this.#shrinkDeadline);
  }

  /** Whether `sequence` may run now; a shrinking run that may is counted. */
  open(sequence: readonly BackupCommand[], shrinking: boolean): boolean {
    if (this.#stopReason !== undefined || this.signal.aborted) return false;
    if (shrinking) this.#shrinkDeadline ??= performance.now() + this.budget.shrinkMs;
    if (shrinking && !this.shrinkOpen) return false;
    if (sequence.reduce((takes, command) => takes + takesOf(command), 0) > this.ledger.remaining) return false;
    if (shrinking) this.#shrinkRunsLeft--;
    return true;
  }
}
