import type { BehaviourOverride } from './behaviour.js';
import { javaHashMapOrder } from '../rendering/java-hash-map-order.js';
import { readSpringLong } from '../request/read-spring-long.js';
import { springErrorBody } from '../rendering/spring-error-body.js';
import type { PartitionPlan } from '../cluster/stored-backup.js';
import { topologyRank } from './topology-rank.js';

/** A documented way a real Zeebe release departs from the spec. */
export type QuirkName =
  'list-unsorted' | 'actuator-media-type' | 'spring-error-bodies' | 'string-ids' | 'details-topology-order' | 'no-broker-id' | 'start-window';

export interface Quirk {
  readonly name: QuirkName;
  /** What a client sees. */
  readonly summary: string;
  /** Where the behaviour comes from (sections of the research note and the Zeebe or Spring source). */
  readonly source: string;
  readonly override: BehaviourOverride;
}

const ACTUATOR_V3_JSON = 'application/vnd.spring-boot.actuator.v3+json';

/**
 * Every quirk, each a switch that can be turned on alone (so each can be tested alone), in the
 * order they are applied.
 */
export const quirkCatalog: readonly Quirk[] = [
  {
    name: 'list-unsorted',
    summary: 'GET / lists backups in Java HashMap order, not by descending id',
    source: '§5: BackupRequestHandler.aggregateBackupList groups into a HashMap (8.2 to early 8.9)',
    override: {
      orderList: (views) => {
        const byId = new Map(views.map((view) => [view.backupId, view]));
        const ascending = [...byId.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return javaHashMapOrder(ascending).flatMap((id) => byId.get(id) ?? []);
      },
    },
  },
  {
    name: 'actuator-media-type',
    summary: `JSON answers are ${ACTUATOR_V3_JSON} when Accept is absent or a wildcard`,
    source: '§2: Spring EndpointMediaTypes.DEFAULT produces the actuator v3 type first',
    override: (base) => ({
      responseContentType: (request) => {
        const accept = request.headers.accept ?? '';
        const ranges = accept.split(',').map((range) => (range.split(';')[0] ?? '').trim().toLowerCase());
        const wildcardOnly = ranges.every((range) => range === '' || range === '*/*' || range === 'application/*');
        return wildcardOnly || ranges.includes(ACTUATOR_V3_JSON) ? ACTUATOR_V3_JSON : base.responseContentType(request);
      },
    }),
  },
  {
    name: 'spring-error-bodies',
    summary: "requests refused by the framework get Spring's error body {timestamp,path,status,error,requestId}",
    source: '§2: Spring Boot DefaultErrorAttributes (WebFlux in 8.3–8.5)',
    override: {
      renderFrameworkError: (request, status) => ({
        status,
        headers: { 'content-type': 'application/json' },
        json: springErrorBody(request, status),
      }),
    },
  },
  {
    name: 'string-ids',
    summary: 'POST / accepts backupId as a string ("100", " 12 ", "0x10") as Spring converts it',
    source: '§2: the body binds as Map<String, String>, then NumberUtils.parseNumber; Zeebe\'s own client sends "1"',
    override: (base) => ({
      readTakeId: (bodyText) => {
        const id = stringId(bodyText);
        if (id === undefined) return base.readTakeId(bodyText);
        const value = readSpringLong(id);
        return value === undefined ? { error: `backupId '${id.slice(0, 40)}' is not a number.` } : { id: value };
      },
    }),
  },
  {
    name: 'details-topology-order',
    summary: 'details come in topology order (1, 3, 2), not sorted by partitionId',
    source: '§5: BrokerClusterStateImpl discovery order; a real 8.7.8 payload in camunda/camunda#36191',
    override: {
      orderDetails: (statuses) => [...statuses].sort((a, b) => topologyRank(a.partitionId) - topologyRank(b.partitionId)),
    },
  },
  {
    name: 'no-broker-id',
    summary: 'details never carry brokerId',
    source: '§5: BackupStatusResponse.hasBrokerId() is inverted in 8.2–8.9',
    override: (base) => ({
      partitionStates: (backup, now) => base.partitionStates(backup, now).map((status) => ({ ...status, brokerId: undefined })),
    }),
  },
  {
    name: 'start-window',
    summary: 'right after a 202, GET answers 404, then INCOMPLETE, before IN_PROGRESS (for the start window)',
    source: '§6: partitions report DOES_NOT_EXIST until they write their manifest; BackupAcceptance ignores 404s',
    override: (base, config) => ({
      planBackup: (id, takenAt, previous) => {
        const backup = base.planBackup(id, takenAt, previous);
        const count = backup.partitions.length;
        const partitions = backup.partitions.map((plan, index): PartitionPlan => {
          const startsAfterMs = Math.max(plan.startsAfterMs, (config.startWindowMs * (index + 1)) / count);
          return { ...plan, startsAfterMs, settlesAfterMs: Math.max(plan.settlesAfterMs + config.startWindowMs, startsAfterMs) };
        });
        return { ...backup, partitions };
      },
    }),
  },
];

/** The backupId member when the body is a JSON object and that member is a string. */
function stringId(bodyText: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    const id: unknown = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)['backupId'] : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
