import type { ReferenceServerOptions } from '../../src/server/options.js';

/** One server of the catalog: the reference server with one fault, or a correct oddity. */
export interface Variant {
  /** Kebab-case name, shown in the kill table. */
  readonly id: string;
  /** What is wrong (or unusual) about it, for people. */
  readonly fault: string;
  /** The check that must catch it; undefined for a correct variant, on which nothing may be reported. */
  readonly expectedCheck?: string;
  /**
   * The reference server's options: the fault as a small override. A function when the fault keeps
   * state of its own, so that every server made from the variant (one per seed) has its own.
   */
  readonly server: ReferenceServerOptions | (() => ReferenceServerOptions);
  /** Set for a server the suite cannot judge (it takes no backup): the run must exit 2, never 0. */
  readonly expectedExitCode?: 2;
  /** Extra CLI arguments this variant needs (a short settle timeout, a suite). */
  readonly args?: readonly string[];
  /**
   * Set for a variant whose run waits many times longer than most (slow answers, slow settling,
   * timeouts): the catalog starts these first, so that it does not end with one of them running alone.
   */
  readonly slow?: true;
}
