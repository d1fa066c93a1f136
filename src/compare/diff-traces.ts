import type { Trace } from './trace-target.js';

/** Where one difference showed: a step of the sequence, with both sides' requests. */
export interface DifferenceSighting {
  /** The step's position in the sequence, from 1. */
  readonly step: number;
  readonly label: string;
  readonly curlA: readonly string[];
  readonly curlB: readonly string[];
}

/**
 * One way the two targets answer differently: an aspect (`status`, `field .details[].brokerId`,
 * `media type`, …) read one way on A and another on B, at every step where it did. A server
 * that differs in one respect at many steps is one difference that lists them.
 */
export interface Difference {
  readonly aspect: string;
  /** What A showed; `(absent)` when A's answer had no such aspect. */
  readonly a: string;
  readonly b: string;
  readonly steps: readonly DifferenceSighting[];
}

export const ABSENT = '(absent)';

/** The steps and aspects where two traces differ, keyed `step␀aspect`. */
function differingAspects(a: Trace, b: Trace): Map<string, { step: number; aspect: string; a: string; b: string }> {
  const differing = new Map<string, { step: number; aspect: string; a: string; b: string }>();
  const steps = Math.min(a.steps.length, b.steps.length);
  for (let i = 0; i < steps; i++) {
    const factsA = a.steps[i]!.facts;
    const factsB = b.steps[i]!.facts;
    for (const aspect of new Set([...Object.keys(factsA), ...Object.keys(factsB)])) {
      const valueA = factsA[aspect] ?? ABSENT;
      const valueB = factsB[aspect] ?? ABSENT;
      if (valueA !== valueB) differing.set(`${i}\u0000${aspect}`, { step: i, aspect, a: valueA, b: valueB });
    }
  }
  return differing;
}

/**
 * The differences between A and B, minus those A already shows against a second instance of
 * itself (the noise: what differs between two runs of one server is no difference of B's).
 * Grouped by aspect and the two readings, in the order they first showed.
 */
export function diffTraces(a: Trace, b: Trace, noise: readonly Trace[] = []): Difference[] {
  const noisy = new Set(noise.flatMap((n) => [...differingAspects(a, n).keys()]));
  const groups = new Map<string, { aspect: string; a: string; b: string; steps: DifferenceSighting[] }>();
  for (const [key, found] of differingAspects(a, b)) {
    if (noisy.has(key)) continue;
    const group = `${found.aspect}\u0000${found.a}\u0000${found.b}`;
    const entry = groups.get(group) ?? { aspect: found.aspect, a: found.a, b: found.b, steps: [] };
    const stepA = a.steps[found.step]!;
    entry.steps.push({ step: found.step + 1, label: stepA.label, curlA: stepA.curl, curlB: b.steps[found.step]!.curl });
    groups.set(group, entry);
  }
  const lengths = a.steps.length === b.steps.length ? [] : [{ aspect: 'steps answered', a: String(a.steps.length), b: String(b.steps.length), steps: [] }];
  return [...lengths, ...groups.values()];
}
