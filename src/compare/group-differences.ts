/** The reading of an aspect a side's answer does not have. */
export const ABSENT = '(absent)';

/** An aspect (`status`, `field .details[].brokerId`, …) and how each side read it. */
export interface AspectReadings {
  readonly aspect: string;
  /** What A showed; `(absent)` when A's answer had no such aspect. */
  readonly a: string;
  readonly b: string;
}

/** One aspect read one way on A and another on B at one step (0-based) of the sequence. */
export interface StepDifference extends AspectReadings {
  readonly step: number;
}

/** One aspect read the same two ways at each of these steps. */
export interface AtSteps extends AspectReadings {
  readonly steps: readonly number[];
}

/** What one step of each trace says to the grouping: whether its take asked for an id of the run's own. */
export interface StepTakes {
  /** The offset (`+26`) the step's take asked for, on both sides the same. */
  readonly took?: string;
}

/** A group: the difference that heads it, and those that follow from it, each at the steps it showed. */
export interface DifferenceGroup {
  readonly head: AtSteps;
  readonly followOns: readonly AtSteps[];
}

/** The path an aspect reads (`field .details[].brokerId` → `.details[].brokerId`, `count of the entries` → the list itself). */
function pathOf(aspect: string): string | undefined {
  if (aspect === 'count of the entries') return '';
  const match = /^(?:field|value|order|count) (\S*)$/.exec(aspect);
  return match?.[1];
}

