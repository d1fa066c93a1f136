import { createBackupApi, type BackupApi, type Observation } from '../api/backup-api.js';
import { discoverBaseUrl, specServerPaths } from '../api/discover-base-url.js';
import { highestBackupId } from '../api/highest-backup-id.js';
import { firstCandidateId, takeAtNextFreeId } from '../api/next-free-id.js';
import { describeAnswer } from '../api/describe-answer.js';
import { pollUntil } from '../api/poll-until.js';
import { preflight } from '../api/preflight.js';
import { ConformanceError } from '../errors.js';
import { curlScript } from '../findings/curl-script.js';
import { elide } from '../text/elide.js';
import { createClient } from '../http/client.js';
import type { Exchange } from '../http/exchange.js';
import type { OperationIndex } from '../spec/index-operations.js';
import type { LoadedSpec } from '../spec/load-spec.js';
import { answerFacts, type AnswerFacts, type FactReading } from './answer-facts.js';
import type { CompareRequest, CompareStep } from './compare-sequence.js';
import { enumPaths } from './enum-paths.js';
import { BackupsFromBefore } from './backups-from-before.js';

/** A server to compare, with the headers its requests carry (its own credentials among them). */
export interface CompareTarget {
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
}

/** What one target answered to one step of the sequence. */
export interface TracedStep {
  readonly label: string;
  readonly facts: AnswerFacts;
  /** The step's requests as curl lines (a poll written once). */
  readonly curl: readonly string[];
  /** The run's own id the step's take asked for, as an offset (`+26`): where a backup listed later may come from. */
  readonly took?: string;
}

/** One target's answers to the whole sequence. */
export interface Trace {
  /** The API's base URL on that target. */
  readonly baseUrl: string;
  /** The run's first id there: offsets in the steps' labels are from it. */
  readonly base: string;
  readonly steps: readonly TracedStep[];
  /** Ids of the run's own backups still listed after its cleanup, with what stopped their delete. */
  readonly leftBehind: readonly string[];
}

export interface TraceSetup {
  readonly spec: LoadedSpec;
  readonly index: OperationIndex;
  readonly sequence: readonly CompareStep[];
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  /** How long a backup may take to settle, or to be gone after its delete. */
  readonly settleTimeoutMs: number;
  readonly redactedHeaders: ReadonlySet<string>;
  readonly signal: AbortSignal;
  progress(message: string): void;
}

/** Coarse on purpose: two runs of one server settle in different times, but rarely in a different decade. */
const SETTLE_BUCKETS: readonly [number, string][] = [
  [1_000, 'under 1 s'],
  [10_000, '1 s to 10 s'],
];
const MOST_POLLS = 200;

/**
 * Sends the sequence to one target on ids above its own highest backup, and reads each answer as
 * facts; deletes every backup of its own it can still see at the end, whatever happened on the way.
 */
export async function traceTarget(target: CompareTarget, setup: TraceSetup): Promise<Trace> {
  const client = createClient({
    timeoutMs: setup.timeoutMs,
    maxBodyBytes: setup.maxBodyBytes,
    defaultHeaders: { accept: 'application/json', ...target.headers },
  });
  try {
    const servers = specServerPaths(setup.spec.document.servers);
    const { baseUrl } = await discoverBaseUrl(target.url, servers, client);
    await preflight(baseUrl, client, setup.index, servers);
    const api = createBackupApi({
      baseUrl,
      index: setup.index,
      client,
      checks: [],
      suite: 'compare',
      redactedHeaders: setup.redactedHeaders,
      retryDelayMs: 200,
      record: () => {},
      passed: () => {},
    });
    const listing = await api.list();
    const highest = highestBackupId(listing);
    const from = highest === undefined ? undefined : firstCandidateId(highest, undefined, undefined);
    if (from === undefined) {
      throw new ConformanceError(
        'CONF_NOT_TESTED',
        `${baseUrl}: its list answer is not a readable list of backups, so no id can be chosen safely; nothing was compared.`,
      );
    }
    const ids = new RunIds(from, setup.index.byRole.take.idField ?? 'backupId', enumPaths(setup.index), BackupsFromBefore.of(listing, from));
    const steps: TracedStep[] = [];
    let sent = false;
    try {
      for (const step of setup.sequence) {
        if (setup.signal.aborted) break;
        setup.progress(`${baseUrl}: ${step.label}`);
        steps.push(await traceStep(api, step, ids, setup));
      }
      sent = true;
    } finally {
      // Also when a step threw: the backups the run took are its to delete.
      if (!sent) await deleteOwnBackups(api, ids.base, setup);
    }
    return { baseUrl, base: String(ids.base), steps, leftBehind: await deleteOwnBackups(api, ids.base, setup) };
  } finally {
    await client.close();
  }
}

