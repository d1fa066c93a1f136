import type { Sighting } from './backup-sighting.js';

const ALL: ReadonlySet<Sighting> = new Set<Sighting>(['ABSENT', 'INCOMPLETE', 'IN_PROGRESS', 'COMPLETED', 'FAILED']);
const STARTED: ReadonlySet<Sighting> = new Set<Sighting>(['INCOMPLETE', 'IN_PROGRESS', 'COMPLETED', 'FAILED']);
const RUNNING: ReadonlySet<Sighting> = new Set<Sighting>(['IN_PROGRESS', 'COMPLETED', 'FAILED']);
const COMPLETED: ReadonlySet<Sighting> = new Set<Sighting>(['COMPLETED']);
const FAILED: ReadonlySet<Sighting> = new Set<Sighting>(['FAILED']);

/**
 * The states a backup may be seen in from now on, after its take was accepted or after it was
 * seen in `sighting`. The life of a backup is a chain, so each set holds the next ones:
 *
 *   accepted → ABSENT → INCOMPLETE → IN_PROGRESS → COMPLETED or FAILED
 *
 * - Right after a 202 every partition may still report DOES_NOT_EXIST, so GET answers 404 for a
 *   while, then INCOMPLETE while only some partitions have started (research note §6; Zeebe's own
 *   acceptance test ignores those 404s). Seeing ABSENT therefore narrows nothing.
 * - The spec's aggregation rule puts INCOMPLETE (one partition DOES_NOT_EXIST) before IN_PROGRESS,
 *   and a partition that has started never reports DOES_NOT_EXIST again, so a backup once
 *   IN_PROGRESS is never INCOMPLETE again, and a backup once seen is never absent again (until
 *   deleted, which the model handles apart).
 * - COMPLETED and FAILED are final. The spec names only this change, verbatim
 *   (`#/components/schemas/PartitionBackupInfo/properties/lastUpdatedAt/description`):
 *
 *     changed state from IN_PROGRESS to COMPLETED
 */
export function possibleStatesAfter(event: 'accepted' | Sighting): ReadonlySet<Sighting> {
  switch (event) {
    case 'accepted':
    case 'ABSENT':
      return ALL;
    case 'INCOMPLETE':
      return STARTED;
    case 'IN_PROGRESS':
      return RUNNING;
    case 'COMPLETED':
      return COMPLETED;
    case 'FAILED':
      return FAILED;
  }
}

/**
 * A sighting's place in that chain (ABSENT 0 … COMPLETED and FAILED 3): on a server that keeps to
 * it, a backup's rank never falls while it is not deleted. Answers sent at once can be ordered by it.
 */
export function lifecycleRank(sighting: Sighting | undefined): number {
  switch (sighting) {
    case 'INCOMPLETE':
      return 1;
    case 'IN_PROGRESS':
      return 2;
    case 'COMPLETED':
    case 'FAILED':
      return 3;
    default:
      return 0;
  }
}
