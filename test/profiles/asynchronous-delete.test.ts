import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Finding } from '../../src/findings/finding.js';
import { applyProfile } from '../../src/profiles/apply-profile.js';
import { ASYNCHRONOUS_DELETE_BOUND_MS } from '../../src/profiles/known-deviations.js';
import { findProfile } from '../../src/profiles/profiles.js';
import type { BackupStore } from '../../src/server/cluster/backup-store.js';
import type { StoredBackup } from '../../src/server/cluster/stored-backup.js';
import type { ReferenceServerOptions } from '../../src/server/options.js';
import { startReferenceServer } from '../../src/server/reference-server.js';
import { violation } from '../helpers/sample-outcome.js';
import { runStateful } from '../stateful/run-stateful.js';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  await Promise.all(closers.map((close) => close()));
});

async function serve(behaviour: NonNullable<ReferenceServerOptions['behaviour']>): Promise<string> {
  const server = await startReferenceServer({ settleMs: 0, behaviour });
  closers.push(() => server.close());
  return server.url;
}

/** The first deleted-backup-gone violation of a stateful run against `url`, as recorded (before any profile). */
async function deletedBackupFinding(url: string, settleTimeoutMs?: number): Promise<Finding> {
  const outcome = await runStateful(url, { seed: 1, ...(settleTimeoutMs === undefined ? {} : { settleTimeoutMs }) });
  const finding = outcome.findings.find((f) => f.checkId === 'deleted-backup-gone' && f.verdict === 'violation');
  assert.ok(finding !== undefined, `no deleted-backup-gone violation among: ${outcome.findings.map((f) => f.checkId).join(', ')}`);
  return finding;
}

const verdictUnder = (profile: string, finding: Finding): string => applyProfile(findProfile(profile), finding).verdict;

describe('asynchronous-delete excuses a delete that has not shown yet, never a backup that came back', () => {
  test('a deleted backup that returns after GET and the list showed it gone is a violation under zeebe-8.9 too', async () => {
    // Counted, not timed: a deleted backup is gone for the next two requests (the GET and the list
    // that confirm the delete), and back from the third on.
    const returning: { backup: StoredBackup; afterSeq?: number; back?: true }[] = [];
    let deletedFrom: BackupStore | undefined;
    const url = await serve((base) => ({
      // Positions follow the id, so that the backup put back leaves the checkpoint order intact.
      planBackup: (id, takenAt, previous) => {
        const plan = base.planBackup(id, takenAt, previous);
        return { ...plan, partitions: plan.partitions.map((p) => ({ ...p, checkpointPosition: 1_000n + id * 10n })) };
      },
      onDelete: (store, id) => {
        const backup = store.get(id);
        base.onDelete(store, id);
        deletedFrom = store;
        if (backup !== undefined) returning.push({ backup });
      },
      // Every request passes here first: the place to count requests since each delete.
      latencyMs: (request) => {
        for (const entry of returning) {
          entry.afterSeq ??= request.seq;
          if (entry.back === undefined && request.seq >= entry.afterSeq + 2) {
            deletedFrom?.seed(entry.backup);
            entry.back = true;
          }
        }
        return base.latencyMs(request);
      },
    }));
    const finding = await deletedBackupFinding(url);
    assert.equal(finding.kind, 'back-after-seen-gone', `${finding.expected} / ${finding.received}`);
    assert.equal(verdictUnder('zeebe-8.9', finding), 'violation');
    assert.equal(verdictUnder('zeebe-8.10', finding), 'violation');
    assert.equal(verdictUnder('spec', finding), 'violation');
  });

  test('a deleted backup GET still finds when the grace ends is a known deviation from 8.9 within the bound', async () => {
    // The delete is answered but never carried out: GET finds the backup for the whole (short) grace,
    // far below the bound of the deviation.
    const url = await serve(() => ({ onDelete: () => undefined }));
    const finding = await deletedBackupFinding(url, 300);
    assert.equal(finding.kind, 'visible-after-delete', `${finding.expected} / ${finding.received}`);
    assert.ok((finding.evidence?.visibleAfterDeleteMs ?? Infinity) < ASYNCHRONOUS_DELETE_BOUND_MS);
    assert.equal(verdictUnder('zeebe-8.9', finding), 'known-deviation');
    assert.equal(applyProfile(findProfile('zeebe-8.9'), finding).knownDeviation?.id, 'asynchronous-delete');
    assert.equal(verdictUnder('zeebe-8.8', finding), 'violation');
    assert.equal(verdictUnder('spec', finding), 'violation');
  });

  test('a delete still not shown beyond the bound, or with nothing measured, is a violation under zeebe-8.9', () => {
    const lingering = (evidence: Finding['evidence']): Finding => ({
      ...violation,
      checkId: 'deleted-backup-gone',
      operation: 'DELETE /{backupId}',
      kind: 'visible-after-delete',
      ...(evidence === undefined ? {} : { evidence }),
    });
    assert.equal(verdictUnder('zeebe-8.9', lingering({ visibleAfterDeleteMs: ASYNCHRONOUS_DELETE_BOUND_MS })), 'known-deviation');
    assert.equal(verdictUnder('zeebe-8.9', lingering({ visibleAfterDeleteMs: ASYNCHRONOUS_DELETE_BOUND_MS + 1 })), 'violation');
    assert.equal(verdictUnder('zeebe-8.9', lingering(undefined)), 'violation');
  });
});
