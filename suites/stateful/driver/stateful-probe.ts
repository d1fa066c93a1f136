import type { Observation } from '../../../src/api/backup-api.js';
import { highestBackupId } from '../../../src/api/highest-backup-id.js';
import { firstCandidateId, takeAtNextFreeId } from '../../../src/api/next-free-id.js';
import { sequenceFinding } from '../../../src/findings/sequence-finding.js';
import { answerClause, describeAnswer } from '../../../src/api/describe-answer.js';
import type { TakeLedger } from '../model/take-ledger.js';
import type { SuiteContext } from '../../suite.js';

/**
 * Finds ids the server accepts before the first run, by taking one backup above every listed one,
 * every id this run took before, and at or above --id-base.
 * A backup deleted before the suite is not listed, yet still blocks every id up to its own
 * (spec/NOTES.md#deleted-id-reuse), for instance the backups of an earlier run of this suite. So
 * a refused take is tried again above the id the server states as the latest, or a little further
 * up each time (src/api/next-free-id.ts). After the first 202 the server has accepted nothing
 * above the suite's ids, and every run's expectations hold exactly, a replayed run's too. Creates
 * at most one backup (the ledger deletes it with the others).
 *
 * Returns undefined when the runs can start, else why not (a finding is recorded when the server
 * is to blame or the search was inconclusive).
 */
export async function statefulProbe(context: SuiteContext, suite: string, ledger: TakeLedger): Promise<string | undefined> {
  const { api, index } = context;
  const listing = await api.list();
  const highest = highestBackupId(listing);
  if (highest === undefined) return `${answerClause('the list', listing)}, so no backup id can be chosen safely`;
  const report = (verdict: 'violation' | 'inconclusive', expected: string, received: string, answers: readonly Observation[], specPointer?: string): void => {
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
        exchanges: [listing, ...answers].map((observation) => observation.exchange),
        redactedHeaders: context.redactedHeaders,
      }),
    );
  };

  const taken = [context.highestTakenId(), ledger.highestSent].reduce<bigint | undefined>(
    (max, id) => (id !== undefined && (max === undefined || id > max) ? id : max),
    undefined,
  );
  const from = firstCandidateId(highest, taken, context.config.idBase);
  if (from === undefined) return `no free backup id is left below the int64 maximum above ${highest}`;
  const { accepted: acceptedStatus, conflict } = index.statuses;
  const result = await takeAtNextFreeId(api, {
    from,
    acceptedBefore: context.highestAcceptedId(),
    signal: context.signal,
    beforeTake: (id) => ledger.probing(id),
    afterTake: (id, answer) => {
      ledger.answered(id, answer.answer);
      // A refusal for conflict above the listed ids says nothing here (an id may have been taken and deleted before the run).
      if (answer.answer.kind === 'accepted') context.passed(index.byRole.take.label, 'take-accepted-above-highest');
    },
    progress: context.progress,
  });
  switch (result.kind) {
    case 'accepted':
      context.progress(
        `backup ${result.id} was accepted${result.refused.length === 0 ? '' : ` after takes of ${result.refused.join(', ')} were refused`}: the runs ` +
          `use ids above it`,
      );
      return undefined;
    case 'interrupted':
      return 'interrupted';
    case 'no-ids-left':
      return `no free backup id is left below the int64 maximum above ${result.refused.at(-1) ?? highest}`;
    case 'failed': {
      const { id, answer } = result;
      if (answer.answer.kind === 'unclear') return `the take of backup ${id} got ${describeAnswer(answer)}: run the suite again when the cluster is healthy`;
      report('violation', `${acceptedStatus} for backup ${id}, above every listed backup`, describeAnswer(answer), result.answers);
      return `the take of backup ${id}, above every listed backup, got ${describeAnswer(answer)}`;
    }
    case 'refused-above-accepted': {
      const { id, accepted, answer } = result;
      report(
        'violation',
        `${acceptedStatus} for backup ${id}: this run's take of backup ${accepted} was accepted, so no higher id existed`,
        describeAnswer(answer),
        result.answers,
      );
      return `the take of backup ${id}, above backup ${accepted} that this run took, got ${describeAnswer(answer)}`;
    }
    case 'refused':
      report(
        'inconclusive',
        `${acceptedStatus} for an id above every listed backup`,
        `${conflict} for each of ${result.refused.join(', ')}: either a backup with a still higher id was taken and deleted before, or the server ` +
          `refuses valid ids`,
        result.answers,
        'spec/NOTES.md#deleted-id-reuse',
      );
      return `no take above the listed backups was accepted (${result.refused.length} tried)`;
  }
}
