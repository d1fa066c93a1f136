import { backupViews } from '../checks/backup-views.js';
import type { OperationRole } from '../spec/operation.js';
import type { ObservedAnswer } from './observed-answer.js';

/** One moment in the life of a backup the run took: its take, each sighting, its delete. */
export interface TimelineEvent {
  /** Milliseconds since the run started. */
  readonly atMs: number;
  readonly backupId: string;
  readonly kind: 'take' | 'view' | 'delete';
  readonly suite: string;
  /** The operation label, e.g. `GET /{backupId}`. */
  readonly operation: string;
  /** The HTTP status, or undefined when no response came. */
  readonly status?: number;
  /** The overall state seen, for a view. */
  readonly state?: string;
  readonly partitions?: readonly { readonly partitionId: number; readonly state: string }[];
}

/**
 * The states of the run's own backups over time, for the report's timeline. Backups the run did not
 * take are left out (a list of thousands would drown the chart); the number of events is bounded.
 */
export class BackupTimeline {
  private readonly taken = new Set<string>();
  private readonly log: TimelineEvent[] = [];
  private dropped = 0;

  constructor(
    private readonly runStartedAt: number,
    private readonly maxEvents = 10_000,
  ) {}

  observe(suite: string, observation: ObservedAnswer, target: { role: OperationRole; id?: bigint }): void {
    const atMs = observation.exchange.startedAt - this.runStartedAt;
    const base = {
      atMs,
      suite,
      operation: observation.operation.label,
      ...(observation.exchange.response === undefined ? {} : { status: observation.exchange.response.status }),
    };
    const id = target.id === undefined ? undefined : String(target.id);
    if (target.role === 'take' && id !== undefined) {
      if (observation.answer.kind === 'accepted') this.taken.add(id);
      this.push({ ...base, backupId: id, kind: 'take' });
    } else if (target.role === 'delete' && id !== undefined && this.taken.has(id)) {
      this.push({ ...base, backupId: id, kind: 'delete' });
    } else if (target.role === 'get' && id !== undefined && this.taken.has(id) && observation.answer.kind !== 'found') {
      this.push({ ...base, backupId: id, kind: 'view' });
    } else if ((target.role === 'get' || target.role === 'list') && this.taken.size > 0) {
      const input = {
        operation: observation.operation,
        exchange: observation.exchange,
        intent: 'valid' as const,
        ...(observation.body === undefined ? {} : { body: observation.body }),
      };
      for (const view of backupViews(input)) {
        const viewId = view.backupId === undefined ? undefined : String(view.backupId);
        if (viewId === undefined || !this.taken.has(viewId)) continue;
        const partitions = view.details.flatMap((d) =>
          d.partitionId === undefined || d.state === undefined ? [] : [{ partitionId: d.partitionId, state: d.state }],
        );
        this.push({ ...base, backupId: viewId, kind: 'view', ...(view.state === undefined ? {} : { state: view.state }), partitions });
      }
    }
  }

  events(): TimelineEvent[] {
    return [...this.log];
  }

  /** Events not kept because the bound was reached. */
  droppedEvents(): number {
    return this.dropped;
  }

  private push(event: TimelineEvent): void {
    if (this.log.length >= this.maxEvents) this.dropped++;
    else this.log.push(event);
  }
}
