import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startReferenceServer } from '../../src/server/reference-server.js';
import type { JsonValue } from '../../src/server/rendering/json-value.js';
import { runStateful } from './run-stateful.js';

// Issue of cost: a backup whose state is none the spec's lifecycle has can never be judged to
// settle, so the suite stops waiting for it at once instead of polling it for the whole
// --settle-timeout (60 s by default).
test('a backup reported in a state the lifecycle has no place for is not polled until the settle timeout', async () => {
  const polls = new Map<string, number>();
  const server = await startReferenceServer({
    settleMs: 0,
    behaviour: (base) => ({
      renderBackupInfo: (view) => ({ ...(base.renderBackupInfo(view) as Record<string, JsonValue>), state: view.state === 'COMPLETED' ? 'DONE' : view.state }),
    }),
    intercept: (request, planned) => {
      if (request.method === 'GET' && /\/backups\/\d+$/.test(request.path)) polls.set(request.path, (polls.get(request.path) ?? 0) + 1);
      return planned;
    },
  });
  try {
    const outcome = await runStateful(server.url, { seed: 1, runs: 1, settleTimeoutMs: 60_000 });
    const settles = outcome.findings.filter((f) => f.checkId === 'backup-settles');
    assert.ok(settles.length > 0, outcome.findings.map((f) => f.checkId).join(', '));
    assert.ok(
      settles.every((f) => f.verdict === 'inconclusive' && /state "DONE", which no state of the spec's lifecycle is/.test(f.received)),
      settles[0]?.received,
    );
    // Each await looks once and stops: a backup is read by a few commands, never polled on and on.
    const most = Math.max(...polls.values());
    assert.ok(most <= 12, `one backup was read ${most} times: ${[...polls].map(([path, n]) => `${path} ${n}`).join(', ')}`);
    assert.ok(
      outcome.findings.some((f) => f.checkId === 'response-schema-valid' && f.verdict === 'violation'),
      'the state itself is the schema check’s',
    );
  } finally {
    await server.close();
  }
});
