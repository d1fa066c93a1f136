import type { TimelineEvent } from '../../src/findings/backup-timeline.js';
import { toBackupLanes, type BackupLane, type Marker, type Span } from './backup-lanes.js';
import { html, trustedHtml, type SafeHtml } from './html.js';
import { CORE_STATES, LEGEND_ORDER, stateStyle, stateText, type StateStyle } from './lane-state-style.js';
import { formatRunTime, niceTicks } from './time-axis.js';

/** Lanes drawn at most; a longer run is summarised below the chart (findings.json has every event). */
export const MAX_LANES = 150;

const WIDTH = 1000;
const LAST_COLUMN = 150;
const AXIS_HEIGHT = 28;
const OVERALL_HEIGHT = 16;
const PARTITION_HEIGHT = 7;
const PARTITION_GAP = 3;
/** Above this many partitions, they share one band of this height, without labels. */
const MAX_LABELLED_PARTITIONS = 8;
const STACKED_HEIGHT = 32;
const LANE_GAP = 18;

/** What the chart shows, said under it. */
const CAPTION = trustedHtml(
  'Time since the run started. Each lane is one backup the run took: the top band is its overall state, the thin bands its partitions (P1, P2, …), ' +
    "as the responses showed them; a state holds until the backup's next request. Hover a band for its times.",
);

/**
 * The run's own backups over time, as one inline SVG: a lane per backup, with its overall state in
 * the top band and each partition's state in thin bands under it, the take (▼) and delete (✕)
 * marked, and the last state seen at the right, so a backup that stalled stands out.
 */
export function timelineSvg(events: readonly TimelineEvent[]): SafeHtml {
  const all = toBackupLanes(events);
  if (all.length === 0) return html`<p class="muted">The run took no backups, so there is no timeline to draw.</p>`;
  const lanes = all.slice(0, MAX_LANES);
  const labelWidth = Math.min(230, Math.max(110, 58 + 7.4 * Math.max(...lanes.map((lane) => lane.backupId.length))));
  const plotLeft = labelWidth;
  const plotRight = WIDTH - LAST_COLUMN;
  const start = Math.min(...lanes.map((lane) => lane.firstMs));
  const end = Math.max(...lanes.map((lane) => lane.lastMs));
  const pad = Math.max((end - start) * 0.02, 5);
  const t0 = Math.max(0, start - pad);
  const t1 = end + pad;
  const x = (ms: number): number => round(plotLeft + ((ms - t0) / (t1 - t0)) * (plotRight - plotLeft));

  let y = AXIS_HEIGHT + 6;
  const drawn: SafeHtml[] = [];
  for (const lane of lanes) {
    drawn.push(laneSvg(lane, y, x, plotLeft, plotRight));
    y += laneHeight(lane) + LANE_GAP;
  }
  const height = y - LANE_GAP + 10;
  const ticks = niceTicks(t0, t1, 7);
  const unitMs = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1000;
  const axis = ticks.map((tick) => tickSvg(x(tick), height, formatRunTime(tick, unitMs)));
  const present = new Set(all.flatMap((lane) => [...lane.overall, ...lane.partitions.flatMap((p) => p.spans)].map((span) => stateStyle(span.state).className)));
  const legend = LEGEND_ORDER.filter((style) => CORE_STATES.has(style.className) || present.has(style.className));

  return html`<figure class="timeline">
${legendList(legend)}
<div class="chart-scroll">${chartSvg(all.length, height, axis, plotRight, drawn)}</div>
<figcaption>${CAPTION}${
    all.length > lanes.length ? html` Only the first ${lanes.length} of ${all.length} backups are drawn; findings.json lists every event.` : ''
  }</figcaption>
</figure>`;
}

