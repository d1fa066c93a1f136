import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveServerOptions, type ReferenceServerOptions } from '../../src/server/options.js';
import { quirkCatalog } from '../../src/server/behaviour/quirk-catalog.js';
import { quirkProfiles } from '../../src/server/behaviour/quirk-profiles.js';
import { startReferenceServer, type RunningServer } from '../../src/server/reference-server.js';
import { callApi, takeBackup } from './call-api.js';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
const V3 = 'application/vnd.spring-boot.actuator.v3+json';

interface Info {
  backupId: number;
  state: string;
  details: { partitionId: number; state: string; brokerId?: number }[];
}

async function withServer(options: ReferenceServerOptions, body: (server: RunningServer, clock: { now: number }) => Promise<void>): Promise<void> {
  const clock = { now: T0 };
  const server = await startReferenceServer({ now: () => clock.now, settleMs: 0, ...options });
  try {
    await body(server, clock);
  } finally {
    await server.close();
  }
}

async function take(server: RunningServer, ...ids: (number | string)[]): Promise<void> {
  for (const id of ids) assert.equal((await takeBackup(server.url, `{"backupId": ${id}}`)).status, 202, String(id));
}

describe('quirk list-unsorted', () => {
  test('lists in Java HashMap order: small ids ascending, colliding ids by bucket', async () => {
    await withServer({ quirks: ['list-unsorted'] }, async (server) => {
      await take(server, 1, 2, 17, 4294967296);
      const list = (await callApi(server.url)).json as Info[];
      // Buckets of a 16-slot table: 1 -> 1, 2 -> 2, 17 -> 1, 2^32 -> 1 (high word xor low word).
      assert.deepEqual(
        list.map((b) => b.backupId),
        [1, 17, 4294967296, 2],
      );
    });
  });

  test('is off by default: the list is descending', async () => {
    await withServer({}, async (server) => {
      await take(server, 1, 2, 17);
      assert.deepEqual(
        ((await callApi(server.url)).json as Info[]).map((b) => b.backupId),
        [17, 2, 1],
      );
    });
  });
});

describe('quirk actuator-media-type', () => {
  test('answers the actuator v3 type to a missing or wildcard Accept, application/json when asked', async () => {
    await withServer({ quirks: ['actuator-media-type'] }, async (server) => {
      assert.equal((await callApi(server.url)).contentType, V3);
      assert.equal((await callApi(server.url, { headers: { accept: '*/*' } })).contentType, V3);
      assert.equal((await callApi(server.url, { headers: { accept: 'application/json' } })).contentType, 'application/json');
      const taken = await callApi(server.url, { method: 'POST', body: '{"backupId": 1}' });
      assert.equal(taken.contentType, V3);
      const missing = await callApi(`${server.url}/2`, { headers: { accept: '*/*' } });
      assert.equal(missing.contentType, V3);
    });
  });

  test('is off by default', async () => {
    await withServer({}, async (server) => {
      assert.equal((await callApi(server.url)).contentType, 'application/json');
    });
  });
});

describe('quirk spring-error-bodies', () => {
  test("answers framework refusals with Spring's error body, and Zeebe's own errors with {message}", async () => {
    await withServer({ quirks: ['spring-error-bodies'] }, async (server) => {
      const cases = [
        { answer: await takeBackup(server.url, '{}'), status: 400, error: 'Bad Request', path: '/actuator/backups' },
        { answer: await callApi(`${server.url}/abc`), status: 400, error: 'Bad Request', path: '/actuator/backups/abc' },
        {
          answer: await callApi(server.url, { method: 'POST', body: '{"backupId": 1}', headers: { 'content-type': 'text/plain' } }),
          status: 415,
          error: 'Unsupported Media Type',
          path: '/actuator/backups',
        },
        { answer: await callApi(server.url, { method: 'PUT' }), status: 405, error: 'Method Not Allowed', path: '/actuator/backups' },
      ];
      for (const { answer, status, error, path } of cases) {
        assert.equal(answer.status, status);
        const body = answer.json as Record<string, unknown>;
        assert.deepEqual(Object.keys(body), ['timestamp', 'path', 'status', 'error', 'requestId']);
        assert.deepEqual({ status: body['status'], error: body['error'], path: body['path'] }, { status, error, path });
        assert.equal(body['timestamp'], '2024-05-01T12:00:00.000+00:00');
      }
      assert.deepEqual((await takeBackup(server.url, '{"backupId": 0}')).json, {
        message: 'A backupId must be provided and it must be > 0',
      });
      assert.deepEqual((await callApi(`${server.url}/5`)).json, { message: 'Backup with id 5 does not exist' });
    });
  });
});

describe('quirk string-ids', () => {
  test('accepts ids as strings the way Spring converts them', async () => {
    await withServer({ quirks: ['string-ids'] }, async (server) => {
      const accepted: [string, bigint][] = [
        ['"100"', 100n],
        ['" 120 "', 120n],
        ['"0x80"', 128n],
        ['"+130"', 130n],
        ['"9223372036854775807"', 2n ** 63n - 1n],
      ];
      for (const [raw, id] of accepted) {
        assert.equal((await takeBackup(server.url, `{"backupId": ${raw}}`)).status, 202, raw);
        assert.ok(server.store.get(id), raw);
      }
    });
  });

  test('still refuses strings that are not whole numbers, and treats "0" like 0', async () => {
    await withServer({ quirks: ['string-ids'] }, async (server) => {
      for (const raw of ['"abc"', '"1.5"', '""', '"9223372036854775808"']) {
        assert.equal((await takeBackup(server.url, `{"backupId": ${raw}}`)).status, 400, raw);
      }
      assert.deepEqual((await takeBackup(server.url, '{"backupId": "0"}')).json, {
        message: 'A backupId must be provided and it must be > 0',
      });
      assert.equal((await takeBackup(server.url, '{"backupId": 7}')).status, 202);
      assert.equal(server.store.createdCount, 1);
    });
  });
});

