import fc from 'fast-check';
import { invalidBoundaryPathIds } from '../../generators/invalid-inputs/invalid-boundary-path-ids.js';
import { invalidBoundaryTakes } from '../../generators/invalid-inputs/invalid-boundary-takes.js';
import { invalidPathIds } from '../../generators/invalid-inputs/invalid-path-ids.js';
import { type Expectation, type PathProbe, type TakeProbe, type TakeRequestText } from '../../generators/invalid-inputs/invalid-probe.js';
import { INT64_MAX } from '../../src/spec/int64.js';
import { invalidTakeRequests, type TakeRequestSchema } from '../../generators/invalid-inputs/invalid-take-requests.js';
import type { Observation } from '../../src/api/backup-api.js';
import { highestBackupId } from '../../src/api/highest-backup-id.js';
import { inFlight } from '../../src/api/in-flight.js';
import { firstCandidateId, takeAtNextFreeId } from '../../src/api/next-free-id.js';
import { isRefusal, type DeleteAnswer } from '../../src/api/answer.js';
import type { Finding, Verdict } from '../../src/findings/finding.js';
import type { RuleId } from '../../src/rules/rules.js';
import { sequenceFinding } from '../../src/findings/sequence-finding.js';
import type { Exchange } from '../../src/http/exchange.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { refusalVerdict } from './negative-refusal-verdict.js';
import type { Suite, SuiteContext } from '../suite.js';

const SUITE = 'negative';
const REFUSE: Expectation = { kind: 'refuse' };
/** Valid int64 ids beyond 2^53, in the order they are taken (a take cannot go below a taken id). */
const HUGE_IDS: readonly bigint[] = [2n ** 53n + 1n, INT64_MAX];
/** How far from a huge id a server that stores it as a double may list it (doubles near 2^63 are 2048 apart). */
const ROUNDING_REACH = 4096n;
/** Generated candidates drawn per request wanted, so that duplicates can be dropped. */
const OVERSAMPLING = 4;
/**
 * At most this many generated takes that a correct server may accept (numeric strings, `1.0`,
 * other media types): on a real cluster each one is a real backup.
 */
const GENERATED_ACCEPTABLE = 3;

/** The suite's own rules (declared in src/rules/rules.ts). */
const CHECKS = {
  invalidTake: { checkId: 'invalid-take-refused' },
  createsNothing: { checkId: 'refused-take-creates-nothing' },
  invalidPath: { checkId: 'invalid-path-id-refused' },
  hugeId: { checkId: 'int64-id-taken-exactly' },
} as const satisfies Record<string, { checkId: RuleId }>;

type CheckName = keyof typeof CHECKS;

/** A take as sent, with its answer. */
interface SentTake {
  readonly probe: TakeProbe;
  readonly request: TakeRequestText;
  readonly observation: Observation;
}

interface PathCase {
  readonly role: 'get' | 'delete';
  readonly probe: PathProbe;
}

/**
 * Invalid and boundary inputs: path ids for get and delete, then takes with bad ids, bodies,
 * syntax, size and media types (a fixed boundary list, then `--negative-runs` requests generated
 * from the spec's schemas). Each must be refused with a 4xx, never accepted, never a 5xx; the
 * list before and after shows that no refused take created a backup. Values a server might read
 * as a positive id are written around ids reserved above the highest existing one, and valid ids
 * near 2^63 are taken only against the embedded server or with --take-huge-ids (spec/NOTES.md#invalid-takes-on-a-live-cluster).
 * Backups that appear because of the suite's requests are deleted again.
 */
