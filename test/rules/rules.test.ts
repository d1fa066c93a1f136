import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import { responseChecks } from '../../src/checks/response-checks.js';
import { DEFAULTS } from '../../src/config.js';
import { valueAt } from '../../src/spec/prose-rules.js';
import { describeRules } from '../../src/rules/describe-rules.js';
import { rules, rulesNotStated, ruleSpecPointer } from '../../src/rules/rules.js';
import { createAjv } from '../../src/spec/create-ajv.js';
import { indexOperations, type OperationIndex } from '../../src/spec/index-operations.js';
import { loadSpec, type LoadedSpec } from '../../src/spec/load-spec.js';
import { allSuites } from '../../suites/all-suites.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The bundled spec with its paths renamed as Camunda 8.8 did: `servers` …/actuator, paths /backups and /backups/{backupId}. */
export async function renamedPathsSpec(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'conformance-renamed-'));
  const renamed = (await readFile(DEFAULTS.specPath, 'utf8'))
    .replace(/^  \/:$/m, '  /backups:')
    .replace(/^  \/\{backupId\}:$/m, '  /backups/{backupId}:')
    .replace(/\/actuator\/backups\b/g, '/actuator');
  const path = join(dir, 'renamed.yaml');
  await writeFile(path, renamed);
  return path;
}

function resolves(spec: LoadedSpec, pointer: string): boolean {
  return pointer.startsWith('#') && valueAt(spec.document, pointer.slice(1)) !== undefined;
}

describe('the rule catalogue', () => {
  let spec: LoadedSpec;
  let index: OperationIndex;
  before(async () => {
    spec = await loadSpec(DEFAULTS.specPath);
    index = indexOperations(spec.document, createAjv());
  });

  test('has distinct kebab-case ids, 20 rules or more', () => {
    const ids = rules.map((r) => r.id);
    assert.ok(ids.length >= 20);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('each response check is a response rule, and each response rule has its check', () => {
    assert.deepEqual(
      responseChecks.map((check) => check.id),
      rules.filter((r) => r.scope === 'response').map((r) => r.id),
    );
    for (const check of responseChecks) {
      const entry = rules.find((r) => r.id === check.id);
      assert.equal(check.title, entry?.title);
      assert.equal(check.severity, entry?.severity);
    }
  });

  test('names only suites that exist', () => {
    const suites = new Set(allSuites.map((suite) => suite.id));
    for (const r of rules) for (const suite of r.suites) assert.ok(suites.has(suite), `${r.id}: ${suite}`);
  });

  test('every pointer resolves in the bundled spec, and every spec/NOTES.md section it names exists', () => {
    const notes = readFileSync(join(root, 'spec/NOTES.md'), 'utf8');
    const anchors = new Set(
      notes
        .split('\n')
        .filter((line) => line.startsWith('## '))
        .map((line) =>
          line
            .slice(3)
            .trim()
            .toLowerCase()
            .replace(/[^\p{L}\p{N}\s-]/gu, '')
            .replace(/\s/g, '-'),
        ),
    );
    for (const d of describeRules(spec.document, index.byRole)) {
      assert.ok(resolves(spec, d.specPointer), `${d.id}: ${d.specPointer}`);
      if (d.note !== undefined) assert.ok(anchors.has(d.note.replace('spec/NOTES.md#', '')), `${d.id}: ${d.note}`);
      assert.equal(d.notChecked, undefined, d.id);
    }
  });

  test('follows a spec whose paths are renamed: every pointer resolves there, and none names the old paths', async () => {
    const renamed = await loadSpec(await renamedPathsSpec());
    const renamedIndex = indexOperations(renamed.document, createAjv());
    assert.equal(renamedIndex.byRole.list.label, 'GET /backups');
    const descriptions = describeRules(renamed.document, renamedIndex.byRole);
    for (const d of descriptions) {
      assert.ok(resolves(renamed, d.specPointer), `${d.id}: ${d.specPointer}`);
      assert.doesNotMatch(d.specPointer, /^#\/paths\/~1(\/|%7B|\{)/, d.id);
    }
    assert.equal(ruleSpecPointer({ prose: 'list-sorted-descending' }, renamedIndex.byRole), '#/paths/~1backups/get/description');
    assert.deepEqual(rulesNotStated(renamed.document, renamedIndex.byRole), []);
  });

  test('a rule whose sentence the document no longer holds is not checked, and says why', () => {
    const edited = structuredClone(spec.document) as unknown as { paths: Record<string, { get: { description: string } }> };
    const list = edited.paths['/'];
    assert.ok(list !== undefined);
    list.get.description = list.get.description.replace('descending', 'ascending');
    const unstated = rulesNotStated(edited, index.byRole);
    assert.deepEqual(
      unstated.map((u) => u.ruleId),
      ['list-sorted-descending'],
    );
    assert.match(unstated[0]?.reason ?? '', /sorted in descending order of backupId.*#\/paths\/~1\/get\/description/);
  });

  test("the README's table of response checks and its suites' rules match the catalogue", async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const checksTable = readme.slice(readme.indexOf('| check | what it asserts |'), readme.indexOf('The suites, in the order'));
    const listed = [...checksTable.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual(
      listed,
      rules.filter((r) => r.scope === 'response').map((r) => r.id),
    );
    for (const suite of allSuites) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${suite.id}\` |`));
      assert.ok(row !== undefined, suite.id);
      const own = [...(row.split('|').at(-2) ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]).sort();
      const expected = rules
        .filter((r) => r.scope === 'sequence' && (r.suites as readonly string[]).includes(suite.id))
        .map((r) => r.id)
        .sort();
      assert.deepEqual(own, expected, suite.id);
    }
  });
});
