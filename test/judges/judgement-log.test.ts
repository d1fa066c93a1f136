import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JudgementLog, worseOutcome } from '../../src/findings/judgement-log.js';

// The judgement log is the one record of what was judged: "a rule counts as exercised only when
// judged on evidence that could show it" (issue of the judgement path), and a ledger entry keeps the
// worst outcome: "a violation, then inconclusive, then a known deviation, then passed".

describe('judgement log: worst outcome', () => {
  const order = ['violation', 'inconclusive', 'known-deviation', 'passed'] as const;
  for (const [i, better] of order.entries()) {
    for (const worse of order.slice(0, i + 1)) {
      test(`${worse} is at least as bad as ${better}, in either order`, () => {
        assert.equal(worseOutcome(worse, better), worse);
        assert.equal(worseOutcome(better, worse), worse);
      });
    }
  }
});

describe('judgement log: entries', () => {
  test('counts each judgement of one rule on one operation in one suite, and the ones that did not pass', () => {
    const log = new JudgementLog();
    log.judge('stateless', 'GET /', 'list-sorted-descending', 'passed');
    log.judge('stateless', 'GET /', 'list-sorted-descending', 'known-deviation');
    log.judge('stateless', 'GET /', 'list-sorted-descending', 'passed');
    assert.deepEqual(log.entries(), [
      { suite: 'stateless', operation: 'GET /', checkId: 'list-sorted-descending', runs: 3, failed: 1, outcome: 'known-deviation' },
    ]);
  });

  test('a later pass does not hide an earlier violation', () => {
    const log = new JudgementLog();
    log.judge('stateful', 'POST /', 'take-accepted-above-highest', 'violation');
    log.judge('stateful', 'POST /', 'take-accepted-above-highest', 'passed');
    assert.equal(log.entries()[0]?.outcome, 'violation');
    assert.equal(log.entries()[0]?.failed, 1);
  });

  test('keeps suites, operations and rules apart', () => {
    const log = new JudgementLog();
    log.judge('stateless', 'GET /', 'not-a-server-error', 'passed');
    log.judge('stateful', 'GET /', 'not-a-server-error', 'violation');
    log.judge('stateless', 'POST /', 'not-a-server-error', 'inconclusive');
    log.judge('stateless', 'GET /', 'response-received', 'passed');
    assert.deepEqual(
      log.entries().map((e) => [e.suite, e.operation, e.checkId, e.runs, e.failed, e.outcome]),
      [
        ['stateless', 'GET /', 'not-a-server-error', 1, 0, 'passed'],
        ['stateful', 'GET /', 'not-a-server-error', 1, 1, 'violation'],
        ['stateless', 'POST /', 'not-a-server-error', 1, 1, 'inconclusive'],
        ['stateless', 'GET /', 'response-received', 1, 0, 'passed'],
      ],
    );
  });

  test('a key is not confused by ids that run into one another', () => {
    const log = new JudgementLog();
    log.judge('a', 'b c', 'd', 'passed');
    log.judge('a b', 'c', 'd', 'passed');
    assert.equal(log.entries().length, 2);
  });
});

describe('judgement log: judged and sawViolation', () => {
  test('a rule is judged in a suite only once the suite judged it, on any operation', () => {
    const log = new JudgementLog();
    assert.equal(log.judged('stateless', 'response-received'), false);
    log.judge('stateless', 'GET /', 'response-received', 'passed');
    assert.equal(log.judged('stateless', 'response-received'), true);
    assert.equal(log.judged('stateful', 'response-received'), false);
    assert.equal(log.judged('stateless', 'not-a-server-error'), false);
  });

  test('sawViolation holds only for a violation, not for an inconclusive result or a known deviation', () => {
    const log = new JudgementLog();
    assert.equal(log.sawViolation(), false);
    log.judge('stateless', 'GET /', 'list-sorted-descending', 'known-deviation');
    log.judge('stateless', 'GET /', 'timestamps-ordered', 'inconclusive');
    log.judge('stateless', 'GET /', 'response-received', 'passed');
    assert.equal(log.sawViolation(), false);
    log.judge('negative', 'POST /', 'invalid-take-refused', 'violation');
    assert.equal(log.sawViolation(), true);
  });
});
