import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { article, responseSchemaValid } from '../../src/checks/response-schema-valid.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import type { Operation } from '../../src/spec/operation.js';
import type { SchemaIssue, Validator } from '../../src/spec/schema-issue.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeInput } from '../helpers/make-input.js';

// response-schema-valid: "The body must parse as JSON and validate against the schema documented for
// its status" (each operation's responses in spec/backup-management-api.yaml, e.g. the get's
// `'200': content: application/json: schema: BackupInfo`).

let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});

const GET_200 = '#/paths/~1{backupId}/get/responses/200/content/application~1json/schema';

describe('response-schema-valid: applies', () => {
  test('to a whole answer with a status documented with a schema', () => assert.equal(responseSchemaValid.applies(makeInput(index.byRole.get, 200, {})), true));
  test('not to a status documented without a schema (204), nor to an undocumented one', () => {
    assert.equal(responseSchemaValid.applies(makeInput(index.byRole.delete, 204)), false);
    assert.equal(responseSchemaValid.applies(makeInput(index.byRole.get, 418, {})), false);
  });
  test('not to a cut body, nor to no answer', () => {
    assert.equal(responseSchemaValid.applies(makeInput(index.byRole.get, 200, {}, { truncated: true })), false);
    const { exchange, ...rest } = makeInput(index.byRole.get, 200, {});
    assert.equal(responseSchemaValid.applies({ ...rest, exchange: { seq: exchange.seq, startedAt: 0, request: exchange.request } }), false);
  });
});

describe('response-schema-valid: kinds and messages', () => {
  test('an empty body where JSON is documented is "empty-body", pointing at the schema of its status', () =>
    assert.deepEqual(responseSchemaValid.evaluate(makeInput(index.byRole.take, 202)), [
      {
        kind: 'empty-body',
        expected: 'an application/json body',
        received: 'an empty body',
        specPointer: '#/paths/~1/post/responses/202/content/application~1json/schema',
      },
    ]));
  test('a body that is not JSON is "not-json", with the start of the body on one line', () => {
    const [finding] = responseSchemaValid.evaluate(makeInput(index.byRole.list, 200, `  <html>\n  ${'x'.repeat(100)}</html>`, { contentType: 'text/html' }));
    assert.equal(finding?.kind, 'not-json');
    assert.equal(finding?.expected, 'an application/json body');
    assert.match(finding?.received ?? '', /^a body that is not JSON \(.+\): "<html> x{73}…"$/s);
    assert.equal(finding?.specPointer, '#/paths/~1/get/responses/200/content/application~1json/schema');
  });
  test('a short body that is not JSON is shown whole', () =>
    assert.match(responseSchemaValid.evaluate(makeInput(index.byRole.get, 200, 'oops'))[0]?.received ?? '', /: "oops"$/));
  test('a get answer invalid against the schema is counted on its backup, its kind without ids or values', () => {
    const [finding, ...rest] = responseSchemaValid.evaluate(
      makeInput(index.byRole.get, 200, { backupId: 5, state: 'COMPLETED', details: [{ partitionId: 'x', state: 'COMPLETED' }] }),
    );
    assert.deepEqual(rest, []);
    assert.deepEqual(finding, {
      kind: '/details/*/partitionId must be integer',
      backupId: 5n,
      expected: 'a body valid against the schema',
      received: '/details/0/partitionId must be integer, got "x"',
      specPointer: GET_200,
    });
  });
  test('more than five issues show five and count the rest', () => {
    const details = Array.from({ length: 7 }, () => ({ partitionId: 'x', state: 'COMPLETED' }));
    const received = responseSchemaValid.evaluate(makeInput(index.byRole.get, 200, { backupId: 5, state: 'COMPLETED', details }))[0]?.received ?? '';
    assert.equal(received.split('; ').length, 6);
    assert.match(received, /; and 2 more$/);
  });
  test('exactly five issues are all shown', () => {
    const details = Array.from({ length: 5 }, () => ({ partitionId: 'x', state: 'COMPLETED' }));
    const received = responseSchemaValid.evaluate(makeInput(index.byRole.get, 200, { backupId: 5, state: 'COMPLETED', details }))[0]?.received ?? '';
    assert.equal(received.split('; ').length, 5);
    assert.doesNotMatch(received, /more/);
  });
  test('an issue at the root is written "(root)", in the kind as in the message', () => {
    const [finding] = responseSchemaValid.evaluate(makeInput(index.byRole.get, 200, [1]));
    assert.match(finding?.received ?? '', /^\(root\) must be object/);
    assert.match(finding?.kind ?? '', /^\(root\) must be object$/);
    assert.equal(finding?.backupId, undefined);
  });
  test('a list answer is about many backups: no backupId', () => {
    const [finding] = responseSchemaValid.evaluate(makeInput(index.byRole.list, 200, [{ backupId: 5, state: 1, details: [] }]));
    assert.equal(
      finding?.kind,
      '/*/state must be equal to one of the allowed values DOES_NOT_EXIST, IN_PROGRESS, COMPLETED, FAILED, INCOMPLETE, INCOMPATIBLE; /*/state must be string',
    );
    assert.equal('backupId' in (finding ?? {}), false);
  });
  test('a get answer without a readable id is counted on no backup', () =>
    assert.equal('backupId' in (responseSchemaValid.evaluate(makeInput(index.byRole.get, 200, { state: 'COMPLETED', details: [] }))[0] ?? {}), false));
  test('a valid body passes', () =>
    assert.deepEqual(
      responseSchemaValid.evaluate(makeInput(index.byRole.get, 200, { backupId: 5, state: 'COMPLETED', details: [{ partitionId: 1, state: 'COMPLETED' }] })),
      [],
    ));
  test('a cut body is not judged', () =>
    assert.deepEqual(responseSchemaValid.evaluate(makeInput(index.byRole.get, 200, '{"backupId":', { truncated: true })), []));
  test('a status documented without a schema is not judged', () =>
    assert.deepEqual(responseSchemaValid.evaluate(makeInput(index.byRole.delete, 204, 'x')), []));
});