/** The legend: a swatch for each state shown, and the marks of a take and a delete. */
function legendList(styles: readonly StateStyle[]): SafeHtml {
  const swatches = styles.map((style) => html`<li><span class="swatch ${style.className}"></span>${style.label}</li>`);
  return html`<ul class="legend" aria-label="Legend">${swatches}<li><span class="glyph">▼</span>take</li><li><span class="glyph">✕</span>delete</li></ul>`;
}

/** The chart of `backups` backups: its title, the hatched fills, the time axis with the head of the last-seen column, and the lanes. */
function chartSvg(backups: number, height: number, axis: readonly SafeHtml[], plotRight: number, lanes: readonly SafeHtml[]): SafeHtml {
  const viewBox = `0 0 ${WIDTH} ${round(height)}`;
  return html`<svg class="timeline-chart" xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" width="100%" role="img" aria-labelledby="timeline-title">
<title id="timeline-title">State of each backup the run took, over the run (${backups} backup${backups === 1 ? '' : 's'})</title>
<defs>
${hatchPattern('taken', 45)}
${hatchPattern('no-answer', -45)}
</defs>
<g class="axis">${axis}<text class="column-head" x="${plotRight + 14}" y="${AXIS_HEIGHT - 10}">last seen</text></g>
${lanes}
</svg>`;
}

/** The striped fill of a lane state (s-taken, s-no-answer): pattern tl-hatch-STATE, in the style sheet's hatch-STATE-bg and hatch-STATE-line. */
function hatchPattern(state: 'taken' | 'no-answer', angle: number): SafeHtml {
  const stripe = html`<rect width="6" height="6" class="hatch-${state}-bg"/><line x1="0" y1="0" x2="0" y2="6" class="hatch-${state}-line"/>`;
  return html`<pattern id="tl-hatch-${state}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(${angle})">${stripe}</pattern>`;
}

/** A tick of the time axis: a line down the chart at `at`, with its time above. */
function tickSvg(at: number, height: number, time: string): SafeHtml {
  const line = html`<line x1="${at}" x2="${at}" y1="${AXIS_HEIGHT - 4}" y2="${height}"/>`;
  return html`<g class="tick">${line}<text x="${at}" y="${AXIS_HEIGHT - 10}" text-anchor="middle">${time}</text></g>`;
}

function laneHeight(lane: BackupLane): number {
  return OVERALL_HEIGHT + (lane.partitions.length === 0 ? 0 : 4 + partitionAreaHeight(lane.partitions.length));
}

function partitionAreaHeight(count: number): number {
  return count > MAX_LABELLED_PARTITIONS ? STACKED_HEIGHT : count * PARTITION_HEIGHT + (count - 1) * PARTITION_GAP;
}

function laneSvg(lane: BackupLane, top: number, x: (ms: number) => number, plotLeft: number, plotRight: number): SafeHtml {
  const name = `backup ${lane.backupId}`;
  const bands: SafeHtml[] = lane.overall.map((span) => spanRect(span, name, x, top, OVERALL_HEIGHT, 'overall'));
  const partitionTop = top + OVERALL_HEIGHT + 4;
  const labels: SafeHtml[] = [];
  const count = lane.partitions.length;
  if (count > MAX_LABELLED_PARTITIONS) {
    const band = STACKED_HEIGHT / count;
    lane.partitions.forEach((partition, i) => {
      for (const span of partition.spans)
        bands.push(spanRect(span, `${name}, partition ${partition.partitionId}`, x, partitionTop + i * band, band, 'partition'));
    });
    const first = lane.partitions[0]!.partitionId;
    const last = lane.partitions[count - 1]!.partitionId;
    labels.push(
      html`<text class="partition-label" x="${plotLeft - 10}" y="${partitionTop + STACKED_HEIGHT / 2 + 3}" text-anchor="end">P${first}–P${last}</text>`,
    );
  } else {
    lane.partitions.forEach((partition, i) => {
      const bandTop = partitionTop + i * (PARTITION_HEIGHT + PARTITION_GAP);
      for (const span of partition.spans) bands.push(spanRect(span, `${name}, partition ${partition.partitionId}`, x, bandTop, PARTITION_HEIGHT, 'partition'));
      labels.push(
        html`<text class="partition-label" x="${plotLeft - 10}" y="${bandTop + PARTITION_HEIGHT - 0.5}" text-anchor="end">P${partition.partitionId}</text>`,
      );
    });
  }
  const markers = lane.markers.map((marker) => markerSvg(marker, name, x(marker.atMs), top));
  const height = laneHeight(lane);
  return html`<g class="lane" data-backup-id="${lane.backupId}">
<rect class="lane-bg" x="0" y="${top - 7}" width="${WIDTH}" height="${height + 14}"/>
<text class="lane-label" x="${plotLeft - 10}" y="${top + OVERALL_HEIGHT - 4}" text-anchor="end">${name}</text>
${labels}${bands}${markers}
${lastSeenSvg(lane, top, plotRight)}
</g>`;
}

