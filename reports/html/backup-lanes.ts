import type { TimelineEvent } from '../../src/findings/backup-timeline.js';

/**
 * What the chart knows about a backup between two sightings. The server's own states
 * (COMPLETED, IN_PROGRESS, FAILED, INCOMPLETE, DOES_NOT_EXIST, or whatever else it sent) are kept
 * as sent; the others are the run's: accepted but not seen yet, deleted, answered 404, or no
 * usable answer (a timeout, a 5xx).
 */
export type LaneState = { readonly kind: 'server'; readonly state: string } | { readonly kind: 'taken' | 'deleted' | 'not-found' | 'no-answer' };

/** A state that held from one event of the backup to its next. */
export interface Span {
  readonly startMs: number;
  readonly endMs: number;
  readonly state: LaneState;
  /** How many events saw this state in a row. */
  readonly sightings: number;
}

/** A take or a delete: the moments a person looks for first. */
export interface Marker {
  readonly atMs: number;
  readonly kind: 'take' | 'delete';
  readonly operation: string;
  /** Undefined when no response came. */
  readonly status?: number;
  /** True for a 202 to a take, a 204 to a delete. */
  readonly accepted: boolean;
}

export interface PartitionLane {
  readonly partitionId: number;
  readonly spans: readonly Span[];
}

/** One backup the run took, over the run. */
export interface BackupLane {
  readonly backupId: string;
  readonly firstMs: number;
  readonly lastMs: number;
  /** The backup's overall state over time. */
  readonly overall: readonly Span[];
  /** Each partition seen in a sighting, by id. */
  readonly partitions: readonly PartitionLane[];
  readonly markers: readonly Marker[];
  /** The last state observed, if any. */
  readonly lastState?: LaneState;
  /** The last state the server itself reported (before a delete, say), if any. */
  readonly lastServerState?: string;
}

/**
 * Turns the timeline's events into one lane per backup, in the order the backups were first seen.
 * A state holds from the event that showed it until the backup's next event; the last one is
 * a point (nothing is known after it). Adjacent spans in the same state are merged.
 */
export function toBackupLanes(events: readonly TimelineEvent[]): BackupLane[] {
  const byBackup = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    const list = byBackup.get(event.backupId);
    if (list === undefined) byBackup.set(event.backupId, [event]);
    else list.push(event);
  }
  const lanes = [...byBackup.entries()].map(([backupId, list]) =>
    toLane(
      backupId,
      [...list].sort((a, b) => a.atMs - b.atMs),
    ),
  );
  return lanes.sort((a, b) => a.firstMs - b.firstMs);
}

function toLane(backupId: string, events: readonly TimelineEvent[]): BackupLane {
  const overall: Span[] = [];
  const partitionSpans = new Map<number, Span[]>();
  const markers: Marker[] = [];
  let current: LaneState | undefined;
  events.forEach((event, i) => {
    const endMs = events[i + 1]?.atMs ?? event.atMs;
    current = stateAfter(event, current);
    if (current !== undefined) pushSpan(overall, { startMs: event.atMs, endMs, state: current, sightings: 1 });
    if (event.kind === 'take' || event.kind === 'delete') {
      const accepted = event.status === (event.kind === 'take' ? 202 : 204);
      markers.push({
        atMs: event.atMs,
        kind: event.kind,
        operation: event.operation,
        ...(event.status === undefined ? {} : { status: event.status }),
        accepted,
      });
    }
    for (const partition of event.partitions ?? []) {
      const spans = partitionSpans.get(partition.partitionId) ?? [];
      pushSpan(spans, { startMs: event.atMs, endMs, state: { kind: 'server', state: partition.state }, sightings: 1 });
      partitionSpans.set(partition.partitionId, spans);
    }
  });
  const lastServer = overall.filter((span) => span.state.kind === 'server').at(-1)?.state;
  const partitions = [...partitionSpans.entries()].sort(([a], [b]) => a - b).map(([partitionId, spans]) => ({ partitionId, spans }));
  return {
    backupId,
    firstMs: events[0]?.atMs ?? 0,
    lastMs: events[events.length - 1]?.atMs ?? 0,
    overall,
    partitions,
    markers,
    ...(current === undefined ? {} : { lastState: current }),
    ...(lastServer?.kind === 'server' ? { lastServerState: lastServer.state } : {}),
  };
}

/** What the backup is known to be after an event; a refused take or delete changes nothing. */
function stateAfter(event: TimelineEvent, before: LaneState | undefined): LaneState | undefined {
  switch (event.kind) {
    case 'take':
      return event.status === 202 ? { kind: 'taken' } : before;
    case 'delete':
      return event.status === 204 ? { kind: 'deleted' } : before;
    case 'view':
      if (event.status === 404) return { kind: 'not-found' };
      if (event.status === 200 && event.state !== undefined) return { kind: 'server', state: event.state };
      return { kind: 'no-answer' };
  }
}

function pushSpan(spans: Span[], span: Span): void {
  const last = spans[spans.length - 1];
  if (last !== undefined && sameState(last.state, span.state) && last.endMs === span.startMs) {
    spans[spans.length - 1] = { ...last, endMs: span.endMs, sightings: last.sightings + 1 };
  } else {
    spans.push(span);
  }
}

export function sameState(a: LaneState, b: LaneState): boolean {
  return a.kind === b.kind && (a.kind !== 'server' || a.state === (b as { state: string }).state);
}
