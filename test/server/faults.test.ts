import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { describe, test } from 'node:test';
import { composeBehaviour } from '../../src/server/behaviour/compose-behaviour.js';
import { faultCatalog } from '../../src/server/behaviour/fault-catalog.js';
import { resolveServerOptions, type ReferenceServerOptions } from '../../src/server/options.js';
import type { ReceivedRequest } from '../../src/server/request/received-request.js';
import { startReferenceServer, type RunningServer } from '../../src/server/reference-server.js';
import { callApi, takeBackup } from './call-api.js';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
const DAY = 24 * 3600 * 1000;

interface Info {
  state: string;
  failureReason?: string;
  details: { partitionId: number; state: string; failureReason?: string }[];
}

/** Runs `body` against a fresh server on a clock, then closes it. */
async function withServer(options: ReferenceServerOptions, body: (server: RunningServer, clock: { now: number }) => Promise<void>): Promise<void> {
  const clock = { now: T0 };
  const server = await startReferenceServer({ now: () => clock.now, ...options });
  try {
    await body(server, clock);
  } finally {
    await server.close();
  }
}

async function infoAfterSettling(server: RunningServer, clock: { now: number }, id: number): Promise<Info> {
  assert.equal((await takeBackup(server.url, `{"backupId": ${id}}`)).status, 202);
  clock.now += DAY;
  const answer = await callApi(`${server.url}/${id}`);
  assert.equal(answer.status, 200);
  return answer.json as Info;
}

describe('fault partition-fails', () => {
  test("fails partition 2 by default, with Zeebe's reason and top-level failureReason", async () => {
    await withServer({ faults: ['partition-fails'] }, async (server, clock) => {
      const info = await infoAfterSettling(server, clock, 1);
      assert.equal(info.state, 'FAILED');
      assert.deepEqual(
        info.details.map((d) => d.state),
        ['COMPLETED', 'FAILED', 'COMPLETED'],
      );
      assert.equal(info.details[1]?.failureReason, 'Backup is cancelled due to leader change.');
      assert.equal(info.failureReason, 'Backup on partition 2 failed due to Backup is cancelled due to leader change.. ');
    });
  });

  test('fails the partition given as argument, and is IN_PROGRESS before it settles', async () => {
    await withServer({ faults: ['partition-fails=3'], settleMs: 100 }, async (server, clock) => {
      await takeBackup(server.url, '{"backupId": 1}');
      const early = (await callApi(`${server.url}/1`)).json as Info;
      assert.equal(early.state, 'IN_PROGRESS');
      assert.equal('failureReason' in early, false);
      clock.now += DAY;
      const info = (await callApi(`${server.url}/1`)).json as Info;
      assert.deepEqual(
        info.details.map((d) => d.state),
        ['COMPLETED', 'COMPLETED', 'FAILED'],
      );
      assert.match(info.failureReason ?? '', /^Backup on partition 3 failed due to /);
    });
  });
});

describe('fault partition-never-starts', () => {
  test('leaves the partition DOES_NOT_EXIST with only its id and state, so the backup is INCOMPLETE', async () => {
    await withServer({ faults: ['partition-never-starts'] }, async (server, clock) => {
      const info = await infoAfterSettling(server, clock, 1);
      assert.equal(info.state, 'INCOMPLETE');
      assert.deepEqual(info.details[1], { partitionId: 2, state: 'DOES_NOT_EXIST' });
      const list = (await callApi(server.url)).json as Info[];
      assert.equal(list[0]?.state, 'INCOMPLETE');
    });
  });

  test('with a single partition, the backup is unknown: 404 and not listed', async () => {
    await withServer({ partitions: 1, faults: ['partition-never-starts'] }, async (server, clock) => {
      assert.equal((await takeBackup(server.url, '{"backupId": 4}')).status, 202);
      clock.now += DAY;
      assert.equal((await callApi(`${server.url}/4`)).status, 404);
      assert.equal((await callApi(server.url)).text, '[]');
      assert.equal((await takeBackup(server.url, '{"backupId": 4}')).status, 409);
    });
  });
});

describe('fault not-configured', () => {
  test("answers every operation with 400 and Zeebe's message, after the id check of POST", async () => {
    await withServer({ faults: ['not-configured'] }, async (server) => {
      const message = 'Cannot process backup requests. No backup store is configured. To use this feature, configure backup in broker configuration.';
      const answers = [
        await takeBackup(server.url, '{"backupId": 1}'),
        await callApi(server.url),
        await callApi(`${server.url}/1`),
        await callApi(`${server.url}/1`, { method: 'DELETE' }),
      ];
      for (const answer of answers) {
        assert.equal(answer.status, 400);
        assert.deepEqual(answer.json, { message });
      }
      const zero = await takeBackup(server.url, '{"backupId": 0}');
      assert.deepEqual(zero.json, { message: 'A backupId must be provided and it must be > 0' });
      assert.equal(server.store.createdCount, 0);
    });
  });
});