const covers = (outer: string, inner: string): boolean => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[]`);

/**
 * At one step: another status heads every other difference of the step (another answer says other things); a field
 * present on one side only, or of another type, heads what is read at or beneath it (its value, its order, its fields).
 * The head each difference follows, or undefined for a head.
 */
function headAtStep(d: StepDifference, atStep: readonly StepDifference[]): StepDifference | undefined {
  const status = atStep.find((other) => other.aspect === 'status');
  if (status !== undefined) return d === status ? undefined : status;
  const path = pathOf(d.aspect);
  if (path === undefined) return undefined;
  const fields = atStep.filter((other) => other !== d && other.aspect.startsWith('field ') && covers(pathOf(other.aspect)!, path));
  return fields.sort((x, y) => x.aspect.length - y.aspect.length)[0];
}

/** The offsets a list's ids read as (`+0 | +1 | +26`), or undefined when the reading is not of ids. */
function offsets(reading: string): string[] | undefined {
  const tokens = reading.split(' | ');
  return tokens.every((token) => /^\+\d+$/.test(token)) ? tokens : reading === ABSENT ? [] : undefined;
}

/** Aspects of which entries a list holds: their count, their ids, their order by an id. */
const isEntrySet = (aspect: string): boolean => aspect === 'count of the entries' || /^(?:value|order) \[\]\.[\w-]+$/.test(aspect);

/**
 * A list holding entries on one side only, each of them the id an earlier take asked for where the two sides answered
 * with another status: which entries it holds (count, ids, order) follows from that take. The status it follows.
 */
function entriesFollowTake(atStep: readonly StepDifference[], all: readonly StepDifference[], steps: readonly StepTakes[]): StepDifference | undefined {
  const ids = atStep.find((d) => /^value \[\]\./.test(d.aspect) && offsets(d.a) !== undefined && offsets(d.b) !== undefined);
  if (ids === undefined) return undefined;
  const onA = new Set(offsets(ids.a));
  const onB = new Set(offsets(ids.b));
  const oneSided = [...onA].filter((id) => !onB.has(id)).concat([...onB].filter((id) => !onA.has(id)));
  const causes = oneSided.map((id) => all.find((d) => d.aspect === 'status' && d.step < ids.step && steps[d.step]?.took === id));
  if (oneSided.length === 0 || causes.some((cause) => cause === undefined)) return undefined;
  return causes.sort((x, y) => x!.step - y!.step)[0];
}

/** The key that joins heads across steps: the aspect (a backup's path read alike in a get and as a list entry) and the two readings. */
const joinKey = (d: StepDifference): string => `${d.aspect.replace(/^(\w+) \[\](?=\.)/, '$1 ')}\u0000${d.a}\u0000${d.b}`;

/**
 * The differences grouped so that one cause is one group: follow-ons go to the difference they follow (at their step,
 * or at the later list that shows what an earlier take made); heads with the same aspect and readings join across
 * steps; fields that differ at exactly the same steps join too (an error body of another shape), under `fields`.
 */
export function groupDifferences(all: readonly StepDifference[], steps: readonly StepTakes[]): DifferenceGroup[] {
  const byStep = groupBy(all, (d) => String(d.step));
  const headOf = new Map<StepDifference, StepDifference>();
  for (const atStep of byStep.values()) {
    const take = entriesFollowTake(atStep, all, steps);
    for (const d of atStep) {
      const head = take !== undefined && isEntrySet(d.aspect) ? take : headAtStep(d, atStep);
      if (head !== undefined) headOf.set(d, head);
    }
  }
  const rootOf = (d: StepDifference): StepDifference => (headOf.has(d) ? rootOf(headOf.get(d)!) : d);
  const groups = new Map<string, { heads: StepDifference[]; followOns: StepDifference[] }>();
  for (const d of all) {
    const root = rootOf(d);
    const group = groups.get(joinKey(root)) ?? { heads: [], followOns: [] };
    (root === d ? group.heads : group.followOns).push(d);
    groups.set(joinKey(root), group);
  }
  return joinFieldsAtSameSteps([...groups.values()]).map(({ heads, followOns }) => ({
    head: { aspect: heads[0]!.aspect, a: heads[0]!.a, b: heads[0]!.b, steps: heads.map((h) => h.step) },
    followOns: joinAcrossSteps(followOns),
  }));
}

type RawGroup = { heads: StepDifference[]; followOns: StepDifference[] };

/** Groups headed by a field, at exactly the same steps, as one group headed by `fields`: what each side's body has of them. */
function joinFieldsAtSameSteps(groups: readonly RawGroup[]): RawGroup[] {
  const bySteps = new Map<string, RawGroup[]>();
  const joined: (RawGroup | string)[] = [];
  for (const group of groups) {
    if (!group.heads[0]!.aspect.startsWith('field ')) {
      joined.push(group);
      continue;
    }
    const key = group.heads.map((h) => h.step).join(',');
    if (!bySteps.has(key)) joined.push(key);
    bySteps.set(key, [...(bySteps.get(key) ?? []), group]);
  }
  return joined.map((entry) => {
    if (typeof entry !== 'string') return entry;
    const fields = bySteps.get(entry)!;
    if (fields.length === 1) return fields[0]!;
    const side = (read: (d: StepDifference) => string): string =>
      fields.flatMap((f) => (read(f.heads[0]!) === ABSENT ? [] : [`${f.heads[0]!.aspect.slice('field '.length)} (${read(f.heads[0]!)})`])).join(', ') ||
      '(none of them)';
    const heads = fields[0]!.heads.map((h) => ({ ...h, aspect: 'fields', a: side((d) => d.a), b: side((d) => d.b) }));
    // The head names each field with both sides' types: what follows are the readings beneath them.
    return { heads, followOns: fields.flatMap((f) => f.followOns) };
  });
}

function joinAcrossSteps(differences: readonly StepDifference[]): AtSteps[] {
  const joined = groupBy(differences, (d) => `${d.aspect}\u0000${d.a}\u0000${d.b}`);
  return [...joined.values()].map((same) => ({ aspect: same[0]!.aspect, a: same[0]!.a, b: same[0]!.b, steps: same.map((d) => d.step) }));
}

/** The items by a key, keys in the order they first show (Map.groupBy, which Node 20 lacks). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
