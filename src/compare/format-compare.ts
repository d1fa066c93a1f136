import type { CompareOutcome } from './compare-servers.js';
import type { Difference } from './diff-traces.js';
import type { Trace } from './trace-target.js';
import { plural } from '../text/plural.js';
import { elide } from '../text/elide.js';

/** A reading longer than this is cut on the console; compare.json keeps it whole. */
const MOST_VALUE_CHARS = 200;
/** Steps named per difference on the console; compare.json and compare.html list them all. */
const STEPS_NAMED = 3;

/** The outcome for people: the targets, then each difference with the steps it showed at and what follows from it. */
export function formatCompare(outcome: CompareOutcome): string {
  const lines = [`A  ${described(outcome.a)}`, `B  ${described(outcome.b)}`];
  for (const noise of outcome.noise) lines.push(`noise  ${described(noise)} (what differs between it and A is left out)`);
  const { differences, steps } = outcome;
  if (differences.length === 0) lines.push(`No difference in ${steps} steps.`);
  else lines.push(`${differences.length} difference${differences.length === 1 ? '' : 's'} in ${steps} steps:`);
  for (const d of differences) lines.push(...differenceLines(d));
  for (const [side, trace] of [
    ['A', outcome.a],
    ['B', outcome.b],
  ] as const) {
    if (trace.leftBehind.length > 0) lines.push(`Left behind on ${side} (${trace.baseUrl}), delete them by hand: ${trace.leftBehind.map(cut).join(', ')}`);
  }
  return lines.join('\n');
}

/** Follow-ons named per difference on the console; compare.json and compare.html list them all. */
const FOLLOW_ONS_NAMED = 4;

/** One difference: its head and readings, the steps it showed at, and what follows from it. */
function differenceLines(d: Difference): string[] {
  const named = d.steps.slice(0, STEPS_NAMED).map((s) => `${s.step}. ${s.label}`);
  const more = d.steps.length > STEPS_NAMED ? `, and ${d.steps.length - STEPS_NAMED} more` : '';
  const lines = [
    `  ${d.aspect}: A ${cut(d.a)}; B ${cut(d.b)}`,
    d.steps.length === 0 ? '    in the whole sequence' : `    at ${plural(d.steps.length, 'step')} (${named.join(', ')}${more})`,
  ];
  if (d.followOns.length > 0) {
    const aspects = [...new Set(d.followOns.map((f) => f.aspect))];
    const rest = aspects.length > FOLLOW_ONS_NAMED ? `, and ${aspects.length - FOLLOW_ONS_NAMED} more` : '';
    lines.push(`    with it: ${aspects.slice(0, FOLLOW_ONS_NAMED).join(', ')}${rest}`);
  }
  return lines;
}

function described(trace: Trace): string {
  return `${trace.baseUrl} (its own ids from ${cut(trace.base)})`;
}

function cut(text: string): string {
  return elide(text, MOST_VALUE_CHARS);
}