describe('faults broker-unreachable and gateway-timeout', () => {
  const cases = [
    { fault: 'broker-unreachable', status: 502, prefix: 'Failed to send request from gateway to broker.' },
    { fault: 'gateway-timeout', status: 504, prefix: 'Request from gateway to broker timed out. ' },
  ] as const;
  for (const { fault, status, prefix } of cases) {
    test(`${fault} answers ${status} with Zeebe's message on every operation`, async () => {
      await withServer({ faults: [fault] }, async (server) => {
        const answers = [
          await takeBackup(server.url, '{"backupId": 1}'),
          await callApi(server.url),
          await callApi(`${server.url}/1`),
          await callApi(`${server.url}/1`, { method: 'DELETE' }),
        ];
        for (const answer of answers) {
          assert.equal(answer.status, status);
          assert.ok((answer.json as { message: string }).message.startsWith(prefix), answer.text);
        }
        assert.equal(server.store.createdCount, 0);
      });
    });
  }
});

describe('fault stuck', () => {
  test('keeps backups IN_PROGRESS however late', async () => {
    await withServer({ faults: ['stuck'] }, async (server, clock) => {
      const info = await infoAfterSettling(server, clock, 1);
      assert.equal(info.state, 'IN_PROGRESS');
      clock.now += 365 * DAY;
      assert.equal(((await callApi(`${server.url}/1`)).json as Info).state, 'IN_PROGRESS');
    });
  });
});

describe('fault slow', () => {
  const request = { seq: 1 } as ReceivedRequest;

  test('adds its argument, or 1000 ms, to the latency of every answer', () => {
    assert.equal(composeBehaviour(resolveServerOptions({ faults: ['slow=250'] })).latencyMs(request), 250);
    assert.equal(composeBehaviour(resolveServerOptions({ faults: ['slow'], latencyMs: 5 })).latencyMs(request), 1005);
    assert.equal(composeBehaviour(resolveServerOptions({})).latencyMs(request), 0);
  });

  test('still answers correctly', async () => {
    await withServer({ faults: ['slow=5'] }, async (server) => {
      assert.equal((await takeBackup(server.url, '{"backupId": 1}')).status, 202);
    });
  });

  test('holds the answer back until close, which cancels the wait and drops the connection', async () => {
    let planned!: () => void;
    const seen = new Promise<void>((resolve) => (planned = resolve));
    const server = await startReferenceServer({ faults: ['slow=600000'], intercept: (_r, p) => (planned(), p) });
    let answered = false;
    const outcome = new Promise<string>((resolve) => {
      const req = httpRequest(server.url, { agent: false }, (res) => {
        answered = true;
        res.resume();
        res.on('end', () => resolve('answered'));
      });
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      req.end();
    });
    await seen;
    // Give an answer that was not held back a turn of the event loop to arrive.
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(answered, false);
    await server.close();
    assert.equal(await outcome, 'ECONNRESET');
  });
});

describe('fault options', () => {
  test('every fault in the catalog can be turned on alone', async () => {
    for (const fault of faultCatalog) {
      await withServer({ faults: [fault.name] }, async (server) => {
        assert.ok(server.port > 0, fault.name);
      });
    }
  });

  test('rejects unknown faults and bad arguments with CONF_USAGE', () => {
    const bad = ['fire', 'partition-fails=0', 'partition-fails=4', 'partition-fails=x', 'slow=-1', 'stuck=1', 'not-configured=yes'];
    for (const spec of bad) {
      assert.throws(() => resolveServerOptions({ faults: [spec as 'stuck'] }), { name: 'ConformanceError', code: 'CONF_USAGE' }, spec);
    }
  });

  test('resolves default arguments, capped to the partition count', () => {
    assert.deepEqual(resolveServerOptions({ faults: ['partition-fails', 'slow'] }).faults, [
      { name: 'partition-fails', argument: 2 },
      { name: 'slow', argument: 1000 },
    ]);
    assert.deepEqual(resolveServerOptions({ partitions: 1, faults: ['partition-never-starts'] }).faults, [{ name: 'partition-never-starts', argument: 1 }]);
  });

  test('leaves seeded backups as they were given', async () => {
    await withServer({ faults: ['partition-fails', 'stuck'], seedBackups: [{ id: 9 }] }, async (server) => {
      assert.equal(((await callApi(`${server.url}/9`)).json as Info).state, 'COMPLETED');
    });
  });
});
