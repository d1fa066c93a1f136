import type { Finding, Severity, TranscriptEntry } from '../../src/findings/finding.js';
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

/** The run's target as the replay command names it: an embedded reference server needs no --target. */
interface ReplayTarget {
  readonly url: string;
  readonly embedded: boolean;
}

/**
 * One finding: what was expected and received side by side, the spec's pointer and sentence, the
 * known deviation that excuses it, and the requests that reproduce it (curl lines, in order), plus
 * the replay command of a stateful run.
 */
export function findingCard(finding: Finding, anchor: string, target: ReplayTarget): SafeHtml {
  const { curl, replay, transcript } = finding.reproduction;
  const expected = html`<div class="expected"><div class="label">Expected</div><p class="value">${finding.expected}</p></div>`;
  const received = html`<div class="received"><div class="label">Received</div><p class="value">${finding.received}</p></div>`;
  return html`<article class="finding ${finding.verdict}" id="${anchor}" data-check-id="${finding.checkId}">
${findingHead(finding)}
<p class="finding-title">${finding.title}</p>
<div class="compare">${expected}${received}</div>
${specReference(finding)}
${deviationNote(finding.knownDeviation)}
<div class="reproduce">${curlStep(curl, replay !== undefined)}${replayStep(finding, target)}${transcriptDetails(transcript)}</div>
</article>`;
}

/** The finding's badges (verdict, in the baseline, severity), its check and operation, and where it was seen. */
function findingHead(finding: Finding): SafeHtml {
  const inBaseline = finding.inBaseline === true ? html`<span class="badge in-baseline">in the baseline</span>` : '';
  const badges = html`<span class="badge">${VERDICT_WORDS[finding.verdict]}</span>${inBaseline}<span class="badge severity">${finding.severity}</span>`;
  const where = whereSeen(finding);
  const whereTag = where === '' ? '' : html`<span class="where">${where}</span>`;
  return html`<div class="finding-head">${badges}<h3><code>${finding.checkId}</code></h3><span class="operation">${finding.operation}</span>${whereTag}</div>`;
}

/** The suite that saw the finding and how often it was seen, as far as they are known: "suite smoke · seen 3 times". */
function whereSeen(finding: Finding): string {
  const seenWords = seenText(finding);
  const seen = seenWords === undefined ? '' : ` · ${seenWords}`;
  return finding.suite === undefined ? seen.replace(/^ · /, '') : `suite ${finding.suite}${seen}`;
}

/** Where in the spec the expectation comes from, with the spec's own sentence when it has one. */
function specReference(finding: Finding): SafeHtml | '' {
  if (finding.specPointer === undefined) return '';
  const sentence = finding.specSentence === undefined ? '' : html`<blockquote>“${finding.specSentence}”</blockquote>`;
  return html`<div class="spec"><span class="label">Spec</span><code>${finding.specPointer}</code>${sentence}</div>`;
}

/** The known deviation that excuses the finding: its id, what it is, and where it comes from. */
function deviationNote(deviation: Finding['knownDeviation']): SafeHtml | '' {
  if (deviation === undefined) return '';
  const source = html`<span class="muted">(source: ${deviation.source})</span>`;
  return html`<div class="spec deviation"><span class="label">Known deviation</span><code>${deviation.id}</code>: ${deviation.description} ${source}</div>`;
}

/** The requests that reproduce the finding, as curl lines in order; or that none does on its own. */
function curlStep(curl: readonly string[], replayable: boolean): SafeHtml {
  const label = html`<span class="label">Reproduce</span>`;
  if (curl.length === 0) {
    return html`<div class="step">${label}<span class="muted">no request reproduces it on its own${replayable ? '; replay the run below' : ''}.</span></div>`;
  }
  const lead = curl.length === 1 ? 'this request:' : `these ${curl.length} requests, in order:`;
  const lines = curl.map((line, i) => html`${i === 0 ? '' : '\n'}${line}`);
  return html`<div class="step">${label}<span class="muted">${lead}</span><pre class="commands curl">${lines}</pre></div>`;
}

/** The command that runs a stateful finding's generated run again, shrunk to the failure; nothing for another finding. */
function replayStep(finding: Finding, target: ReplayTarget): SafeHtml | '' {
  const { replay } = finding.reproduction;
  if (replay === undefined) return '';
  const targetFlag = target.embedded ? '' : ` --target ${shellQuote(target.url)}`;
  const suiteFlag = finding.suite === undefined ? '' : ` --suite ${finding.suite}`;
  const command = `npx conformance${targetFlag}${suiteFlag} --seed ${replay.seed} --path ${shellQuote(replay.path)}`;
  const lead = html`<span class="muted">the same generated run, shrunk to this failure (commands: <code>${replay.commands}</code>):</span>`;
  return html`<div class="step"><span class="label">Replay</span>${lead}<pre class="commands replay">${command}</pre></div>`;
}

/** The last exchanges before the finding, folded away; nothing when there are none. */
function transcriptDetails(transcript: readonly TranscriptEntry[] | undefined): SafeHtml | '' {
  if (transcript === undefined || transcript.length === 0) return '';
  const exchanges = transcript.length === 1 ? 'the exchange' : `the last ${transcript.length} exchanges`;
  const entries = transcript.map((entry, i) => html`${i === 0 ? '' : '\n\n'}${exchangeText(entry)}`);
  return html`<details class="transcript"><summary>Transcript (${exchanges})</summary><pre class="commands">${entries}</pre></details>`;
}

/** One exchange: the request, then why no answer came, or the answer's status and media type and the start of its body. */
function exchangeText(entry: TranscriptEntry): SafeHtml {
  const answer = entry.failure ?? `${entry.status ?? ''}${entry.contentType === undefined ? '' : ` ${entry.contentType}`}`;
  const body = entry.body === undefined ? '' : `\n${entry.body}${entry.bodyTruncated === true ? ' …' : ''}`;
  return html`→ ${entry.request}\n← ${answer}${body}`;
}
