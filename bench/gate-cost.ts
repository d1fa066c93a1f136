import { setTimeout as sleep } from 'node:timers/promises';
import { BackupAccount } from '../src/api/backup-account.js';
import { resolveConfig } from '../src/config.js';
import { runConformance } from '../src/run.js';
import type { ReferenceServerOptions } from '../src/server/options.js';
import { startReferenceServer } from '../src/server/reference-server.js';
import { below, round, type BenchResult } from './bench-result.js';

/** A server a release gate meets, and what a default run against it should cost (the gate-cost issue's table). */
interface GateRow {
  readonly name: string;
  readonly server: ReferenceServerOptions;
  readonly targetS: number;
}

const DELETE_DELAY_MS = 800;

const ROWS: readonly GateRow[] = [
  { name: 'answers at once, backups complete in 150 ms', server: { settleMs: 150, jitterMs: 0 }, targetS: 1.5 },
  { name: 'answers at once, backups complete in 5 s', server: { settleMs: 5_000, jitterMs: 0 }, targetS: 15 },
  { name: 'answers in 150 ms, backups complete in 1.5 s', server: { latencyMs: 150, settleMs: 1_500, jitterMs: 0 }, targetS: 20 },
  {
    name: `DELETE answers after ${DELETE_DELAY_MS} ms`,
    server: {
      intercept: async (request, planned) => {
        if (request.method === 'DELETE') await sleep(DELETE_DELAY_MS);
        return planned;
      },
    },
    targetS: 10,
  },
];

/** The most backups a gate run should take, and the most ids per backup it should use up. */
const MAX_BACKUPS = 15;
const IDS_PER_BACKUP = 2;

/**
 * A whole default run (every suite, seed 1) against each kind of server a gate meets: its wall
 * time, the backups it took (the run's own account of them) and the ids it used up (the highest id
 * taken: the servers start empty, and no id at or below the highest can be taken again).
 */
export async function benchGateCost(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const row of ROWS) {
    const server = await startReferenceServer(row.server);
    const account = new BackupAccount();
    const started = performance.now();
    try {
      await runConformance(resolveConfig({ target: server.url, seed: '1' }), { account });
    } finally {
      await server.close();
    }
    const seconds = (performance.now() - started) / 1000;
    const highest = account.taken.reduce((max, id) => (id > max ? id : max), 0n);
    results.push(
      below(`gate run, ${row.name}`, seconds, 's', row.targetS),
      below(`gate run, ${row.name}: backups taken`, account.takenCount, 'backups', MAX_BACKUPS + 1),
      { name: `gate run, ${row.name}: ids used up (target ≤ ${IDS_PER_BACKUP} × backups)`, value: round(Number(highest), 0), unit: 'ids' },
    );
  }
  return results;
}
