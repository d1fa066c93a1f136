/** An invalid take as the negative suite's fixed list writes it, around an id reserved for it. */
export interface InvalidTake {
  render(reserved: bigint): { readonly label: string; readonly body?: string; readonly contentType?: string };
}

/** What a step of the comparison sends; offsets are from the run's first id on that target. */
export type CompareRequest =
  | { readonly kind: 'list' }
  /**
   * A list once every backup the invalid takes made shows in it (or the settle timeout is up): a fresh backup
   * can take a while to show (Zeebe lists one once its partitions have written their manifests), and how long
   * is timing, not the server; which backups the takes made is the server's.
   */
  | { readonly kind: 'list-made' }
  /** The last list, read also for what it shows of the backups from before the run. */
  | { readonly kind: 'final-list' }
  /** Gets of the highest backups from before the run: first to keep their readings, then again. */
  | { readonly kind: 'read-before' }
  | { readonly kind: 'read-before-again' }
  /** The first take: at the first id above the highest the target accepts, which becomes the run's base. */
  | { readonly kind: 'first-take' }
  | { readonly kind: 'take'; readonly offset: bigint }
  | { readonly kind: 'get'; readonly offset: bigint }
  /** A get whose Accept takes any media type, as curl and many clients send it: which type the server picks then. */
  | { readonly kind: 'get-any-type'; readonly offset: bigint }
  | { readonly kind: 'delete'; readonly offset: bigint }
  | { readonly kind: 'settle'; readonly offset: bigint }
  | { readonly kind: 'gone'; readonly offset: bigint }
  | { readonly kind: 'probe'; readonly probe: InvalidTake; readonly offset: bigint };

export interface CompareStep {
  /** What the step does, the same on every target (`take +1`, `get +0 until it settles`). */
  readonly label: string;
  readonly request: CompareRequest;
}

/** The first reserved id of the invalid takes: above every id the valid steps use. */
const FIRST_PROBE_OFFSET = 10n;

/**
 * The one sequence sent to every target, in order: the operations with valid requests and the
 * spec's own conflicts (the same id again, a lower id), an id never taken, the negative suite's
 * fixed list of invalid takes (each around its own reserved id, two apart as there), then the
 * deletes, each followed until the backup is gone; the highest backups from before the run are
 * read at the start and again at the end, to see that they stayed as they were. Fixed, so that the n-th answer of one target
 * is compared with the n-th answer of the other.
 */
export function compareSequence(probes: readonly InvalidTake[]): CompareStep[] {
  const at = (kind: 'take' | 'get' | 'delete' | 'settle' | 'gone', offset: bigint) => ({ kind, offset });
  return [
    { label: 'list the backups', request: { kind: 'list' } },
    { label: 'get the highest backups from before the run', request: { kind: 'read-before' } },
    { label: 'take +0, the first free id above the highest', request: { kind: 'first-take' } },
    { label: 'get +0 until it settles', request: at('settle', 0n) },
    { label: 'take +0 again', request: at('take', 0n) },
    { label: 'take +1', request: at('take', 1n) },
    { label: 'get +1 until it settles', request: at('settle', 1n) },
    { label: 'list the backups, +1 and +0 among them', request: { kind: 'list' } },
    { label: 'take +0 once more, now below the highest', request: at('take', 0n) },
    { label: 'get +9, never taken', request: at('get', 9n) },
    { label: 'get +9, never taken, accepting any media type (Accept: */*)', request: { kind: 'get-any-type', offset: 9n } },
    { label: 'delete +9, never taken', request: at('delete', 9n) },
    ...probes.map((probe, rank) => {
      const offset = FIRST_PROBE_OFFSET + 2n * BigInt(rank);
      return { label: `take with ${probe.render(0n).label}`, request: { kind: 'probe' as const, probe, offset } };
    }),
    { label: 'list the backups after the invalid takes, once those they made show', request: { kind: 'list-made' } },
    { label: 'delete +1', request: at('delete', 1n) },
    { label: 'get +1 until it is gone', request: at('gone', 1n) },
    { label: 'delete +0', request: at('delete', 0n) },
    { label: 'get +0 until it is gone', request: at('gone', 0n) },
    { label: 'get the backups from before the run again', request: { kind: 'read-before-again' } },
    { label: 'list the backups at the end', request: { kind: 'final-list' } },
  ];
}
