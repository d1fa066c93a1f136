/**
 * What a conformant server may do with a take of a valid backup id: schedule it (`accepted`, the
 * spec's 202) or refuse it because a backup with the same or a higher id exists (`conflict`, 409).
 * The API reads them from the answers (`interpretAnswer`, src/api/answer.ts); the model speaks in outcomes.
 */
export type TakeOutcome = 'accepted' | 'conflict';

const ACCEPTED: ReadonlySet<TakeOutcome> = new Set<TakeOutcome>(['accepted']);
const CONFLICT: ReadonlySet<TakeOutcome> = new Set<TakeOutcome>(['conflict']);
/** Both outcomes. */
export const EITHER_TAKE_OUTCOME: ReadonlySet<TakeOutcome> = new Set<TakeOutcome>(['accepted', 'conflict']);

/**
 * The outcomes a conformant server may give a take of a valid id. The spec states the
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
 * - `id <= highestLive`: a backup with the same or a higher id exists, so a conflict.
 * - `id > highestTaken` (or nothing taken yet): accepted.
 * - Otherwise only deleted backups have an id at or above `id`. The 409 sentence then allows an
 *   accepted take, the BackupId sentence and real Zeebe give a conflict, so both are allowed
 *   (spec/NOTES.md#deleted-id-reuse).
 *
 * Backups deleted before the run are invisible to the caller; the caller handles them
 * (spec/NOTES.md#deleted-id-reuse).
 */
export function expectedTakeOutcomes(highestTaken: bigint | undefined, highestLive: bigint | undefined, id: bigint): ReadonlySet<TakeOutcome> {
  if (highestLive !== undefined && id <= highestLive) return CONFLICT;
  if (highestTaken === undefined || id > highestTaken) return ACCEPTED;
  return EITHER_TAKE_OUTCOME;
}
