import { backupStateAggregated } from './backup-state-aggregated.js';
import type { Check } from './check.js';
import { contentTypeDocumented } from './content-type-documented.js';
import { failureReasonOnlyWhenFailed } from './failure-reason-only-when-failed.js';
import { listSortedDescending } from './list-sorted-descending.js';
import { notAServerError } from './not-a-server-error.js';
import { partitionIdsUnique } from './partition-ids-unique.js';
import { responseBodyWithinLimit } from './response-body-within-limit.js';
import { responseReceived } from './response-received.js';
import { responseSchemaValid } from './response-schema-valid.js';
import { statusCodeDocumented } from './status-code-documented.js';
import { timestampsOrdered } from './timestamps-ordered.js';

/**
 * The checks applied to every response any suite receives, in this order: first the contract of
 * the single exchange (answered, status, media type, schema), then the rules the spec states in
 * prose about any backup it returns.
 */
export const responseChecks: readonly Check[] = [
  responseReceived,
  statusCodeDocumented,
  notAServerError,
  contentTypeDocumented,
  responseSchemaValid,
  responseBodyWithinLimit,
  listSortedDescending,
  backupStateAggregated,
  partitionIdsUnique,
  failureReasonOnlyWhenFailed,
  timestampsOrdered,
];
