import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkMatrix, worstStatus } from '../../../reports/html/check-matrix.js';
import { inconclusive, violation } from '../../helpers/sample-outcome.js';

test('the worst verdict wins a cell: violation, then inconclusive, then known deviation, then passed', () => {
  assert.equal(worstStatus([]), 'passed');
  assert.equal(worstStatus(['known-deviation', 'inconclusive']), 'inconclusive');
  assert.equal(worstStatus(['passed', 'violation', 'inconclusive']), 'violation');
});

test('suites merge into one cell per check and operation; failing rows come first', () => {
  const matrix = checkMatrix({
    checks: [
      { suite: 'smoke', operation: 'GET /', checkId: 'response-received', runs: 2, failed: 0, outcome: 'passed' },
      { suite: 'smoke', operation: 'POST /', checkId: 'response-received', runs: 1, failed: 0, outcome: 'passed' },
      { suite: 'stateful', operation: 'GET /', checkId: 'response-received', runs: 5, failed: 0, outcome: 'passed' },
      { suite: 'smoke', operation: 'GET /', checkId: 'list-sorted-descending', runs: 2, failed: 1, outcome: 'violation' },
    ],
    findings: [violation, { ...inconclusive, operation: 'DELETE /{backupId}' }],
  });
  assert.deepEqual(matrix.operations, ['GET /', 'POST /', 'DELETE /{backupId}']);
  assert.deepEqual(
    matrix.rows.map((row) => [row.checkId, row.status]),
    [
      ['list-sorted-descending', 'violation'],
      ['not-a-server-error', 'inconclusive'],
      ['response-received', 'passed'],
    ],
  );
  const received = matrix.rows[2]!.cells.get('GET /');
  assert.deepEqual([received?.runs, received?.suites], [7, ['smoke', 'stateful']]);
  assert.equal(matrix.rows[2]?.title, 'The server answers every request with a complete HTTP response in time');
  // Counted where the ledger never saw it: its sightings are its failed evaluations.
  const deleteCell = matrix.rows[1]!.cells.get('DELETE /{backupId}');
  assert.deepEqual([deleteCell?.runs, deleteCell?.failed], [2, 2]);
  const order = matrix.rows[0]!.cells.get('GET /');
  assert.deepEqual([order?.runs, order?.failed], [2, 1], 'failed and passed apart');
  assert.equal(matrix.rows[1]!.cells.has('GET /'), false);
});
