import { plural } from '../../src/text/plural.js';
import { couldNotJudge, type RunOutcome, type StopReason } from '../../src/run-outcome.js';
import { html, type SafeHtml } from './html.js';
import { failsRun, type BaselineComparison } from '../../src/baseline/baseline.js';
import { describeFault } from '../../src/baseline/format-baseline.js';

/** The verdict in words, as the exit code means it. */
export function verdictWords(outcome: Pick<RunOutcome, 'exitCode' | 'findings'>): { readonly tone: 'pass' | 'fail' | 'tool'; readonly headline: string } {
  const violations = outcome.findings.filter(failsRun).length;
  if (couldNotJudge(outcome.exitCode)) return { tone: 'tool', headline: 'Could not judge' };
  if (violations > 0) return { tone: 'fail', headline: 'Not conformant' };
  return { tone: 'pass', headline: 'Conformant' };
}

const ICONS = { pass: '✓', fail: '✗', tool: '!' } as const;
const STOP_WORDS: Readonly<Record<StopReason, string>> = {
  interrupt: 'interrupted',
  'max-duration': '--max-duration reached',
  'suite-timeout': '--suite-timeout reached',
};

/** The top of the report: the verdict, the counts behind it, and what was tested. */
export function verdictHeader(outcome: RunOutcome, toolVersion: string): SafeHtml {
  const { tone, headline } = verdictWords(outcome);
  const count = (verdict: string) => outcome.findings.filter((f) => f.verdict === verdict).length;
  const violations = count('violation');
  const evaluations = outcome.checks.reduce((sum, entry) => sum + entry.runs, 0);
  const rules = new Set(outcome.findings.filter(failsRun).map((f) => f.checkId)).size;
  const heldTo = outcome.profile.id === 'spec' ? 'the spec' : `${outcome.profile.title} behaviour`;
  const inconclusive = count('inconclusive') > 0 ? ' Inconclusive results are listed: the spec is silent or ambiguous there.' : '';
  const line =
    tone === 'tool'
      ? 'The tool could not finish judging this server: see the tool errors below. Findings up to that point are listed.'
      : tone === 'fail'
        ? `The server broke ${rules === 1 ? 'a rule' : `${rules} rules`} of the Backup Management API contract, held to ${heldTo}.`
        : `No violation in ${plural(evaluations, 'check evaluation')}, held to ${heldTo}.${inconclusive}`;
  const stopped =
    outcome.interrupted === undefined
      ? ''
      : html`<p class="verdict-line stopped">Stopped early (${STOP_WORDS[outcome.interrupted]}): this report is partial.</p>`;
  const known = count('known-deviation');
  const tools = outcome.errors.length;
  const chips = [
    countChip('c-violation', violations, violations === 1 ? 'violation' : 'violations'),
    countChip('c-inconclusive', count('inconclusive'), 'inconclusive'),
    countChip('c-known', known, known === 1 ? 'known deviation' : 'known deviations'),
    countChip('c-tool', tools, tools === 1 ? 'tool error' : 'tool errors'),
    countChip('c-pass', evaluations, 'check evaluations'),
  ];
  const suites = outcome.suites.length === 0 ? 'none ran' : outcome.suites.map((suite) => `${suite.id} (${formatDuration(suite.durationMs)})`).join(', ');
  return html`<header class="verdict v-${tone}" id="verdict" data-exit-code="${outcome.exitCode}">
<p class="eyebrow">Zeebe Backup Management API · conformance report</p>
<h1><span class="verdict-icon" aria-hidden="true">${ICONS[tone]}</span><span class="verdict-text">${headline}</span></h1>
<p class="verdict-line">${line}</p>
${stopped}
<ul class="counts">${chips}</ul>
<dl class="facts">
<dt>Target</dt><dd><code>${outcome.target}</code>${outcome.embedded ? ' (the embedded reference server)' : ''}</dd>
<dt>Held to</dt><dd class="profile" data-profile="${outcome.profile.id}">${heldToFact(outcome.profile)}</dd>
<dt>Spec</dt><dd><code>${specName(outcome.specPath)}</code></dd>
<dt>Started</dt><dd>${formatInstant(outcome.startedAt)}, ran for ${formatDuration(outcome.durationMs)}, ${plural(outcome.requests, 'request')}</dd>
<dt>Suites</dt><dd>${suites}</dd>
${baselineFact(outcome.baseline)}
<dt>Tool</dt><dd>backup-conformance ${toolVersion}</dd>
</dl>
</header>`;
}

/** One count behind the verdict, dimmed when it is zero. */
function countChip(className: string, n: number, word: string): SafeHtml {
  return html`<li class="${className}${n === 0 ? ' zero' : ''}"><strong>${n}</strong>${word}</li>`;
}

/** What the server was held to: the spec, or a profile's behaviour, with what holding to a profile means. */
function heldToFact(profile: RunOutcome['profile']): SafeHtml | string {
  if (profile.id === 'spec') return 'the spec';
  const meaning = html`<span class="muted">(--profile ${profile.id}: its documented departures from the spec are known deviations)</span>`;
  return html`${profile.title} behaviour ${meaning}`;
}

/** How the run compares with its --baseline file: faults known, new and fixed, and those it did not check again. */
function baselineFact(baseline: BaselineComparison | undefined): SafeHtml | '' {
  if (baseline === undefined) return '';
  const { file, known, newViolations, fixed, notRechecked } = baseline;
  const fixedLines = fixed.map((fault) => html`<br><span class="fixed">fixed: ${describeFault(fault)}</span>`);
  const notRecheckedLines = notRechecked.map((fault) => html`<br><span class="muted">not checked in this run: ${describeFault(fault)}</span>`);
  const counts = html`${known} known, ${newViolations} new violations, ${fixed.length} fixed`;
  return html`<dt>Baseline</dt><dd class="baseline"><code>${file}</code>: ${counts}${fixedLines}${notRecheckedLines}</dd>`;
}

/** A spec under a `spec/` folder by that short path (the bundled one reads the same on every machine); another as given. */
function specName(path: string): string {
  const bundled = /(?:^|[\\/])(spec[\\/][^\\/]+)$/.exec(path);
  return bundled?.[1] ?? path;
}

function formatInstant(iso: string): string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : iso;
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}
