/**
 * The report's whole style sheet, inlined so the file reads the same offline and as a CI artifact.
 * System fonts only; colours meet WCAG AA contrast on both schemes; the dark scheme follows the
 * reader's `prefers-color-scheme`.
 */
export const REPORT_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa; --row: #f6f8fa;
  --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9; --warn: #9a6700; --warn-bg: #fff8c5;
  --known: #0969da; --known-bg: #ddf4ff; --tool: #8250df; --tool-bg: #fbefff;
  --completed: #2da44e; --in-progress: #d4a72c; --failed: #cf222e; --incomplete: #e16f24; --dne: #8c959f; --other: #bf3989;
  --taken-bg: #eaeef2; --taken-line: #8c959f; --deleted: #424a53; --no-answer-bg: #ffebe9; --no-answer-line: #ff8182;
  --lane: #f6f8fa; --grid: #e4e8ec;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --panel: #151b23; --row: #151b23;
    --pass: #3fb950; --pass-bg: rgba(46, 160, 67, 0.16); --fail: #ff7b72; --fail-bg: rgba(248, 81, 73, 0.16); --warn: #d29922;
    --warn-bg: rgba(187, 128, 9, 0.18);
    --known: #58a6ff; --known-bg: rgba(56, 139, 253, 0.16); --tool: #bc8cff; --tool-bg: rgba(171, 125, 248, 0.16);
    --completed: #3fb950; --in-progress: #d29922; --failed: #f85149; --incomplete: #f0883e; --dne: #656c76; --other: #db61a2;
    --taken-bg: #21262d; --taken-line: #6e7681; --deleted: #9198a1; --no-answer-bg: rgba(248, 81, 73, 0.16); --no-answer-line: #f85149;
    --lane: #151b23; --grid: #262c36;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 24px 56px; }