/**
 * The run's ids on one target: the base, first a guess above the listed highest, then the id of the
 * first take the target accepted; the backups the run followed until they settled; and the
 * backups from before the run it reads.
 */
class RunIds implements FactReading {
  private readonly followed = new Set<bigint>();
  /** The ids of the invalid takes the target accepted: the backups it made of them. */
  readonly made = new Set<bigint>();
  constructor(
    public base: bigint,
    readonly idField: string,
    readonly enumPaths: ReadonlySet<string>,
    readonly before: BackupsFromBefore,
  ) {}

  settled(id: bigint): boolean {
    return this.followed.has(id);
  }

  follow(id: bigint): void {
    this.followed.add(id);
  }
}

async function traceStep(api: BackupApi, step: CompareStep, ids: RunIds, setup: TraceSetup): Promise<TracedStep> {
  const exchanges: Exchange[] = [];
  const keep: Keep = Object.assign(
    async <O extends Observation>(call: Promise<O>): Promise<O> => {
      const observation = await call;
      exchanges.push(observation.exchange);
      return observation;
    },
    { note: (exchange: Exchange) => void exchanges.push(exchange) },
  );
  const facts = await answer(step.request, ids, keep, api, setup);
  // A request of the invalid list can be a megabyte long: its line is shown, not kept whole.
  const curl = curlScript(exchanges, setup.redactedHeaders).map((line) => elide(line));
  return { label: step.label, facts, curl, ...tookOffset(step.request) };
}

function tookOffset(request: CompareRequest): { took?: string } {
  if (request.kind === 'first-take') return { took: '+0' };
  return request.kind === 'take' || request.kind === 'probe' ? { took: `+${request.offset}` } : {};
}

/** Sends a request and keeps its exchange for the step's curl lines; `note` keeps one sent elsewhere. */
interface Keep {
  <O extends Observation>(call: Promise<O>): Promise<O>;
  note(exchange: Exchange): void;
}

async function answer(request: CompareRequest, ids: RunIds, keep: Keep, api: BackupApi, setup: TraceSetup): Promise<AnswerFacts> {
  const facts = (observation: Observation) => answerFacts(observation.exchange, ids);
  const base = ids.base;
  switch (request.kind) {
    case 'list':
      return facts(await keep(api.list()));
    case 'list-made':
      return facts(await listOnceShown(ids.made, keep, api, setup));
    case 'final-list': {
      const listing = await keep(api.list());
      return { ...facts(listing), ...ids.before.listed(listing) };
    }
    case 'read-before':
      return ids.before.read((id) => keep(api.get(id)));
    case 'read-before-again':
      return ids.before.readAgain((id) => keep(api.get(id)));
    case 'first-take': {
      const search = await takeAtNextFreeId(api, { from: base, signal: setup.signal, afterTake: (_id, taken) => keep.note(taken.exchange) });
      if (search.kind !== 'accepted') {
        const last = search.answers[search.answers.length - 1];
        throw new ConformanceError(
          'CONF_NOT_TESTED',
          `no take above the highest backup was accepted (${search.kind}${last === undefined ? '' : `, the last answered ${describeAnswer(last)}`}), ` +
            `so the sequence cannot run; nothing was compared.`,
        );
      }
      ids.base = search.id;
      return facts(search.answers[search.answers.length - 1]!);
    }
    case 'take':
      return facts(await keep(api.take(base + request.offset)));
    case 'get':
      return facts(await keep(api.get(base + request.offset)));
    case 'get-any-type': {
      const anyType = { pathValues: [String(base + request.offset)], headers: { accept: '*/*' } };
      return facts(await keep(api.send(setup.index.byRole.get, anyType, 'valid')));
    }
    case 'delete':
      return facts(await keep(api.delete(base + request.offset)));
    case 'probe': {
      const text = request.probe.render(base + request.offset);
      const headers = text.contentType === undefined ? {} : { 'content-type': text.contentType };
      const taken = await keep(api.send(setup.index.byRole.take, { ...(text.body === undefined ? {} : { body: text.body }), headers }, 'invalid'));
      if (taken.answer.kind === 'accepted') ids.made.add(base + request.offset);
      return facts(taken);
    }
    case 'settle':
    case 'gone':
      return follow(request.kind, base + request.offset, keep, api, ids, setup);
  }
}

