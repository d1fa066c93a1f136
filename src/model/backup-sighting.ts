/**
 * What one answer says about a backup: not there (`ABSENT`: a 404, or a 200 whose state is
 * DOES_NOT_EXIST), or the overall state of a backup that is there.
 */
export type Sighting = 'ABSENT' | 'INCOMPLETE' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

const STATES: ReadonlySet<string> = new Set(['INCOMPLETE', 'IN_PROGRESS', 'COMPLETED', 'FAILED']);

/**
 * The sighting in an answer about one backup (a `GET /{backupId}` or one entry of the list), or
 * undefined when the answer tells nothing about the backup's life: a 5xx or another error, or a
 * state the lifecycle does not place. INCOMPATIBLE is in the spec's enum but has no documented
 * place in a backup's life and real Zeebe never sends it (spec/NOTES.md#incompatible-aggregation);
 * unknown states are the schema check's concern.
 */
export function backupSighting(status: number | undefined, state?: unknown): Sighting | undefined {
  if (status === 404) return 'ABSENT';
  if (status !== 200) return undefined;
  if (state === 'DOES_NOT_EXIST') return 'ABSENT';
  return typeof state === 'string' && STATES.has(state) ? (state as Sighting) : undefined;
}
