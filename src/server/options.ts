import { ConformanceError } from '../errors.js';
import type { BehaviourOverride } from './behaviour/behaviour.js';
import { faultCatalog, type FaultName, type FaultSpec } from './behaviour/fault-catalog.js';
import type { PlannedResponse } from './endpoints/planned-response.js';
import { quirkCatalog, type QuirkName } from './behaviour/quirk-catalog.js';
import { quirkProfiles, type QuirkProfile } from './behaviour/quirk-profiles.js';
import type { ReceivedRequest } from './request/received-request.js';
import { SEED_STATES, type SeedState, type ServerSettings } from './server-settings.js';
import { INT64_MAX } from '../spec/int64.js';

/** A backup that exists when the server starts. */
export interface SeedBackup {
  /** A positive int64. */
  readonly id: bigint | number;
  /**
   * COMPLETED (the default); FAILED (partition 1 failed after a leader change); IN_PROGRESS (for
   * ever, like a backup orphaned by a leader change, camunda/camunda#41200); INCOMPLETE (partition 1
   * never wrote its first record, so it reports DOES_NOT_EXIST, while the others completed).
   */
  readonly state?: SeedState;
}

/**
 * The last word on every answer: receives the request and what the server planned to send, and
 * returns what is sent (the same, a changed one, `{ hang: true }` or `{ destroy: true }`).
 *
 * @example A server that answers 418 to every fifth request:
 * ```ts
 * (request, planned) => (request.seq % 5 === 0 ? { status: 418, headers: {} } : planned)
 * ```
 */
export type Intercept = (request: ReceivedRequest, planned: PlannedResponse) => PlannedResponse | Promise<PlannedResponse>;

/** How to run the reference server. Every field is optional. */
export interface ReferenceServerOptions {
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** TCP port; 0 picks a free one. @default 0 (`conformance serve` defaults to 9600) */
  port?: number;
  /**
   * Path of the API on the server, without a trailing slash.
   * @default '/actuator/backups' (Zeebe 8.2–8.7; 8.8+ serves '/actuator/backupRuntime')
   */
  basePath?: string;
  /** Number of partitions, ids 1 to N. @default 3 */
  partitions?: number;
  /** Number of brokers; partition p is led by broker (p - 1) mod M. @default the number of partitions */
  brokers?: number;
  /** The brokerVersion reported for new backups. @default '8.5.0' */
  brokerVersion?: string;
  /** Time a partition's backup spends IN_PROGRESS before COMPLETED; 0 completes it at once. @default 50 */
  settleMs?: number;
  /** Up to this much more settle time per partition, stable per backup and partition; unused when settleMs is 0. @default 20 */
  jitterMs?: number;
  /** With the `start-window` quirk: time after a 202 until every partition has started. @default 30 */
  startWindowMs?: number;
  /** Delay before every answer. @default 0 */
  latencyMs?: number;
  /** Largest accepted request body; larger ones get 413. @default 65536 */
  maxBodyBytes?: number;
  /**
   * Faults to inject, `NAME` or `NAME=ARG` (see `faultCatalog`).
   * @default []
   * @example ['partition-fails=3', 'slow=200']
   */
  faults?: readonly FaultSpec[];
  /**
   * Departures from the spec seen in real releases: a profile name, or quirk names (see `quirkCatalog`).
   * @default [] (faithful to the spec)
   * @example 'zeebe-8.5'
   * @example ['list-unsorted', 'no-broker-id']
   */
  quirks?: QuirkProfile | readonly QuirkName[];
  /** Backups that exist at start; they count for the 409 rule. @default [] */
  seedBackups?: readonly SeedBackup[];
  /** The clock, in epoch milliseconds; backup states are read from it. @default Date.now */
  now?: () => number;
  /** Replaces pieces of the behaviour, after quirks and faults (see `BehaviourOverride`). @default none */
  behaviour?: BehaviourOverride;
  /** Changes any answer just before it is sent (see `Intercept`). @default none */
  intercept?: Intercept;
}

/** A fault with its argument resolved (0 for faults without one). */
export interface ResolvedFault {
  readonly name: FaultName;
  readonly argument: number;
}

/** Options with every default applied, validated and frozen: the settings, and what changes the behaviour. */
export interface ResolvedServerOptions extends ServerSettings {
  readonly faults: readonly ResolvedFault[];
  readonly quirks: readonly QuirkName[];
  readonly behaviour?: BehaviourOverride;
  readonly intercept?: Intercept;
}

/** setTimeout's limit: a longer delay would fire at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;
const MAX_PARTITIONS = 8192;

/**
 * Applies every default of the server (this is the one place they live) and checks every value.
 * Throws `ConformanceError` `CONF_USAGE` naming the bad value and what would be valid.
 */
