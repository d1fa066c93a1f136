import type { ReferenceServerOptions } from '../../src/server/options.js';

/** One server of the catalog: the reference server with one fault, or a correct oddity. */
export interface Variant {
  /** Kebab-case name, shown in the kill table. */
  readonly id: string;
  /** What is wrong (or unusual) about it, for people. */
  readonly fault: string;
  /** The check that must catch it; undefined for a correct variant, on which nothing may be reported. */
  readonly expectedCheck?: string;
  /** The reference server's options: the fault as a small override. */
  readonly server: ReferenceServerOptions;
  /** Extra CLI arguments this variant needs (a short settle timeout, a suite). */
  readonly args?: readonly string[];
}
