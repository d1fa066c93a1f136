import type { BackupApi, Observation } from './backup-api.js';
import { INT64_MAX } from '../spec/int64.js';

/**
 * Zeebe states the id that blocks a take in its 409: "The latest backup has id L." (8.2 to 8.8,
 * `BackupAlreadyExistException`) and "The latest backup has ID L." (8.9+, camunda/camunda#41493).
 */
const LATEST_ID_STATED = /the latest backup has id (\d{1,19})\b/i;

/**
 * Takes the search sends at most when the server's 409 does not say which id blocks it. The gap
 * doubles after each refusal (10, 20, 40, …), so the last take lands about ten million ids up and
 * the accepted id overshoots the true floor by at most the last gap.
 */
const MAX_SEARCH_TAKES = 20;
const FIRST_GAP = 10n;

/** The id a 409 says is the latest, when it says so in Zeebe's words. */
export function latestIdStated(observation: Observation): bigint | undefined {
  const body = observation.body;
  const message = body?.ok === true && body.value !== null && typeof body.value === 'object' ? (body.value as Record<string, unknown>)['message'] : undefined;
  const match = typeof message === 'string' ? LATEST_ID_STATED.exec(message) : null;
  return match === null ? undefined : BigInt(match[1]!);
}

/**
 * The first id worth trying: just above the highest listed id and the highest id this run has
 * already sent a take for (ids are never reusable, spec/NOTES.md#deleted-id-reuse), and at or
 * above --id-base. Undefined past the int64 maximum.
 */
export function firstCandidateId(listedHighest: bigint, highestTaken: bigint | undefined, idBase: bigint | undefined): bigint | undefined {
  let id = listedHighest + 1n;
  if (highestTaken !== undefined && highestTaken >= id) id = highestTaken + 1n;
  if (idBase !== undefined && idBase > id) id = idBase;
  return id > INT64_MAX ? undefined : id;
}

export interface FreeIdSearch {
  /** The first id to try (see firstCandidateId). */
  readonly from: bigint;
  readonly signal: AbortSignal;
  /**
   * The highest id this run saw the server accept, if any. A backup accepted at A means no id above
   * A existed then (else the take got 409), so a 409 for a higher id this run never sent is a
   * refusal with no reason: the search stops there instead of stepping over it.
   */
  readonly acceptedBefore?: bigint | undefined;
  /** Rounds a candidate up to an id the caller can use (the stateful suite wants ids ending in 1). Undefined: none is left. */
  align?(id: bigint): bigint | undefined;
  /** Told before each take, so the caller's account of ids sent stays complete. */
  beforeTake?(id: bigint): void;
  /** Told of each answer, so the caller can count it and delete what it created. */
  afterTake?(id: bigint, answer: Observation<'take'>): void;
  /** Told of each refusal and where the search goes next, as a progress line. */
  progress?(message: string): void;
}

export type FreeIdResult =
  /** A take was accepted at `id`: the backup exists and is the caller's to delete. */
  | { readonly kind: 'accepted'; readonly id: bigint; readonly refused: readonly bigint[]; readonly answers: readonly Observation<'take'>[] }
  /** Every take of the search was refused with 409. */
  | { readonly kind: 'refused'; readonly refused: readonly bigint[]; readonly answers: readonly Observation<'take'>[] }
  /** A take got neither a 2xx nor a 409 (another 4xx, a 5xx, or no answer): the search stops there. */
  | {
      readonly kind: 'failed';
      readonly id: bigint;
      readonly answer: Observation<'take'>;
      readonly refused: readonly bigint[];
      readonly answers: readonly Observation<'take'>[];
    }
  /** A take above an id this run saw accepted got 409 (see `acceptedBefore`). */
  | {
      readonly kind: 'refused-above-accepted';
      readonly id: bigint;
      readonly accepted: bigint;
      readonly answer: Observation<'take'>;
      readonly refused: readonly bigint[];
      readonly answers: readonly Observation<'take'>[];
    }
  | { readonly kind: 'no-ids-left'; readonly refused: readonly bigint[]; readonly answers: readonly Observation<'take'>[] }
  | { readonly kind: 'interrupted'; readonly refused: readonly bigint[]; readonly answers: readonly Observation<'take'>[] };

/**
 * Takes one backup at the lowest free id it can find with few takes: `from` first; after a 409,
 * one above the id the server states as the latest, or else a gap that doubles. Creates at most
 * one backup (the search stops at the first accepted or unclear take). Every suite that takes
 * backups finds its first id here, so repeated runs stay just above the server's floor instead of
 * leaping past it.
 */
export async function takeAtNextFreeId(api: BackupApi, search: FreeIdSearch): Promise<FreeIdResult> {
  const align = search.align ?? ((id: bigint) => id);
  const refused: bigint[] = [];
  const answers: Observation<'take'>[] = [];
  let gap = FIRST_GAP;
  let id = align(search.from);
  for (let attempt = 1; attempt <= MAX_SEARCH_TAKES; attempt++) {
    if (search.signal.aborted) return { kind: 'interrupted', refused, answers };
    if (id === undefined || id > INT64_MAX) return { kind: 'no-ids-left', refused, answers };
    search.beforeTake?.(id);
    const answer = await api.take(id);
    answers.push(answer);
    search.afterTake?.(id, answer);
    if (answer.answer.kind === 'accepted') return { kind: 'accepted', id, refused, answers };
    if (answer.answer.kind !== 'conflict') return { kind: 'failed', id, answer, refused, answers };
    if (search.acceptedBefore !== undefined && id > search.acceptedBefore)
      return { kind: 'refused-above-accepted', id, accepted: search.acceptedBefore, answer, refused, answers };
    refused.push(id);
    const latest = latestIdStated(answer);
    let next: bigint | undefined;
    let why: string;
    if (latest !== undefined && latest >= id) {
      next = align(latest + 1n);
      why = `the server states the latest backup has id ${latest}`;
    } else {
      next = align(id + gap);
      why =
        latest === undefined
          ? `the answer does not say which id blocks it; trying ${gap} ids further up`
          : `the server states a latest id ${latest} below it; trying ${gap} ids further up`;
      gap *= 2n;
    }
    if (next !== undefined) search.progress?.(`backup ${id} was refused with ${answer.status} (${why}): take backup ${next}`);
    id = next;
  }
  return { kind: 'refused', refused, answers };
}
