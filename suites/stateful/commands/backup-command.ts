import type fc from 'fast-check';
import type { BackupModel } from '../../../src/model/backup-model.js';
import type { StatefulSystem } from '../model/stateful-system.js';

/** A step of a stateful run: `check` on the model, `run` against the server, `toString` for reports. */
export type BackupCommand = fc.AsyncCommand<BackupModel, StatefulSystem>;
