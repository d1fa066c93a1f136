import assert from 'node:assert/strict';
import { flag } from '../../src/flags.js';
import { describe, it, type TestContext } from 'node:test';
import { STATEFUL_IDS, type StatefulCheckId } from '../../suites/stateful/judges/stateful-properties.js';
import { resolveConfig, type RunConfig } from '../../src/config.js';
import { ConformanceError } from '../../src/errors.js';
import type { Finding } from '../../src/findings/finding.js';
import type { ReferenceServerOptions } from '../../src/server/options.js';
import type { PartitionStatus } from '../../src/server/cluster/partition-status.js';
import { startReferenceServer, type RunningServer } from '../../src/server/reference-server.js';
import { statefulScenarios } from '../../suites/stateful/commands/stateful-scenarios.js';
import { statefulSuite } from '../../suites/stateful/stateful.js';
import { eachInParallel } from '../helpers/in-parallel.js';
import { runStateful, type StatefulOutcome } from './run-stateful.js';
import { bundledIndex } from '../helpers/bundled-index.js';

async function serve(t: TestContext, options: ReferenceServerOptions = {}): Promise<RunningServer> {
  const server = await startReferenceServer(options);
  t.after(() => server.close());
  return server;
}

/** The most backups one run of the suite may take with these settings, as the suite announces it. */
async function maxBackups(url: string, stateful: Partial<RunConfig['stateful']>): Promise<number> {
  const config = resolveConfig({ target: url });
  return statefulSuite.maxBackups({ ...config, stateful: { ...config.stateful, ...stateful } }, await bundledIndex());
}

const violations = (outcome: StatefulOutcome): Finding[] => outcome.findings.filter((finding) => finding.verdict === 'violation');
const commandCount = (commands: string): number => (commands === '' ? 0 : commands.split('), ').length);

