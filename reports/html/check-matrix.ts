import { responseChecks } from '../../src/checks/response-checks.js';
import type { Finding, Verdict } from '../../src/findings/finding.js';
import { evaluationCounts } from '../../src/findings/rule-account.js';
import type { RunOutcome } from '../../src/run-outcome.js';

export type CellStatus = 'passed' | Verdict;

/** One check on one operation, over every suite that evaluated it. */
export interface MatrixCell {
  readonly status: CellStatus;
  /** Evaluations where the check applied (at least the failed ones). */
  readonly runs: number;
  /** Of those, the ones that found something. */
  readonly failed: number;
  readonly suites: readonly string[];
  /** The findings behind a status other than passed, in the run's order. */
  readonly findings: readonly Finding[];
}

export interface MatrixRow {
  readonly checkId: string;
  readonly title?: string;
  readonly status: CellStatus;
  /** By operation label; absent: not evaluated on that operation. */
  readonly cells: ReadonlyMap<string, MatrixCell>;
}

export interface CheckMatrix {
  /** Operation labels, in the order the run first met them. */
  readonly operations: readonly string[];
  /** Rows with a violation first, then inconclusive, known deviations, passes; otherwise in the run's order. */
  readonly rows: readonly MatrixRow[];
}

const RANK: Readonly<Record<CellStatus, number>> = { violation: 0, inconclusive: 1, 'known-deviation': 2, passed: 3 };

/** The worst of some statuses: a violation outranks an inconclusive result, which outranks a known deviation. */
export function worstStatus(statuses: Iterable<CellStatus>): CellStatus {
  let worst: CellStatus = 'passed';
  for (const status of statuses) if (RANK[status] < RANK[worst]) worst = status;
  return worst;
}

/**
 * Every check against every operation, from the ledger (what ran) and the findings (what it
 * found). Suites are merged into one cell; the findings keep their suite.
 */
export function checkMatrix(outcome: Pick<RunOutcome, 'checks' | 'findings'>): CheckMatrix {
  const operations: string[] = [];
  const cells = new Map<string, Map<string, { runs: number; failed: number; suites: Set<string>; findings: Finding[] }>>();
  const titles = new Map<string, string>(responseChecks.map((check) => [check.id, check.title]));
  const cell = (checkId: string, operation: string) => {
    if (!operations.includes(operation)) operations.push(operation);
    const row = cells.get(checkId) ?? new Map();
    cells.set(checkId, row);
    const found = row.get(operation) ?? { runs: 0, failed: 0, suites: new Set<string>(), findings: [] };
    row.set(operation, found);
    return found;
  };
  for (const entry of outcome.checks) {
    const target = cell(entry.checkId, entry.operation);
    target.runs += entry.runs;
    target.failed += entry.failed;
    target.suites.add(entry.suite);
  }
  for (const finding of outcome.findings) {
    const target = cell(finding.checkId, finding.operation);
    target.findings.push(finding);
    if (finding.suite !== undefined) target.suites.add(finding.suite);
    if (!titles.has(finding.checkId)) titles.set(finding.checkId, finding.title);
  }
  const rows = [...cells.entries()].map(([checkId, byOperation]): MatrixRow => {
    const built = new Map<string, MatrixCell>();
    for (const [operation, found] of byOperation) {
      const sightings = found.findings.reduce((sum, f) => sum + (f.occurrences ?? 1), 0);
      const { exercised, failed } = evaluationCounts(found.runs, found.failed, sightings);
      built.set(operation, {
        status: worstStatus(found.findings.map((f) => f.verdict)),
        runs: exercised,
        failed,
        suites: [...found.suites],
        findings: found.findings,
      });
    }
    const title = titles.get(checkId);
    return { checkId, ...(title === undefined ? {} : { title }), status: worstStatus([...built.values()].map((c) => c.status)), cells: built };
  });
  const order = new Map(rows.map((row, i) => [row, i]));
  rows.sort((a, b) => RANK[a.status] - RANK[b.status] || order.get(a)! - order.get(b)!);
  return { operations, rows };
}
