import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BackupAccount, describeAccount, LONGEST_ADDRESSABLE_URL, type BackupRoutes } from '../../src/api/backup-account.js';
import type { HttpClient } from '../../src/http/client.js';
import type { Exchange } from '../../src/http/exchange.js';
import { bundledIndex } from '../helpers/bundled-index.js';

const BASE = 'http://127.0.0.1:1/actuator/backups';

function exchange(method: string, url: string, status: number, body?: string): Exchange {
  return {
    seq: 0,
    startedAt: 0,
    request: { method, url, headers: {}, ...(body === undefined ? {} : { body }) },
    response: { status, headers: {}, bodyText: '', truncated: false },
    durationMs: 0,
  } as unknown as Exchange;
}

/** A client whose every delete is answered 204, each URL kept in `sent`. */
function recordingClient(sent: string[]): Pick<HttpClient, 'send'> {
  return {
    send: async (request) => {
      sent.push(request.url);
      return exchange(request.method, request.url, 204);
    },
  };
}

async function routedAccount(): Promise<{ account: BackupAccount; routes: BackupRoutes }> {
  const index = await bundledIndex();
  const routes: BackupRoutes = {
    takeMethod: 'POST',
    takeUrl: BASE,
    idField: 'backupId',
    deleteMethod: 'DELETE',
    deleteUrlPrefix: `${BASE}/`,
    statuses: index.statuses,
  };
  const account = new BackupAccount();
  account.route(routes);
  return { account, routes };
}

test('a take a lenient server accepted is the run’s to delete whatever its id, and the sweep deletes each by its text', async () => {
  const { account } = await routedAccount();
  for (const value of ['7', '"abc"', '58.5', 'true', '" 68 "']) account.note(exchange('POST', BASE, 201, `{"backupId":${value}}`));
  assert.deepEqual(account.leftBehind, ['7', 'abc', '58.5', 'true', ' 68 ']);
  const sent: string[] = [];
  const progress: string[] = [];
  await account.sweep(recordingClient(sent), { most: 1_000, concurrency: 1 }, (message) => progress.push(message));
  assert.deepEqual(sent, [`${BASE}/7`, `${BASE}/abc`, `${BASE}/58.5`, `${BASE}/true`, `${BASE}/%2068%20`]);
  assert.deepEqual(progress, ['delete backups 7, abc, 58.5, true, " 68 ", taken by this run and not deleted yet']);
  for (const url of sent) account.note(exchange('DELETE', url, 204));
  assert.deepEqual(account.leftBehind, []);
  assert.equal(describeAccount(account, false), 'Backups: 5 taken by this run, 5 confirmed deleted.');
});

test('the sweep keeps --concurrency deletes in flight and starts them in the order the backups were taken', async () => {
  const { account } = await routedAccount();
  for (let id = 1; id <= 10; id++) account.note(exchange('POST', BASE, 202, `{"backupId":${id}}`));
  const started: string[] = [];
  let inFlightNow = 0;
  let mostInFlight = 0;
  const slowClient: Pick<HttpClient, 'send'> = {
    send: async (request) => {
      started.push(request.url);
      mostInFlight = Math.max(mostInFlight, ++inFlightNow);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlightNow--;
      return exchange(request.method, request.url, 204);
    },
  };
  await account.sweep(slowClient, { most: 8, concurrency: 3 }, () => {});
  assert.equal(mostInFlight, 3);
  assert.deepEqual(
    started,
    Array.from({ length: 8 }, (_, i) => `${BASE}/${i + 1}`),
  );
});

test('a backup whose id no URL can carry is not sent, and the summary names its length and the take that created it', async () => {
  const { account } = await routedAccount();
  const id = `9${'0'.repeat(1_048_575)}`;
  account.note(exchange('POST', BASE, 201, `{"backupId":${id}}`));
  assert.equal(account.deleteUrl(account.leftBehindBackups[0]!), undefined);
  const sent: string[] = [];
  await account.sweep(recordingClient(sent), { most: 1_000, concurrency: 4 }, () => {});
  assert.deepEqual(sent, []);
  const summary = describeAccount(account, false);
  for (const line of summary.split('\n')) assert.ok(line.length < 2_000, `a line of ${line.length} characters`);
  assert.equal(
    summary,
    [
      'Backups: 1 taken by this run, 0 confirmed deleted.',
      '  Left behind, and no request can address it: backup 9000000000000000…(1,048,576 digits), an id of 1,048,576 characters ' +
        `(a delete URL over ${LONGEST_ADDRESSABLE_URL.toLocaleString('en-US')} characters is refused by most servers); ` +
        `the server created it for POST ${BASE} {"backupId":9000000000000000…(1,048,576 digits)}`,
    ].join('\n'),
  );
});
