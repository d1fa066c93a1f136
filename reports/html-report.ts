import type { Finding } from '../src/findings/finding.js';
import type { RunOutcome } from '../src/run-outcome.js';
import { toolVersion } from '../src/tool-version.js';
import { checkMatrix } from './html/check-matrix.js';
import { checksTable } from './html/checks-table.js';
import { coverageTable } from './html/coverage-table.js';
import { findingCard, orderFindings } from './html/finding-card.js';
import { html, renderHtml, trustedHtml } from './html/html.js';
import { REPORT_STYLE } from './html/report-style.js';
import { timelineSvg } from './html/timeline-svg.js';
import { verdictHeader, verdictWords } from './html/verdict-header.js';

/**
 * report.html: one self-contained page (inline CSS and SVG, no script, no external resource) with
 * the verdict, the table of checks, every finding with its reproduction, and the timeline of the
 * run's backups. Every text from the server or the run is escaped by the `html` tag.
 */
export function toHtmlReport(outcome: RunOutcome): string {
  const findings = orderFindings(outcome.findings);
  const anchors = new Map<Finding, string>(findings.map((finding, i) => [finding, `finding-${i + 1}`]));
  const anchorOf = (finding: Finding): string => anchors.get(finding) ?? 'findings';
  const matrix = checkMatrix(outcome);
  const unexercised = outcome.rules.filter((rule) => rule.status === 'not-exercised');
  const { headline } = verdictWords(outcome);
  const target = { url: outcome.target, embedded: outcome.embedded };
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${headline}: ${outcome.target} · backup-conformance</title>
<style>${trustedHtml(REPORT_STYLE)}</style>
</head>
<body>
<main>
${verdictHeader(outcome, toolVersion)}
${(outcome.notes ?? []).map((note) => html`<p class="run-note"><strong>Note:</strong> ${note}</p>`)}
<nav class="toc" aria-label="Sections">${outcome.errors.length > 0 ? html`<a href="#tool-errors">Tool errors (${outcome.errors.length})</a>` : ''}<a href="#checks">Checks</a>${outcome.coverage === undefined ? '' : html`<a href="#coverage">Coverage</a>`}<a href="#findings">Findings (${findings.length})</a><a href="#timeline">Backup timeline</a></nav>
${
  outcome.errors.length === 0
    ? ''
    : html`<section id="tool-errors"><h2>Tool errors <span class="count">${outcome.errors.length}</span></h2><p class="section-intro">Failures of the tool, not of the server: the run could not judge everything.</p><ul class="tool-errors">${outcome.errors.map((error) => html`<li><code>${error.code}</code>${error.suite === undefined ? '' : html`<span class="muted">in ${error.suite}: </span>`}${error.message}</li>`)}</ul></section>`
}
<section id="checks">
<h2>Checks <span class="count">${matrix.rows.length} checks × ${matrix.operations.length} operations</span></h2>
<p class="section-intro">Each cell is one check on one operation over the whole run, with how often it failed and passed where it applied; a failing cell links to its finding.</p>
${checksTable(matrix, anchorOf)}
${
  unexercised.length === 0
    ? ''
    : html`<h3 id="not-exercised">Not exercised <span class="count">${unexercised.length}</span></h3><p class="section-intro">Rules the run met nothing to judge by: it says nothing about them, pass or fail.</p><ul class="not-exercised">${unexercised.map((rule) => html`<li><code>${rule.id}</code> ${rule.title}: <span class="muted">${rule.notExercised ?? ''}</span></li>`)}</ul>`
}
</section>
${
  outcome.coverage === undefined
    ? ''
    : html`<section id="coverage"><h2>Coverage of documented responses</h2><p class="section-intro">Each status and media type the spec documents for each operation, and whether this run received it. A status no request from outside can provoke says why.</p>${coverageTable(outcome.coverage)}</section>`
}
<section id="findings">
<h2>Findings <span class="count">${findings.length}</span></h2>
${findings.length === 0 ? html`<p class="no-findings">No findings: every check that ran passed.</p>` : findings.map((finding) => findingCard(finding, anchorOf(finding), target))}
</section>
<section id="timeline">
<h2>Backup timeline</h2>
<p class="section-intro">The backups this run took, from the take to the delete, with each partition's state as the server reported it.</p>
${timelineSvg(outcome.timeline)}
</section>
<footer>backup-conformance ${toolVersion} · findings.json beside this file holds the complete record; junit.xml the same verdicts for CI.</footer>
</main>
</body>
</html>
`;
  return renderHtml(page);
}
