import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { valueAt } from '../../src/spec/prose-rules.js';
import { rules } from '../../src/rules/rules.js';
import { startReferenceServer } from '../../src/server/reference-server.js';
import { loadSpec } from '../../src/spec/load-spec.js';
import { runCli } from '../helpers/run-cli.js';
import { DEFAULTS } from '../../src/config.js';
import { renamedPathsSpec } from '../rules/rules.test.js';

const servers: { close(): Promise<void> }[] = [];
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('conformance rules', () => {
  test('--json lists every rule with id, title, severity and a pointer into the bundled spec', async () => {
    const result = await runCli(['rules', '--json'], { out: false });
    assert.equal(result.code, 0, result.stderr);
    const listed = (JSON.parse(result.stdout) as { rules: { id: string; title: string; severity: string; specPointer: string }[] }).rules;
    assert.deepEqual(
      listed.map((r) => r.id),
      rules.map((r) => r.id),
    );
    for (const r of listed) {
      assert.ok(r.title.length > 0 && ['critical', 'high', 'medium', 'low'].includes(r.severity), r.id);
      assert.match(r.specPointer, /^#\//);
    }
  });

  test('for people: each rule with its severity, the sentence it enforces and its suites', async () => {
    const result = await runCli(['rules'], { out: false });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^28 rules: 11 applied to every response, 17 judged across requests\./);
    assert.match(
      result.stdout,
      /list-sorted-descending \[medium\]: The backup list is sorted by backupId, highest first\n {2}spec: {3}#\/paths\/~1\/get\/description “sorted in descending order of backupId”/,
    );
  });

  test('--json maps every sentence of the bundled spec to rules of the catalogue or to a spec/NOTES.md section', async () => {
    const result = await runCli(['rules', '--json'], { out: false });
    assert.equal(result.code, 0, result.stderr);
    const { sentences } = JSON.parse(result.stdout) as {
      sentences: { pointer: string; text: string; enforcedBy?: string[]; note?: string; undecided?: true }[];
    };
    const ids = new Set<string>(rules.map((r) => r.id));
    assert.ok(sentences.some((s) => s.text === "If one is 'FAILED', then the overall state is 'FAILED'." && s.enforcedBy?.includes('backup-state-aggregated')));
    assert.ok(sentences.some((s) => s.text.startsWith('Backup is not enabled') && s.note === 'spec/NOTES.md#backups-not-configured'));
    for (const s of sentences) {
      assert.match(s.pointer, /^#\/(paths|components)\//);
      assert.equal(s.undecided, undefined, s.text);
      assert.ok(s.note !== undefined || (s.enforcedBy !== undefined && s.enforcedBy.length > 0 && s.enforcedBy.every((id) => ids.has(id))), s.text);
    }
  });

  test('a sentence of a loaded document that nothing decides is listed as undecided', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conformance-sentences-'));
    const specPath = join(dir, 'with-new-sentence.yaml');
    const bundled = await readFile(DEFAULTS.specPath, 'utf8');
    const sentence = 'sorted in descending order of backupId.';
    assert.ok(bundled.includes(sentence));
    await writeFile(specPath, bundled.replace(sentence, `${sentence} A take is retried three times.`));
    const result = await runCli(['rules', '--spec', specPath], { out: false });
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /\n== Spec sentences\n\d+ sentences in the spec's descriptions: \d+ enforced by rules, \d+ decided in spec\/NOTES.md, 1 undecided\./,
    );
    assert.match(result.stdout, /#\/paths\/~1\/get\/description “A take is retried three times\.”\n {2}UNDECIDED/);
  });

  test('a bad flag is one line and exit 2', async () => {
    const result = await runCli(['rules', '--jsn'], { out: false });
    assert.equal(result.code, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1);
  });
});

describe('a spec whose paths are renamed (Camunda 8.8 style)', () => {
  test('the run sends the renamed paths, catches the fault, and every pointer resolves in that document', async () => {
    const specPath = await renamedPathsSpec();
    const seen: string[] = [];
    const server = await startReferenceServer({
      settleMs: 0,
      seedBackups: [{ id: 1 }, { id: 2 }],
      behaviour: { orderList: (views) => [...views].sort((a, b) => (a.backupId < b.backupId ? -1 : 1)) },
      intercept: (request, planned) => {
        seen.push(request.path);
        return planned;
      },
    });
    servers.push(server);
    const origin = new URL(server.url).origin;
    const result = await runCli(['--target', `${origin}/actuator`, '--spec', specPath]);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const report = JSON.parse(await readFile(join(result.outDir, 'findings.json'), 'utf8')) as {
      findings: { checkId: string; operation: string; specPointer: string }[];
    };
    assert.ok(report.findings.some((f) => f.checkId === 'list-sorted-descending' && f.operation === 'GET /backups'));
    const document = (await loadSpec(specPath)).document;
    for (const finding of report.findings) {
      if (finding.specPointer.startsWith('spec/NOTES.md#')) continue;
      assert.notEqual(valueAt(document, finding.specPointer.slice(1)), undefined, `${finding.checkId}: ${finding.specPointer}`);
    }
    assert.ok(seen.length > 0 && seen.every((path) => path.startsWith('/actuator/backups')), seen.slice(0, 5).join(', '));
  });
});
