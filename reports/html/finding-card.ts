import type { Finding, Severity } from '../../src/findings/finding.js';
import { seenText } from '../../src/findings/format-finding.js';
import { shellQuote } from '../../src/http/curl.js';
import { html, type SafeHtml } from './html.js';

const VERDICT_RANK: Readonly<Record<Finding['verdict'], number>> = { violation: 0, inconclusive: 1, 'known-deviation': 2 };
const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 0, high: 1, medium: 2, low: 3 };
const VERDICT_WORDS: Readonly<Record<Finding['verdict'], string>> = {
  violation: 'violation',
  inconclusive: 'inconclusive',
  'known-deviation': 'known deviation',
};

/** Findings in reading order: violations, then inconclusive results, then known deviations; the severest first in each. */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, i) => ({ finding, i }))
    .sort(
      (a, b) =>
        VERDICT_RANK[a.finding.verdict] - VERDICT_RANK[b.finding.verdict] || SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.i - b.i,
    )
    .map(({ finding }) => finding);
}

/**
 * One finding: what was expected and received side by side, the spec's pointer and sentence, the
 * known deviation that excuses it, and the requests that reproduce it (curl lines, in order), plus
 * the replay command of a stateful run.
 */
export function findingCard(finding: Finding, anchor: string, target: { url: string; embedded: boolean }): SafeHtml {
  const sentences = finding.specSentence === undefined ? [] : [finding.specSentence];
  const seenWords = seenText(finding);
  const seen = seenWords === undefined ? '' : ` · ${seenWords}`;
  const where = finding.suite === undefined ? seen.replace(/^ · /, '') : `suite ${finding.suite}${seen}`;
  const { curl, replay, transcript } = finding.reproduction;
  const replayCommand =
    replay === undefined
      ? undefined
      : `npx conformance${target.embedded ? '' : ` --target ${shellQuote(target.url)}`}${finding.suite === undefined ? '' : ` --suite ${finding.suite}`} --seed ${replay.seed} --path ${shellQuote(replay.path)}`;
  return html`<article class="finding ${finding.verdict}" id="${anchor}" data-check-id="${finding.checkId}">
<div class="finding-head"><span class="badge">${VERDICT_WORDS[finding.verdict]}</span>${finding.inBaseline === true ? html`<span class="badge in-baseline">in the baseline</span>` : ''}<span class="badge severity">${finding.severity}</span><h3><code>${finding.checkId}</code></h3><span class="operation">${finding.operation}</span>${where === '' ? '' : html`<span class="where">${where}</span>`}</div>
<p class="finding-title">${finding.title}</p>
<div class="compare"><div class="expected"><div class="label">Expected</div><p class="value">${finding.expected}</p></div><div class="received"><div class="label">Received</div><p class="value">${finding.received}</p></div></div>
${finding.specPointer === undefined ? '' : html`<div class="spec"><span class="label">Spec</span><code>${finding.specPointer}</code>${sentences.map((sentence) => html`<blockquote>“${sentence}”</blockquote>`)}</div>`}
${
  finding.knownDeviation === undefined
    ? ''
    : html`<div class="spec deviation"><span class="label">Known deviation</span><code>${finding.knownDeviation.id}</code>: ${finding.knownDeviation.description} <span class="muted">(source: ${finding.knownDeviation.source})</span></div>`
}
<div class="reproduce">${
    curl.length === 0
      ? html`<div class="step"><span class="label">Reproduce</span><span class="muted">no request reproduces it on its own${replay === undefined ? '' : '; replay the run below'}.</span></div>`
      : html`<div class="step"><span class="label">Reproduce</span><span class="muted">${curl.length === 1 ? 'this request:' : `these ${curl.length} requests, in order:`}</span><pre class="commands curl">${curl.map((line, i) => html`${i === 0 ? '' : '\n'}${line}`)}</pre></div>`
  }${
    replay === undefined
      ? ''
      : html`<div class="step"><span class="label">Replay</span><span class="muted">the same generated run, shrunk to this failure (commands: <code>${replay.commands}</code>):</span><pre class="commands replay">${replayCommand}</pre></div>`
  }${
    transcript === undefined || transcript.length === 0
      ? ''
      : html`<details class="transcript"><summary>Transcript (${transcript.length === 1 ? 'the exchange' : `the last ${transcript.length} exchanges`})</summary><pre class="commands">${transcript.map(
          (entry, i) =>
            html`${i === 0 ? '' : '\n\n'}→ ${entry.request}\n← ${entry.failure ?? `${entry.status ?? ''}${entry.contentType === undefined ? '' : ` ${entry.contentType}`}`}${entry.body === undefined ? '' : `\n${entry.body}${entry.bodyTruncated === true ? ' …' : ''}`}`,
        )}</pre></details>`
  }</div>
</article>`;
}
