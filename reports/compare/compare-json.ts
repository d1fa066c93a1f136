import type { CompareOutcome } from '../../src/compare/compare-servers.js';
import type { Trace } from '../../src/compare/trace-target.js';

/** compare.json, described by reports/compare.schema.json. schemaVersion changes whenever a consumer could notice a change. */
export interface CompareJson {
  readonly schemaVersion: 2;
  readonly tool: { readonly name: 'backup-conformance'; readonly version: string };
  readonly a: TargetSummary;
  readonly b: TargetSummary;
  readonly noise: readonly TargetSummary[];
  readonly steps: number;
  readonly exitCode: 0 | 1;
  readonly differences: CompareOutcome['differences'];
}

interface TargetSummary {
  readonly baseUrl: string;
  /** The first backup id the compare used there; the steps' offsets are from it. */
  readonly base: string;
  readonly stepsAnswered: number;
  readonly leftBehind: readonly string[];
}

export function compareJson(outcome: CompareOutcome, version: string): CompareJson {
  return {
    schemaVersion: 2,
    tool: { name: 'backup-conformance', version },
    a: summary(outcome.a),
    b: summary(outcome.b),
    noise: outcome.noise.map(summary),
    steps: outcome.steps,
    exitCode: outcome.differences.length === 0 ? 0 : 1,
    differences: outcome.differences,
  };
}

function summary(trace: Trace): TargetSummary {
  return { baseUrl: trace.baseUrl, base: trace.base, stepsAnswered: trace.steps.length, leftBehind: trace.leftBehind };
}
