import { failsRun } from './baseline/baseline.js';
import { couldNotJudge, type RunOutcome } from './run-outcome.js';

/**
 * The run's verdict in one sentence, naming what the server was held to, e.g.
 * "Conforms to Zeebe 8.5 behaviour; 2 known deviations from the spec."
 */
export function verdictLine(outcome: RunOutcome): string {
  if (couldNotJudge(outcome.exitCode)) return 'Could not judge: see the errors above.';
  const count = (verdict: string) => outcome.findings.filter((f) => f.verdict === verdict).length;
  const violations = outcome.findings.filter(failsRun).length;
  const deviations = count('known-deviation');
  const known = outcome.findings.filter((f) => f.verdict === 'violation' && f.inBaseline === true).length;
  const heldTo = outcome.profile.id === 'spec' ? 'the spec' : `${outcome.profile.title} behaviour`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const head = violations === 0 ? `Conforms to ${heldTo}` : `Does not conform to ${heldTo}: ${plural(violations, 'violation')}`;
  const baseline = known === 0 ? '' : `; ${plural(known, 'violation')} already in the baseline`;
  return deviations === 0 ? `${head}${baseline}.` : `${head}${baseline}; ${plural(deviations, 'known deviation')} from the spec.`;
}
