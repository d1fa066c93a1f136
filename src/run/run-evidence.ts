import type { Observation } from '../api/backup-api.js';
import { markKnown } from '../baseline/baseline.js';
import type { RunConfig } from '../config.js';
import { ResponseCoverageLog } from '../coverage/response-coverage.js';
import { BackupTimeline } from '../findings/backup-timeline.js';
import type { Finding } from '../findings/finding.js';
import { FindingLog } from '../findings/finding-log.js';
import { JudgementLog } from '../findings/judgement-log.js';
import { StatelessMockDetector } from '../findings/stateless-mock.js';
import { withTls } from '../http/curl.js';
import type { Exchange } from '../http/exchange.js';
import { ExchangeArchive } from '../http/exchange-archive.js';
import { applyProfile } from '../profiles/apply-profile.js';
import { boundFinding } from '../findings/bound-finding.js';
import type { Operation, OperationRole } from '../spec/operation.js';
import type { Emit } from './run-event.js';
import type { RunPlan } from './plan-run.js';

/**
 * The one place that wires the run's evidence logs: every judgement (a finding is its rule's judgement under the
 * profile's verdict, a pass is one too), the coverage fed only by judged answers, each backup's timeline, the
 * stateless-mock detector, the exchanges for exchanges.har and the count of requests. The suites write to it through
 * their context; the outcome reads it when the run is over.
 */
export class RunEvidence {
  readonly findings = new FindingLog();
  readonly judgements = new JudgementLog();
  readonly coverage: ResponseCoverageLog;
  readonly timeline: BackupTimeline;
  readonly mock = new StatelessMockDetector();
  /** Kept only for exchanges.har, so only when there is an --out to write it to. */
  readonly archive: ExchangeArchive | undefined;
  private requestCount = 0;
  private highest: bigint | undefined;

  constructor(
    private readonly config: RunConfig,
    private readonly plan: Pick<RunPlan, 'index' | 'unstated' | 'baseline'>,
    private readonly emit: Emit,
    startedAtMs: number,
  ) {
    this.coverage = new ResponseCoverageLog(plan.index.operations);
    this.timeline = new BackupTimeline(startedAtMs);
    this.archive = config.outDir === undefined ? undefined : new ExchangeArchive(config.redactedHeaders, config.maxBodyBytes);
  }

  get requests(): number {
    return this.requestCount;
  }

  /** The highest id any suite asked to take so far: later suites take above it. */
  get highestTaken(): bigint | undefined {
    return this.highest;
  }

  /** Every exchange of the run, judged or not. */
  readonly exchanged = (exchange: Exchange): void => {
    this.archive?.record(exchange);
    this.requestCount++;
    this.emit({ type: 'exchange', exchange });
  };

  /** A finding a suite observed: its rule judged on this evidence, unless the spec does not state the rule. */
  readonly record = (observed: Finding): void => {
    if (this.plan.unstated.has(observed.checkId)) return;
    const tls = { ...(this.config.caFile === undefined ? {} : { caFile: this.config.caFile }), insecure: this.config.insecure };
    const reproduction = { ...observed.reproduction, curl: withTls(observed.reproduction.curl, tls) };
    // Bounded once, here: every report echoes the finding as recorded (exchanges.har keeps the whole values).
    const finding = boundFinding(markKnown(applyProfile(this.config.profile, { ...observed, reproduction }), this.plan.baseline));
    // The finding is its rule's judgement on this evidence, under the profile's verdict.
    this.judgements.judge(finding.suite ?? 'run', finding.operation, finding.checkId, finding.verdict);
    if (this.findings.add(finding)) this.emit({ type: 'finding', finding });
  };

  passed(suite: string, operation: string, checkId: string): void {
    if (!this.plan.unstated.has(checkId)) this.judgements.judge(suite, operation, checkId, 'passed');
  }

  /** An answer the response checks judged: only those count in the coverage of documented responses. */
  judgedAnswer(operation: Operation, exchange: Exchange): void {
    this.coverage.observe(operation, exchange);
  }

  observe(suite: string, observation: Observation, target: { role: OperationRole; id?: bigint }): void {
    this.timeline.observe(suite, observation, target);
    this.mock.observe(observation, target);
    if (target.role === 'take' && target.id !== undefined && (this.highest === undefined || target.id > this.highest)) this.highest = target.id;
  }
}
