import type { Observation } from '../../../src/api/backup-api.js';
import { backupSighting, lookupAnswerOf } from '../../../src/model/backup-sighting.js';
import { observedBackups, presentBackups } from '../model/observed-backups.js';
import { STANDING_WHY, type StatefulSystem } from '../model/stateful-system.js';

/**
 * Judges a list answer against the backups that stand outside the run's ids (`StatefulSystem.standing`):
 * "Returns a list of all available backups", so each is listed, whether or not the run holds
 * backups of its own at that moment, and one GET showed settled is listed in that state (COMPLETED
 * and FAILED are final). One the list leaves out is read by GET at once, as only GET can say it is
 * still there: found, the list broke the rule (the violation is thrown); not found, the closing
 * sweep judges what became of it. Nothing when the answer is no readable list.
 */
export async function judgeStanding(system: StatefulSystem, answer: Observation<'list'>): Promise<void> {
  if (system.standing.size === 0 || answer.answer.kind !== 'listed' || answer.answer.backups === undefined) return;
  const list = system.index.byRole.list;
  const listed = presentBackups(observedBackups(answer));
  for (const [id, standing] of system.standing) {
    const entry = listed.get(id);
    // A state the lifecycle does not place is the schema check's concern.
    const shown = entry === undefined ? undefined : backupSighting('found', entry.state, entry.partitionStates);
    if (entry === undefined || standing.settled === undefined || shown === undefined || shown === standing.settled) continue;
    const expected = `backup ${id}, ${STANDING_WHY}, ${standing.settled} (as GET showed it at the start)`;
    throw system.violation('state-transition-allowed', list, expected, `listed with state ${String(entry.state)}`);
  }
  const missing = [...system.standing].find(([id]) => !listed.has(id));
  if (missing === undefined) {
    system.passed(list, 'list-holds-live-backups');
    return;
  }
  const [id] = missing;
  const read = await system.get(id);
  const observed = observedBackups(read)[0];
  const sighting = backupSighting(lookupAnswerOf(read.answer), observed?.state, observed?.partitionStates);
  if (sighting === undefined || sighting === 'ABSENT') return;
  throw system.violation('list-holds-live-backups', list, `backup ${id} listed: GET finds it ${sighting}, a backup ${STANDING_WHY}`, 'a list without it');
}
