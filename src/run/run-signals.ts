import type { RunConfig } from '../config.js';

/** Why a run stopped early: the --max-duration budget, or an interrupt (Ctrl-C, SIGTERM). */
export type StopReason = 'max-duration' | 'interrupt';

/** The run's stop signal: the caller's interrupt and the --max-duration budget, whichever comes first. */
export class RunSignals {
  readonly signal: AbortSignal;
  private readonly budget: AbortSignal | undefined;

  constructor(config: RunConfig, interrupt: AbortSignal | undefined) {
    this.budget = config.maxDurationMs === undefined ? undefined : AbortSignal.timeout(config.maxDurationMs);
    this.signal = AbortSignal.any([interrupt ?? new AbortController().signal, ...(this.budget === undefined ? [] : [this.budget])]);
  }

  /** Why the run stopped, or undefined while it goes on. */
  stopped(): StopReason | undefined {
    if (!this.signal.aborted) return undefined;
    return this.budget?.aborted === true ? 'max-duration' : 'interrupt';
  }
}
