import type { BackupStore } from './cluster/backup-store.js';
import type { Behaviour } from './behaviour/behaviour.js';
import type { ResolvedServerOptions } from './options.js';

/** What a request handler works with. */
export interface ServerContext {
  readonly config: ResolvedServerOptions;
  readonly behaviour: Behaviour;
  readonly store: BackupStore;
}