export function resolveServerOptions(options: ReferenceServerOptions = {}): ResolvedServerOptions {
  const partitions = whole('partitions', options.partitions ?? 3, 1, MAX_PARTITIONS);
  const brokers = whole('brokers', options.brokers ?? partitions, 1, MAX_PARTITIONS);
  const topology = Array.from({ length: partitions }, (_, index) => Object.freeze({ partitionId: index + 1, brokerId: index % brokers }));
  const resolved: ResolvedServerOptions = {
    host: text('host', options.host ?? '127.0.0.1'),
    port: whole('port', options.port ?? 0, 0, 65535),
    basePath: basePath(options.basePath ?? '/actuator/backups'),
    partitions,
    brokers,
    brokerVersion: text('brokerVersion', options.brokerVersion ?? '8.5.0'),
    topology: Object.freeze(topology),
    settleMs: whole('settleMs', options.settleMs ?? 50, 0, Number.MAX_SAFE_INTEGER),
    jitterMs: whole('jitterMs', options.jitterMs ?? 20, 0, Number.MAX_SAFE_INTEGER),
    startWindowMs: whole('startWindowMs', options.startWindowMs ?? 30, 0, Number.MAX_SAFE_INTEGER),
    latencyMs: whole('latencyMs', options.latencyMs ?? 0, 0, MAX_DELAY_MS),
    maxBodyBytes: whole('maxBodyBytes', options.maxBodyBytes ?? 65536, 1, 2 ** 30),
    faults: Object.freeze((options.faults ?? []).map((spec) => resolveFault(spec, partitions))),
    quirks: Object.freeze(resolveQuirks(options.quirks ?? [])),
    seedBackups: Object.freeze(resolveSeeds(options.seedBackups ?? [])),
    now: options.now ?? Date.now,
    ...(options.behaviour === undefined ? {} : { behaviour: options.behaviour }),
    ...(options.intercept === undefined ? {} : { intercept: options.intercept }),
  };
  return Object.freeze(resolved);
}

function usage(message: string): ConformanceError {
  return new ConformanceError('CONF_USAGE', message);
}

function whole(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw usage(`${name} must be a whole number from ${min} to ${max}, but is ${String(value)}.`);
  }
  return value;
}

function text(name: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw usage(`${name} must be a non-empty string.`);
  return value;
}

function basePath(value: string): string {
  const trimmed = value.replace(/\/+$/, '');
  if (trimmed !== '' && !/^\/[^?#\s]*$/.test(trimmed)) {
    throw usage(`basePath must be a path starting with '/' (e.g. /actuator/backups), but is '${value}'.`);
  }
  return trimmed;
}

function resolveFault(spec: FaultSpec, partitions: number): ResolvedFault {
  const [name = '', argument] = String(spec).split(/=(.*)/s);
  const fault = faultCatalog.find((candidate) => candidate.name === name);
  if (fault === undefined) {
    throw usage(`Unknown fault '${name}'. Known faults: ${faultCatalog.map((f) => f.name).join(', ')}.`);
  }
  if (fault.argument === undefined) {
    if (argument !== undefined) throw usage(`Fault '${name}' takes no argument; write it as '${name}'.`);
    return Object.freeze({ name: fault.name, argument: 0 });
  }
  const isPartition = fault.argument.kind === 'partition id';
  if (argument === undefined) {
    const fallback = isPartition ? Math.min(fault.argument.defaultValue, partitions) : fault.argument.defaultValue;
    return Object.freeze({ name: fault.name, argument: fallback });
  }
  const value = /^\d+$/.test(argument) ? Number(argument) : NaN;
  const [min, max] = isPartition ? [1, partitions] : [0, MAX_DELAY_MS];
  if (!Number.isInteger(value) || value < min || value > max) {
    throw usage(`Fault '${name}=${argument}': the ${fault.argument.kind} must be a whole number from ${min} to ${max}.`);
  }
  return Object.freeze({ name: fault.name, argument: value });
}

function resolveQuirks(quirks: QuirkProfile | readonly QuirkName[]): QuirkName[] {
  if (typeof quirks === 'string') {
    if (!Object.hasOwn(quirkProfiles, quirks)) {
      throw usage(`Unknown quirks profile '${quirks}'. Known profiles: ${Object.keys(quirkProfiles).join(', ')}.`);
    }
    return [...quirkProfiles[quirks]];
  }
  for (const name of quirks) {
    if (!quirkCatalog.some((quirk) => quirk.name === name)) {
      throw usage(`Unknown quirk '${name}'. Known quirks: ${quirkCatalog.map((quirk) => quirk.name).join(', ')}.`);
    }
  }
  return [...new Set(quirks)];
}

function resolveSeeds(seeds: readonly SeedBackup[]): ResolvedServerOptions['seedBackups'] {
  const byId = new Map<bigint, ResolvedServerOptions['seedBackups'][number]>();
  for (const seed of seeds) {
    const valid = typeof seed.id === 'bigint' || Number.isSafeInteger(seed.id);
    const id = valid ? BigInt(seed.id) : 0n;
    if (id <= 0n || id > INT64_MAX) {
      throw usage(`Seed backup id ${String(seed.id)} is invalid: use a whole number from 1 to ${INT64_MAX}.`);
    }
    const state = seed.state ?? 'COMPLETED';
    if (!(SEED_STATES as readonly string[]).includes(state)) {
      throw usage(`Seed backup ${id} has state '${String(state)}': use ${SEED_STATES.slice(0, -1).join(', ')} or ${SEED_STATES.at(-1)}.`);
    }
    if (byId.has(id)) throw usage(`Seed backup id ${id} is given twice: ids are unique.`);
    byId.set(id, Object.freeze({ id, state }));
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
