import { invalidBoundaryTakes } from '../../generators/invalid-inputs/invalid-boundary-takes.js';
import { isLoopback } from '../api/is-loopback.js';
import { ConformanceError } from '../errors.js';
import { createAjv } from '../spec/create-ajv.js';
import { indexOperations } from '../spec/index-operations.js';
import { loadSpec } from '../spec/load-spec.js';
import { compareSequence } from './compare-sequence.js';
import { diffTraces, type Difference } from './diff-traces.js';
import { traceTarget, type CompareTarget, type Trace, type TraceSetup } from './trace-target.js';

export type { CompareTarget } from './trace-target.js';

export interface CompareOptions {
  /** The primary: the server whose answers are the reference. */
  readonly target: CompareTarget;
  /** The candidate, compared with the primary. */
  readonly against: CompareTarget;
  /** A second instance of the primary: what differs between it and the primary is noise. */
  readonly noise?: CompareTarget;
  /** Without a noise target, run the sequence against the primary twice and drop what differs between the two. */
  readonly noisePass?: boolean;
  readonly specPath: string;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly settleTimeoutMs: number;
  readonly redactedHeaders: ReadonlySet<string>;
  /** Agreement to take and delete backups on targets that are not on this machine (--yes). */
  readonly consent: boolean;
  readonly signal?: AbortSignal;
  progress?(message: string): void;
}

export interface CompareOutcome {
  readonly a: Trace;
  readonly b: Trace;
  readonly noise: readonly Trace[];
  readonly differences: readonly Difference[];
  /** The number of steps of the sequence each target was sent. */
  readonly steps: number;
}

/**
 * Differential testing of two servers of the API: the same fixed sequence against each (and
 * against a noise target, or the primary again), each on its own ids above its own highest
 * backup; the answers read as facts and compared step by step.
 */
export async function compareServers(options: CompareOptions): Promise<CompareOutcome> {
  const targets = [options.target, options.against, ...(options.noise === undefined ? [] : [options.noise])];
  const remote = targets.map((target) => target.url).filter((url) => !isLoopback(url));
  if (remote.length > 0 && !options.consent) {
    throw new ConformanceError(
      'CONF_USAGE',
      `Refusing to take and delete backups on ${remote.map((url) => url.host).join(' and ')} without consent: a compare takes two backups on each ` +
        `target, and the invalid takes may make more on a lenient one (ids can never be reused). Add --yes to agree.`,
    );
  }
  const spec = await loadSpec(options.specPath);
  const index = indexOperations(spec.document, createAjv());
  const take = index.byRole.take;
  const probes = invalidBoundaryTakes({
    schema: take.requestBody?.schema,
    idField: take.idField ?? 'backupId',
    mediaTypes: take.requestBody?.mediaTypes ?? [],
  });
  const sequence = compareSequence(probes);
  const setup: TraceSetup = {
    spec,
    index,
    sequence,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    settleTimeoutMs: options.settleTimeoutMs,
    redactedHeaders: options.redactedHeaders,
    signal: options.signal ?? new AbortController().signal,
    progress: options.progress ?? (() => {}),
  };
  const a = await traceTarget(options.target, setup);
  const b = await traceTarget(options.against, setup);
  const noiseTarget = options.noise ?? (options.noisePass === true ? options.target : undefined);
  const noise = noiseTarget === undefined ? [] : [await traceTarget(noiseTarget, setup)];
  if (setup.signal.aborted) throw new ConformanceError('CONF_INTERRUPTED', 'the compare was interrupted; its backups were deleted, nothing was compared');
  return { a, b, noise, differences: diffTraces(a, b, noise), steps: sequence.length };
}
