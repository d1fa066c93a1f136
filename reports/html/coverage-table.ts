import type { OperationCoverage, ResponseCoverage } from '../../src/coverage/response-coverage.js';
import { notProvokableGroups } from '../../src/coverage/format-coverage.js';
import { html, type SafeHtml } from './html.js';

const COVERAGE_HEAD = html`<thead><tr><th scope="col">Operation</th><th scope="col">Documented responses: received ✔ or not –</th></tr></thead>`;

/**
 * The documented responses of each operation, a cell per status: received (with how often and
 * as which media types) or not, and why it cannot be provoked from outside when the spec says so.
 */
export function coverageTable(coverage: readonly OperationCoverage[]): SafeHtml {
  const rows = coverage.map((operation) => {
    const cells = operation.responses.map((response) => responseItem(operation.operation, response));
    const undocumented = operation.undocumented.map(undocumentedItem);
    return html`<tr><th scope="row"><code>${operation.operation}</code></th><td><ul class="statuses">${cells}${undocumented}</ul></td></tr>`;
  });
  const table = html`<div class="table-wrap"><table class="checks coverage">${COVERAGE_HEAD}<tbody>${rows}</tbody></table></div>`;
  const reasons = notProvokableGroups(coverage).map((group) => html`<li><strong>${group.where.join(', ')}</strong>: ${group.reason}</li>`);
  const notProvokable = reasons.length === 0 ? '' : html`<p class="section-intro">Not provokable from outside:</p><ul class="not-provokable">${reasons}</ul>`;
  return html`${table}${notProvokable}`;
}

/** One documented response of an operation: received, with how often, or not, with why not when it cannot be provoked. */
function responseItem(operation: string, response: ResponseCoverage): SafeHtml {
  const media = response.mediaTypes.map((m) => `${m.mediaType} ${m.observed > 0 ? `×${m.observed}` : 'never'}`).join(', ');
  const tip = `${operation} ${response.status}: ${response.description}${media === '' ? '' : ` (${media})`}`;
  if (response.observed > 0) {
    return html`<li class="status observed" title="${tip}"><strong>${response.status}</strong> ✔ ${timesReceived(response.observed)}</li>`;
  }
  const unprovokable = response.notProvokable === undefined ? '' : `; not provokable: ${response.notProvokable}`;
  return html`<li class="status unseen" title="${tip}${unprovokable}"><strong>${response.status}</strong> –</li>`;
}

/** A status the operation answered with that no documented response covers. */
function undocumentedItem({ status, observed }: OperationCoverage['undocumented'][number]): SafeHtml {
  const tip = 'received, but no documented response covers it';
  return html`<li class="status undocumented" title="${tip}"><strong>${status}</strong> undocumented ${timesReceived(observed)}</li>`;
}

/** How often a status came back: ×N. */
function timesReceived(count: number): SafeHtml {
  return html`<span class="runs">×${count}</span>`;
}
