import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startReferenceServer, type RunningServer } from '../../src/server/reference-server.js';
import { callApi, takeBackup } from './call-api.js';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
const MAX_INT64 = '9223372036854775807';
const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

interface Detail {
  partitionId: number;
  state: string;
  failureReason?: string;
  createdAt?: string;
  lastUpdatedAt?: string;
  snapshotId?: string;
  checkpointPosition?: number;
  brokerId?: number;
  brokerVersion?: string;
}
interface Info {
  backupId: number;
  state: string;
  failureReason?: string;
  details: Detail[];
}

/** A server on an injected clock, closed after the suite. */
function serverOnClock(options: Parameters<typeof startReferenceServer>[0] = {}): {
  clock: { now: number };
  get: () => RunningServer;
} {
  const clock = { now: T0 };
  let server: RunningServer | undefined;
  before(async () => {
    server = await startReferenceServer({ now: () => clock.now, ...options });
  });
  after(() => server?.close());
  return {
    clock,
    get: () => {
      assert.ok(server, 'server started');
      return server;
    },
  };
}

describe('POST / (take a backup)', () => {
  const { get } = serverOnClock();

  test("answers 202 with Zeebe's message and creates the backup", async () => {
    const answer = await takeBackup(get().url, '{"backupId": 10}');
    assert.equal(answer.status, 202);
    assert.equal(answer.contentType, 'application/json');
    assert.deepEqual(answer.json, {
      message: 'A backup with id 10 has been scheduled. Use GET actuator/backups/10 to monitor the status.',
    });
    assert.equal(get().store.createdCount, 1);
    assert.equal(get().store.latestId, 10n);
  });

  test('also answers on the base path with a trailing slash, and ignores extra members', async () => {
    const answer = await takeBackup(`${get().url}/`, '{"backupId": 11, "note": "extra"}');
    assert.equal(answer.status, 202);
    assert.equal((await callApi(`${get().url}/11`)).status, 200);
  });

  test('answers 409 for an id equal to or below the highest, naming the highest', async () => {
    for (const id of [11, 3]) {
      const answer = await takeBackup(get().url, `{"backupId": ${id}}`);
      assert.equal(answer.status, 409);
      assert.deepEqual(answer.json, {
        message: `Requested backup has id ${id}. The latest backup has id 11. Id of new backups must be higher than the previous one. `,
      });
    }
    assert.equal(get().store.createdCount, 2);
  });

  test('answers 409 for the id of the highest backup after it was deleted', async () => {
    assert.equal((await callApi(`${get().url}/11`, { method: 'DELETE' })).status, 204);
    const answer = await takeBackup(get().url, '{"backupId": 11}');
    assert.equal(answer.status, 409);
    assert.match((answer.json as { message: string }).message, /The latest backup has id 11\./);
    assert.equal(get().store.latestId, 11n);
  });

  test("answers 400 with Zeebe's message for ids of zero or below", async () => {
    for (const id of ['0', '-1', '-9223372036854775808']) {
      const answer = await takeBackup(get().url, `{"backupId": ${id}}`);
      assert.equal(answer.status, 400, id);
      assert.deepEqual(answer.json, { message: 'A backupId must be provided and it must be > 0' });
    }
  });

  test('answers 400 with a message for every body that does not bind to a positive int64', async () => {
    const bodies = [
      '',
      '   ',
      '{}',
      '{"backupId": null}',
      '{"backupid": 5}',
      '{"backupId": "5"}',
      '{"backupId": true}',
      '{"backupId": 1.5}',
      '{"backupId": 1.0}',
      '{"backupId": 1e3}',
      '{"backupId": 9223372036854775808}',
      '{"backupId": 99999999999999999999}',
      '{"backupId": -9223372036854775809}',
      '{"backupId": [12]}',
      '{"backupId": {"id": 12}}',
      '[{"backupId": 12}]',
      '12',
      '"12"',
      'null',
      '{"backupId": 12',
      '{backupId: 12}',
    ];
    const created = get().store.createdCount;
    for (const body of bodies) {
      const answer = await takeBackup(get().url, body);
      assert.equal(answer.status, 400, body);
      assert.equal(answer.contentType, 'application/json', body);
      assert.equal(typeof (answer.json as { message?: unknown }).message, 'string', body);
    }
    assert.equal(get().store.createdCount, created);
  });

  test('answers 415 without a JSON content type, and accepts JSON media types with parameters', async () => {
    for (const contentType of [null, 'text/plain', 'application/x-www-form-urlencoded', 'application/jsonx']) {
      const answer = await callApi(get().url, { method: 'POST', body: '{"backupId": 50}', headers: { 'content-type': contentType } });
      assert.equal(answer.status, 415, String(contentType));
      assert.equal(typeof (answer.json as { message?: unknown }).message, 'string');
    }
    let id = 50;
    for (const contentType of ['application/json; charset=utf-8', 'APPLICATION/JSON', 'application/vnd.spring-boot.actuator.v3+json']) {
      id += 1;
      const answer = await callApi(get().url, { method: 'POST', body: `{"backupId": ${id}}`, headers: { 'content-type': contentType } });
      assert.equal(answer.status, 202, contentType);
    }
  });

  test('answers 413 for a body over 64 KiB, and stays usable', async () => {
    const body = `{"backupId": 100, "padding": "${'x'.repeat(70 * 1024)}"}`;
    const answer = await takeBackup(get().url, body);
    assert.equal(answer.status, 413);
    assert.equal(get().store.get(100n), undefined);
    assert.equal((await callApi(get().url)).status, 200);
  });

  test('keeps the largest int64 id exact through take, get and list', async () => {
    const answer = await takeBackup(get().url, `{"backupId": ${MAX_INT64}}`);
    assert.equal(answer.status, 202);
    assert.match(answer.text, new RegExp(`with id ${MAX_INT64} has been scheduled`));
    const info = await callApi(`${get().url}/${MAX_INT64}`);
    assert.equal(info.status, 200);
    assert.ok(info.text.startsWith(`{"backupId":${MAX_INT64},`), info.text.slice(0, 60));
    const list = await callApi(get().url);
    assert.ok(list.text.startsWith(`[{"backupId":${MAX_INT64},`), list.text.slice(0, 60));
    assert.equal(get().store.latestId, 2n ** 63n - 1n);
    const next = await takeBackup(get().url, `{"backupId": ${MAX_INT64}}`);
    assert.equal(next.status, 409);
  });
});

