import type { OperationCoverage } from '../../src/coverage/response-coverage.js';
import { notProvokableGroups } from '../../src/coverage/format-coverage.js';
import { html, type SafeHtml } from './html.js';

/**
 * The documented responses of each operation, a cell per status: received (with how often and
 * as which media types) or not, and why it cannot be provoked from outside when the spec says so.
 */
export function coverageTable(coverage: readonly OperationCoverage[]): SafeHtml {
  const rows = coverage.map((operation) => {
    const cells = operation.responses.map((response) => {
      const media = response.mediaTypes.map((m) => `${m.mediaType} ${m.observed > 0 ? `×${m.observed}` : 'never'}`).join(', ');
      const tip = `${operation.operation} ${response.status}: ${response.description}${media === '' ? '' : ` (${media})`}`;
      return response.observed > 0
        ? html`<li class="status observed" title="${tip}"><strong>${response.status}</strong> ✔ <span class="runs">×${response.observed}</span></li>`
        : html`<li class="status unseen" title="${tip}${response.notProvokable === undefined ? '' : `; not provokable: ${response.notProvokable}`}"><strong>${response.status}</strong> –</li>`;
    });
    const undocumented = operation.undocumented.map(
      (u) =>
        html`<li class="status undocumented" title="received, but no documented response covers it"><strong>${u.status}</strong> undocumented <span class="runs">×${u.observed}</span></li>`,
    );
    return html`<tr><th scope="row"><code>${operation.operation}</code></th><td><ul class="statuses">${cells}${undocumented}</ul></td></tr>`;
  });
  const reasons = notProvokableGroups(coverage).map((group) => html`<li><strong>${group.where.join(', ')}</strong>: ${group.reason}</li>`);
  return html`<div class="table-wrap"><table class="checks coverage"><thead><tr><th scope="col">Operation</th><th scope="col">Documented responses: received ✔ or not –</th></tr></thead><tbody>${rows}</tbody></table></div>${reasons.length === 0 ? '' : html`<p class="section-intro">Not provokable from outside:</p><ul class="not-provokable">${reasons}</ul>`}`;
}
