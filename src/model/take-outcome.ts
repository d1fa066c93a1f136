/** A status a conformant server may give to a take of a valid backup id. */
export type TakeStatus = 202 | 409;

const ACCEPTED: ReadonlySet<TakeStatus> = new Set<TakeStatus>([202]);
const CONFLICT: ReadonlySet<TakeStatus> = new Set<TakeStatus>([409]);
const EITHER: ReadonlySet<TakeStatus> = new Set<TakeStatus>([202, 409]);

/**
 * The statuses a conformant server may answer to a take of a valid id. The spec states the
 * conflict rule in prose, twice, verbatim:
 *
 *   A backup with same or higher id already exists
 *   (`#/paths/~1/post/responses/409/description`)
 *
 *   each successive backup must use a higher ID than the previous one.
 *   (`#/components/schemas/BackupId/description`)
 *
 * `highestTaken` is the highest id the server accepted in this run, deleted ones included;
 * `highestLive` is the highest id that still exists (not deleted, whatever its state). Either is
 * undefined when there is none.
 *
 * - `id <= highestLive`: a backup with the same or a higher id exists, so {409}.
 * - `id > highestTaken` (or nothing taken yet): {202}.
 * - Otherwise only deleted backups have an id at or above `id`. The 409 sentence then allows a
 *   202, the BackupId sentence and real Zeebe give a 409, so both are accepted
 *   (spec/NOTES.md#deleted-id-reuse).
 *
 * Backups deleted before the run are invisible to the caller; the caller handles them
 * (spec/NOTES.md#deleted-id-reuse).
 */
export function expectedTakeStatuses(highestTaken: bigint | undefined, highestLive: bigint | undefined, id: bigint): ReadonlySet<TakeStatus> {
  if (highestLive !== undefined && id <= highestLive) return CONFLICT;
  if (highestTaken === undefined || id > highestTaken) return ACCEPTED;
  return EITHER;
}
