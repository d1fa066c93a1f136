import type { BehaviourOverride, GatewayError } from './behaviour.js';
import type { PartitionPlan, StoredBackup } from '../cluster/stored-backup.js';
import { zeebeMessages } from './zeebe-messages.js';

export type FaultName = 'partition-fails' | 'partition-never-starts' | 'not-configured' | 'broker-unreachable' | 'gateway-timeout' | 'slow' | 'stuck';

/** A fault as written in options and on the command line: `NAME` or `NAME=ARG`. */
export type FaultSpec = FaultName | `${FaultName}=${string}`;

/** The numeric argument of a fault: what it means, and its value when `=ARG` is left out. */
export interface FaultArgument {
  /** Named P (partition id) or MS (milliseconds) in summaries and help. */
  readonly kind: 'partition id' | 'milliseconds';
  /** Partition ids above the cluster's partition count fall back to the highest partition. */
  readonly defaultValue: number;
}

/** A way a cluster can misbehave that the suite must cope with (not a departure from the spec). */
export interface Fault {
  readonly name: FaultName;
  readonly summary: string;
  readonly argument?: FaultArgument;
  /** The fault's behaviour; `argument` is the resolved argument, or 0 for faults without one. */
  readonly override: (argument: number) => BehaviourOverride;
}

/**
 * Every fault, in the order of `serveUsage`. Faults apply to backups taken after the server
 * started; seeded backups keep the state they were given.
 *
 * @example A cluster where partition 3 fails every backup, answering slowly:
 * ```ts
 * await startReferenceServer({ faults: ['partition-fails=3', 'slow=200'] });
 * ```
 * @example A cluster without a backup store: every operation answers 400.
 * ```ts
 * await startReferenceServer({ faults: ['not-configured'] });
 * ```
 */
export const faultCatalog: readonly Fault[] = [
  {
    name: 'partition-fails',
    summary: 'backups on partition P end FAILED ("Backup is cancelled due to leader change.")',
    argument: { kind: 'partition id', defaultValue: 2 },
    override: (partitionId) =>
      changePartitions((plan) => (plan.partitionId === partitionId ? { ...plan, outcome: 'FAILED', failureReason: zeebeMessages.leaderChange } : plan)),
  },
  {
    name: 'partition-never-starts',
    summary: 'partition P stays DOES_NOT_EXIST, so backups stay INCOMPLETE',
    argument: { kind: 'partition id', defaultValue: 2 },
    override: (partitionId) => changePartitions((plan) => (plan.partitionId === partitionId ? { ...plan, startsAfterMs: Infinity } : plan)),
  },
  {
    name: 'not-configured',
    summary: "no backup store: every operation answers 400 with Zeebe's message",
    override: () => clusterFails({ status: 400, message: zeebeMessages.notConfigured }),
  },
  {
    name: 'broker-unreachable',
    summary: 'every operation answers 502 "Failed to send request from gateway to broker."',
    override: () => clusterFails({ status: 502, message: zeebeMessages.brokerUnreachable }),
  },
  {
    name: 'gateway-timeout',
    summary: 'every operation answers 504 "Request from gateway to broker timed out."',
    override: () => clusterFails({ status: 504, message: zeebeMessages.gatewayTimeout }),
  },
  {
    name: 'slow',
    summary: 'every answer waits MS milliseconds more',
    argument: { kind: 'milliseconds', defaultValue: 1000 },
    override: (ms) => (base) => ({ latencyMs: (request) => base.latencyMs(request) + ms }),
  },
  {
    name: 'stuck',
    summary: 'backups stay IN_PROGRESS forever (camunda/camunda#41200)',
    override: () => changePartitions((plan) => ({ ...plan, settlesAfterMs: Infinity })),
  },
];

/** A fault that rewrites the plan of every new backup, one partition at a time. */
function changePartitions(change: (plan: PartitionPlan) => PartitionPlan): BehaviourOverride {
  return (base) => ({
    planBackup: (id, takenAt, previous): StoredBackup => {
      const backup = base.planBackup(id, takenAt, previous);
      return { ...backup, partitions: backup.partitions.map(change) };
    },
  });
}

function clusterFails(error: GatewayError): BehaviourOverride {
  return { clusterError: () => error };
}
