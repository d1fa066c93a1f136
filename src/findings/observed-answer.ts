import type { Exchange } from '../http/exchange.js';
import type { ParsedJson } from '../http/parse-json.js';
import type { Operation } from '../spec/operation.js';
import type { BackupView } from '../checks/backup-views.js';

/** What the run's observers read of an answer: the API's `Observation` has it, and findings/ does not depend on api/. */
export interface ObservedAnswer {
  readonly operation: Operation;
  readonly exchange: Exchange;
  readonly status?: number;
  readonly body?: ParsedJson;
  /** What the answer means (the API's `interpretAnswer`), as far as the observers read it. */
  readonly answer: { readonly kind: string; readonly backup?: BackupView; readonly backups?: readonly BackupView[] };
}
