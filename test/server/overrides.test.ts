import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { describe, test } from 'node:test';
import type { ReferenceServerOptions } from '../../src/server/options.js';
import { startReferenceServer, type RunningServer } from '../../src/server/reference-server.js';
import { callApi, takeBackup } from './call-api.js';

// Faulty servers for the mutant catalog, each a few lines over the reference server. These tests
// prove that every seam they rely on changes what a client sees.

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);

interface Info {
  backupId: number;
  state: string;
  failureReason?: string;
  details: { partitionId: number }[];
}

async function withServer(options: ReferenceServerOptions, body: (server: RunningServer) => Promise<void>): Promise<void> {
  const server = await startReferenceServer({ now: () => T0, settleMs: 0, ...options });
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

describe('behaviour overrides', () => {
  test('list ascending', async () => {
    const listAscending: ReferenceServerOptions = {
      behaviour: { orderList: (views) => [...views].sort((a, b) => (a.backupId < b.backupId ? -1 : 1)) },
    };
    await withServer(listAscending, async (server) => {
      for (const id of [1, 2, 3]) await takeBackup(server.url, `{"backupId": ${id}}`);
      assert.deepEqual(
        ((await callApi(server.url)).json as Info[]).map((b) => b.backupId),
        [1, 2, 3],
      );
    });
  });

  test('accept duplicate id', async () => {
    const acceptDuplicates: ReferenceServerOptions = { behaviour: { decideTake: () => ({ accepted: true }) } };
    await withServer(acceptDuplicates, async (server) => {
      assert.equal((await takeBackup(server.url, '{"backupId": 5}')).status, 202);
      assert.equal((await takeBackup(server.url, '{"backupId": 5}')).status, 202);
      assert.equal((await takeBackup(server.url, '{"backupId": 4}')).status, 202);
      assert.equal(server.store.createdCount, 3);
    });
  });

  test('aggregation hides FAILED', async () => {
    const hideFailed: ReferenceServerOptions = {
      faults: ['partition-fails'],
      behaviour: (base) => ({ aggregate: (states) => base.aggregate(states.map((s) => (s === 'FAILED' ? 'COMPLETED' : s))) }),
    };
    await withServer(hideFailed, async (server) => {
      await takeBackup(server.url, '{"backupId": 1}');
      const info = (await callApi(`${server.url}/1`)).json as Info;
      assert.equal(info.state, 'COMPLETED');
      assert.equal(info.failureReason, undefined);
      assert.match(JSON.stringify(info.details), /"state":"FAILED"/);
    });
  });

  test('delete answered but not done', async () => {
    await withServer({ behaviour: { onDelete: () => undefined } }, async (server) => {
      await takeBackup(server.url, '{"backupId": 1}');
      assert.equal((await callApi(`${server.url}/1`, { method: 'DELETE' })).status, 204);
      assert.equal((await callApi(`${server.url}/1`)).status, 200);
    });
  });

  test('a partition missing from details', async () => {
    const dropFirst: ReferenceServerOptions = { behaviour: (base) => ({ partitionStates: (b, now) => base.partitionStates(b, now).slice(1) }) };
    await withServer(dropFirst, async (server) => {
      await takeBackup(server.url, '{"backupId": 1}');
      assert.deepEqual(
        ((await callApi(`${server.url}/1`)).json as Info).details.map((d) => d.partitionId),
        [2, 3],
      );
    });
  });

  test('an explicit undefined leaves the piece in place', async () => {
    await withServer({ behaviour: { orderList: undefined } }, async (server) => {
      for (const id of [1, 2]) await takeBackup(server.url, `{"backupId": ${id}}`);
      assert.deepEqual(
        ((await callApi(server.url)).json as Info[]).map((b) => b.backupId),
        [2, 1],
      );
    });
  });

  test('a piece that throws becomes a 500 with its message', async () => {
    const broken: ReferenceServerOptions = {
      behaviour: {
        aggregate: () => {
          throw new Error('state unknown');
        },
      },
    };
    await withServer(broken, async (server) => {
      await takeBackup(server.url, '{"backupId": 1}');
      const answer = await callApi(`${server.url}/1`);
      assert.equal(answer.status, 500);
      assert.deepEqual(answer.json, { message: 'state unknown' });
    });
  });
});

describe('intercept', () => {
  test('answers 418 to every fifth request', async () => {
    const teapot: ReferenceServerOptions = {
      intercept: (request, planned) => (request.seq % 5 === 0 ? { status: 418, headers: {}, json: { message: 'teapot' } } : planned),
    };
    await withServer(teapot, async (server) => {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await callApi(server.url)).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 418, 200, 200, 200, 200, 418]);
    });
  });

  test('may be async and change headers and body', async () => {
    const stamped: ReferenceServerOptions = {
      intercept: async (_request, planned) =>
        'status' in planned ? { ...planned, headers: { ...planned.headers, 'x-stamp': 'yes' }, json: undefined, text: 'plain' } : planned,
    };
    await withServer(stamped, async (server) => {
      const answer = await callApi(server.url);
      assert.equal(answer.headers['x-stamp'], 'yes');
      assert.equal(answer.text, 'plain');
    });
  });

  test('destroy resets the connection without an answer', async () => {
    await withServer({ intercept: () => ({ destroy: true }) }, async (server) => {
      await assert.rejects(callApi(server.url), { code: 'ECONNRESET' });
    });
  });

  test('hang never answers; close drops the connection', async () => {
    let seen!: () => void;
    const hung = new Promise<void>((resolve) => (seen = resolve));
    const server = await startReferenceServer({
      intercept: (request, planned) => (request.method === 'GET' ? (seen(), { hang: true }) : planned),
    });
    let answered = false;
    const outcome = new Promise<string>((resolve) => {
      const req = httpRequest(server.url, { agent: false }, () => {
        answered = true;
        resolve('answered');
      });
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      req.end();
    });
    await hung;
    // Had the GET not hung, its answer would have been written before this request was sent.
    assert.equal((await takeBackup(server.url, '{"backupId": 1}')).status, 202);
    assert.equal(answered, false);
    await server.close();
    assert.equal(await outcome, 'ECONNRESET');
  });
});