/** A lane's last-seen column: a swatch and the last state seen (or why none was), and after a delete or a 404 the state before it. */
function lastSeenSvg(lane: BackupLane, top: number, plotRight: number): SafeHtml {
  const last = lane.lastState;
  const lastClass = last === undefined ? 's-none' : stateStyle(last).className;
  const refused = lane.markers.find((marker) => marker.kind === 'take' && !marker.accepted);
  // After a delete or a 404, the last state the server reported is what tells whether it had settled.
  const was = last !== undefined && last.kind !== 'server' ? lane.lastServerState : undefined;
  const lastText =
    last !== undefined ? truncate(stateText(last), 16) : refused === undefined ? 'never seen' : `take refused (${refused.status ?? 'no answer'})`;
  const swatch = html`<rect class="swatch-mini ${lastClass}" x="${plotRight + 14}" y="${top + 3}" width="10" height="10"/>`;
  const wasText = was === undefined ? '' : html`<text class="was" x="${plotRight + 30}" y="${top + OVERALL_HEIGHT + 9}">was ${truncate(was, 16)}</text>`;
  return html`<g class="last-seen">${swatch}<text x="${plotRight + 30}" y="${top + OVERALL_HEIGHT - 4}">${lastText}</text>${wasText}</g>`;
}

function spanRect(span: Span, name: string, x: (ms: number) => number, top: number, height: number, kind: 'overall' | 'partition'): SafeHtml {
  const style = stateStyle(span.state);
  const left = x(span.startMs);
  const width = Math.max(x(span.endMs) - left, 3);
  const times =
    span.endMs === span.startMs ? `at ${formatRunTime(span.startMs, 1)}` : `from ${formatRunTime(span.startMs, 1)} to ${formatRunTime(span.endMs, 1)}`;
  const seen = span.sightings > 1 ? ` (${span.sightings} events)` : '';
  const tip = html`<title>${name}: ${stateText(span.state)} ${times}${seen}</title>`;
  return html`<rect class="band ${kind} ${style.className}" x="${left}" y="${round(top)}" width="${round(width)}" height="${round(height)}">${tip}</rect>`;
}

function markerSvg(marker: Marker, name: string, at: number, top: number): SafeHtml {
  const outcome = marker.status === undefined ? 'no response' : String(marker.status);
  const tip = html`<title>${name}: ${marker.operation} → ${outcome} at ${formatRunTime(marker.atMs, 1)}</title>`;
  const state = marker.accepted ? '' : ' refused';
  if (marker.kind === 'take') {
    return html`<path class="marker take${state}" d="M ${at - 5} ${top - 7} L ${at + 5} ${top - 7} L ${at} ${top - 1} Z">${tip}</path>`;
  }
  return html`<path class="marker delete${state}" d="M ${at - 4} ${top - 8} L ${at + 4} ${top} M ${at + 4} ${top - 8} L ${at - 4} ${top}">${tip}</path>`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
