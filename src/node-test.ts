// `import { registerConformanceTests } from 'backup-conformance/node-test'`: the conformance suites
// as node:test suites in a user's own test run.
import { before, describe, test, type TestContext } from 'node:test';
import { failsRun } from './baseline/baseline.js';
import { resolveConfig } from './config.js';
import { toRunOptions, type ConformanceOptions } from './conformance-options.js';
import { ConformanceError } from './errors.js';
import type { Finding } from './findings/finding.js';
import { formatFinding, formatFindingHeadline } from './findings/format-finding.js';
import { runConformance } from './index.js';
import { rules, type Rule } from './rules/rules.js';
import type { RunOutcome } from './run-outcome.js';
import { selectSuites } from './run.js';

export type { ConformanceOptions } from './conformance-options.js';

/**
 * Registers one node:test suite per conformance suite the options select and, in each, one test per
 * rule of the catalogue that suite exercises. The run happens once, in the first suite's `before`
 * hook, and prints nothing; each test then reports the rule's outcome in that suite: failing with
 * the findings' text and curl lines on a violation, skipped with the reason when the rule was
 * inconclusive, not exercised, not stated by the spec or broken only as the `baseline` already
 * records, passing otherwise (a known deviation of the
 * profile is a diagnostic). A tool error fails every test of the suite it stopped; one before any
 * suite (an unreachable target) fails them all. Bad options throw a `ConformanceError` at once.
 */
export function registerConformanceTests(options: ConformanceOptions = {}): void {
  const config = resolveConfig(toRunOptions(options));
  let run: Promise<RunOutcome> | undefined;
  const outcome = (): Promise<RunOutcome> => (run ??= runConformance(options));
  for (const suite of selectSuites(config.suites, config.readOnly)) {
    describe(suite.id, () => {
      // A failing hook would only cancel the tests, hiding why; each test throws the tool error instead.
      let result: { readonly outcome: RunOutcome } | { readonly error: unknown } | undefined;
      before(async () => {
        result = await outcome().then(
          (value) => ({ outcome: value }),
          (error: unknown) => ({ error }),
        );
      });
      for (const rule of rules.filter((candidate: Rule) => candidate.suites.some((id) => id === suite.id))) {
        test(rule.id, (t) => {
          if (result === undefined || 'error' in result) throw result?.error;
          const toolError = result.outcome.errors.find((error) => error.suite === suite.id);
          if (toolError !== undefined) throw new ConformanceError(toolError.code, toolError.message);
          reportRule(t, rule, suite.id, result.outcome);
        });
      }
    });
  }
}

function reportRule(t: TestContext, rule: Rule, suite: string, outcome: RunOutcome): void {
  const unchecked = outcome.notChecked.find((entry) => entry.ruleId === rule.id);
  if (unchecked !== undefined) return void t.skip(`not checked: ${unchecked.reason}`);
  const findings = outcome.findings.filter((finding) => finding.checkId === rule.id && seenIn(finding, suite));
  const violations = findings.filter(failsRun);
  if (violations.length > 0) throw new RuleViolation(violations);
  const known = findings.filter((finding) => finding.verdict === 'violation' && finding.inBaseline === true);
  if (known.length > 0) return void t.skip(`in the baseline: ${known.map(formatFindingHeadline).join('; ')}`);
  for (const deviation of findings.filter((finding) => finding.verdict === 'known-deviation')) t.diagnostic(formatFindingHeadline(deviation));
  const inconclusive = findings.filter((finding) => finding.verdict === 'inconclusive');
  if (inconclusive.length > 0) return void t.skip(`inconclusive: ${inconclusive.map(formatFindingHeadline).join('; ')}`);
  if (!outcome.checks.some((entry) => entry.suite === suite && entry.checkId === rule.id)) {
    const stopped = outcome.suites.find((result) => result.id === suite)?.interrupted ?? outcome.interrupted;
    // The run's own account says why when no suite exercised the rule (e.g. no list of two backups came back).
    const why = outcome.rules.find((account) => account.id === rule.id)?.notExercised;
    return void t.skip(
      `not exercised: ${
        stopped !== undefined ? `the ${suite} suite stopped early (${stopped})` : (why ?? `the ${suite} suite did not exercise it in this run`)
      }`,
    );
  }
}

/**
 * Whether the suite saw the fault: one fault is one finding however often it was seen, naming every
 * suite that saw it; a finding that names no suite counts for every suite that exercises its rule.
 */
function seenIn(finding: Finding, suite: string): boolean {
  if (finding.suites !== undefined) return finding.suites.includes(suite);
  return finding.suite === undefined || finding.suite === suite;
}

/** A rule the server broke: the message is its findings in full, as the console prints them, each led by the rule's id. */
class RuleViolation extends Error {
  override readonly name = 'RuleViolation';
  constructor(findings: readonly Finding[]) {
    super(findings.map(formatFinding).join('\n\n'));
    // The evidence is the server's answers and their curl lines; this module's call stack is not.
    this.stack = `${this.name}: ${this.message}`;
  }
}
