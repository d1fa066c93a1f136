import { formatFinding, formatFindingHeadline } from '../src/findings/format-finding.js';
import type { Finding } from '../src/findings/finding.js';
import type { RunOutcome } from '../src/run-outcome.js';
import { plural } from '../src/text/plural.js';
import { evaluationCounts } from '../src/findings/rule-account.js';
import { xmlEscape } from './xml-escape.js';
import { failsRun } from '../src/baseline/baseline.js';

interface TestCase {
  readonly suite: string;
  readonly operation: string;
  readonly checkId: string;
  /** Evaluations where the check applied, and those that found something (as the ledger counts them). */
  readonly runs: number;
  readonly failed: number;
  readonly findings: Finding[];
}

/**
 * JUnit XML as Jenkins, GitLab and GitHub test reporters read it. One test case per check and
 * operation in each suite: a violation is a `<failure>`, an inconclusive result `<skipped>`, a
 * tool error an `<error>` in a `tool` suite, a rule the run could not exercise `<skipped>` in a
 * `not-exercised` suite. Known deviations pass, listed in `<system-out>`; a violation the
 * --baseline file already holds is `<skipped>`, the message saying so.
 * Valid against junit-10.xsd of Jenkins' xUnit plugin (test/fixtures/), which is why the skipped
 * count sits on each `<testsuite>` and not on `<testsuites>`: that schema has no such attribute.
 */
