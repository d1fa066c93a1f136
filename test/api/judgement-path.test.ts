import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { runConformance } from '../../src/index.js';
import { startReferenceServer, type RunningServer } from '../../src/server/reference-server.js';
import type { ReferenceServerOptions } from '../../src/server/options.js';
import type { RunOutcome } from '../../src/run-outcome.js';

// The wrong verdicts of one meaning decided in many places, each against a server that shows it.

const servers: RunningServer[] = [];
after(() => Promise.all(servers.map((server) => server.close())));

async function runAgainst(options: ReferenceServerOptions, suites?: string[]): Promise<{ outcome: RunOutcome; server: RunningServer }> {
  const server = await startReferenceServer({ seedBackups: [{ id: 1 }, { id: 2 }], ...options });
  servers.push(server);
  const outcome = await runConformance({ target: server.url, seed: '7', ...(suites === undefined ? {} : { suites }) });
  return { outcome, server };
}

const violations = (outcome: RunOutcome): string[] => outcome.findings.filter((f) => f.verdict === 'violation').map((f) => `${f.checkId} ${f.operation}`);

describe('one judgement path', () => {
  test('a take answered 201 is accepted in every suite: the status is one fault, and every backup it created is deleted again', async () => {
    const { outcome, server } = await runAgainst({
      intercept: (request, planned) => (request.method === 'POST' && 'status' in planned && planned.status === 202 ? { ...planned, status: 201 } : planned),
    });
    assert.deepEqual(violations(outcome), ['status-code-documented POST /']);
    const fault = outcome.findings.find((f) => f.checkId === 'status-code-documented');
    assert.deepEqual(fault?.suites, ['smoke', 'stateful', 'negative']);
    for (const rule of ['take-accepted-above-highest', 'taken-backup-visible', 'deleted-backup-gone']) {
      assert.equal(outcome.rules.find((r) => r.id === rule)?.status, 'passed', rule);
    }
    const left = (await (await fetch(server.url)).json()) as { backupId: number }[];
    assert.deepEqual(
      left.map((b) => b.backupId),
      [2, 1],
      'only the backups from before the run are left',
    );
  });

  test('a rule answered only with server errors is never passed, and the coverage lists only judged answers', async () => {
    // Every GET of one backup fails: no answer could show whether an unknown id is found.
    const { outcome } = await runAgainst(
      {
        intercept: (request, planned) =>
          request.method === 'GET' && /\/backups\/[^/]+$/.test(request.path) ? { status: 500, headers: {}, json: { message: 'boom' } } : planned,
      },
      ['inventory'],
    );
    const unknown = outcome.rules.find((r) => r.id === 'unknown-backup-not-found');
    assert.equal(unknown?.status, 'not-exercised');
    assert.equal(unknown?.exercised, 0);
    assert.ok(!outcome.checks.some((entry) => entry.checkId === 'unknown-backup-not-found'));
    assert.ok(violations(outcome).includes('not-a-server-error GET /{backupId}'));
    // The discovery's list bypasses the checks: the server got two lists, the coverage counts the inventory's one.
    const observed = (operation: string, status: string) =>
      outcome.coverage?.find((c) => c.operation === operation)?.responses.find((r) => r.status === status)?.observed;
    assert.equal(observed('GET /', '200'), 1);
    assert.equal(observed('GET /{backupId}', '500'), 3);
  });
});