describe('GET /{backupId}', () => {
  const { clock, get } = serverOnClock({ partitions: 5, brokers: 2, settleMs: 100, jitterMs: 10 });

  test('is IN_PROGRESS at first, with every field Zeebe sends for a running partition', async () => {
    assert.equal((await takeBackup(get().url, '{"backupId": 1}')).status, 202);
    const answer = await callApi(`${get().url}/1`);
    assert.equal(answer.status, 200);
    assert.equal(answer.contentType, 'application/json');
    const info = answer.json as Info;
    assert.equal(info.backupId, 1);
    assert.equal(info.state, 'IN_PROGRESS');
    assert.equal('failureReason' in info, false);
    assert.deepEqual(
      info.details.map((d) => d.partitionId),
      [1, 2, 3, 4, 5],
    );
    assert.deepEqual(
      info.details.map((d) => d.brokerId),
      [0, 1, 0, 1, 0],
    );
    for (const detail of info.details) {
      assert.equal(detail.state, 'IN_PROGRESS');
      assert.match(detail.createdAt ?? '', RFC3339_UTC);
      assert.equal(detail.lastUpdatedAt, detail.createdAt);
      assert.equal(detail.brokerVersion, '8.5.0');
      assert.equal(typeof detail.checkpointPosition, 'number');
      assert.equal('snapshotId' in detail, false, 'the first backup of a fresh cluster has no snapshot');
      assert.equal(Object.values(detail).includes(null), false);
    }
  });

  test('is COMPLETED once the clock passes settle time and jitter', async () => {
    clock.now += 99;
    assert.equal(((await callApi(`${get().url}/1`)).json as Info).state, 'IN_PROGRESS');
    clock.now += 11;
    const info = (await callApi(`${get().url}/1`)).json as Info;
    assert.equal(info.state, 'COMPLETED');
    for (const detail of info.details) {
      assert.equal(detail.state, 'COMPLETED');
      assert.match(detail.lastUpdatedAt ?? '', RFC3339_UTC);
      assert.ok(Date.parse(detail.lastUpdatedAt ?? '') > Date.parse(detail.createdAt ?? ''), 'completion is after the start');
    }
  });

  test('has checkpoint positions that never decrease as ids grow, and snapshots after the first backup', async () => {
    for (const id of [2, 30, 31]) {
      clock.now += 1000;
      assert.equal((await takeBackup(get().url, `{"backupId": ${id}}`)).status, 202);
    }
    const positions = await Promise.all(
      [1, 2, 30, 31].map(async (id) => ((await callApi(`${get().url}/${id}`)).json as Info).details.map((d) => d.checkpointPosition ?? -1)),
    );
    for (let i = 1; i < positions.length; i++) {
      positions[i]?.forEach((position, p) => assert.ok(position > (positions[i - 1]?.[p] ?? Infinity), `partition ${p + 1}`));
    }
    const later = (await callApi(`${get().url}/31`)).json as Info;
    for (const detail of later.details) assert.match(detail.snapshotId ?? '', /^\d+-\d+-\d+-\d+$/);
  });

  test("answers 404 with Zeebe's message for an unknown id", async () => {
    for (const id of ['404', '0', '-3']) {
      const answer = await callApi(`${get().url}/${id}`);
      assert.equal(answer.status, 404, id);
      assert.deepEqual(answer.json, { message: `Backup with id ${id} does not exist` });
    }
  });

  test('answers 400 for a path id that is not an int64', async () => {
    for (const id of ['abc', '1.5', '1e3', '9223372036854775808', '%zz', '%20']) {
      const answer = await callApi(`${get().url}/${id}`);
      assert.equal(answer.status, 400, id);
      assert.equal(typeof (answer.json as { message?: unknown }).message, 'string');
    }
  });

  test('reads percent-encoded and zero-padded path ids as numbers', async () => {
    assert.equal((await callApi(`${get().url}/%33%31`)).status, 200);
    assert.equal(((await callApi(`${get().url}/0031`)).json as Info).backupId, 31);
  });
});

