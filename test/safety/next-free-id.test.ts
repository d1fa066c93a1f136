import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createBackupApi, type BackupApi } from '../../src/api/backup-api.js';
import { firstCandidateId, latestIdStated, takeAtNextFreeId } from '../../src/api/next-free-id.js';
import { createClient } from '../../src/http/client.js';
import type { ReferenceServerOptions } from '../../src/server/options.js';
import { startReferenceServer } from '../../src/server/reference-server.js';
import { bundledIndex } from '../helpers/bundled-index.js';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  await Promise.all(closers.map((close) => close()));
});

/** A reference server where backup `blockedBy` was taken and deleted before: it blocks every id up to its own, unlisted. */
async function apiWithDeletedBackup(blockedBy: bigint | undefined, options: ReferenceServerOptions = {}): Promise<{ api: BackupApi; takes: bigint[] }> {
  const server = await startReferenceServer({ settleMs: 0, ...options });
  const client = createClient({ timeoutMs: 5_000, maxBodyBytes: 1 << 20, defaultHeaders: { accept: 'application/json' } });
  closers.push(
    () => client.close(),
    () => server.close(),
  );
  const api = createBackupApi({
    baseUrl: server.url,
    index: await bundledIndex(),
    client,
    checks: [],
    suite: 'test',
    redactedHeaders: new Set(),
    retryDelayMs: 10,
    record: () => {},
    passed: () => {},
  });
  if (blockedBy !== undefined) {
    assert.equal((await api.take(blockedBy)).status, 202);
    assert.equal((await api.delete(blockedBy)).status, 204);
  }
  const takes: bigint[] = [];
  return { api, takes };
}

const never = new AbortController().signal;

describe('the next free id', () => {
  test('starts above the listed, the already taken and --id-base', () => {
    assert.equal(firstCandidateId(7n, undefined, undefined), 8n);
    assert.equal(firstCandidateId(7n, 40n, undefined), 41n);
    assert.equal(firstCandidateId(7n, 40n, 100n), 100n);
    assert.equal(firstCandidateId(2n ** 63n - 1n, undefined, undefined), undefined);
  });

  test('after a 409, goes straight above the latest id the server states: two takes', async () => {
    const { api, takes } = await apiWithDeletedBackup(4_321n);
    const result = await takeAtNextFreeId(api, { from: 1n, signal: never, beforeTake: (id) => takes.push(id) });
    assert.equal(result.kind, 'accepted');
    assert.deepEqual(takes, [1n, 4_322n]);
  });

  test('reads the latest id in 8.9 wording too', () => {
    const observation = {
      body: {
        ok: true,
        value: {
          message:
            'Requested backup has ID 3. The latest backup has ID 42. The backup ID must be greater than the ID of previous backups that are completed, failed, or deleted.',
        },
      },
    };
    assert.equal(latestIdStated(observation as never), 42n);
  });

  test('without a stated id, a search whose gap doubles: few takes, and it overshoots by less than the blocking id', async () => {
    const { api, takes } = await apiWithDeletedBackup(4_321n, { behaviour: { renderError: () => ({ message: 'conflict' }) } });
    const result = await takeAtNextFreeId(api, { from: 1n, signal: never, beforeTake: (id) => takes.push(id) });
    assert.equal(result.kind, 'accepted');
    assert.ok(takes.length <= 12, `${takes.length} takes: ${takes.join(', ')}`);
    const accepted = result.kind === 'accepted' ? result.id : 0n;
    assert.ok(accepted > 4_321n && accepted < 2n * 4_321n, `accepted ${accepted}`);
  });

  test('a server that refuses every id is given a bounded number of takes', async () => {
    const { api, takes } = await apiWithDeletedBackup(undefined, {
      behaviour: { decideTake: () => ({ accepted: false, latestId: 1n }), renderError: () => ({ message: 'no' }) },
    });
    const result = await takeAtNextFreeId(api, { from: 2n, signal: never, beforeTake: (id) => takes.push(id) });
    assert.equal(result.kind, 'refused');
    assert.equal(takes.length, 20);
  });
});
