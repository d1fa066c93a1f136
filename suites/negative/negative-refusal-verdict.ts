import type { Expectation } from '../../generators/invalid-inputs/invalid-probe.js';
import type { Verdict } from '../../src/findings/finding.js';
import { isSuccess, type Answer } from '../../src/api/answer.js';

/** Why an answer to an invalid request is reported, and under which verdict. */
export interface RefusalJudgement {
  readonly verdict: Exclude<Verdict, 'known-deviation'>;
  /** The spec/NOTES.md entry behind an inconclusive verdict. */
  readonly note?: string;
}

/**
 * Judges the answer to an invalid request by what a correct server may answer: any refusal (a
 * 4xx: 400 is documented; 404, 405, 413 and 415 come from the framework) passes, a success is an
 * acceptance. Undefined when there is nothing to report here: a refusal, a valid request, or an
 * answer other checks judge (no answer: `response-received`; a 5xx: `not-a-server-error`; a 1xx or
 * 3xx: `status-code-documented`).
 */
export function refusalVerdict(expectation: Expectation, answer: Answer): RefusalJudgement | undefined {
  if (answer.kind === 'unclear' || expectation.kind === 'valid') return undefined;
  const accepted = isSuccess(answer);
  if (expectation.kind === 'refuse') return accepted ? { verdict: 'violation' } : undefined;
  if (accepted || (expectation.conflictInconclusive === true && answer.kind === 'conflict')) return { verdict: 'inconclusive', note: expectation.note };
  return undefined;
}
