import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { failureReasonIssue } from '../../src/model/failure-reason-rule.js';

type Reported = { state: string; failureReason?: unknown; details?: Reported[] };

// Answers of real Zeebe, trimmed to the fields this rule reads: the docs' 8.2 and 8.8 examples, a
// pre-release 8.2 list, Zeebe's own FAILED test fixture, and backups carrying the aggregated
// reason in the form Zeebe's code writes it (spec/NOTES.md#failure-reason).
const REAL_PAYLOADS: Reported[] = [
  { state: 'COMPLETED', details: [{ state: 'COMPLETED' }, { state: 'COMPLETED' }] },
  { state: 'COMPLETED', details: [{ state: 'COMPLETED', failureReason: '' }] },
  {
    state: 'FAILED',
    failureReason: 'Failed backup',
    details: [{ state: 'COMPLETED' }, { state: 'FAILED', failureReason: 'Failed backup' }],
  },
  {
    state: 'FAILED',
    failureReason: 'Backup on partition 2 failed due to Backup is cancelled due to leader change. ',
    details: [{ state: 'COMPLETED' }, { state: 'FAILED', failureReason: 'Backup is cancelled due to leader change.' }],
  },
  { state: 'FAILED', failureReason: 'Backup on partition 1 failed due to Unknown reason. ', details: [{ state: 'FAILED' }] },
  { state: 'INCOMPLETE', details: [{ state: 'IN_PROGRESS' }, { state: 'DOES_NOT_EXIST' }] },
];

function issuesIn(backup: Reported): string[] {
  return [backup, ...(backup.details ?? [])].flatMap((item) => {
    const issue = failureReasonIssue(item.state, item.failureReason);
    return issue === undefined ? [] : [issue];
  });
}

const blank = fc.array(fc.constantFrom(' ', '\t', '\n'), { maxLength: 3 }).map((parts) => parts.join(''));
const nonBlank = fc.string({ minLength: 1 }).filter((text) => text.trim() !== '');
const otherState = fc.constantFrom('COMPLETED', 'IN_PROGRESS', 'DOES_NOT_EXIST', 'INCOMPLETE', 'INCOMPATIBLE', 'DELETED');

describe('failureReasonIssue', () => {
  it('finds nothing in real Zeebe answers', () => {
    for (const payload of REAL_PAYLOADS) assert.deepEqual(issuesIn(payload), []);
  });

  it('reports a reason given for a state other than FAILED', () => {
    const issue = failureReasonIssue('COMPLETED', 'disk full');
    assert.ok(issue !== undefined);
    assert.match(issue, /"disk full"/);
    assert.match(issue, /"COMPLETED"/);
    fc.assert(
      fc.property(otherState, nonBlank, (state, reason) => {
        assert.notEqual(failureReasonIssue(state, reason), undefined);
      }),
    );
  });

  it('never reports a FAILED state, with or without a reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(undefined), fc.string(), fc.constant(null)), (reason) => {
        assert.equal(failureReasonIssue('FAILED', reason), undefined);
      }),
    );
  });

  it('accepts an empty or blank reason in any state', () => {
    fc.assert(
      fc.property(otherState, blank, (state, reason) => {
        assert.equal(failureReasonIssue(state, reason), undefined);
      }),
    );
  });

  it('leaves values that are not strings to the schema check', () => {
    for (const value of [null, 42, false, {}, []]) assert.equal(failureReasonIssue('COMPLETED', value), undefined);
  });

  it('shortens a long reason', () => {
    const issue = failureReasonIssue('IN_PROGRESS', 'x'.repeat(500)) ?? '';
    assert.ok(issue.length < 200);
    assert.match(issue, /…/);
  });
});
