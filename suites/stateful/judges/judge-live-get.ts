import type { Observation } from '../../../src/api/backup-api.js';
import { backupSighting, type Sighting } from '../../../src/model/backup-sighting.js';
import type { BackupModel } from '../../../src/model/backup-model.js';
import { describeAnswer } from '../../../src/api/describe-answer.js';
import { judgeBackup } from './judge-backup.js';
import { observedBackups } from '../model/observed-backups.js';
import type { StatefulSystem } from '../model/stateful-system.js';

/**
 * Judges the answer to `GET /{backupId}` for a live backup of the run: 200 with that backup, or
 * 404 while it starts (research note §6), in a state the model allows. Returns what it saw, or
 * undefined when the answer says nothing about the backup (a 5xx, an unreadable body: the
 * response checks report those).
 */
export function judgeLiveGet(model: BackupModel, system: StatefulSystem, id: bigint, answer: Observation<'get'>): Sighting | undefined {
  const get = system.index.byRole.get;
  const kind = answer.answer.kind;
  if (kind === 'unclear') return undefined;
  const { found, notFound } = system.statuses;
  if (kind === 'not-found') {
    judgeBackup(model, system, get, id, 'ABSENT', undefined, describeAnswer(answer));
    return 'ABSENT';
  }
  if (kind !== 'found') {
    throw system.violation('get-returns-requested-backup', get, `${found} with backup ${id} (or ${notFound} while it starts)`, describeAnswer(answer));
  }
  const observed = observedBackups(answer)[0];
  if (observed === undefined) return undefined;
  if (observed.backupId !== id) {
    throw system.violation('get-returns-requested-backup', get, `backupId ${id}`, `backupId ${observed.backupId ?? '(none)'} in the answer for backup ${id}`);
  }
  system.passed(get, 'get-returns-requested-backup');
  const sighting = backupSighting('found', observed.state, observed.partitionStates);
  if (sighting !== undefined) judgeBackup(model, system, get, id, sighting, observed, describeAnswer(answer));
  return sighting;
}