describe('the stateful suite against the reference server', () => {
  it('records no violation on 20 seeds, evaluates every rule on each, and deletes every backup it took', async (t) => {
    // A run spends most of its time waiting for backups to settle: a few seeds at once, each on its own server.
    const seeds = Array.from({ length: 20 }, (_, index) => index + 1);
    await eachInParallel(seeds, 4, async (seed) => {
      const server = await serve(t);
      const outcome = await runStateful(server.url, { seed });
      assert.deepEqual(
        violations(outcome).map((f) => `${f.checkId}: ${f.expected} / ${f.received}`),
        [],
        `seed ${seed}`,
      );
      assert.equal(server.store.size, 0, `seed ${seed} left backups behind`);
      assert.ok(server.store.createdCount <= (await maxBackups(server.url, { seed })));
      const evaluated = new Set(outcome.notes.map((note) => note.slice(note.lastIndexOf(' ') + 1)));
      assert.deepEqual(
        STATEFUL_IDS.filter((id) => !evaluated.has(id)),
        [],
        `rules not evaluated with seed ${seed}`,
      );
      await server.close();
    });
  });

  it('plays every scenario before exploring, the same on every seed, and prints the seed', async (t) => {
    const played: string[][] = [];
    for (const seed of [1, 2]) {
      const server = await serve(t);
      const outcome = await runStateful(server.url, { seed });
      const lines = outcome.progress.filter((line) => line.startsWith('scenario ') || line.startsWith('run '));
      assert.deepEqual(
        lines.slice(0, statefulScenarios.length).map((line) => line.slice(0, line.indexOf(':'))),
        statefulScenarios.map((scenario) => `scenario ${scenario.name}`),
      );
      assert.ok(outcome.progress.some((line) => line.startsWith(`seed ${seed}:`)));
      played.push(lines.slice(0, statefulScenarios.length).map((line) => line.replace(/ids above \d+/, '')));
      await server.close();
    }
    assert.deepEqual(played[0], played[1]);
  });

  it('starts no random run once --budget is spent, yet plays every scenario, evaluates every rule and says how many runs fitted', async (t) => {
    const server = await serve(t);
    const outcome = await runStateful(server.url, { seed: 1, budgetMs: 1 });
    const runs = flag('runs').default;
    assert.deepEqual(
      outcome.progress.filter((line) => line.startsWith('scenario ')).map((line) => line.slice(0, line.indexOf(':'))),
      statefulScenarios.map((scenario) => `scenario ${scenario.name}`),
    );
    assert.deepEqual(
      outcome.progress.filter((line) => /^run \d+ of/.test(line)),
      [],
    );
    assert.ok(
      outcome.progress.includes(`0 of ${runs} random runs fitted in --budget 1ms (the scenarios ran in full); a longer --budget runs the other ${runs}`),
      outcome.progress.join('\n'),
    );
    const evaluated = new Set(outcome.notes.map((note) => note.slice(note.lastIndexOf(' ') + 1)));
    assert.deepEqual(
      STATEFUL_IDS.filter((id) => !evaluated.has(id)),
      [],
      'the scenarios alone exercise every sequence rule',
    );
    assert.deepEqual(violations(outcome), []);
    assert.equal(server.store.size, 0);
  });

  it('under the default --budget runs every random run against a quick server, and notes nothing', async (t) => {
    const server = await serve(t, { settleMs: 0 });
    const outcome = await runStateful(server.url, { seed: 2 });
    const runs = flag('runs').default;
    assert.ok(outcome.progress.some((line) => line.startsWith(`run ${runs} of ${runs}:`)));
    assert.ok(!outcome.progress.some((line) => /random runs fitted/.test(line)));
  });

  it('never deletes or lists as its own a backup it did not take, and keeps its ids above them', async (t) => {
    const deleted: bigint[] = [];
    const server = await serve(t, {
      seedBackups: [{ id: 5 }, { id: 47, state: 'IN_PROGRESS' }],
      intercept: (request, planned) => {
        if (request.method === 'DELETE') deleted.push(BigInt(request.path.slice(request.path.lastIndexOf('/') + 1)));
        return planned;
      },
    });
    const outcome = await runStateful(server.url, { seed: 7 });
    assert.deepEqual(violations(outcome), []);
    assert.ok(deleted.length > 0);
    assert.deepEqual(
      deleted.filter((id) => id <= 47n),
      [],
    );
    assert.deepEqual(
      server.store.list().map((backup) => backup.id),
      [5n, 47n],
    );
  });

  it('takes no id below --id-base', async (t) => {
    const posted: bigint[] = [];
    const server = await serve(t, {
      intercept: (request, planned) => {
        if (request.method === 'POST') posted.push(BigInt((JSON.parse(request.bodyText) as { backupId: number }).backupId));
        return planned;
      },
    });
    const base = resolveConfig({ target: server.url, idBase: '5000' });
    const outcome = await runStateful(server.url, { seed: 2 }, undefined, base);
    assert.deepEqual(violations(outcome), []);
    assert.ok(posted.length > 1);
    assert.deepEqual(
      posted.filter((id) => id < 5000n),
      [],
    );
  });

  it('keeps its backups with keepBackups, and says which', async (t) => {
    const server = await serve(t);
    const outcome = await runStateful(server.url, { seed: 3, keepBackups: true });
    assert.ok(server.store.size > 0);
    assert.match(outcome.progress.at(-1) ?? '', /kept \d+ backups/);
  });

  it('moves above a deleted higher id it cannot see, without a finding', async (t) => {
    const server = await serve(t, { seedBackups: [{ id: 100 }] });
    const removal = await fetch(`${server.url}/100`, { method: 'DELETE' });
    assert.equal(removal.status, 204);
    const outcome = await runStateful(server.url, { seed: 4 });
    assert.deepEqual(
      outcome.findings.filter((f) => f.suite === 'stateful' && f.checkId.startsWith('take-')),
      [],
    );
    assert.ok(outcome.progress.some((line) => /refused with 409/.test(line)));
    assert.ok(outcome.progress.some((line) => new RegExp(`^run ${flag('runs').default} of ${flag('runs').default}`).test(line)));
  });

  it('says the sequence rules were not tested, and cannot judge, when every take is refused', async (t) => {
    const server = await serve(t, { behaviour: { decideTake: (_id, latestId) => ({ accepted: false, latestId: latestId ?? 0n }) } });
    const findings: Finding[] = [];
    await assert.rejects(
      runStateful(server.url, { seed: 1 }, undefined, undefined, findings),
      (error) => error instanceof ConformanceError && error.code === 'CONF_NOT_TESTED' && /sequence rules .* were not tested/.test(error.message),
    );
    assert.deepEqual(
      findings.filter((f) => f.verdict === 'violation'),
      [],
    );
    const [finding] = findings.filter((f) => f.checkId === 'take-accepted-above-highest');
    assert.equal(finding?.verdict, 'inconclusive');
    assert.equal(finding?.specPointer, 'spec/NOTES.md#deleted-id-reuse');
  });

  it('judges a take answered with an undocumented 2xx as accepted: the status is one fault, of status-code-documented', async (t) => {
    const server = await serve(t, {
      intercept: (request, planned) => (request.method === 'POST' && 'status' in planned && planned.status === 202 ? { ...planned, status: 200 } : planned),
    });
    const outcome = await runStateful(server.url, { seed: 1 });
    assert.deepEqual(
      violations(outcome).map((f) => `${f.checkId} ${f.operation}`),
      ['status-code-documented POST /'],
    );
    assert.equal(server.store.size, 0, 'the backups the 200s created were deleted again');
  });

  it('raises no stateful alarm when the cluster answers 503 now and then, and reports the doubt', async (t) => {
    // Every sixth request, but never a request's retry: with requests in flight together, a retry
    // may itself be a sixth, and a 503 again on retry is a fault of its own (not-a-server-error).
    const unavailable = new Set<string>();
    const server = await serve(t, {
      intercept: (request, planned) => {
        const key = `${request.method} ${request.url} ${request.bodyText}`;
        if (unavailable.delete(key) || request.seq % 6 !== 0) return planned;
        unavailable.add(key);
        return { status: 503, headers: {}, json: { message: 'Service Unavailable' } };
      },
    });
    const outcome = await runStateful(server.url, { seed: 2 });
    assert.deepEqual(
      violations(outcome).map((f) => f.checkId),
      [],
    );
    assert.ok(outcome.findings.some((f) => f.suite === 'stateful' && f.verdict === 'inconclusive' && STATEFUL_IDS.includes(f.checkId as StatefulCheckId)));
  });

  it('raises no stateful alarm after a 500, which the response checks report', async (t) => {
    const server = await serve(t, {
      intercept: (request, planned) => (request.seq % 9 === 0 ? { status: 500, headers: {}, json: { message: 'boom' } } : planned),
    });
    const outcome = await runStateful(server.url, { seed: 5 });
    assert.deepEqual([...new Set(violations(outcome).map((f) => f.checkId))], ['not-a-server-error']);
    assert.ok(
      outcome.progress.some((line) => new RegExp(`^run ${flag('runs').default} of ${flag('runs').default}`).test(line)),
      'a 500 to a listing skips a run, not the suite',
    );
  });

  it('stops between requests when interrupted, and still deletes its backups', async (t) => {
    const controller = new AbortController();
    const server = await serve(t, {
      intercept: (request, planned) => {
        if (request.seq === 25) controller.abort();
        return planned;
      },
    });
    const outcome = await runStateful(server.url, { seed: 1 }, controller.signal);
    assert.deepEqual(violations(outcome), []);
    assert.equal(server.store.size, 0);
    assert.ok(server.store.createdCount > 0);
    assert.ok(outcome.progress.includes('interrupted: no further runs'));
  });

  it('reports a backup still IN_PROGRESS after --settle-timeout once, as a violation, without waiting again', async (t) => {
    const server = await serve(t, { faults: ['stuck'] });
    const outcome = await runStateful(server.url, { seed: 1, settleTimeoutMs: 300 });
    const stuck = outcome.findings.filter((f) => f.checkId === 'backup-settles');
    assert.equal(stuck.length, 1);
    assert.equal(stuck[0]?.verdict, 'violation');
    assert.match(stuck[0]?.received ?? '', /still IN_PROGRESS/);
    assert.ok(stuck[0]!.reproduction.curl.length > 1, 'reproduced by the run so far');
    assert.deepEqual(
      violations(outcome).map((f) => f.checkId),
      ['backup-settles'],
    );
    assert.equal(server.store.size, 0);
  });

  it('never judges an id refused with 409, which may leave a partial backup behind', async (t) => {
    // As with partitions that disagree on their latest checkpoint: a refused id shows up INCOMPLETE.
    const refused = new Set<number>();
    const partial = (backupId: number) => ({
      backupId,
      state: 'INCOMPLETE',
      details: [{ partitionId: 1, state: 'IN_PROGRESS' }, ...[2, 3].map((partitionId) => ({ partitionId, state: 'DOES_NOT_EXIST' }))],
    });
    const server = await serve(t, {
      intercept: (request, planned) => {
        if (!('status' in planned)) return planned;
        if (request.method === 'POST' && planned.status === 409) {
          const id = (JSON.parse(request.bodyText) as { backupId: number }).backupId;
          if (server.store.get(BigInt(id)) === undefined) refused.add(id);
        }
        if (request.method === 'GET' && request.path !== new URL(server.url).pathname && planned.status === 404) {
          const id = Number(request.path.slice(request.path.lastIndexOf('/') + 1));
          if (refused.has(id)) return { status: 200, headers: {}, json: partial(id) };
        }
        if (request.method === 'GET' && request.path === new URL(server.url).pathname && 'json' in planned && Array.isArray(planned.json)) {
          return { ...planned, json: [...planned.json, ...[...refused].map(partial)] };
        }
        return planned;
      },
    });
    const outcome = await runStateful(server.url, { seed: 3, runs: 20 });
    assert.ok(refused.size > 0, 'the runs took refused ids');
    assert.deepEqual(
      violations(outcome)
        .filter((f) => f.suite === 'stateful' && STATEFUL_IDS.includes(f.checkId as StatefulCheckId))
        .map((f) => `${f.checkId}: ${f.received}`),
      [],
    );
  });

  it('reads pre-existing backups again at the end, and sees one that left the list while GET finds it', async (t) => {
    let lists = 0;
    const server = await serve(t, {
      seedBackups: [{ id: 5 }, { id: 7, state: 'IN_PROGRESS' }],
      behaviour: (base) => ({ orderList: (views) => (++lists > 2 ? base.orderList(views).filter((view) => view.backupId !== 5n) : base.orderList(views)) }),
    });
    const outcome = await runStateful(server.url, { seed: 3 });
    assert.ok(outcome.progress.some((line) => /^closing sweep: \d+ backups/.test(line)));
    const [finding] = violations(outcome).filter((f) => f.checkId === 'list-holds-live-backups');
    assert.match(finding?.expected ?? '', /backup 5 listed/);
    assert.ok(finding !== undefined && finding.reproduction.curl.some((line) => line.endsWith('/5')));
    assert.deepEqual(
      server.store.list().map((backup) => backup.id),
      [5n, 7n],
    );
  });

  it('catches a duplicate accepted when two takes of one id race, with both takes in the curl lines', async (t) => {
    const inFlight = new Set<string>();
    const server = await serve(t, {
      intercept: async (request, planned) => {
        if (request.method !== 'POST' || !('status' in planned)) return planned;
        const id = String((JSON.parse(request.bodyText) as { backupId: number }).backupId);
        if (planned.status === 409 && inFlight.has(id)) return { status: 202, headers: {}, json: { message: 'scheduled' } };
        if (planned.status !== 202) return planned;
        inFlight.add(id);
        await new Promise((resolve) => setTimeout(resolve, 15));
        inFlight.delete(id);
        return planned;
      },
    });
    const outcome = await runStateful(server.url, { seed: 1 });
    const caught = violations(outcome).find((f) => f.checkId === 'take-conflict-not-above-highest');
    assert.match(caught?.received ?? '', /202 and 202 for two takes of backup \d+ sent at once/);
    const id = /backup (\d+)/.exec(caught?.received ?? '')?.[1];
    // Both takes are in the reproduction: two lines, or one marked as sent twice.
    const takes = caught?.reproduction.curl.filter((line) => line.includes(`"backupId":${id}}`)) ?? [];
    assert.ok(takes.length === 2 || (takes.length === 1 && /sent this 2 times/.test(takes[0] ?? '')), takes.join('\n'));
    assert.match(caught?.reproduction.replay?.commands ?? '', /TakeAtOnce\(\+\d+ = (\d+), \+\d+ = \1\)/);
  });

  it('refuses a replay path without its seed', async (t) => {
    const server = await serve(t);
    await assert.rejects(runStateful(server.url, { path: '3:1' }), (error) => error instanceof ConformanceError && error.code === 'CONF_USAGE');
  });
});