describe('settleMs 0', () => {
  const { get } = serverOnClock({ settleMs: 0, jitterMs: 500 });

  test('completes a backup at once, jitter or not', async () => {
    await takeBackup(get().url, '{"backupId": 7}');
    const info = (await callApi(`${get().url}/7`)).json as Info;
    assert.equal(info.state, 'COMPLETED');
    assert.equal(info.details.length, 3);
  });
});

describe('GET / (list)', () => {
  const { clock, get } = serverOnClock({ seedBackups: [{ id: 3 }, { id: 1, state: 'FAILED' }] });

  test('lists seeded backups, newest first', async () => {
    const answer = await callApi(get().url);
    assert.equal(answer.status, 200);
    assert.deepEqual(
      (answer.json as Info[]).map((b) => b.backupId),
      [3, 1],
    );
  });

  test('lists by descending id, without deleted backups', async () => {
    for (const id of [4, 9, 20, 21]) {
      clock.now += 5;
      assert.equal((await takeBackup(get().url, `{"backupId": ${id}}`)).status, 202);
    }
    assert.equal((await callApi(`${get().url}/20`, { method: 'DELETE' })).status, 204);
    const list = (await callApi(get().url)).json as Info[];
    assert.deepEqual(
      list.map((b) => b.backupId),
      [21, 9, 4, 3, 1],
    );
  });

  test('gives list entries only partitionId, state, createdAt and brokerVersion (and failureReason when FAILED)', async () => {
    const list = (await callApi(get().url)).json as Info[];
    for (const backup of list) {
      assert.equal(backup.details.length, 3);
      for (const detail of backup.details) {
        const allowed =
          detail.state === 'FAILED' ? ['partitionId', 'state', 'failureReason', 'createdAt'] : ['partitionId', 'state', 'createdAt', 'brokerVersion'];
        assert.deepEqual(Object.keys(detail).sort(), allowed.sort(), JSON.stringify(detail));
      }
    }
  });

  test("shows a FAILED backup with Zeebe's top-level failureReason", async () => {
    const info = (await callApi(`${get().url}/1`)).json as Info;
    assert.equal(info.state, 'FAILED');
    const failed = info.details.filter((d) => d.state === 'FAILED');
    assert.deepEqual(
      failed.map((d) => d.partitionId),
      [1],
    );
    assert.equal(failed[0]?.failureReason, 'Backup is cancelled due to leader change.');
    assert.equal(info.failureReason, `Backup on partition 1 failed due to ${failed[0]?.failureReason}. `);
    assert.equal('checkpointPosition' in (failed[0] ?? {}), false);
  });

  test('counts seeded backups for the 409 rule', async () => {
    const fresh = await startReferenceServer({ seedBackups: [{ id: 500n }] });
    try {
      const answer = await takeBackup(fresh.url, '{"backupId": 499}');
      assert.equal(answer.status, 409);
      assert.equal(fresh.store.createdCount, 0);
    } finally {
      await fresh.close();
    }
  });

  test('answers an empty array when there are no backups', async () => {
    const fresh = await startReferenceServer();
    try {
      const answer = await callApi(fresh.url);
      assert.equal(answer.status, 200);
      assert.equal(answer.text, '[]');
    } finally {
      await fresh.close();
    }
  });
});

describe('seeded IN_PROGRESS backups', () => {
  const { clock, get } = serverOnClock({ seedBackups: [{ id: 8, state: 'IN_PROGRESS' }] });

  test('stay IN_PROGRESS however late', async () => {
    clock.now += 365 * 24 * 3600 * 1000;
    assert.equal(((await callApi(`${get().url}/8`)).json as Info).state, 'IN_PROGRESS');
  });
});

