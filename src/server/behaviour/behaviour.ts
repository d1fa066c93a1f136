import type { BackupStore } from '../cluster/backup-store.js';
import type { DescribedBackup } from '../cluster/described-backup.js';
import type { IdReading } from '../request/id-reading.js';
import type { JsonValue } from '../rendering/json-value.js';
import type { ServerSettings } from '../server-settings.js';
import type { PartitionState, PartitionStatus } from '../cluster/partition-status.js';
import type { PlannedAnswer } from '../endpoints/planned-response.js';
import type { ReceivedRequest } from '../request/received-request.js';
import type { StoredBackup } from '../cluster/stored-backup.js';

/** The four operations of the API. */
export type OperationName = 'take' | 'list' | 'get' | 'delete';

/** Whether a take request may proceed, and if not, the id it collided with. */
export type TakeDecision = { readonly accepted: true } | { readonly accepted: false; readonly latestId: bigint };

/** An error the gateway answers with `{"message": ...}` instead of doing the operation. */
export interface GatewayError {
  readonly status: number;
  readonly message: string;
}

/**
 * Every decision the server makes, as small replaceable pieces. The request handlers only wire
 * them together, so a faulty server is the reference server with one piece replaced (see
 * `BehaviourOverride`). Pieces are plain functions of their arguments (no `this`); the defaults
 * are in `createDefaultBehaviour`.
 */
export interface Behaviour {
  // The HTTP binding in front of the endpoint (Spring Boot's actuator in Zeebe).

  /** True when `POST /` may be sent with this Content-Type header. */
  acceptsContentType(contentType: string | undefined): boolean;
  /** Binds `backupId` from the raw body of `POST /`. */
  readTakeId(bodyText: string): IdReading;
  /** Binds the `{backupId}` path segment, percent-decoded. */
  readPathId(segment: string): IdReading;
  /** The Content-Type of the JSON the endpoint answers. */
  responseContentType(request: ReceivedRequest): string;
  /** The framework's answer when a request cannot reach the endpoint: 400, 404, 405, 413, 415. */
  renderFrameworkError(request: ReceivedRequest, status: number, reason: string): PlannedAnswer;

  // The cluster behind the gateway.

  /** An error that stops the operation before it reaches the partitions, or undefined. */
  clusterError(operation: OperationName): GatewayError | undefined;
  /** Milliseconds to wait before answering. */
  latencyMs(request: ReceivedRequest): number;
  /** Whether a new backup with this id may be taken, given the highest id ever taken. */
  decideTake(id: bigint, latestId: bigint | undefined): TakeDecision;
  /** How a newly accepted backup will unfold on each partition. */
  planBackup(id: bigint, takenAt: number, previous: StoredBackup | undefined): StoredBackup;
  /** What each partition reports about a backup at `now` (epoch ms), in topology order. */
  partitionStates(backup: StoredBackup, now: number): PartitionStatus[];
  /** The order of `details` in answers. */
  orderDetails(statuses: readonly PartitionStatus[]): PartitionStatus[];
  /** The overall state; `DOES_NOT_EXIST` makes the backup unknown (404, left out of the list). */
  aggregate(states: readonly PartitionState[]): string;
  /** The top-level failureReason of a FAILED backup. */
  failureReason(details: readonly PartitionStatus[]): string;
  /** Removes a backup on `DELETE /{backupId}`. */
  onDelete(store: BackupStore, id: bigint): void;

  // The answers (sent with `responseContentType`).

  /** The body of the endpoint's own errors, `{"message": ...}` in Zeebe. */
  renderError(message: string): JsonValue;
  /** The body of `GET /{backupId}`. */
  renderBackupInfo(view: DescribedBackup): JsonValue;
  /** One element of the body of `GET /`. */
  renderListEntry(view: DescribedBackup): JsonValue;
  /** The order of the list. */
  orderList(views: readonly DescribedBackup[]): DescribedBackup[];
}

/**
 * A change to some pieces of a behaviour: the replacement pieces themselves, or a function that
 * builds them from the behaviour being changed (to wrap a piece instead of rewriting it).
 *
 * @example A list in ascending order instead of descending:
 * ```ts
 * { orderList: (views) => [...views].sort((a, b) => (a.backupId < b.backupId ? -1 : 1)) }
 * ```
 * @example An aggregation that hides FAILED partitions:
 * ```ts
 * (base) => ({ aggregate: (states) => base.aggregate(states.filter((s) => s !== 'FAILED')) })
 * ```
 */
export type BehaviourOverride = PiecesOf<Behaviour> | ((base: Behaviour, config: ServerSettings) => PiecesOf<Behaviour>);

/** Some pieces; one given as undefined leaves the piece in place. */
type PiecesOf<T> = { [K in keyof T]?: T[K] | undefined };
