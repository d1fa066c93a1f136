import type { Observation } from '../src/api/backup-api.js';
import { highestBackupId } from '../src/api/highest-backup-id.js';
import { sequenceFinding } from '../src/findings/sequence-finding.js';
import { runBaseId } from '../src/model/run-base-id.js';
import { answerClause, describeAnswer } from '../generators/describe-answer.js';
import type { TakeLedger } from '../generators/take-ledger.js';
import type { SuiteContext } from './suite.js';

/** After each refusal the next take goes 100, 1000, … up to 10^13 ids further up: past ids made of epoch milliseconds. */
const MAX_PROBES = 13;

/**
 * Finds ids the server accepts before the first run, by taking one backup above every listed one
 * (and at or above --id-base).
 * A backup deleted before the suite is not listed, yet still blocks every id up to its own
 * (spec/NOTES.md#deleted-id-reuse), for instance the backups of an earlier run of this suite. So
 * a refused take is tried again further up, ten times further each time. After the first 202 the
 * server has accepted nothing above the suite's ids, and every run's expectations hold exactly, a
 * replayed run's too. Creates at most one backup (the ledger deletes it with the others).
 *
 * Returns undefined when the runs can start, else why not (a finding is recorded when the server
 * is to blame or the search was inconclusive).
 */
export async function statefulProbe(context: SuiteContext, suite: string, ledger: TakeLedger): Promise<string | undefined> {
  const { api, index } = context;
  const listing = await api.list();
  const transcript: Observation[] = [listing];
  const highest = highestBackupId(listing);
  if (highest === undefined) return `${answerClause('the list', listing)}, so no backup id can be chosen safely`;
  const report = (verdict: 'violation' | 'inconclusive', expected: string, received: string, specPointer?: string): void => {
    context.record(
      sequenceFinding({
        checkId: 'take-accepted-above-highest',
        verdict,
        operation: index.byRole.take.label,
        expected,
        received,
        ...(specPointer === undefined ? {} : { specPointer }),
        operations: index.byRole,
        suite,
        exchanges: transcript.map((observation) => observation.exchange),
        redactedHeaders: context.redactedHeaders,
      }),
    );
  };

  const refused: bigint[] = [];
  // --id-base: the first id tried is at or above it.
  const idBase = context.config.idBase;
  let floor = idBase !== undefined && idBase - 1n > highest ? idBase - 1n : highest;
  for (let attempt = 1; attempt <= MAX_PROBES && !context.signal.aborted; attempt++) {
    const base = runBaseId(floor, ledger.highestSent);
    if (base === undefined) return `no free backup id is left below the int64 maximum above ${floor}`;
    const id = base + 1n;
    ledger.probing(id);
    const answer = await api.take(id);
    ledger.answered(id, answer.status);
    transcript.push(answer);
    const { status } = answer;
    if (status !== undefined && status < 500 && status !== 409) context.noteCheck(index.byRole.take.label, 'take-accepted-above-highest');
    if (status === 202) {
      context.progress(`backup ${id} was accepted${refused.length === 0 ? '' : ` after takes of ${refused.join(', ')} were refused`}: the runs use ids above it`);
      return undefined;
    }
    if (status === undefined || status >= 500) return `the take of backup ${id} got ${describeAnswer(answer)}: run the suite again when the cluster is healthy`;
    if (status !== 409) {
      report('violation', `202 for backup ${id}, above every listed backup`, describeAnswer(answer));
      return `the take of backup ${id}, above every listed backup, got ${describeAnswer(answer)}`;
    }
    refused.push(id);
    context.progress(`backup ${id} was refused with 409: a backup deleted earlier may hold a higher id; trying ${10n ** BigInt(attempt + 1)} ids further up`);
    floor = id + 10n ** BigInt(attempt + 1);
  }
  if (context.signal.aborted) return 'interrupted';
  report(
    'inconclusive',
    '202 for an id above every listed backup',
    `409 for each of ${refused.join(', ')}: either a backup with a still higher id was taken and deleted before, or the server refuses valid ids`,
    'spec/NOTES.md#deleted-id-reuse',
  );
  return `no take above the listed backups was accepted (${refused.length} tried)`;
}