/** A server with one fault, the check that must catch it, and the settings that make it quick. */
interface FaultCase {
  readonly name: string;
  readonly checkId: string;
  readonly server: () => ReferenceServerOptions;
  readonly stateful?: Partial<RunConfig['stateful']>;
}

const alternating = (): ReferenceServerOptions => {
  const reads = new Map<bigint, number>();
  return {
    settleMs: 0,
    behaviour: (base) => ({
      partitionStates: (backup, now) => {
        const count = (reads.get(backup.id) ?? 0) + 1;
        reads.set(backup.id, count);
        return base
          .partitionStates(backup, now)
          .map((status): PartitionStatus => (count % 2 === 0 && status.state === 'COMPLETED' ? { ...status, state: 'IN_PROGRESS' } : status));
      },
    }),
  };
};

const faults: readonly FaultCase[] = [
  {
    name: 'a list in ascending order',
    checkId: 'list-sorted-descending',
    server: () => ({ behaviour: { orderList: (views) => [...views].sort((a, b) => (a.backupId < b.backupId ? -1 : 1)) } }),
  },
  {
    name: 'a duplicate id accepted',
    checkId: 'take-conflict-not-above-highest',
    server: () => ({
      behaviour: (base) => ({ decideTake: (id, latestId) => (latestId !== undefined && id === latestId ? { accepted: true } : base.decideTake(id, latestId)) }),
    }),
  },
  {
    name: 'a lower id accepted',
    checkId: 'take-conflict-not-above-highest',
    server: () => ({
      behaviour: (base) => ({ decideTake: (id, latestId) => (latestId !== undefined && id < latestId ? { accepted: true } : base.decideTake(id, latestId)) }),
    }),
  },
  {
    name: 'an id far above the highest refused',
    checkId: 'take-accepted-above-highest',
    server: () => ({
      behaviour: (base) => ({
        decideTake: (id, latestId) => (latestId !== undefined && id > latestId + 3n ? { accepted: false, latestId } : base.decideTake(id, latestId)),
      }),
    }),
  },
  {
    name: 'a delete answered but not done',
    checkId: 'deleted-backup-gone',
    server: () => ({ behaviour: { onDelete: () => undefined } }),
    stateful: { settleTimeoutMs: 300 },
  },
  {
    name: 'an aggregation that hides a FAILED partition',
    checkId: 'backup-state-aggregated',
    server: () => ({
      faults: ['partition-fails=2'],
      behaviour: (base) => ({ aggregate: (states) => base.aggregate(states.map((state) => (state === 'FAILED' ? 'COMPLETED' : state))) }),
    }),
  },
  {
    name: 'a partition missing from the details of some backups',
    checkId: 'partition-set-stable',
    server: () => ({
      behaviour: (base) => ({
        partitionStates: (backup, now) => base.partitionStates(backup, now).filter((status) => backup.id % 2n !== 0n || status.partitionId !== 3),
      }),
    }),
  },
  {
    name: 'a backup that never appears after its 202',
    checkId: 'backup-settles',
    server: () => ({
      behaviour: (base) => ({
        planBackup: (id, takenAt, previous) => {
          const backup = base.planBackup(id, takenAt, previous);
          return { ...backup, partitions: backup.partitions.map((plan) => ({ ...plan, startsAfterMs: Infinity })) };
        },
      }),
    }),
    stateful: { settleTimeoutMs: 300 },
  },
  {
    name: 'checkpoint positions falling as ids grow',
    checkId: 'checkpoint-position-monotonic',
    server: () => ({
      behaviour: (base) => ({
        planBackup: (id, takenAt, previous) => {
          const backup = base.planBackup(id, takenAt, previous);
          return { ...backup, partitions: backup.partitions.map((plan) => ({ ...plan, checkpointPosition: 1_000_000n - id })) };
        },
      }),
    }),
  },
  { name: 'a COMPLETED backup reported IN_PROGRESS again', checkId: 'state-transition-allowed', server: alternating },
  {
    name: 'GET answering with another backup',
    checkId: 'get-returns-requested-backup',
    server: () => ({ behaviour: (base) => ({ renderBackupInfo: (view) => base.renderBackupInfo({ ...view, backupId: view.backupId + 1n }) }) }),
  },
  {
    name: 'a backup never taken found',
    checkId: 'unknown-backup-not-found',
    server: () => {
      const posted = new Set<string>();
      return {
        intercept: (request, planned) => {
          const id =
            request.method === 'POST'
              ? String((JSON.parse(request.bodyText) as { backupId: number }).backupId)
              : request.path.slice(request.path.lastIndexOf('/') + 1);
          if (request.method === 'POST') posted.add(id);
          const never = request.method === 'GET' && 'status' in planned && planned.status === 404 && !posted.has(id);
          return never
            ? {
                status: 200,
                headers: {},
                json: { backupId: Number(id), state: 'COMPLETED', details: [1, 2, 3].map((partitionId) => ({ partitionId, state: 'COMPLETED' })) },
              }
            : planned;
        },
      };
    },
  },
  {
    name: 'a list that leaves out the lowest backup',
    checkId: 'list-holds-live-backups',
    server: () => ({ behaviour: (base) => ({ orderList: (views) => base.orderList(views).slice(0, -1) }) }),
  },
];

