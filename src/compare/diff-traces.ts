import { ABSENT, groupDifferences, type AspectReadings, type AtSteps, type StepDifference } from './group-differences.js';
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
 * One way the two targets answer differently, one cause: the aspect that heads it (`status`,
 * `field .details[].brokerId`, `media type`, `fields` of a body of another shape, …) read one way
 * on A and another on B, at every step where it did, and what follows from it.
 */
export interface Difference extends AspectReadings {
  readonly steps: readonly DifferenceSighting[];
  /** The other aspects that differ because of it: at its steps, or at a later list that shows what its take made. */
  readonly followOns: readonly FollowOn[];
}

/** An aspect that differs as a consequence of its group's head, at these steps (from 1). */
export type FollowOn = AtSteps;

/** The steps and aspects where two traces differ, keyed `step␀aspect`. */
function differingAspects(a: Trace, b: Trace): Map<string, StepDifference> {
  const differing = new Map<string, StepDifference>();
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
 * itself (the noise: what differs between two runs of one server is no difference of B's),
 * grouped by cause (see groupDifferences), in the order they first showed.
 */
export function diffTraces(a: Trace, b: Trace, noise: readonly Trace[] = []): Difference[] {
  const noisy = new Set(noise.flatMap((n) => [...differingAspects(a, n).keys()]));
  const found = [...differingAspects(a, b)].flatMap(([key, d]) => (noisy.has(key) ? [] : [d]));
  const groups = groupDifferences(found, a.steps).map(({ head, followOns }) => ({
    aspect: head.aspect,
    a: head.a,
    b: head.b,
    steps: head.steps.map((step) => {
      const stepA = a.steps[step]!;
      return { step: step + 1, label: stepA.label, curlA: stepA.curl, curlB: b.steps[step]!.curl };
    }),
    followOns: followOns.map((f) => ({ ...f, steps: f.steps.map((step) => step + 1) })),
  }));
  const lengths =
    a.steps.length === b.steps.length ? [] : [{ aspect: 'steps answered', a: String(a.steps.length), b: String(b.steps.length), steps: [], followOns: [] }];
  return [...lengths, ...groups];
}
