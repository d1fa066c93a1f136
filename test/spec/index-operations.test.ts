import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULTS } from '../../src/config.js';
import { ConformanceError } from '../../src/errors.js';
import { createAjv } from '../../src/spec/create-ajv.js';
import { indexOperations } from '../../src/spec/index-operations.js';
import { loadSpec } from '../../src/spec/load-spec.js';

test('finds the four operations by their shape, with labels, statuses and the id field', async () => {
  const spec = await loadSpec(DEFAULTS.specPath);
  const index = indexOperations(spec.document, createAjv());
  assert.equal(index.byRole.take.label, 'POST /');
  assert.equal(index.byRole.take.idField, 'backupId');
  assert.equal(index.byRole.list.label, 'GET /');
  assert.equal(index.byRole.get.label, 'GET /{backupId}');
  assert.equal(index.byRole.delete.label, 'DELETE /{backupId}');
  assert.deepEqual(
    index.byRole.delete.responses.map((r) => r.key),
    ['204', '500', '502', '504'],
  );
  assert.equal(index.byRole.get.responseFor(404)?.description, 'A backup with given backupId does not exist');
  assert.equal(index.byRole.take.pointer, '#/paths/~1/post');
});

test('the bundled spec passes full validation, which runs skip as trusted', async () => {
  const full = await loadSpec(DEFAULTS.specPath);
  const trusted = await loadSpec(DEFAULTS.specPath, { trusted: true });
  assert.deepEqual(trusted.document, full.document);
});

test('the bundled spec compiles in strict mode without warnings', async () => {
  const warnings: string[] = [];
  const spec = await loadSpec(DEFAULTS.specPath);
  indexOperations(spec.document, createAjv(warnings));
  assert.deepEqual(warnings, []);
});

test('a spec that renames the paths (as Camunda 8.8 did) still yields every role', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'conformance-'));
  const renamed = (await readFile(DEFAULTS.specPath, 'utf8'))
    .replace(/^  \/:$/m, '  /backupRuntime:')
    .replace(/^  \/\{backupId\}:$/m, '  /backupRuntime/{backupId}:');
  await writeFile(join(dir, 'renamed.yaml'), renamed);
  const index = indexOperations((await loadSpec(join(dir, 'renamed.yaml'))).document, createAjv());
  assert.equal(index.byRole.take.label, 'POST /backupRuntime');
  assert.equal(index.byRole.get.label, 'GET /backupRuntime/{backupId}');
});

test('a missing file and an invalid document are tool errors with a clear message', async () => {
  await assert.rejects(
    loadSpec('no/such/spec.yaml'),
    (error: unknown) => error instanceof ConformanceError && error.code === 'CONF_SPEC_NOT_FOUND' && /--spec/.test(error.message),
  );
  const dir = await mkdtemp(join(tmpdir(), 'conformance-'));
  const broken = (await readFile(DEFAULTS.specPath, 'utf8')).replace("'202':", "'2O2':");
  await writeFile(join(dir, 'broken.yaml'), broken);
  await assert.rejects(
    loadSpec(join(dir, 'broken.yaml')),
    (error: unknown) => error instanceof ConformanceError && error.code === 'CONF_SPEC_INVALID' && /#\/paths/.test(error.message),
  );
  await writeFile(join(dir, 'garbage.yaml'), 'openapi: [unclosed');
  await assert.rejects(loadSpec(join(dir, 'garbage.yaml')), (error: unknown) => error instanceof ConformanceError && error.code === 'CONF_SPEC_INVALID');
});

test('validators compile at once by default, or each on its first use, once', async () => {
  const { compileValidator } = await import('../../src/spec/compile-validator.js');
  const broken = { type: 'object', properties: { id: { type: 'no-such-type' } } };
  assert.throws(
    () => compileValidator(createAjv(), broken, '#/x'),
    (error: unknown) => error instanceof ConformanceError && error.code === 'CONF_SPEC_INVALID',
  );
  const later = compileValidator(createAjv(), broken, '#/x', 'on-first-use');
  assert.throws(
    () => later({}, undefined),
    (error: unknown) => error instanceof ConformanceError && error.code === 'CONF_SPEC_INVALID',
  );
  const compiles: unknown[] = [];
  const ajv = createAjv();
  const compile = ajv.compile.bind(ajv);
  ajv.compile = ((schema: object) => (compiles.push(schema), compile(schema))) as typeof ajv.compile;
  const validate = compileValidator(ajv, { type: 'integer' }, '#/y', 'on-first-use');
  assert.equal(compiles.length, 0);
  assert.deepEqual(validate(1, undefined), []);
  assert.equal(validate('x', undefined).length, 1);
  assert.equal(compiles.length, 1);
});
