/**
 * The position of a partition in the gateway's topology when that order is not sorted: odd ids
 * first, then even ones. Zeebe's topology lists partitions in discovery order
 * (`BrokerClusterStateImpl`); a real 8.7.8 list shows partitions 1, 3, 2 (camunda/camunda#36191),
 * which this reproduces for three partitions.
 */
export function topologyRank(partitionId: number): number {
  return partitionId % 2 === 1 ? partitionId : 2 ** 31 + partitionId;
}
