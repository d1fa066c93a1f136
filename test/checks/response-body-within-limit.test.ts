import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FindingDraft } from '../../src/checks/check.js';
import { responseBodyWithinLimit } from '../../src/checks/response-body-within-limit.js';
import { runConformance } from '../../src/index.js';
import { startReferenceServer, type RunningServer } from '../../src/server/reference-server.js';
import { stringifyJson } from '../../src/server/rendering/stringify-json.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeInput } from '../helpers/make-input.js';

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
