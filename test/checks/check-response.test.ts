import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { checkResponse } from '../../src/checks/check-response.js';
import { defineCheck } from '../../src/checks/check.js';
import { listSortedDescending } from '../../src/checks/list-sorted-descending.js';
import { responseReceived } from '../../src/checks/response-received.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { bundledIndex } from '../helpers/bundled-index.js';
import { makeInput } from '../helpers/make-input.js';

// Every response check is run on every answer, the body parsed once: "A check that fails an
// exchange applies to it, whatever `applies` says" (src/checks/check.ts), and "a rule counts as
// exercised only when judged on evidence that could show it" (issue of the judgement path).

let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});

const exchangeOf = (status: number, body?: unknown, options: { truncated?: boolean } = {}) => makeInput(index.byRole.list, status, body, options).exchange;
const backup = (backupId: number) => ({ backupId, state: 'COMPLETED', details: [] });

describe('check-response', () => {
  test('parses the body once and hands it, with the intent and repeat flag, to every check', () => {
    const checked = checkResponse([listSortedDescending], index.byRole.list, exchangeOf(200, [backup(1), backup(2)]), 'invalid', true);
    assert.equal(checked.body?.ok, true);
    assert.equal(checked.input.body, checked.body);
    assert.equal(checked.input.intent, 'invalid');
    assert.equal(checked.input.repeated, true);
    assert.equal(checked.results[0]?.applied, true);
    assert.equal(checked.results[0]?.drafts[0]?.kind, 'ascending-pair');
  });
  test('an empty body is not parsed, and is left out of the input', () => {
    const checked = checkResponse([responseReceived], index.byRole.list, exchangeOf(200), 'valid', false);
    assert.equal(checked.body, undefined);
    assert.equal('body' in checked, false);
    assert.equal('body' in checked.input, false);
    assert.equal(checked.input.repeated, false);
  });
  test('a truncated body is not parsed: its end is missing', () =>
    assert.equal(checkResponse([], index.byRole.list, exchangeOf(200, [backup(1)], { truncated: true }), 'valid', false).body, undefined));
  test('a check that does not apply and finds nothing is not counted as applied', () => {
    const checked = checkResponse([listSortedDescending], index.byRole.list, exchangeOf(200, [backup(1)]), 'valid', false);
    assert.deepEqual(checked.results[0], { check: listSortedDescending, applied: false, drafts: [] });
  });
  test('a check that finds something applied, whatever its applies says', () => {
    const alwaysFails = defineCheck({
      rule: 'response-received',
      exercisedBy: 'any answer',
      applies: () => false,
      run: (_input, fail) => fail({ kind: 'k', expected: 'e', received: 'r' }),
    });
    const checked = checkResponse([alwaysFails], index.byRole.list, exchangeOf(200, []), 'valid', false);
    assert.equal(checked.results[0]?.applied, true);
    assert.equal(checked.results[0]?.drafts.length, 1);
  });
  test('a check without applies applies to every exchange', () => {
    const passes = defineCheck({ rule: 'response-received', exercisedBy: 'any answer', run: () => undefined });
    assert.equal(checkResponse([passes], index.byRole.list, exchangeOf(500), 'valid', false).results[0]?.applied, true);
  });
});
