import type { TakeAnswer } from '../../../src/api/answer.js';

/**
 * The suite's account of its takes across all runs: a hard limit on how many the runs may send
 * (each may copy a whole cluster's data), the highest id it sent (ids are never reusable), and the
 * ids of backups it may have created and not yet deleted, which are the only ones it ever deletes.
 */
export class TakeLedger {
  readonly #created = new Set<bigint>();
  /** Created backups whose cleanup delete got no 204: tried again once, at the end of the suite. */
  readonly #unconfirmed = new Set<bigint>();
  #sent = 0;
  #probes = 0;
  #accepted = 0;
  #highestSent: bigint | undefined;
  #highestCreated: bigint | undefined;

  /** @param limit the most takes the runs and their shrinking may send (the search for free ids aside). */
  constructor(readonly limit: number) {}

  /** Takes sent by the runs. */
  get sent(): number {
    return this.#sent;
  }

  /** Takes sent to find free ids. */
  get probes(): number {
    return this.#probes;
  }

  get remaining(): number {
    return this.limit - this.#sent;
  }

  /** How many takes were accepted. */
  get accepted(): number {
    return this.#accepted;
  }

  get highestSent(): bigint | undefined {
    return this.#highestSent;
  }

  /** The highest id whose take was accepted or got no clear answer: the id later backups must pass. */
  get highestCreated(): bigint | undefined {
    return this.#highestCreated;
  }

  /** Backups that may exist because of the suite and were not deleted yet, by ascending id. */
  get created(): bigint[] {
    return [...this.#created].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Created backups that no cleanup delete has been sent for yet, by ascending id. */
  get awaitingCleanup(): bigint[] {
    return this.created.filter((id) => !this.#unconfirmed.has(id));
  }

  /** A cleanup delete of this backup got no 204: the backup may still be there. */
  deleteUnconfirmed(id: bigint): void {
    if (this.#created.has(id)) this.#unconfirmed.add(id);
  }

  /** Called before a take is sent. Throws when the limit would be passed: callers check `remaining` first. */
  sending(id: bigint): void {
    if (this.#sent >= this.limit) throw new Error(`the take limit of ${this.limit} was reached before taking backup ${id}`);
    this.#sent++;
    this.#saw(id);
  }

  /**
   * Called before a take that looks for free ids. Not counted against the limit: the search stops
   * at its first 202 or unclear answer, so it creates at most one backup.
   */
  probing(id: bigint): void {
    this.#probes++;
    this.#saw(id);
  }

  /**
   * Ids up to `id` were sent by an earlier suite of the run: the suite's ids start above them
   * (ids are never reusable, spec/NOTES.md#deleted-id-reuse). Sends nothing and counts nothing.
   */
  sentBefore(id: bigint | undefined): void {
    if (id !== undefined) this.#saw(id);
  }

  /** Records the answer to a take: an accepted take or an unclear answer (a 5xx, none) may have created a backup. */
  answered(id: bigint, answer: TakeAnswer): void {
    const accepted = answer.kind === 'accepted';
    if (accepted) this.#accepted++;
    if (accepted || answer.kind === 'unclear') {
      this.#created.add(id);
      if (this.#highestCreated === undefined || id > this.#highestCreated) this.#highestCreated = id;
    }
  }

  /** The backup was deleted (204). */
  removed(id: bigint): void {
    this.#created.delete(id);
    this.#unconfirmed.delete(id);
  }

  #saw(id: bigint): void {
    if (this.#highestSent === undefined || id > this.#highestSent) this.#highestSent = id;
  }
}
