import type { BackupStore } from './backup-store.js';
import type { Behaviour } from './behaviour.js';
import type { ResolvedServerOptions } from './options.js';

/** What a request handler works with. */
export interface ServerContext {
  readonly config: ResolvedServerOptions;
  readonly behaviour: Behaviour;
  readonly store: BackupStore;
}
