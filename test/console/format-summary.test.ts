import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSummary } from '../../src/console/format-summary.js';
import { sampleOutcome } from '../helpers/sample-outcome.js';

test('lists each fault once by severity, with how often it was seen and its replay', () => {
  const lines = formatSummary(sampleOutcome()).split('\n');
  const start = lines.indexOf('Faults by severity (2):');
  assert.ok(start >= 0, lines.join('\n'));
  assert.match(lines[start + 1]!, /^ {2}high {5}not-a-server-error \(GET \/\): inconclusive .* \(seen 2 times\)$/);
  assert.equal(lines[start + 2], '             replay: --seed 42 --path 3:1 (Take(+7 = 1007), Take(+5 = 1005))');
  assert.match(lines[start + 3]!, /^ {2}medium {3}list-sorted-descending \(GET \/\): violation /);
});

test('says one of a thing in the singular', () => {
  const summary = formatSummary(sampleOutcome({ requests: 1 }));
  assert.match(summary, /Summary: 1 violation, 1 inconclusive, 0 known deviations, 1 tool error; 6 check evaluations over 1 request in /);
});

test('names the rules the run could not exercise, and why', () => {
  assert.match(
    formatSummary(sampleOutcome()),
    /\nNot exercised \(1\): the run says nothing about these rules\n {2}timestamps-ordered: the run met no partition with both createdAt and lastUpdatedAt\n/,
  );
});

test('says what the run noticed about the server', () => {
  assert.match(
    formatSummary(sampleOutcome({ notes: ['every id answers the same backup: this looks like a stateless mock'] })),
    /\nNote: every id answers the same backup: this looks like a stateless mock\n/,
  );
});
