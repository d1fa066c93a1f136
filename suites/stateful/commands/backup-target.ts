import { BackupModel } from '../../../src/model/backup-model.js';

/**
 * The backup a get, delete or await addresses, relative to the run so that a shrunk or replayed
 * sequence means the same: one the run took (the `n`-th accepted, counting round; before any was
 * accepted, the id at offset n + 1), the id at a fixed offset, or the run's id that no take uses.
 */
export class BackupTarget {
  static readonly neverTaken = new BackupTarget('offset', BackupModel.neverTakenOffset);

  private constructor(
    readonly kind: 'taken' | 'offset',
    readonly value: number,
  ) {}

  /** The `index`-th backup the run took (0 is the first). */
  static taken(index: number): BackupTarget {
    return new BackupTarget('taken', index);
  }

  static at(offset: number): BackupTarget {
    return new BackupTarget('offset', offset);
  }

  idIn(model: Readonly<BackupModel>): bigint {
    if (this.kind === 'offset') return model.idAt(this.value);
    const taken = model.takenIds;
    return taken[this.value % Math.max(1, taken.length)] ?? model.idAt(1 + (this.value % BackupModel.takeOffsets));
  }

  /** The resolved target for the run's steps: `+3 = 1033`, `never-taken = 1039`. */
  describeIn(model: Readonly<BackupModel>): string {
    const id = this.idIn(model);
    return this === BackupTarget.neverTaken ? `never-taken = ${id}` : `+${id - model.base} = ${id}`;
  }

  toString(): string {
    if (this === BackupTarget.neverTaken) return 'never-taken';
    return this.kind === 'offset' ? `+${this.value}` : `taken #${this.value + 1}`;
  }
}
