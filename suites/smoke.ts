import { deletedBackupKinds } from '../src/findings/deleted-backup-kinds.js';
import type { Observation } from '../src/api/backup-api.js';
import { highestBackupId } from '../src/api/highest-backup-id.js';
import { firstCandidateId, takeAtNextFreeId } from '../src/api/next-free-id.js';
import { pollUntil } from '../src/api/poll-until.js';
import type { Exchange } from '../src/http/exchange.js';
import { sequenceFinding } from '../src/findings/sequence-finding.js';
import type { RuleId } from '../src/rules/rules.js';
import type { Operation } from '../src/spec/operation.js';
import type { Suite } from './suite.js';

const SUITE = 'smoke';
/** How long a just-taken backup may stay invisible, or a deleted one visible (spec/NOTES.md#asynchronous-visibility). */
const VISIBILITY_GRACE_MS = 10_000;

/**
 * Every operation once, with valid requests: list; take a backup above the highest id; get it;
 * get and delete ids never taken; delete the backup and see it gone. Every answer goes through the
 * response checks; the few rules below judge the sequence.
 */
export const smokeSuite: Suite = {
  id: SUITE,
  title: 'Every operation with valid requests',
  destructive: true,
  maxBackups: () => 1,
  async run(context) {
    const { api, index } = context;
    const { found, notFound, deleted: deletedStatus, accepted } = index.statuses;
    // How long a taken backup may stay invisible, and a deleted one visible: --settle-timeout caps it.
    const graceMs = Math.min(VISIBILITY_GRACE_MS, context.config.stateful.settleTimeoutMs);
    const grace = `${graceMs / 1000} s`;
    const transcript: Exchange[] = [];
    const observe = async <O extends Observation>(call: Promise<O>): Promise<O> => {
      const observation = await call;
      transcript.push(observation.exchange);
      return observation;
    };
    const passed = (operation: Operation, rule: RuleId): void => context.passed(operation.label, rule);
    const report = (fields: Omit<Parameters<typeof sequenceFinding>[0], 'suite' | 'exchanges' | 'redactedHeaders' | 'operations'>) =>
      context.record(sequenceFinding({ ...fields, operations: index.byRole, suite: SUITE, exchanges: [...transcript], redactedHeaders: context.redactedHeaders }));

    context.progress('list backups');
    const listing = await observe(api.list());
    const highest = highestBackupId(listing);
    if (highest === undefined) {
      context.progress('the list answer is unreadable, so no id can be chosen safely: take, get and delete were not tried');
      return;
    }
    const from = firstCandidateId(highest, context.highestTakenId(), context.config.idBase);
    if (from === undefined) {
      context.progress(`no backup id is left below the int64 maximum above ${highest}: take, get and delete were not tried`);
      return;
    }
    context.progress(`take backup ${from} (the highest existing id is ${highest})`);
    const search = await takeAtNextFreeId(api, {
      from,
      signal: context.signal,
      afterTake: (_id, answer) => transcript.push(answer.exchange),
      progress: context.progress,
    });
    if (search.kind === 'refused') {
      report({
        checkId: 'take-accepted-above-highest',
        operation: index.byRole.take.label,
        verdict: 'inconclusive',
        expected: `a ${accepted} for one of ${search.refused.join(', ')}, above every listed id`,
        received: `${index.statuses.conflict} for each: a higher id may have been taken and deleted before this run, or the server refuses valid ids`,
        specPointer: 'spec/NOTES.md#deleted-id-reuse',
      });
      return;
    }
    if (search.kind === 'failed') {
      if (search.answer.answer.kind !== 'unclear') {
        report({
          checkId: 'take-accepted-above-highest',
          operation: index.byRole.take.label,
          expected: `${accepted} for backup ${search.id}, above every listed id`,
          received: String(search.answer.status),
        });
      }
      return;
    }
    if (search.kind !== 'accepted') return;
    const id = search.id;
    passed(index.byRole.take, 'take-accepted-above-highest');

    let deleted = false;
    try {
      context.progress(`get backup ${id}`);
      const visible = await pollUntil(
        async () => {
          const got = await observe(api.get(id));
          return { done: got.answer.kind !== 'not-found', value: got };
        },
        { timeoutMs: graceMs, signal: context.signal },
      );
      if (visible.value.answer.kind === 'found') passed(index.byRole.get, 'taken-backup-visible');
      else if (visible.value.answer.kind === 'not-found') {
        report({
          checkId: 'taken-backup-visible',
          operation: index.byRole.get.label,
          expected: `${found} for backup ${id} within ${grace} of its ${accepted}`,
          received: `${notFound} after ${visible.attempts} tries`,
          specPointer: 'spec/NOTES.md#asynchronous-visibility',
        });
      }

      const neverTaken = id + 1n;
      context.progress(`get backup ${neverTaken}, never taken`);
      const unknown = await observe(api.get(neverTaken));
      if (unknown.answer.kind === 'not-found') passed(index.byRole.get, 'unknown-backup-not-found');
      else if (unknown.answer.kind !== 'unclear') {
        report({
          checkId: 'unknown-backup-not-found',
          operation: index.byRole.get.label,
          expected: `${notFound} for backup ${neverTaken}, never taken`,
          received: String(unknown.status),
        });
      }
      context.progress(`delete backup ${neverTaken}, never taken`);
      await observe(api.delete(neverTaken));

      context.progress(`delete backup ${id}`);
      const removal = await observe(api.delete(id));
      deleted = removal.answer.kind === 'deleted';
      if (deleted) {
        const deletedAt = performance.now();
        const gone = await pollUntil(
          async () => {
            const got = await observe(api.get(id));
            return { done: got.answer.kind === 'not-found', value: got };
          },
          { timeoutMs: graceMs, signal: context.signal },
        );
        if (gone.done) passed(index.byRole.delete, 'deleted-backup-gone');
        else if (gone.value.answer.kind !== 'unclear') {
          report({
            checkId: 'deleted-backup-gone',
            operation: index.byRole.delete.label,
            expected: `${notFound} for backup ${id} within ${grace} of its ${deletedStatus}`,
            received: `${gone.value.status} after ${gone.attempts} tries`,
            specPointer: 'spec/NOTES.md#asynchronous-visibility',
            // Never seen gone: a delete that has not shown yet, measured for a profile's bound.
            kind: deletedBackupKinds.visibleAfterDelete,
            evidence: { visibleAfterDeleteMs: Math.round(performance.now() - deletedAt) },
          });
        }
      }
    } finally {
      if (!deleted && !context.config.stateful.keepBackups) await api.delete(id);
    }
  },
};
