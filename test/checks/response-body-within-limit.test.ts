import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FindingDraft } from '../../src/checks/check.js';
import { responseBodyWithinLimit } from '../../src/checks/response-body-within-limit.js';
import { runConformance } from '../../src/index.js';
import { startReferenceServer, type RunningServer } from '../../src/server/reference-server.js';
import { stringifyJson } from '../../src/server/rendering/stringify-json.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeFailedInput, makeInput } from '../helpers/make-input.js';

// Read in a hook, not at the top level: the judgement run loads every file in one process, where a
// file still awaiting at its top level when the run starts has its tests left out.
let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});
const LIMIT = 64 * 1024;

/** A draft's verdict: one without a verdict is a violation. */
const verdictOf = (draft: FindingDraft | undefined): string | undefined => (draft === undefined ? undefined : (draft.verdict ?? 'violation'));

describe('response-body-within-limit', () => {
  test('a cut body of one documented object is a violation', () => {
    const [finding] = responseBodyWithinLimit.evaluate(makeInput(index.byRole.get, 200, '{"backupId":1,"state":"COMPL', { truncated: true }));
    assert.equal(verdictOf(finding), 'violation');
    assert.match(finding?.received ?? '', /^more than 28 bytes; the rest was not read/);
  });
  test('a cut error body is a violation too', () =>
    assert.equal(verdictOf(responseBodyWithinLimit.evaluate(makeInput(index.byRole.take, 409, '{"message":"', { truncated: true }))[0]), 'violation'));
  test('a cut list, which grows with the backups held, is inconclusive', () =>
    assert.equal(verdictOf(responseBodyWithinLimit.evaluate(makeInput(index.byRole.list, 200, '[{"backupId"', { truncated: true }))[0]), 'inconclusive'));
  test('a cut body of an undocumented status is inconclusive', () =>
    assert.equal(verdictOf(responseBodyWithinLimit.evaluate(makeInput(index.byRole.get, 418, 'x', { truncated: true }))[0]), 'inconclusive'));
  test('passes a whole body', () => assert.deepEqual(responseBodyWithinLimit.evaluate(makeInput(index.byRole.get, 200, { backupId: 1 })), []));
});

// response-body-within-limit (spec/NOTES.md#response-bodies-beyond-the-read-limit): a body past
// --max-body-bytes where the spec documents one object is a violation; a documented array (the list,
// which grows with the backups held), or a status the spec does not document, only inconclusive.
describe('response-body-within-limit: applies and messages', () => {
  test('applies to every answer, and to no request left unanswered', () => {
    assert.equal(responseBodyWithinLimit.applies(makeInput(index.byRole.get, 200, { backupId: 1 })), true);
    assert.equal(responseBodyWithinLimit.applies(makeInput(index.byRole.delete, 204)), true);
    assert.equal(responseBodyWithinLimit.applies(makeFailedInput(index.byRole.get, 'timeout')), false);
    assert.deepEqual(responseBodyWithinLimit.evaluate(makeFailedInput(index.byRole.get, 'timeout')), []);
    assert.equal(responseBodyWithinLimit.exercisedBy, 'answer');
  });
  test('a cut object is "single-body-over-limit", saying how much was read, in bytes', () =>
    assert.deepEqual(responseBodyWithinLimit.evaluate(makeInput(index.byRole.get, 200, '{"failureReason":"é', { truncated: true })), [
      {
        kind: 'single-body-over-limit',
        expected: 'a body within --max-body-bytes: the spec documents one object here, whose size does not grow with the backups held',
        received: 'more than 20 bytes; the rest was not read and the body was not validated',
      },
    ]));
  test('a cut list, or a cut body of an undocumented status, is "body-over-limit", inconclusive', () => {
    const inconclusive = (received: string) => [{ kind: 'body-over-limit', expected: 'a body within --max-body-bytes', received, verdict: 'inconclusive' }];
    assert.deepEqual(
      responseBodyWithinLimit.evaluate(makeInput(index.byRole.list, 200, '[{"backupId"', { truncated: true })),
      inconclusive('more than 12 bytes; the rest was not read and the body was not validated'),
    );
    assert.deepEqual(
      responseBodyWithinLimit.evaluate(makeInput(index.byRole.take, 418, 'xy', { truncated: true })),
      inconclusive('more than 2 bytes; the rest was not read and the body was not validated'),
    );
  });
  test("a cut body of a status documented without a schema (a delete's 204) is a violation: nothing there grows", () =>
    assert.equal(responseBodyWithinLimit.evaluate(makeInput(index.byRole.delete, 204, 'x', { truncated: true }))[0]?.kind, 'single-body-over-limit'));
});

describe('a server whose answer for one backup runs past --max-body-bytes', () => {
  let server: RunningServer;
  before(async () => {
    server = await startReferenceServer({
      seedBackups: [{ id: 1 }],
      // A valid BackupInfo followed by blanks, which JSON allows: only its length is wrong.
      intercept: (request, planned) =>
        request.method === 'GET' && request.path.endsWith('/1') && 'status' in planned && planned.json !== undefined
          ? { ...planned, json: undefined, text: `${stringifyJson(planned.json)}${' '.repeat(2 * LIMIT)}` }
          : planned,
    });
  });
  after(() => server.close());

  test('is a violation of response-body-within-limit, and the run fails', async () => {
    const outcome = await runConformance({ target: server.url, suites: ['inventory'], maxBodyBytes: LIMIT });
    const findings = outcome.findings.filter((finding) => finding.checkId === 'response-body-within-limit');
    assert.deepEqual(
      findings.map((finding) => [finding.verdict, finding.operation]),
      [['violation', 'GET /{backupId}']],
    );
    assert.equal(outcome.exitCode, 1);
  });

  test('the same body within a bound that holds it passes', async () => {
    const outcome = await runConformance({ target: server.url, suites: ['inventory'], maxBodyBytes: 4 * LIMIT });
    assert.deepEqual(
      outcome.findings.filter((finding) => finding.checkId === 'response-body-within-limit'),
      [],
    );
  });
});
