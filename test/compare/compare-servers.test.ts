import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, test } from 'node:test';
import { compareServers, type CompareOptions } from '../../src/compare/compare-servers.js';
import { compareServers as compareServersFromCode } from '../../src/index.js';
import type { Difference } from '../../src/compare/diff-traces.js';
import { DEFAULTS, resolveConfig } from '../../src/config.js';
import { formatCompare } from '../../src/compare/format-compare.js';
import type { PlannedResponse } from '../../src/server/endpoints/planned-response.js';
import { startReferenceServer } from '../../src/server/reference-server.js';
import type { ReferenceServerOptions } from '../../src/server/options.js';
import type { BehaviourOverride } from '../../src/server/behaviour/behaviour.js';
import { quirkProfiles } from '../../src/server/behaviour/quirk-profiles.js';

/** The run's defaults, where a compare needs the same. */
const defaults = resolveConfig({});

const servers: { close(): Promise<void> }[] = [];
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function serve(options: ReferenceServerOptions = {}): Promise<URL> {
  // Backups take 300 ms to settle (the start window of the 8.5 quirks as long): the first GET after a take
  // sees them on the way even on a loaded machine, so "the states on the way" read the same on every run.
  const server = await startReferenceServer({ settleMs: 300, jitterMs: 10, startWindowMs: 300, seedBackups: [{ id: 1 }, { id: 2 }], ...options });
  servers.push(server);
  return new URL(server.url);
}

function options(a: URL, b: URL, more: Partial<CompareOptions> = {}): CompareOptions {
  return {
    target: { url: a, headers: {} },
    against: { url: b, headers: {} },
    specPath: DEFAULTS.specPath,
    timeoutMs: 5_000,
    maxBodyBytes: defaults.maxBodyBytes,
    settleTimeoutMs: 2_000,
    redactedHeaders: new Set(['authorization']),
    consent: false,
    ...more,
  };
}

const aspects = (differences: readonly Difference[]) => differences.map((d) => `${d.aspect}: ${d.a} / ${d.b}`);