export function toJUnit(outcome: RunOutcome): string {
  const cases = collectCases(outcome);
  const bySuite = new Map<string, TestCase[]>();
  for (const testCase of cases) bySuite.set(testCase.suite, [...(bySuite.get(testCase.suite) ?? []), testCase]);

  const suiteXml: string[] = [];
  const interruptedProperty = outcome.interrupted === undefined ? '' : `      <property name="interrupted" value="${outcome.interrupted}"/>\n`;
  let tests = 0;
  let failures = 0;
  for (const [suite, suiteCases] of bySuite) {
    const duration = outcome.suites.find((s) => s.id === suite)?.durationMs ?? 0;
    const counts = { failures: 0, skipped: 0 };
    const body = suiteCases.map((testCase) => {
      const verdict = verdictOf(testCase.findings);
      if (verdict === 'violation') counts.failures++;
      if (verdict === 'inconclusive' || verdict === 'baseline') counts.skipped++;
      return renderCase(testCase, verdict, outcome.baseline?.file);
    });
    tests += suiteCases.length;
    failures += counts.failures;
    suiteXml.push(
      `  <testsuite name="${xmlEscape(suite)}" tests="${suiteCases.length}" failures="${counts.failures}" errors="0" skipped="${counts.skipped}" ` +
        `time="${seconds(duration)}" timestamp="${xmlEscape(outcome.startedAt.slice(0, 19))}">\n` +
        `    <properties>\n      <property name="target" value="${xmlEscape(outcome.target)}"/>\n      <property name="spec" ` +
        `value="${xmlEscape(outcome.specPath)}"/>\n      <property name="profile" ` +
        `value="${xmlEscape(outcome.profile.id)}"/>\n${interruptedProperty}    </properties>\n` +
        `${body.join('')}  </testsuite>\n`,
    );
  }
  const unexercised = outcome.rules.filter((rule) => rule.status === 'not-exercised');
  if (unexercised.length > 0) {
    // A rule the run never met is said, never counted as passed: a skipped case with why.
    tests += unexercised.length;
    const body = unexercised
      .map(
        (rule) =>
          `    <testcase classname="not-exercised" name="${xmlEscape(rule.id)}" time="0">\n      <skipped ` +
          `message="${xmlEscape(`not exercised: ${rule.notExercised ?? 'nothing it applies to came back'}`)}"/>\n    </testcase>\n`,
      )
      .join('');
    suiteXml.push(
      `  <testsuite name="not-exercised" tests="${unexercised.length}" failures="0" errors="0" skipped="${unexercised.length}" time="0">\n${body}  ` +
        `</testsuite>\n`,
    );
  }
  if (outcome.errors.length > 0) {
    tests += outcome.errors.length;
    const body = outcome.errors
      .map(
        (error) =>
          `    <testcase classname="tool" name="${xmlEscape(error.suite ?? 'run')}: ${xmlEscape(error.code)}" time="0">\n      <error ` +
          `type="${xmlEscape(error.code)}" message="${xmlEscape(error.message)}">${xmlEscape(error.message)}</error>\n    </testcase>\n`,
      )
      .join('');
    suiteXml.push(
      `  <testsuite name="tool" tests="${outcome.errors.length}" failures="0" errors="${outcome.errors.length}" skipped="0" time="0">\n${body}  </testsuite>\n`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="backup-conformance" tests="${tests}" failures="${failures}" errors="${outcome.errors.length}" time="${seconds(outcome.durationMs)}">\n` +
    suiteXml.join('') +
    '</testsuites>\n'
  );
}

function collectCases(outcome: RunOutcome): TestCase[] {
  const cases = new Map<string, TestCase>();
  const key = (suite: string, operation: string, checkId: string) => `${suite}\u0000${operation}\u0000${checkId}`;
  for (const entry of outcome.checks) {
    cases.set(key(entry.suite, entry.operation, entry.checkId), {
      suite: entry.suite,
      operation: entry.operation,
      checkId: entry.checkId,
      runs: entry.runs,
      failed: entry.failed,
      findings: [],
    });
  }
  for (const finding of outcome.findings) {
    // One fault seen by several suites fails the case of each of them.
    for (const suite of finding.suites ?? [finding.suite ?? 'run']) {
      const k = key(suite, finding.operation, finding.checkId);
      const testCase = cases.get(k) ?? { suite, operation: finding.operation, checkId: finding.checkId, runs: 0, failed: 0, findings: [] };
      testCase.findings.push(finding);
      cases.set(k, testCase);
    }
  }
  return [...cases.values()];
}

function verdictOf(findings: readonly Finding[]): 'violation' | 'baseline' | 'inconclusive' | 'passed' {
  if (findings.some(failsRun)) return 'violation';
  if (findings.some((f) => f.verdict === 'violation')) return 'baseline';
  if (findings.some((f) => f.verdict === 'inconclusive')) return 'inconclusive';
  return 'passed';
}

function renderCase(testCase: TestCase, verdict: ReturnType<typeof verdictOf>, baselineFile: string | undefined): string {
  const open = `    <testcase classname="${xmlEscape(`${testCase.suite}.${testCase.operation}`)}" name="${xmlEscape(testCase.checkId)}" time="0"`;
  const relevant = testCase.findings.filter((f) =>
    verdict === 'passed' ? f.verdict === 'known-deviation' : verdict === 'baseline' ? f.verdict === 'violation' : f.verdict === verdict,
  );
  const first = relevant[0];
  if (first === undefined) return `${open}/>\n`;
  const text = xmlEscape([...relevant.map(formatFinding), countsLine(testCase)].join('\n\n'));
  const message = xmlEscape(formatFindingHeadline(first));
  if (verdict === 'violation') return `${open}>\n      <failure type="violation" message="${message}">${text}</failure>\n    </testcase>\n`;
  if (verdict === 'baseline')
    return (
      `${open}>\n      <skipped message="${xmlEscape(`known fault, in the baseline ${baselineFile ?? ''}: `)}${message}"/>\n      ` +
      `<system-out>${text}</system-out>\n    </testcase>\n`
    );
  if (verdict === 'inconclusive') return `${open}>\n      <skipped message="${message}"/>\n      <system-out>${text}</system-out>\n    </testcase>\n`;
  return `${open}>\n      <system-out>${text}</system-out>\n    </testcase>\n`;
}

/** How often the check applied here, passed and failed apart: "evaluated 104 times: 3 failed, 101 passed". */
function countsLine({ runs, failed: ledgerFailed, findings }: TestCase): string {
  const sightings = findings.reduce((sum, f) => sum + (f.occurrences ?? 1), 0);
  const { exercised, failed } = evaluationCounts(runs, ledgerFailed, sightings);
  return `evaluated ${plural(exercised, 'time')}: ${failed} failed, ${exercised - failed} passed`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