@media (max-width: 900px) { main { padding: 20px 14px 40px; } }
a { color: var(--known); }
code, pre, kbd { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 0.86em; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
h2 { font-size: 1.3rem; margin: 40px 0 6px; padding-bottom: 8px; border-bottom: 1px solid var(--border); }
h2 .count { color: var(--muted); font-weight: 400; }
.muted { color: var(--muted); }
.section-intro { color: var(--muted); margin: 6px 0 16px; }

.verdict { border: 1px solid var(--border); border-left: 6px solid var(--accent); border-radius: 8px; padding: 20px 24px; background: var(--panel); }
.verdict.v-pass { --accent: var(--pass); } .verdict.v-fail { --accent: var(--fail); } .verdict.v-tool { --accent: var(--tool); }
.eyebrow { margin: 0 0 6px; color: var(--muted); font-size: 0.8rem; letter-spacing: 0.06em; text-transform: uppercase; }
.verdict h1 { font-size: 1.9rem; color: var(--accent); display: flex; align-items: center; gap: 12px; }
.verdict-icon { display: inline-grid; place-items: center; width: 1.3em; height: 1.3em; border-radius: 50%; background: var(--accent);
  color: var(--bg); font-size: 0.8em; }
.verdict-line { margin: 8px 0 0; font-size: 1.02rem; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; margin: 16px 0 0; padding: 0; }
.counts li { border: 1px solid var(--border); border-radius: 999px; padding: 2px 12px 2px 4px; background: var(--bg); font-size: 0.9rem; }
.counts strong { display: inline-block; min-width: 1.8em; padding: 0 6px; margin-right: 6px; border-radius: 999px; text-align: center; }
.counts .c-violation strong { background: var(--fail-bg); color: var(--fail); }
.counts .c-inconclusive strong { background: var(--warn-bg); color: var(--warn); }
.counts .c-known strong { background: var(--known-bg); color: var(--known); }
.counts .c-tool strong { background: var(--tool-bg); color: var(--tool); }
.counts .c-pass strong { background: var(--pass-bg); color: var(--pass); }
.counts .zero strong { background: transparent; color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 20px; margin: 18px 0 0; font-size: 0.92rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.profile { font-weight: 600; }
.profile .muted { font-weight: 400; }

nav.toc { display: flex; gap: 20px; margin: 18px 2px 0; font-size: 0.92rem; }
nav.toc a { text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }

.tool-errors { list-style: none; padding: 0; margin: 16px 0 0; }
.tool-errors li { border: 1px solid var(--border); border-left: 4px solid var(--tool); background: var(--tool-bg); border-radius: 6px;
  padding: 10px 14px; margin-top: 8px; }
.tool-errors code { color: var(--tool); font-weight: 600; margin-right: 8px; }

.table-wrap { overflow-x: auto; border: 1px solid var(--border); border-radius: 8px; }
table.checks { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
table.checks th, table.checks td { padding: 7px 8px; text-align: left; border-bottom: 1px solid var(--border); vertical-align: middle; }
table.checks thead th { background: var(--panel); font-weight: 600; }
table.checks thead th code { font-size: 0.9em; }
table.checks tbody tr:last-child th, table.checks tbody tr:last-child td { border-bottom: 0; }
table.checks tbody th { font-weight: 400; min-width: 15em; }
/* A rule id breaks only at its hyphens, and its column is wide enough that it does so at most once. */
table.checks tbody th code { font-weight: 600; font-size: 0.92em; overflow-wrap: normal; word-break: normal; }
table.checks .check-title { display: block; color: var(--muted); font-size: 0.86em; }
/* A verdict's icon and word stay together; its count goes below them when the column is narrow. */
.cell { display: inline-flex; flex-wrap: wrap; align-items: baseline; column-gap: 6px; white-space: nowrap; border-radius: 10px; padding: 1px 8px;
  font-size: 0.86rem; text-decoration: none; }
.cell .runs { opacity: 0.75; font-size: 0.9em; white-space: nowrap; }
.cell.passed { color: var(--pass); }
.cell.violation { color: var(--fail); background: var(--fail-bg); font-weight: 600; }
.cell.inconclusive { color: var(--warn); background: var(--warn-bg); font-weight: 600; }
.cell.known-deviation { color: var(--known); background: var(--known-bg); font-weight: 600; }
.cell.none { color: var(--muted); }
a.cell:hover { text-decoration: underline; }

.finding { border: 1px solid var(--border); border-left: 4px solid var(--accent); border-radius: 8px; padding: 16px 20px; margin-top: 16px;
  background: var(--bg); }
.finding.violation { --accent: var(--fail); --accent-bg: var(--fail-bg); }
.finding.inconclusive { --accent: var(--warn); --accent-bg: var(--warn-bg); }
.finding.known-deviation { --accent: var(--known); --accent-bg: var(--known-bg); }
.finding-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 12px; }
.finding-head h3 { font-size: 1.08rem; }
.finding-head .operation { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9rem;
  background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 0 8px; }
.finding-head .where { color: var(--muted); font-size: 0.86rem; margin-left: auto; }
.badge { display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: 0.74rem; font-weight: 700; letter-spacing: 0.05em;
  text-transform: uppercase; color: var(--accent); background: var(--accent-bg); }
.badge.severity { color: var(--muted); background: var(--panel); border: 1px solid var(--border); }
ul.statuses { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 14px; }
ul.statuses .status.observed { color: var(--pass); } ul.statuses .status.unseen { color: var(--muted); }
ul.statuses .status.undocumented { color: var(--warn); }
.badge.in-baseline { color: var(--muted); background: var(--panel); border: 1px dashed var(--border); }
.finding-title { margin: 4px 0 12px; color: var(--muted); }
.compare { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
@media (max-width: 720px) { .compare { grid-template-columns: 1fr; } }
.compare > div { border: 1px solid var(--border); border-radius: 6px; padding: 8px 12px; background: var(--panel); min-width: 0; }
.compare .label { font-size: 0.74rem; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase; color: var(--muted); }
.compare .received { border-color: var(--accent); }
.compare .value { margin: 2px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 16em; overflow: auto; }
.spec { margin: 12px 0 0; font-size: 0.92rem; }
.spec .label, .reproduce .label { color: var(--muted); font-weight: 600; margin-right: 8px; }
.reproduce .step + .step { margin-top: 10px; }
.spec blockquote { margin: 6px 0 0; padding: 4px 14px; border-left: 3px solid var(--border); color: var(--fg); font-style: italic; }
.reproduce { margin-top: 14px; font-size: 0.92rem; }
pre.commands { margin: 6px 0 0; padding: 10px 14px; border-radius: 6px; background: var(--panel); border: 1px solid var(--border);
  white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.45; }
pre.commands .prompt { color: var(--muted); user-select: none; }
.no-findings { border: 1px dashed var(--border); border-radius: 8px; padding: 16px 20px; color: var(--muted); }

figure.timeline { margin: 0; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; padding: 0; margin: 0 0 10px; font-size: 0.86rem; color: var(--muted); }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.legend .glyph { color: var(--fg); font-size: 0.9em; }
.swatch { display: inline-block; width: 22px; height: 10px; border-radius: 2px; }
.swatch.s-completed { background: var(--completed); } .swatch.s-in-progress { background: var(--in-progress); } .swatch.s-failed { background: var(--failed); }
.swatch.s-incomplete { background: var(--incomplete); } .swatch.s-does-not-exist { background: var(--dne); } .swatch.s-other { background: var(--other); }
.swatch.s-deleted { background: var(--deleted); }
.swatch.s-taken { background: repeating-linear-gradient(45deg, var(--taken-line) 0 1.5px, var(--taken-bg) 1.5px 4px); }
.swatch.s-no-answer { background: repeating-linear-gradient(-45deg, var(--no-answer-line) 0 1.5px, var(--no-answer-bg) 1.5px 4px); }
.swatch.s-not-found { border: 1.5px dashed var(--muted); }
.chart-scroll { overflow-x: auto; border: 1px solid var(--border); border-radius: 8px; padding: 6px 10px; }
svg.timeline-chart { display: block; min-width: 760px; font-family: inherit; }
svg.timeline-chart text { fill: var(--fg); font-size: 12px; }
svg.timeline-chart .tick line { stroke: var(--grid); stroke-width: 1; }
svg.timeline-chart .tick text, svg.timeline-chart .column-head { fill: var(--muted); font-size: 11px; }
svg.timeline-chart .lane-bg { fill: var(--lane); opacity: 0.6; }
svg.timeline-chart .lane:nth-of-type(even) .lane-bg { opacity: 0; }
svg.timeline-chart .lane-label { font-weight: 600; }
svg.timeline-chart .partition-label { fill: var(--muted); font-size: 9px; }
svg.timeline-chart .last-seen .was { fill: var(--muted); font-size: 10.5px; }
svg.timeline-chart .band { stroke: var(--bg); stroke-width: 0.5; }
svg.timeline-chart .s-completed { fill: var(--completed); } svg.timeline-chart .s-in-progress { fill: var(--in-progress); }
svg.timeline-chart .s-failed { fill: var(--failed); }
svg.timeline-chart .s-incomplete { fill: var(--incomplete); } svg.timeline-chart .s-does-not-exist { fill: var(--dne); }
svg.timeline-chart .s-other { fill: var(--other); }
svg.timeline-chart .s-deleted { fill: var(--deleted); }
svg.timeline-chart .s-taken { fill: url(#tl-hatch-taken); }
svg.timeline-chart .s-no-answer { fill: url(#tl-hatch-no-answer); }
svg.timeline-chart .s-not-found { fill: transparent; stroke: var(--muted); stroke-width: 1.2; stroke-dasharray: 3 2; }
svg.timeline-chart .s-none { fill: transparent; stroke: var(--muted); }
svg.timeline-chart .hatch-taken-bg { fill: var(--taken-bg); } svg.timeline-chart .hatch-taken-line { stroke: var(--taken-line); stroke-width: 2; }
svg.timeline-chart .hatch-no-answer-bg { fill: var(--no-answer-bg); } svg.timeline-chart .hatch-no-answer-line { stroke: var(--no-answer-line);
stroke-width: 2; }
svg.timeline-chart .marker.take { fill: var(--fg); }
svg.timeline-chart .marker.take.refused { fill: var(--fail); }
svg.timeline-chart .marker.delete { stroke: var(--fg); stroke-width: 2; fill: none; }
svg.timeline-chart .marker.delete.refused { stroke: var(--fail); }
figcaption { margin-top: 8px; color: var(--muted); font-size: 0.86rem; }

footer { margin-top: 48px; padding-top: 14px; border-top: 1px solid var(--border); color: var(--muted); font-size: 0.84rem; }
@media print {
  body { font-size: 12px; }
  .finding, .verdict, tr { break-inside: avoid; }
  .chart-scroll, .table-wrap { overflow: visible; }
}
`;
