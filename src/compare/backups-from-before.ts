import type { Observation } from '../api/backup-api.js';
import type { BackupView } from '../checks/backup-views.js';
import type { AnswerFacts } from './answer-facts.js';

/** How many of the backups from before the compare reads: the highest, which a cluster in use touches least. */
const MOST_READ = 5;
const SETTLED = new Set(['COMPLETED', 'FAILED']);

/**
 * The backups that existed before the compare, which differ from server to server in number, ids
 * and states: they are compared by what happens to them, not by what they are. A settled one must
 * stay as it was and stay listed, whatever the run did meanwhile; the facts say how many did not.
 */
export class BackupsFromBefore {
  /** The first reading of each settled backup read, by id. */
  private readonly first = new Map<bigint, string>();

  private constructor(private readonly ids: readonly bigint[]) {}

  /** The highest backups of the first list below the run's first id. */
  static of(listing: Observation<'list'>, base: bigint): BackupsFromBefore {
    const backups = listing.answer.kind === 'listed' ? (listing.answer.backups ?? []) : [];
    const ids = backups.flatMap((b) => (b.backupId !== undefined && b.backupId < base ? [b.backupId] : []));
    return new BackupsFromBefore([...new Set(ids)].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)).slice(0, MOST_READ));
  }

  /** Gets each once and keeps the settled ones' readings; the facts say how each answer read. */
  async read(get: (id: bigint) => Promise<Observation<'get'>>): Promise<AnswerFacts> {
    const kinds = new Set<string>();
    for (const id of this.ids) {
      const got = await get(id);
      kinds.add(got.answer.kind);
      if (got.answer.kind === 'found' && got.answer.backup !== undefined && SETTLED.has(got.answer.backup.state ?? ''))
        this.first.set(id, reading(got.answer.backup));
    }
    return { 'backups from before, as got': this.ids.length === 0 ? 'none there' : [...kinds].sort().join(' | ') };
  }

  /** Gets each again: how many settled ones changed since their first reading. */
  async readAgain(get: (id: bigint) => Promise<Observation<'get'>>): Promise<AnswerFacts> {
    const now = new Map<bigint, string | undefined>();
    for (const id of this.first.keys()) {
      const got = await get(id);
      now.set(id, got.answer.kind === 'found' && got.answer.backup !== undefined ? reading(got.answer.backup) : got.answer.kind);
    }
    return { 'settled backups from before, changed since first got': this.changed(now) };
  }

  /** How many settled ones the list leaves out, and how many it shows changed. */
  listed(listing: Observation<'list'>): AnswerFacts {
    if (listing.answer.kind !== 'listed') return {};
    const entries = new Map((listing.answer.backups ?? []).map((b) => [b.backupId, b] as const));
    const missing = [...this.first.keys()].filter((id) => !entries.has(id)).length;
    const now = new Map([...this.first.keys()].map((id) => [id, entries.has(id) ? reading(entries.get(id)!) : undefined] as const));
    return {
      'settled backups from before, left out of the list': missing === 0 ? 'none' : `${missing} of ${this.first.size}`,
      'settled backups from before, changed in the list': this.changed(now, true),
    };
  }

  private changed(now: ReadonlyMap<bigint, string | undefined>, skipMissing = false): string {
    let changed = 0;
    for (const [id, before] of this.first) {
      const after = now.get(id);
      if (after === undefined && skipMissing) continue;
      if (after !== before) changed++;
    }
    return changed === 0 ? 'none' : `${changed} of ${this.first.size}`;
  }
}

/** What must not change in a settled backup: its state and each partition's. */
function reading(backup: BackupView): string {
  const partitions = [...backup.details].sort((a, b) => (a.partitionId ?? 0) - (b.partitionId ?? 0));
  return JSON.stringify([backup.state, partitions.map((p) => [p.partitionId, p.state])]);
}