describe('seeded INCOMPLETE backups', () => {
  const { clock, get } = serverOnClock({ seedBackups: [{ id: 6, state: 'INCOMPLETE' }] });

  test('stay INCOMPLETE however late: partition 1 never began, the others completed', async () => {
    clock.now += 365 * 24 * 3600 * 1000;
    const info = (await callApi(`${get().url}/6`)).json as Info;
    assert.equal(info.state, 'INCOMPLETE');
    assert.deepEqual(
      info.details.map((d) => `${d.partitionId} ${d.state}`),
      ['1 DOES_NOT_EXIST', '2 COMPLETED', '3 COMPLETED'],
    );
  });
});

describe('DELETE /{backupId}', () => {
  const { get } = serverOnClock({ settleMs: 1000 });

  test('answers 204 without a body and removes the backup, even in progress', async () => {
    await takeBackup(get().url, '{"backupId": 5}');
    assert.equal(((await callApi(`${get().url}/5`)).json as Info).state, 'IN_PROGRESS');
    const answer = await callApi(`${get().url}/5`, { method: 'DELETE' });
    assert.equal(answer.status, 204);
    assert.equal(answer.text, '');
    assert.equal(answer.contentType, undefined);
    assert.equal((await callApi(`${get().url}/5`)).status, 404);
    assert.equal(get().store.size, 0);
  });

  test('answers 204 for an unknown id', async () => {
    assert.equal((await callApi(`${get().url}/77`, { method: 'DELETE' })).status, 204);
  });

  test('answers 400 for a path id that is not an int64', async () => {
    assert.equal((await callApi(`${get().url}/x1`, { method: 'DELETE' })).status, 400);
  });
});

describe('routing', () => {
  const { get } = serverOnClock();

  test('answers 405 with Allow for methods the resource does not have', async () => {
    const cases: [string, string, string][] = [
      ['', 'DELETE', 'GET, HEAD, POST'],
      ['', 'PUT', 'GET, HEAD, POST'],
      ['/1', 'POST', 'DELETE, GET, HEAD'],
      ['/1', 'PATCH', 'DELETE, GET, HEAD'],
    ];
    for (const [path, method, allow] of cases) {
      const answer = await callApi(`${get().url}${path}`, { method });
      assert.equal(answer.status, 405, `${method} ${path}`);
      assert.equal(answer.headers['allow'], allow);
    }
  });

  test('answers 404 outside the API', async () => {
    for (const path of ['/', '/actuator', '/actuator/backupsx', '/actuator/backups/1/2', '/actuator/backupRuntime']) {
      const answer = await callApi(`${get().origin}${path}`);
      assert.equal(answer.status, 404, path);
    }
  });

  test('answers HEAD like GET, without a body', async () => {
    const answer = await callApi(get().url, { method: 'HEAD' });
    assert.equal(answer.status, 200);
    assert.equal(answer.text, '');
    assert.equal(answer.contentType, 'application/json');
  });

  test('ignores the query string', async () => {
    assert.equal((await callApi(`${get().url}?verbose=false`)).status, 200);
  });

  test('gives url, origin and port that agree', () => {
    const server = get();
    assert.equal(server.url, `${server.origin}/actuator/backups`);
    assert.equal(server.origin, `http://127.0.0.1:${server.port}`);
    assert.ok(server.port > 0);
  });
});

describe('base path', () => {
  const { get } = serverOnClock({ basePath: '/actuator/backupRuntime/' });

  test('serves the API under the configured path only', async () => {
    assert.ok(get().url.endsWith('/actuator/backupRuntime'));
    assert.equal((await takeBackup(get().url, '{"backupId": 1}')).status, 202);
    assert.equal((await callApi(`${get().url}/1`)).status, 200);
    assert.equal((await callApi(`${get().origin}/actuator/backups/1`)).status, 404);
  });

  test("keeps Zeebe's 202 text, which names actuator/backups on every path", async () => {
    const answer = await takeBackup(get().url, '{"backupId": 2}');
    assert.match((answer.json as { message: string }).message, /Use GET actuator\/backups\/2 to monitor/);
  });
});

describe('close', () => {
  test('resolves, twice, and the port stops answering', async () => {
    const server = await startReferenceServer();
    assert.equal((await callApi(server.url)).status, 200);
    await server.close();
    await server.close();
    await assert.rejects(callApi(server.url), { code: 'ECONNREFUSED' });
  });

  test('rejects with CONF_USAGE when the port is taken', async () => {
    const first = await startReferenceServer();
    try {
      await assert.rejects(startReferenceServer({ port: first.port }), { name: 'ConformanceError', code: 'CONF_USAGE' });
    } finally {
      await first.close();
    }
  });
});
