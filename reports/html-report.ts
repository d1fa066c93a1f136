import type { Finding } from '../src/findings/finding.js';
import type { OperationCoverage } from '../src/coverage/response-coverage.js';
import type { RuleAccount } from '../src/findings/rule-account.js';
import type { RunOutcome, ToolError } from '../src/run-outcome.js';
import { toolVersion } from '../src/tool-version.js';
import { checkMatrix } from './html/check-matrix.js';
import { checksTable } from './html/checks-table.js';
import { coverageTable } from './html/coverage-table.js';
import { findingCard, orderFindings } from './html/finding-card.js';
import { html, renderHtml, trustedHtml, type SafeHtml } from './html/html.js';
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
${tableOfContents(outcome, findings.length)}
${toolErrorsSection(outcome.errors)}
<section id="checks">
<h2>Checks <span class="count">${matrix.rows.length} checks × ${matrix.operations.length} operations</span></h2>
${sectionIntro(
  'Each cell is one check on one operation over the whole run, with how often it failed and passed where it applied; a failing cell links to its finding.',
)}
${checksTable(matrix, anchorOf)}
${notExercisedList(unexercised)}
</section>
${outcome.coverage === undefined ? '' : coverageSection(outcome.coverage)}
<section id="findings">
<h2>Findings <span class="count">${findings.length}</span></h2>
${
  findings.length === 0
    ? html`<p class="no-findings">No findings: every check that ran passed.</p>`
    : findings.map((finding) => findingCard(finding, anchorOf(finding), target))
}
</section>
<section id="timeline">
<h2>Backup timeline</h2>
${sectionIntro("The backups this run took, from the take to the delete, with each partition's state as the server reported it.")}
${timelineSvg(outcome.timeline)}
</section>
<footer>backup-conformance ${toolVersion} · findings.json beside this file holds the complete record; junit.xml the same verdicts for CI.</footer>
</main>
</body>
</html>
`;
  return renderHtml(page);
}

/** The paragraph under a section's heading: its sentences, this code's own words, joined by a space. */
function sectionIntro(...sentences: readonly string[]): SafeHtml {
  return html`<p class="section-intro">${trustedHtml(sentences.join(' '))}</p>`;
}

/** A link to each section of the page; tool errors and coverage only when the run has them. */
function tableOfContents(outcome: RunOutcome, findingCount: number): SafeHtml {
  const links = [
    outcome.errors.length > 0 ? html`<a href="#tool-errors">Tool errors (${outcome.errors.length})</a>` : '',
    html`<a href="#checks">Checks</a>`,
    outcome.coverage === undefined ? '' : html`<a href="#coverage">Coverage</a>`,
    html`<a href="#findings">Findings (${findingCount})</a>`,
    html`<a href="#timeline">Backup timeline</a>`,
  ];
  return html`<nav class="toc" aria-label="Sections">${links}</nav>`;
}

/** The tool's own failures, each with the suite it stopped in; nothing when there were none. */
function toolErrorsSection(errors: readonly ToolError[]): SafeHtml | '' {
  if (errors.length === 0) return '';
  const heading = html`<h2>Tool errors <span class="count">${errors.length}</span></h2>`;
  const intro = sectionIntro('Failures of the tool, not of the server: the run could not judge everything.');
  const items = errors.map(
    (error) =>
      html`<li><code>${error.code}</code>${error.suite === undefined ? '' : html`<span class="muted">in ${error.suite}: </span>`}${error.message}</li>`,
  );
  return html`<section id="tool-errors">${heading}${intro}<ul class="tool-errors">${items}</ul></section>`;
}

/** The rules the run had nothing to judge by, each with why; nothing when it exercised every rule. */
function notExercisedList(unexercised: readonly RuleAccount[]): SafeHtml | '' {
  if (unexercised.length === 0) return '';
  const heading = html`<h3 id="not-exercised">Not exercised <span class="count">${unexercised.length}</span></h3>`;
  const intro = sectionIntro('Rules the run met nothing to judge by: it says nothing about them, pass or fail.');
  const items = unexercised.map((rule) => html`<li><code>${rule.id}</code> ${rule.title}: <span class="muted">${rule.notExercised ?? ''}</span></li>`);
  return html`${heading}${intro}<ul class="not-exercised">${items}</ul>`;
}

/** Each documented response of each operation, received in this run or not. */
function coverageSection(coverage: readonly OperationCoverage[]): SafeHtml {
  const intro = sectionIntro(
    'Each status and media type the spec documents for each operation, and whether this run received it.',
    'A status no request from outside can provoke says why.',
  );
  return html`<section id="coverage"><h2>Coverage of documented responses</h2>${intro}${coverageTable(coverage)}</section>`;
}