describe('conformance compare', () => {
  test('the reference server against itself differs in nothing, five times over, on its own ids each time, and leaves nothing behind', async () => {
    const url = await serve();
    for (let round = 0; round < 5; round++) {
      const outcome = await compareServers(options(url, url));
      assert.deepEqual(aspects(outcome.differences), [], `round ${round + 1}`);
      assert.ok(BigInt(outcome.b.base) > BigInt(outcome.a.base), `${outcome.a.base} then ${outcome.b.base}`);
      assert.equal(outcome.a.steps.length, outcome.steps);
      assert.deepEqual([...outcome.a.leftBehind, ...outcome.b.leftBehind], []);
    }
  });

  test('two reference servers whose backups from before have other ids differ in nothing', async () => {
    const outcome = await compareServers(options(await serve({ seedBackups: [{ id: 3 }] }), await serve({ seedBackups: [{ id: 500 }, { id: 7000 }] })));
    assert.deepEqual(aspects(outcome.differences), []);
  });

  test('the Zeebe 8.5 quirks are exactly its quirks, one difference each, each under a name a reader recognises', async () => {
    const outcome = await compareServers(options(await serve(), await serve({ quirks: 'zeebe-8.5' })));
    const heads = (outcome.differences as readonly Difference[]).map((d) => `${d.aspect}: ${d.a} / ${d.b}`);
    const expected: Record<(typeof quirkProfiles)['zeebe-8.5'][number], RegExp> = {
      'no-broker-id': /^field \.details\[\]\.brokerId: number \/ \(absent\)$/,
      'details-topology-order': /^order \.details\[\]\.partitionId: ascending \/ unordered$/,
      'start-window': /^answers on the way: IN_PROGRESS → COMPLETED \/ not-found → INCOMPLETE → IN_PROGRESS → COMPLETED$/,
      'list-unsorted': /^order \[\]\.backupId: descending \/ ascending$/,
      'actuator-media-type': /^media type: application\/json \/ application\/vnd\.spring-boot\.actuator\.v3\+json$/,
      'spring-error-bodies':
        /^fields: \.message \(string\) \/ \.timestamp \(string\), \.path \(string\), \.status \(number\), \.error \(string\), \.requestId \(string\)$/,
      'string-ids': /^status: 400 \/ 202$/,
    };
    assert.deepEqual(Object.keys(expected).sort(), [...quirkProfiles['zeebe-8.5']].sort(), 'one expected difference per quirk of the profile');
    const unmatched = Object.entries(expected).filter(([, pattern]) => heads.filter((head) => pattern.test(head)).length !== 1);
    assert.deepEqual(
      unmatched.map(([quirk]) => quirk),
      [],
      heads.join('\n'),
    );
    assert.equal(heads.length, quirkProfiles['zeebe-8.5'].length, `nothing but the quirks:\n${heads.join('\n')}`);
    // The takes of string ids the candidate accepted show again in the later lists: there, they follow from those takes.
    const stringIds = outcome.differences.find((d) => d.aspect === 'status')!;
    assert.ok(
      stringIds.steps.length > 0 && stringIds.steps.every((step) => / as a (numeric|hexadecimal) string/.test(step.label)),
      stringIds.steps.map((step) => step.label).join(', '),
    );
    assert.ok(
      stringIds.followOns.some((f) => f.aspect === 'count of the entries'),
      JSON.stringify(stringIds.followOns),
    );
    // The README shows this comparison as the console prints it (less the two lines naming the targets' URLs).
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const shown = /with the Zeebe 8\.5 quirks \(`conformance serve[\s\S]*?```text\n([\s\S]*?)\n```/.exec(readme)?.[1];
    const printed = formatCompare(outcome)
      .split('\n')
      .filter((line) => !/^[AB] {2}/.test(line))
      .join('\n');
    assert.equal(printed, shown, 'the README shows what the compare prints');
  });

  test('a fault of one answer shows at the step that met it, with both sides reproducible', async () => {
    const notFoundAsText = (_request: unknown, planned: PlannedResponse): PlannedResponse =>
      'status' in planned && planned.status === 404 ? { status: 404, headers: { 'content-type': 'text/plain' }, text: 'Not Found' } : planned;
    const outcome = await compareServers(options(await serve(), await serve({ intercept: notFoundAsText })));
    const mediaType = outcome.differences.find((d) => d.aspect === 'media type');
    assert.ok(mediaType, aspects(outcome.differences).join('\n'));
    assert.deepEqual([mediaType.a, mediaType.b], ['application/json', 'text/plain']);
    const step = mediaType.steps.find((s) => s.label === 'get +9, never taken');
    assert.ok(step, mediaType.steps.map((s) => s.label).join(', '));
    assert.match(step.curlA.join('\n'), /^curl .*-X GET|^curl /);
    assert.notEqual(step.curlA.join(), step.curlB.join(), 'each side is addressed at its own URL');
  });

  test('a noise target drops what differs by chance and keeps a real difference', async () => {
    // Every message ends in the server's own word, as texts that carry a node name or a request id
    // differ from one instance of a release to the next.
    const jitter =
      (word: string) =>
      (_request: unknown, planned: PlannedResponse): PlannedResponse => {
        if (!('status' in planned) || planned.json === undefined || planned.json === null || typeof planned.json !== 'object' || Array.isArray(planned.json))
          return planned;
        return 'message' in planned.json ? { ...planned, json: { ...planned.json, message: `${String(planned.json['message'])} (${word})` } } : planned;
      };
    const ascending: BehaviourOverride = { orderList: (views) => [...views].sort((x, y) => (x.backupId < y.backupId ? -1 : 1)) };
    const a = await serve({ intercept: jitter('alpha') });
    const noise = await serve({ intercept: jitter('beta') });
    const b = await serve({ intercept: jitter('gamma'), behaviour: ascending });
    const noisy = await compareServers(options(a, b));
    assert.ok(
      noisy.differences.some((d) => d.aspect === 'value .message'),
      'without noise, the jitter shows',
    );
    const quiet = await compareServers(options(a, b, { noise: { url: noise, headers: {} } }));
    assert.deepEqual(aspects(quiet.differences), ['order [].backupId: descending / ascending']);
    assert.equal(quiet.noise.length, 1);
  });

  test('from the package entry, the options are given as on the command line and checked the same way', async () => {
    const url = (await serve()).href;
    const outcome = await compareServersFromCode({ target: url, against: url, settleTimeout: '2s', noisePass: true });
    assert.deepEqual(aspects(outcome.differences), []);
    assert.equal(outcome.noise.length, 1);
    await assert.rejects(compareServersFromCode({ target: url, against: url, timeout: 'soon' }), { name: 'ConformanceError', code: 'CONF_USAGE' });
  });

  test('a target that is not on this machine is not touched without consent', async () => {
    const local = await serve();
    await assert.rejects(compareServers(options(local, new URL('http://192.0.2.1:9600'))), (error: Error) => {
      assert.match(error.message, /^Refusing to take and delete backups on 192\.0\.2\.1:9600 without consent: .* Add --yes to agree\.$/);
      return true;
    });
  });
});
