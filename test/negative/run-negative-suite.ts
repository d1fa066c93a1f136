import { composeSuiteContext } from '../../suites/compose-suite-context.js';
import { resolveConfig, type RunOptions } from '../../src/config.js';
import { JudgementLog, type LedgerEntry } from '../../src/findings/judgement-log.js';
import type { Finding } from '../../src/findings/finding.js';
import { FindingLog } from '../../src/findings/finding-log.js';
import { createClient } from '../../src/http/client.js';
import type { Exchange } from '../../src/http/exchange.js';
import { createAjv } from '../../src/spec/create-ajv.js';
import { indexOperations } from '../../src/spec/index-operations.js';
import { loadSpec } from '../../src/spec/load-spec.js';
import { negativeSuite } from '../../suites/negative/negative.js';

export interface NegativeRun {
  readonly findings: readonly Finding[];
  readonly checks: readonly LedgerEntry[];
  readonly exchanges: readonly Exchange[];
  /** The suite's progress lines, in order. */
  readonly progress: readonly string[];
  /** The findings of one check, violations and inconclusive ones alike. */
  of(checkId: string): Finding[];
  /** The violations of the run. */
  violations(): Finding[];
}

/**
 * Runs the negative suite in this process against `url`, composed as the run does it: spec,
 * operation index, checked client, the suite. `options` are the run's options; their `target`
 * only decides what the suite believes about the target (absent: the embedded server).
 */
export async function runNegativeSuite(url: string, options: RunOptions = {}): Promise<NegativeRun> {
  const config = resolveConfig({ negativeRuns: '20', seed: '7', ...options });
  const spec = await loadSpec(config.specPath);
  const index = indexOperations(spec.document, createAjv());
  const exchanges: Exchange[] = [];
  const progress: string[] = [];
  const client = createClient({
    timeoutMs: config.timeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    defaultHeaders: { accept: 'application/json' },
    onExchange: (exchange) => exchanges.push(exchange),
  });
  const log = new FindingLog();
  const ledger = new JudgementLog();
  try {
    await negativeSuite.run(
      composeSuiteContext({
        config: { ...config, retryDelayMs: 10 },
        spec,
        index,
        client,
        baseUrl: url,
        suite: negativeSuite,
        signal: new AbortController().signal,
        record: (finding) => {
          ledger.judge(negativeSuite.id, finding.operation, finding.checkId, finding.verdict);
          log.add(finding);
        },
        passed: (operation, checkId) => ledger.judge(negativeSuite.id, operation, checkId, 'passed'),
        progress: (message) => progress.push(message),
      }),
    );
  } finally {
    await client.close();
  }
  const findings = log.all();
  return {
    findings,
    checks: ledger.entries(),
    exchanges,
    progress,
    of: (checkId) => findings.filter((finding) => finding.checkId === checkId),
    violations: () => findings.filter((finding) => finding.verdict === 'violation'),
  };
}