describe('the stateful suite catches each fault with a short reproduction', () => {
  for (const fault of faults) {
    it(`${fault.name}: ${fault.checkId}`, async (t) => {
      const server = await serve(t, fault.server());
      // More runs than the default, so that each fault is found whatever the generator's odds.
      const stateful = { seed: 1, runs: 40, ...fault.stateful };
      const outcome = await runStateful(server.url, stateful);
      const caught = outcome.findings.find((f) => f.checkId === fault.checkId && f.verdict === 'violation' && f.reproduction.replay !== undefined);
      assert.ok(caught, `not caught; found: ${outcome.findings.map((f) => f.checkId).join(', ')}`);
      const replay = caught.reproduction.replay;
      assert.ok(replay !== undefined && replay.seed === 1 && /^\d+(:\d+)*$/.test(replay.path));
      // A scenario is replayed whole, by its index (`--path 2`); an explored sequence is shrunk.
      const scenario = /^scenario ([a-z-]+): /.exec(replay.commands)?.[1];
      if (scenario === undefined) assert.ok(commandCount(replay.commands) >= 1 && commandCount(replay.commands) <= 5, replay.commands);
      else assert.equal(statefulScenarios[Number(replay.path.split(':')[0])]?.name, scenario);
      assert.ok(caught.reproduction.curl.length >= 2 && caught.reproduction.curl.every((line) => line.startsWith('curl ')));
      assert.equal(caught.suite, 'stateful');
      assert.ok(caught.specPointer !== undefined && caught.specPointer.length > 0);
      assert.ok(server.store.createdCount <= (await maxBackups(server.url, stateful)), `${server.store.createdCount} backups`);
    });
  }

  it('replays a failure from its seed and path alone', async (t) => {
    const fault = faults.find((f) => f.name === 'a lower id accepted') as FaultCase;
    const first = await serve(t, fault.server());
    const found = (await runStateful(first.url, { seed: 11 })).findings.find((f) => f.checkId === fault.checkId)?.reproduction.replay;
    assert.ok(found !== undefined);
    const second = await serve(t, fault.server());
    const replayed = await runStateful(second.url, { seed: found.seed, path: found.path });
    const again = replayed.findings.find((f) => f.checkId === fault.checkId)?.reproduction.replay;
    // Ids are relative to each run's base, which depends on what the server held before.
    const offsets = (commands: string | undefined): string | undefined => commands?.replace(/ = \d+/g, '');
    assert.ok(again !== undefined);
    assert.equal(offsets(again.commands), offsets(found.commands));
    assert.ok(replayed.progress.filter((line) => line.startsWith('run ') || line.startsWith('scenario ')).length === 1, 'a replay is one run');
  });
});
