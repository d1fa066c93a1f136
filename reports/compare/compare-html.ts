import type { CompareJson } from './compare-json.js';
import type { DifferenceSighting, FollowOn } from '../../src/compare/diff-traces.js';
import { html, renderHtml, trustedHtml, type SafeHtml } from '../html/html.js';

const STYLE = trustedHtml(`
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1f2328; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #d0d7de; padding: .4rem .6rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #f6f8fa; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: .2rem 0; font-size: 12px; }
.same { color: #1a7f37; }
`);

const HEADINGS = trustedHtml('<tr><th>Aspect</th><th>A</th><th>B</th><th>Steps</th><th>With it</th></tr>');

/** compare.html: each difference with both sides' readings, for each step it showed at both sides' requests, and what follows from it. */
export function compareHtml(report: CompareJson): string {
  const verdict =
    report.differences.length === 0
      ? html`<p class="same">No difference in ${report.steps} steps.</p>`
      : html`<p>${report.differences.length} difference${report.differences.length === 1 ? '' : 's'} in ${report.steps} steps.</p>`;
  const rows = report.differences.map(
    (d) => html`<tr>
      <td>${d.aspect}</td><td>${d.a}</td><td>${d.b}</td>
      <td>${d.steps.map(sightingDetails)}</td>
      <td>${d.followOns.map(followOnLine)}</td>
    </tr>`,
  );
  return renderHtml(html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Compare: ${report.a.baseUrl} and ${report.b.baseUrl}</title><style>${STYLE}</style></head>
<body>
<h1>${report.a.baseUrl} (A) and ${report.b.baseUrl} (B)</h1>
${verdict}
${report.noise.length === 0 ? '' : html`<p>Differences ${report.noise.map((n) => n.baseUrl).join(', ')} shows against A are left out as noise.</p>`}
${report.differences.length === 0 ? '' : html`<table><thead>${HEADINGS}</thead><tbody>${rows}</tbody></table>`}
</body></html>
`);
}

/** A step where a difference showed, its label opening to both sides' requests. */
function sightingDetails(sighting: DifferenceSighting): SafeHtml {
  const { step, label, curlA, curlB } = sighting;
  return html`<details><summary>${step}. ${label}</summary><pre>A: ${curlA.join('\n')}</pre><pre>B: ${curlB.join('\n')}</pre></details>`;
}

/** An aspect that differs because of the difference, with both readings and the steps it differs at. */
function followOnLine(followOn: FollowOn): SafeHtml {
  const { aspect, a, b, steps } = followOn;
  return html`<div>${aspect}: A ${a}; B ${b} (${steps.length === 1 ? 'step' : 'steps'} ${steps.join(', ')})</div>`;
}
