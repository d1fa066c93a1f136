import type { Finding } from '../../src/findings/finding.js';
import type { CellStatus, CheckMatrix, MatrixCell } from './check-matrix.js';
import { plural } from '../../src/text/plural.js';
import { html, type SafeHtml } from './html.js';

const CELL_TEXT: Readonly<Record<CellStatus, { icon: string; word: string }>> = {
  passed: { icon: '✓', word: 'passed' },
  violation: { icon: '✗', word: 'violation' },
  inconclusive: { icon: '?', word: 'inconclusive' },
  'known-deviation': { icon: '≈', word: 'known deviation' },
};

/**
 * The table of checks: a row per check, a column per operation, each cell the worst verdict of
 * that check on that operation with how often it failed and passed where it applied, linked to its
 * finding. A blank cell: the check never applied to that operation's answers.
 */
export function checksTable(matrix: CheckMatrix, anchorOf: (finding: Finding) => string): SafeHtml {
  if (matrix.rows.length === 0) return html`<p class="no-findings">No check was evaluated: the run stopped before its first request was judged.</p>`;
  const head = matrix.operations.map((operation) => html`<th scope="col"><code>${operation}</code></th>`);
  const body = matrix.rows.map((row) => {
    const cells = matrix.operations.map((operation) => {
      const cell = row.cells.get(operation);
      return html`<td>${cell === undefined ? notEvaluatedCell(operation) : cellHtml(row.checkId, operation, cell, anchorOf)}</td>`;
    });
    const title = row.title === undefined ? '' : html`<span class="check-title">${row.title}</span>`;
    return html`<tr data-check-id="${row.checkId}" data-status="${row.status}"><th scope="row"><code>${row.checkId}</code>${title}</th>${cells}</tr>`;
  });
  return html`<div class="table-wrap"><table class="checks"><thead><tr><th scope="col">Check</th>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** The cell of a check that never applied to the operation's answers. */
function notEvaluatedCell(operation: string): SafeHtml {
  return html`<span class="cell none" title="not evaluated on ${operation}">·</span>`;
}

function cellHtml(checkId: string, operation: string, cell: MatrixCell, anchorOf: (finding: Finding) => string): SafeHtml {
  const { icon, word } = CELL_TEXT[cell.status];
  const passed = cell.runs - cell.failed;
  // Beside the cell's word, how often: every time (×N), or how many of the times; never "failed"
  // beside a word that is not a failure (an inconclusive result or a known deviation is not one).
  const runs = html` <span class="runs">${cell.failed === 0 || cell.failed === cell.runs ? `×${cell.runs}` : `${cell.failed} of ${cell.runs}`}</span>`;
  const found = cell.status === 'passed' ? '' : ` (${cell.failed} with a finding, ${passed} passed)`;
  const suites = cell.suites.length > 0 ? ` in ${cell.suites.join(', ')}` : '';
  const tip = `${checkId} on ${operation}: ${word}; applied ${plural(cell.runs, 'time')}${found}${suites}`;
  const first = cell.findings.find((finding) => finding.verdict === cell.status);
  if (first === undefined) return html`<span class="cell ${cell.status}" title="${tip}">${icon} ${word}${runs}</span>`;
  return html`<a class="cell ${cell.status}" href="#${anchorOf(first)}" title="${tip}">${icon} ${word}${runs}</a>`;
}