export const negativeSuite: Suite = {
  id: SUITE,
  title: 'Invalid and boundary inputs are refused cleanly',
  destructive: true,
  // With a server that refuses what it must: the takes a correct server may accept.
  maxBackups: (config, index) =>
    invalidBoundaryTakes(takeRequestSchema(index)).filter((probe) => probe.expectation.kind !== 'refuse').length +
    Math.min(config.negative.runs, GENERATED_ACCEPTABLE) +
    (config.negative.takeHugeIds ? HUGE_IDS.length : 0) +
    // The take that finds where ids are free, when no earlier suite of the run has.
    1,
  async run(context) {
    const { api, config } = context;
    context.progress('list backups');
    const floor = await findFreeFloor(context);
    const before = await api.list();
    const beforeIds = listedIds(before);
    const highest = highestBackupId(before);
    if (beforeIds === undefined || highest === undefined) {
      context.progress('the list answer is unreadable, so no id can be reserved safely: no invalid request was sent');
      return;
    }
    const seed = config.stateful.seed ?? Math.floor(Math.random() * 2 ** 31);
    const generated = generateCases(context.index, config.negative.runs, seed);
    context.progress(`${generated.paths.length + generated.takes.length} generated requests from seed ${seed} (--seed ${seed} draws them again)`);

    const fixedPaths = invalidBoundaryPathIds(context.index.byRole.get.pathParameters[0]?.schema).flatMap((probe): PathCase[] => [
      ...(probe.forGet ? [{ role: 'get' as const, probe }] : []),
      { role: 'delete', probe },
    ]);
    await probePaths(context, [...fixedPaths, ...generated.paths], highest);

    const probes = [...invalidBoundaryTakes(takeRequestSchema(context.index)), ...generated.takes];
    if (floor === undefined) {
      context.progress('no free backup id was found, so no id can be reserved safely: no invalid take was sent');
      return;
    }
    if (floor + 2n * BigInt(probes.length) + 1n > INT64_MAX) {
      context.progress(`the free ids above ${floor} leave no room for reserved ids: no invalid take was sent`);
      return;
    }
    const sent = await probeTakes(context, probes, floor);
    context.progress('list backups again, to see what the refused takes left');
    const after = await api.list();
    await judgeTakes(context, before, after, sent);

    if (!config.negative.takeHugeIds) {
      context.progress('valid ids beyond 2^53 were not taken (--take-huge-ids), since an id once taken blocks every lower one');
      return;
    }
    const seen = new Set([...beforeIds, ...(listedIds(after) ?? [])]);
    const takenHighest = sent.reduce(
      (max, s) => (s.observation.answer.kind === 'accepted' ? s.request.ids.reduce((m, id) => (id > m ? id : m), max) : max),
      floor,
    );
    await probeHugeIds(context, seen, takenHighest);
  },
};

/**
 * The id above which the invalid takes' ids are free. Ids are never reusable, even after a delete
 * (spec/NOTES.md#deleted-id-reuse): above every id an earlier suite of this run sent a take for;
 * when none did, one backup is taken where src/api/next-free-id.ts finds room, and deleted again.
 * Undefined when no free id was found.
 */
async function findFreeFloor(context: SuiteContext): Promise<bigint | undefined> {
  const listing = await context.api.list();
  const listed = highestBackupId(listing);
  if (listed === undefined) return undefined;
  const taken = context.highestTakenId();
  const from = firstCandidateId(listed, taken, context.config.idBase);
  if (from === undefined) return undefined;
  if (taken !== undefined) return from - 1n;
  context.progress(`take backup ${from} to find where ids are free, then delete it`);
  const search = await takeAtNextFreeId(context.api, {
    from,
    signal: context.signal,
    progress: context.progress,
  });
  if (search.kind !== 'accepted') return undefined;
  if (!context.config.stateful.keepBackups) await context.api.delete(search.id);
  return search.id;
}

/**
 * The generated part: `runs` distinct requests, about three takes for each path id, of which at
 * most `GENERATED_ACCEPTABLE` takes a correct server may accept.
 */
/** What the take requests are derived from: the take operation's body schema, id member and media types. */
function takeRequestSchema(index: OperationIndex): TakeRequestSchema {
  const take = index.byRole.take;
  return { schema: take.requestBody?.schema, idField: take.idField ?? 'backupId', mediaTypes: take.requestBody?.mediaTypes ?? [] };
}