describe('quirk details-topology-order', () => {
  test('orders details odd partitions first, as in a real 8.7.8 answer (1, 3, 2)', async () => {
    await withServer({ quirks: ['details-topology-order'] }, async (server) => {
      await take(server, 1);
      assert.deepEqual(
        ((await callApi(`${server.url}/1`)).json as Info).details.map((d) => d.partitionId),
        [1, 3, 2],
      );
    });
    await withServer({ quirks: ['details-topology-order'], partitions: 5 }, async (server) => {
      await take(server, 1);
      const list = (await callApi(server.url)).json as Info[];
      assert.deepEqual(
        list[0]?.details.map((d) => d.partitionId),
        [1, 3, 5, 2, 4],
      );
    });
  });
});

describe('quirk no-broker-id', () => {
  test('leaves brokerId out of every detail', async () => {
    await withServer({ quirks: ['no-broker-id'] }, async (server) => {
      await take(server, 1);
      const info = (await callApi(`${server.url}/1`)).json as Info;
      assert.equal(info.details.length, 3);
      for (const detail of info.details) assert.equal('brokerId' in detail, false);
    });
    await withServer({}, async (server) => {
      await take(server, 1);
      const info = (await callApi(`${server.url}/1`)).json as Info;
      assert.deepEqual(
        info.details.map((d) => d.brokerId),
        [0, 1, 2],
      );
    });
  });
});

describe('quirk start-window', () => {
  test('answers 404, then INCOMPLETE, then IN_PROGRESS, then COMPLETED after a 202', async () => {
    await withServer({ quirks: ['start-window'], startWindowMs: 30, settleMs: 100, jitterMs: 0 }, async (server, clock) => {
      await take(server, 1);
      assert.equal((await callApi(`${server.url}/1`)).status, 404);
      assert.equal((await callApi(server.url)).text, '[]');
      clock.now = T0 + 10;
      const partial = (await callApi(`${server.url}/1`)).json as Info;
      assert.equal(partial.state, 'INCOMPLETE');
      assert.deepEqual(
        partial.details.map((d) => d.state),
        ['IN_PROGRESS', 'DOES_NOT_EXIST', 'DOES_NOT_EXIST'],
      );
      clock.now = T0 + 30;
      assert.equal(((await callApi(`${server.url}/1`)).json as Info).state, 'IN_PROGRESS');
      clock.now = T0 + 130;
      assert.equal(((await callApi(`${server.url}/1`)).json as Info).state, 'COMPLETED');
    });
  });

  test('is off by default: a backup is visible at once', async () => {
    await withServer({ settleMs: 100 }, async (server) => {
      await take(server, 1);
      assert.equal(((await callApi(`${server.url}/1`)).json as Info).state, 'IN_PROGRESS');
    });
  });
});

describe('quirk catalog and profiles', () => {
  test('every quirk has a summary and a source, and a unique name', () => {
    assert.equal(new Set(quirkCatalog.map((quirk) => quirk.name)).size, quirkCatalog.length);
    for (const quirk of quirkCatalog) {
      assert.ok(quirk.summary.length > 10, quirk.name);
      assert.match(quirk.source, /§\d/, quirk.name);
    }
  });

  test('zeebe-8.5 turns on every quirk, each known to the catalog', () => {
    assert.deepEqual([...resolveServerOptions({ quirks: 'zeebe-8.5' }).quirks].sort(), quirkCatalog.map((q) => q.name).sort());
    for (const name of quirkProfiles['zeebe-8.5']) assert.ok(quirkCatalog.some((quirk) => quirk.name === name));
  });

  test('every quirk can be turned on alone', async () => {
    for (const quirk of quirkCatalog) {
      await withServer({ quirks: [quirk.name] }, async (server) => {
        assert.equal((await takeBackup(server.url, '{"backupId": 1}')).status, 202, quirk.name);
      });
    }
  });

  test('zeebe-8.5 serves a whole scenario', async () => {
    await withServer({ quirks: 'zeebe-8.5', settleMs: 50 }, async (server, clock) => {
      await take(server, '"5"');
      clock.now += 1000;
      const info = await callApi(`${server.url}/5`);
      assert.equal(info.status, 200);
      assert.equal(info.contentType, V3);
      assert.equal((info.json as Info).state, 'COMPLETED');
      assert.deepEqual(
        (info.json as Info).details.map((d) => d.partitionId),
        [1, 3, 2],
      );
      assert.equal((await callApi(`${server.url}/5`, { method: 'DELETE' })).status, 204);
      assert.equal((await takeBackup(server.url, '{"backupId": 5}')).status, 409);
    });
  });

  test('rejects unknown quirks and profiles with CONF_USAGE', () => {
    for (const quirks of ['zeebe-9', 'toString'] as const) {
      assert.throws(() => resolveServerOptions({ quirks: quirks as 'zeebe-8.5' }), { code: 'CONF_USAGE' }, quirks);
    }
    assert.throws(() => resolveServerOptions({ quirks: ['sorted' as 'no-broker-id'] }), { code: 'CONF_USAGE' });
  });
});
