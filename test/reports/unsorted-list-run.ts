import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReports } from '../../reports/write-reports.js';
import { resolveConfig } from '../../src/config.js';
import type { RunOutcome } from '../../src/run-outcome.js';
import { runConformance } from '../../src/run.js';
import { startReferenceServer } from '../../src/server/reference-server.js';

/**
 * A real smoke run against a server that lists its backups ascending (one violation, a few backups
 * in the timeline), with its reports written to a fresh folder the caller removes.
 */
export async function unsortedListRun(): Promise<{ dir: string; outcome: RunOutcome }> {
  const dir = await mkdtemp(join(tmpdir(), 'conformance-html-'));
  const server = await startReferenceServer({
    settleMs: 0,
    seedBackups: [{ id: 1 }, { id: 2 }],
    behaviour: { orderList: (views) => [...views].sort((a, b) => (a.backupId < b.backupId ? -1 : 1)) },
  });
  let outcome: RunOutcome;
  try {
    outcome = await runConformance(resolveConfig({ target: server.url, suites: ['smoke'] }));
  } finally {
    await server.close();
  }
  await writeReports(dir, outcome);
  return { dir, outcome };
}