/** Gets a backup until it settles (COMPLETED or FAILED) or is gone: the last answer, the states it went through and how long it took. */
async function follow(until: 'settle' | 'gone', id: bigint, keep: Keep, api: BackupApi, ids: RunIds, setup: TraceSetup): Promise<AnswerFacts> {
  const seen: string[] = [];
  const started = performance.now();
  const polled = await pollUntil(
    async () => {
      const got = await keep(api.get(id));
      const shown = shownState(got);
      if (seen[seen.length - 1] !== shown) seen.push(shown);
      const done = until === 'gone' ? got.answer.kind === 'not-found' : shown === 'COMPLETED' || shown === 'FAILED';
      return { done, value: got };
    },
    { timeoutMs: setup.settleTimeoutMs, maxAttempts: MOST_POLLS, initialDelayMs: 20, signal: setup.signal },
  );
  const tookMs = performance.now() - started;
  if (polled.done && until === 'settle') ids.follow(id);
  const time = polled.done ? (SETTLE_BUCKETS.find(([below]) => tookMs < below)?.[1] ?? 'over 10 s') : `not within ${setup.settleTimeoutMs / 1000} s`;
  return {
    ...answerFacts(polled.value.exchange, ids),
    'answers on the way': seen.join(' → '),
    [until === 'gone' ? 'time to be gone' : 'time to settle']: time,
  };
}

/** Lists the backups until each of `made` is among them, within the settle timeout: the last list. */
async function listOnceShown(made: ReadonlySet<bigint>, keep: Keep, api: BackupApi, setup: TraceSetup): Promise<Observation<'list'>> {
  const polled = await pollUntil(
    async () => {
      const listing = await keep(api.list());
      const listed = new Set(listing.answer.kind === 'listed' ? (listing.answer.backups ?? []).map((b) => b.backupId) : []);
      return { done: [...made].every((id) => listed.has(id)), value: listing };
    },
    { timeoutMs: setup.settleTimeoutMs, maxAttempts: MOST_POLLS, initialDelayMs: 20, signal: setup.signal },
  );
  return polled.value;
}

/** What a get answer shows of a backup: its state, or what the answer means when it shows none. */
function shownState(observation: Observation<'get'>): string {
  const { answer } = observation;
  if (answer.kind === 'found') return answer.backup?.state ?? 'found, without a state';
  return answer.kind === 'unclear' ? `unclear (${answer.why})` : answer.kind;
}

/**
 * Deletes every backup of the run's own range still listed (the invalid takes a lenient server
 * kept among them), then waits, within the settle timeout, for the list to hold none: a delete may
 * finish after its answer. The ids still listed then.
 */
async function deleteOwnBackups(api: BackupApi, base: bigint, setup: TraceSetup): Promise<string[]> {
  const own = async (): Promise<bigint[]> => {
    const listing = await api.list();
    if (listing.answer.kind !== 'listed') return [];
    return (listing.answer.backups ?? []).flatMap((b) => (b.backupId !== undefined && b.backupId >= base ? [b.backupId] : []));
  };
  for (const id of await own()) await api.delete(id);
  const left = await pollUntil(
    async () => {
      const ids = await own();
      return { done: ids.length === 0, value: ids };
    },
    { timeoutMs: setup.settleTimeoutMs, maxAttempts: MOST_POLLS },
  );
  return left.value.map(String);
}