function generateCases(index: OperationIndex, runs: number, seed: number): { paths: PathCase[]; takes: TakeProbe[] } {
  if (runs === 0) return { paths: [], takes: [] };
  const takes = invalidTakeRequests(takeRequestSchema(index));
  const pathsFor = (role: 'get' | 'delete') =>
    invalidPathIds(index.byRole[role].pathParameters[0]?.schema)
      .filter((probe) => role === 'delete' || probe.forGet)
      .map((probe): PathCase => ({ role, probe }));
  const cases = fc.oneof(
    { arbitrary: takes.map((probe) => ({ take: probe })), weight: 3 },
    { arbitrary: fc.oneof(pathsFor('get'), pathsFor('delete')).map((path) => ({ path })), weight: 1 },
  );
  // Duplicates are recognised by the request they make for one sample id.
  const sampleId = 1_000_001n;
  const seen = new Set<string>();
  const paths: PathCase[] = [];
  const chosen: TakeProbe[] = [];
  let acceptable = 0;
  for (const drawn of fc.sample(cases, { numRuns: runs * OVERSAMPLING, seed })) {
    if (paths.length + chosen.length === runs) break;
    const key = 'take' in drawn ? takeKey(drawn.take.render(sampleId)) : JSON.stringify([drawn.path.role, drawn.path.probe.render(sampleId).value]);
    if (seen.has(key)) continue;
    if ('take' in drawn && drawn.take.expectation.kind !== 'refuse') {
      if (acceptable === GENERATED_ACCEPTABLE) continue;
      acceptable++;
    }
    seen.add(key);
    if ('take' in drawn) chosen.push(drawn.take);
    else paths.push(drawn.path);
  }
  return { paths, takes: chosen };
}

function takeKey(request: TakeRequestText): string {
  return JSON.stringify(['take', request.body ?? null, request.contentType ?? null]);
}

/**
 * Gets carry the highest existing id inside their invalid values, so a server that reads `5abc`
 * as 5 shows a backup; deletes carry an id that does not exist, so such a server deletes nothing.
 */
async function probePaths(context: SuiteContext, cases: readonly PathCase[], highest: bigint): Promise<void> {
  const unused = highest + 1n;
  const { concurrency } = context.config;
  context.progress(`send ${cases.length} gets and deletes of invalid path ids, ${concurrency} at a time`);
  const rendered = cases.map(({ role, probe }) => ({ role, ...probe.render(role === 'get' && highest > 0n ? highest : unused) }));
  // Each names an id no backup has, or reads one: no answer depends on another.
  const answers = await inFlight(
    rendered,
    concurrency,
    ({ role, value }) => context.api.send(context.index.byRole[role], { pathValues: [value] }, 'invalid'),
    context.signal,
  );
  for (const [at, { role, probe }] of cases.entries()) {
    const observation = answers[at];
    if (observation === undefined) return;
    const operation = context.index.byRole[role];
    const { value, label } = rendered[at]!;
    const judgement = refusalVerdict(role === 'get' ? REFUSE : probe.onDelete, observation.answer);
    if (judgement === undefined) {
      if (observation.answer.kind !== 'unclear') context.passed(operation.label, CHECKS.invalidPath.checkId);
      continue;
    }
    report(context, 'invalidPath', judgement.verdict, {
      operation: operation.label,
      expected: `a 4xx refusal of the path id ${JSON.stringify(value)} (${label})`,
      received: String(observation.status),
      specPointer: judgement.note ?? 'spec/NOTES.md#invalid-ids-in-the-path',
      exchanges: [observation.exchange],
    });
  }
}

/**
 * Sends every take, each with its own reserved id, two apart (a rounded fraction lands on the
 * next). The takes a correct server may accept get the lowest ids and go first, one after another
 * in the order of their ids (a take below an accepted one would meet a 409), so on a correct server
 * the run's floor rises only by what those few takes need; the takes that must be refused come
 * above them, --concurrency at a time, since a refused take blocks nothing. They are returned, and
 * judged, in the order of `probes`.
 */
async function probeTakes(context: SuiteContext, probes: readonly TakeProbe[], highest: bigint): Promise<SentTake[]> {
  const operation = context.index.byRole.take;
  const { concurrency } = context.config;
  const positions = probes.map((_, i) => i);
  const acceptable = positions.filter((i) => probes[i]!.expectation.kind !== 'refuse');
  const refused = positions.filter((i) => probes[i]!.expectation.kind === 'refuse');
  context.progress(
    `send ${probes.length} invalid takes, with ids reserved above ${highest}: the ${acceptable.length} a correct server may accept one at a time, ` +
      `then ${refused.length} that must be refused, ${concurrency} at a time`,
  );
  const requests: TakeRequestText[] = [];
  [...acceptable, ...refused].forEach((position, rank) => (requests[position] = probes[position]!.render(highest + 1n + 2n * BigInt(rank))));
  const send = (position: number): Promise<Observation> => {
    const request = requests[position]!;
    return context.api.send(
      operation,
      {
        ...(request.body === undefined ? {} : { body: request.body }),
        headers: request.contentType === undefined ? {} : { 'content-type': request.contentType },
      },
      probes[position]!.expectation.kind === 'valid' ? 'valid' : 'invalid',
    );
  };
  const answers: (Observation | undefined)[] = [];
  for (const position of acceptable) {
    if (context.signal.aborted) break;
    answers[position] = await send(position);
  }
  const refusals = await inFlight(refused, concurrency, send, context.signal);
  refused.forEach((position, at) => (answers[position] = refusals[at]));
  return probes.flatMap((probe, position) => {
    const observation = answers[position];
    return observation === undefined ? [] : [{ probe, request: requests[position]!, observation }];
  });
}

