/**
 * What one answer says about a backup: not there (`ABSENT`: a 404, or a 200 in which no partition
 * has it), or the overall state of a backup that is there.
 */
export type Sighting = 'ABSENT' | 'INCOMPLETE' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

const STATES: ReadonlySet<string> = new Set(['INCOMPLETE', 'IN_PROGRESS', 'COMPLETED', 'FAILED']);

/** What an answer about one backup was: the backup found, not found, or anything else (a refusal, no answer, a 5xx). */
export type LookupAnswer = 'found' | 'not-found' | 'other';

/**
 * The sighting in an answer about one backup (a `GET /{backupId}` or one entry of the list), or
 * undefined when the answer tells nothing about the backup's life: a 5xx or another error, or a
 * state the lifecycle does not place. INCOMPATIBLE is in the spec's enum but has no documented
 * place in a backup's life and real Zeebe never sends it (spec/NOTES.md#incompatible-aggregation);
 * unknown states are the schema check's concern.
 *
 * A 200 whose partitions all say DOES_NOT_EXIST describes a backup no partition has, whatever its
 * overall state (INCOMPLETE by the letter of the aggregation rule, DOES_NOT_EXIST in Zeebe 8.1):
 * that is the 404's "does not exist" (spec/NOTES.md#all-partitions-does-not-exist).
 */
export function backupSighting(answer: LookupAnswer, state?: unknown, partitionStates: readonly unknown[] = []): Sighting | undefined {
  if (answer === 'not-found') return 'ABSENT';
  if (answer !== 'found') return undefined;
  if (state === 'DOES_NOT_EXIST') return 'ABSENT';
  if (partitionStates.length > 0 && partitionStates.every((partition) => partition === 'DOES_NOT_EXIST')) return 'ABSENT';
  return typeof state === 'string' && STATES.has(state) ? (state as Sighting) : undefined;
}

/** What an answer to the get (or the list an entry is in) was, from the API's reading of it (`Answer.kind`). */
export function lookupAnswerOf(answer: { readonly kind: string }): LookupAnswer {
  return answer.kind === 'found' || answer.kind === 'listed' ? 'found' : answer.kind === 'not-found' ? 'not-found' : 'other';
}
