/** setTimeout's limit: a longer delay would fire at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Delays that can all be cancelled at once, so closing the server leaves no timer behind. */
export class TimerSet {
  readonly #timers = new Set<NodeJS.Timeout>();

  /** Resolves after `ms`; never, once `clear` has been called. */
  wait(ms: number): Promise<void> {
    if (!(ms > 0)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => {
          this.#timers.delete(timer);
          resolve();
        },
        Math.min(ms, MAX_DELAY_MS),
      );
      this.#timers.add(timer);
    });
  }

  clear(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