/**
 * Judges every take by its answer, and by the backups that appeared between the two lists. A
 * backup is blamed on the take that named its id (an accepted one first); one that no take named
 * is inconclusive and left alone, since another client may have taken it. Backups blamed on a
 * take, and the ids of accepted takes, are deleted again (unless --keep-backups).
 */
async function judgeTakes(context: SuiteContext, before: Observation<'list'>, after: Observation<'list'>, sent: readonly SentTake[]): Promise<void> {
  const operation = context.index.byRole.take;
  const beforeIds = listedIds(before) ?? new Set<bigint>();
  const afterIds = listedIds(after);
  if (afterIds === undefined) context.progress('the list after the takes is unreadable: what the refused takes left cannot be judged');
  const appeared = afterIds === undefined ? [] : [...afterIds].filter((id) => !beforeIds.has(id));
  const blamed = new Map<SentTake, bigint[]>();
  const unclaimed: bigint[] = [];
  for (const id of appeared) {
    const named = sent.filter((s) => s.request.ids.includes(id));
    const owner = named.find((s) => s.observation.answer.kind === 'accepted') ?? named[0];
    if (owner === undefined) unclaimed.push(id);
    else blamed.set(owner, [...(blamed.get(owner) ?? []), id]);
  }

  const doomed = new Set<bigint>([...blamed.values()].flat());
  for (const s of sent) {
    if (s.observation.answer.kind === 'accepted') for (const id of s.request.ids) if (!beforeIds.has(id)) doomed.add(id);
  }
  const removal = await removeBackups(context, doomed);
  const fate = (ids: readonly bigint[]): string => {
    const [subject, pronoun] = ids.length === 1 ? [`backup ${ids[0]}`, 'it'] : [`backups ${ids.join(', ')}`, 'them'];
    const outcome = context.config.stateful.keepBackups
      ? 'left in place (--keep-backups)'
      : ids.every((id) => removal.get(id) === 'deleted')
        ? `and the suite deleted ${pronoun} again`
        : `and the suite could not delete ${pronoun}`;
    return `; then ${subject} appeared in the list, ${outcome}`;
  };

  for (const s of sent) {
    const { answer } = s.observation;
    const answered = String(s.observation.status);
    const created = blamed.get(s) ?? [];
    const sequence = created.length > 0 ? [before.exchange, s.observation.exchange, after.exchange] : [s.observation.exchange];
    const judgement = refusalVerdict(s.probe.expectation, answer);
    if (judgement !== undefined) {
      report(context, 'invalidTake', judgement.verdict, {
        operation: operation.label,
        expected: `a 4xx refusal of ${s.request.label}`,
        received: `${answered}${created.length > 0 ? fate(created) : ''}`,
        ...(judgement.note === undefined ? {} : { specPointer: judgement.note }),
        exchanges: sequence,
      });
    } else if (s.probe.expectation.kind !== 'valid' && answer.kind !== 'unclear') {
      context.passed(operation.label, CHECKS.invalidTake.checkId);
    }
    if (afterIds === undefined || !isRefusal(answer)) continue;
    if (created.length === 0) {
      context.passed(operation.label, CHECKS.createsNothing.checkId);
      continue;
    }
    // A conflict can come after some partitions did record the checkpoint (spec/NOTES.md#a-refused-take-may-leave-traces).
    const conflict = answer.kind === 'conflict';
    report(context, 'createsNothing', conflict ? 'inconclusive' : 'violation', {
      operation: operation.label,
      expected: `no new backup after the ${answered} refusal of ${s.request.label}`,
      received: `${answered}${fate(created)}`,
      ...(conflict ? { specPointer: 'spec/NOTES.md#a-refused-take-may-leave-traces' } : {}),
      exchanges: sequence,
    });
  }

  if (unclaimed.length > 0) {
    report(context, 'createsNothing', 'inconclusive', {
      operation: operation.label,
      expected: 'no backup that no request of the suite named',
      received:
        `${unclaimed.length === 1 ? 'backup' : 'backups'} ${unclaimed.join(', ')} appeared, under ids no request of the suite named; left in ` +
        `place, as another client may have taken ${unclaimed.length === 1 ? 'it' : 'them'}`,
      specPointer: 'spec/NOTES.md#invalid-takes-on-a-live-cluster',
      exchanges: [before.exchange, ...sent.filter((s) => s.request.ids.length === 0).map((s) => s.observation.exchange), after.exchange],
    });
  }
}

