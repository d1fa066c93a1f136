import type { CompareOutcome } from './compare-servers.js';
import type { Difference } from './diff-traces.js';
import type { Trace } from './trace-target.js';
import { plural } from '../text/plural.js';
import { elide } from '../text/elide.js';

/** A reading longer than this is cut on the console; compare.json keeps it whole. */
const MOST_VALUE_CHARS = 200;
/** Steps named per difference on the console; compare.json and compare.html list them all. */
const STEPS_NAMED = 3;

/** The outcome for people: the targets, then one line per difference with the steps it showed at. */
export function formatCompare(outcome: CompareOutcome): string {
  const lines = [`A  ${described(outcome.a)}`, `B  ${described(outcome.b)}`];
  for (const noise of outcome.noise) lines.push(`noise  ${described(noise)} (what differs between it and A is left out)`);
  const { differences, steps } = outcome;
  if (differences.length === 0) lines.push(`No difference in ${steps} steps.`);
  else lines.push(`${differences.length} difference${differences.length === 1 ? '' : 's'} in ${steps} steps:`);
  // Differences seen at exactly the same steps most often have one cause (an error body of another
  // shape, a field left out): they are listed together under those steps.
  const bySteps = new Map<string, Difference[]>();
  for (const d of differences) {
    const key = d.steps.map((s) => s.step).join(',');
    bySteps.set(key, [...(bySteps.get(key) ?? []), d]);
  }
  for (const group of bySteps.values()) {
    const steps = group[0]!.steps;
    const named = steps.slice(0, STEPS_NAMED).map((s) => `${s.step}. ${s.label}`);
    const more = steps.length > STEPS_NAMED ? `, and ${steps.length - STEPS_NAMED} more` : '';
    lines.push(steps.length === 0 ? '  in the whole sequence:' : `  at ${plural(steps.length, 'step')} (${named.join(', ')}${more}):`);
    for (const d of group) lines.push(`    ${d.aspect}: A ${cut(d.a)}; B ${cut(d.b)}`);
  }
  for (const [side, trace] of [
    ['A', outcome.a],
    ['B', outcome.b],
  ] as const) {
    if (trace.leftBehind.length > 0) lines.push(`Left behind on ${side} (${trace.baseUrl}), delete them by hand: ${trace.leftBehind.map(cut).join(', ')}`);
  }
  return lines.join('\n');
}

function described(trace: Trace): string {
  return `${trace.baseUrl} (its own ids from ${cut(trace.base)})`;
}

function cut(text: string): string {
  return elide(text, MOST_VALUE_CHARS);
}