// A spec may document more than one media type for a status, each with its schema: the body is
// judged against the one its Content-Type names, else the first documented.
describe('response-schema-valid: the schema of the media type received', () => {
  const VENDOR = 'application/x~vendor';
  /** The get operation with its 200 documented as JSON and as a vendor type whose schema finds the issues given. */
  const withVendorType = (issues: readonly SchemaIssue[]): Operation => {
    const get = index.byRole.get;
    const documented = get.responseFor(200);
    assert.ok(documented !== undefined);
    const json = documented.validators.get('application/json');
    assert.ok(json !== undefined);
    const twoTypes = {
      ...documented,
      validators: new Map<string, Validator>([
        ['application/json', json],
        [VENDOR, () => issues],
      ]),
    };
    return { ...get, responseFor: (status) => (status === 200 ? twoTypes : get.responseFor(status)) };
  };
  const valid = { backupId: 5, state: 'COMPLETED', details: [{ partitionId: 1, state: 'COMPLETED' }] };
  const findings = (issues: readonly SchemaIssue[], body?: unknown, contentType?: string | null) =>
    responseSchemaValid.evaluate(makeInput(withVendorType(issues), 200, body, contentType === undefined ? {} : { contentType }));
  /** The finding of a valid body received as the vendor type, whose schema finds these issues. */
  const vendorFinding = (...issues: SchemaIssue[]) => findings(issues, valid, VENDOR)[0];

  test('the media type received chooses the schema, named in the pointer with "~" and "/" escaped', () =>
    assert.deepEqual(findings([{ instancePath: '/state', message: 'must be a vendor state' }], valid, VENDOR), [
      {
        kind: '/state must be a vendor state',
        backupId: 5n,
        expected: 'a body valid against the schema',
        received: '/state must be a vendor state',
        specPointer: '#/paths/~1{backupId}/get/responses/200/content/application~1x~0vendor/schema',
      },
    ]));
  test('a media type documented for none is judged against the first documented', () => {
    const issues = [{ instancePath: '', message: 'never valid' }];
    assert.deepEqual(findings(issues, valid, 'text/plain'), []);
    assert.deepEqual(findings(issues, valid, null), []);
    assert.equal(findings(issues, { backupId: 'x' }, 'text/plain')[0]?.specPointer, GET_200);
  });
  test('an empty body names the media type it was judged for', () =>
    assert.equal(findings([], undefined, VENDOR)[0]?.expected, 'an application/x~vendor body'));
  test('issues of one fault are one kind: array positions as stars, quoted values left out, sorted and once each', () =>
    assert.equal(
      vendorFinding(
        { instancePath: '/12/details/3', message: 'must be object, got "x"' },
        { instancePath: '/0/details/10', message: 'must be object, got 5' },
        { instancePath: '/1/backupId', message: '-12 is outside the int64 range' },
        { instancePath: '/1/backupId', message: '18446744073709551616 is outside the int64 range' },
        { instancePath: '/2x/a', message: 'must have property: state' },
        { instancePath: '', message: 'must be >= 0' },
      )?.kind,
      '(root) must be >= 0; /*/backupId # is outside the int64 range; /*/details/* must be object; /2x/a must have property',
    ));
  test('a message is shown as the validator gave it, at its path', () =>
    assert.equal(
      vendorFinding({ instancePath: '/0/details/3', message: 'must be object, got "x"' }, { instancePath: '', message: '-1 is outside the int64 range' })
        ?.received,
      '/0/details/3 must be object, got "x"; (root) -1 is outside the int64 range',
    ));
  test('a body of exactly 80 characters that is not JSON is shown whole; one more, cut', () => {
    const received = (text: string) => responseSchemaValid.evaluate(makeInput(index.byRole.get, 200, text))[0]?.received ?? '';
    assert.match(received('y'.repeat(80)), /: "y{80}"$/);
    assert.match(received('y'.repeat(81)), /: "y{80}…"$/);
    assert.match(received(' a\t\n b '), /: "a b"$/);
  });
  test('says what it needs to mean anything', () => assert.equal(responseSchemaValid.exercisedBy, 'complete answer with a status documented with a schema'));
});

describe('article', () => {
  test('"an" before a vowel, in any case; "a" before anything else', () => {
    assert.equal(article('application/json'), 'an');
    assert.equal(article('Umbrella'), 'an');
    assert.equal(article('text/plain'), 'a');
  });
});