/**
 * Takes valid ids beyond 2^53, lowest first: each must be accepted (a refusal is inconclusive:
 * spec/NOTES.md#ids-beyond-2-53) and then listed under exactly that id, not one a double rounded.
 */
async function probeHugeIds(context: SuiteContext, seen: Set<bigint>, takenHighest: bigint): Promise<void> {
  const { api, index } = context;
  const operation = index.byRole.take;
  for (const id of HUGE_IDS) {
    if (context.signal.aborted || id <= takenHighest) continue;
    context.progress(`take backup ${id}, a valid int64 id beyond 2^53 (local target only)`);
    const take = await api.take(id);
    if (take.answer.kind === 'refused') {
      report(context, 'hugeId', 'inconclusive', {
        operation: operation.label,
        expected: `${index.statuses.accepted} for backup ${id}, a valid int64 id`,
        received: String(take.status),
        specPointer: 'spec/NOTES.md#ids-beyond-2-53',
        exchanges: [take.exchange],
      });
    }
    if (take.answer.kind !== 'accepted') continue;
    const listing = await api.list();
    const listed = listedIds(listing) ?? new Set<bigint>();
    const fresh = [...listed].filter((other) => !seen.has(other));
    for (const other of fresh) seen.add(other);
    const near = fresh.filter((other) => other !== id && abs(other - id) <= ROUNDING_REACH);
    const removal = await removeBackups(context, new Set([id, ...near]));
    if (listed.has(id)) context.passed(operation.label, CHECKS.hugeId.checkId);
    if (listed.has(id) || near.length === 0) continue;
    const kept = context.config.stateful.keepBackups
      ? 'left in place (--keep-backups)'
      : near.every((other) => removal.get(other) === 'deleted')
        ? 'deleted again'
        : 'not deleted';
    report(context, 'hugeId', 'violation', {
      operation: operation.label,
      expected: `backup ${id} listed under exactly that id`,
      received: `listed as ${near.join(', ')} instead (${kept})`,
      exchanges: [take.exchange, listing.exchange],
    });
  }
}

/** Deletes the given backups (none with --keep-backups); what each delete's answer said, by id. */
async function removeBackups(context: SuiteContext, ids: ReadonlySet<bigint>): Promise<Map<bigint, DeleteAnswer['kind']>> {
  const statuses = new Map<bigint, DeleteAnswer['kind']>();
  if (context.config.stateful.keepBackups || ids.size === 0) return statuses;
  context.progress(`delete ${ids.size === 1 ? 'backup' : 'backups'} ${[...ids].join(', ')}, which the suite's takes may have created`);
  for (const id of ids) {
    // An id outside the schema's range is no valid delete: its answer is judged as such.
    const observation =
      id >= 0n && id <= INT64_MAX ? await context.api.delete(id) : await context.api.send(context.index.byRole.delete, { pathValues: [String(id)] }, 'invalid');
    statuses.set(id, (observation as Observation<'delete'>).answer.kind);
  }
  return statuses;
}

function report(
  context: SuiteContext,
  check: CheckName,
  verdict: Verdict,
  fields: { operation: string; expected: string; received: string; specPointer?: string; exchanges: readonly Exchange[] },
): void {
  const finding: Finding = sequenceFinding({
    ...CHECKS[check],
    verdict,
    ...fields,
    operations: context.index.byRole,
    suite: SUITE,
    redactedHeaders: context.redactedHeaders,
  });
  context.record(finding);
}

/** The ids of a readable list answer, exactly (as bigints); undefined when it is not one. */
function listedIds(listing: Observation<'list'>): Set<bigint> | undefined {
  if (listing.answer.kind !== 'listed' || listing.answer.backups === undefined) return undefined;
  const ids = new Set<bigint>();
  for (const { backupId } of listing.answer.backups) if (backupId !== undefined) ids.add(backupId);
  return ids;
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}
