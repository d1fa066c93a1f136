import type { BackupModel } from '../../../src/model/backup-model.js';
import type { StatefulSystem } from './stateful-system.js';

/** True when the run stopped judging (interrupted, or abandoned by a command): commands then do nothing. */
export function runHalted(model: BackupModel, system: StatefulSystem): boolean {
  if (system.signal.aborted) model.abandon('the run was interrupted');
  return model.abandoned !== undefined;
}
