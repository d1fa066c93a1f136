import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkMatrix } from '../../../reports/html/check-matrix.js';
import { checksTable } from '../../../reports/html/checks-table.js';
import { renderHtml } from '../../../reports/html/html.js';
import { inconclusive, violation } from '../../helpers/sample-outcome.js';

/** The visible text of each verdict cell of the table, tags left out. */
function cellTexts(outcome: Parameters<typeof checkMatrix>[0]): string[] {
  const page = renderHtml(checksTable(checkMatrix(outcome), () => 'finding-1'));
  return [...page.matchAll(/<(?:a|span) class="cell (?!none)[^"]*"[^>]*>(.*?)<\/(?:a|span)>(?=<\/td>)/g)].map((match) =>
    (match[1] as string).replace(/<[^>]+>/g, ''),
  );
}

test('a cell whose every evaluation was inconclusive counts them, and calls none of them failed', () => {
  const texts = cellTexts({
    checks: [{ suite: 'negative', operation: 'DELETE /{backupId}', checkId: 'not-a-server-error', runs: 9, failed: 9, outcome: 'inconclusive' }],
    findings: [{ ...inconclusive, operation: 'DELETE /{backupId}', occurrences: 9 }],
  });
  assert.deepEqual(texts, ['? inconclusive ×9']);
});

test('a cell where some evaluations found a fault says how many of how many', () => {
  const texts = cellTexts({
    checks: [
      { suite: 'smoke', operation: 'GET /', checkId: 'list-sorted-descending', runs: 9, failed: 3, outcome: 'violation' },
      { suite: 'smoke', operation: 'GET /', checkId: 'response-received', runs: 4, failed: 0, outcome: 'passed' },
    ],
    findings: [{ ...violation, occurrences: 3 }],
  });
  assert.deepEqual(texts, ['✗ violation 3 of 9', '✓ passed ×4']);
  assert.ok(texts.every((text) => !/failed/.test(text)));
});
