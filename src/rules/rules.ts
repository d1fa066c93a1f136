import { missingProseRules, proseRule, proseRulePointer, type OperationPointers, type ProseRuleId } from '../spec/prose-rules.js';
import type { OperationRole } from '../spec/operation.js';

/** How much a broken rule matters to someone relying on the API. */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/**
 * `violation`: the server broke the contract (exit code 1, JUnit failure).
 * `inconclusive`: the spec is silent or ambiguous here, or the cluster (not the API) failed;
 * reported, never counted as a violation (JUnit skipped).
 * `known-deviation`: a behaviour the selected profile expects from a real release although the
 * spec says otherwise (reported, never a violation).
 */
export type Verdict = 'violation' | 'inconclusive' | 'known-deviation';

/** The suites a rule can be exercised by. */
export type SuiteId = 'inventory' | 'smoke' | 'stateful' | 'negative';

/**
 * Where the spec states a rule, so that its pointer follows the loaded document: a prose sentence;
 * a part of one operation (`at` below its pointer); the responses of whichever operation answered;
 * or a fixed place under `components`.
 */
export type RuleSource =
  { readonly prose: ProseRuleId } | { readonly role: OperationRole; readonly at: string } | { readonly eachOperation: string } | { readonly pointer: string };

/** One rule the suite enforces: declared once here; checks, suites, findings and reports read it. */
export interface Rule {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** `response`: judged on every single answer; `sequence`: needs the history of the run. */
  readonly scope: 'response' | 'sequence';
  readonly source: RuleSource;
  /**
   * Further sentences the rule rests on, beside its source: a document that lacks one of them does
   * not state the rule either, so the rule is not checked against it.
   */
  readonly restsOn?: readonly ProseRuleId[];
  /** The spec/NOTES.md section that says how the suite reads the spec here, if any. */
  readonly note?: string;
  /** The suites that exercise it (a response rule: every suite that sends requests). */
  readonly suites: readonly SuiteId[];
}

const EVERY_SUITE: readonly SuiteId[] = ['inventory', 'smoke', 'stateful', 'negative'];

/** Every rule, response rules first, in the order the reports list them. */
export const rules = Object.freeze([
  // Response rules: applied to every answer any suite receives (src/checks/).
  {
    id: 'response-received',
    title: 'The server answers every request with a complete HTTP response in time',
    severity: 'high',
    scope: 'response',
    source: { eachOperation: '/responses' },
    suites: EVERY_SUITE,
  },
  {
    id: 'status-code-documented',
    title: 'The response status is documented for the operation',
    severity: 'medium',
    scope: 'response',
    source: { eachOperation: '/responses' },
    note: 'delete-undocumented-statuses',
    suites: EVERY_SUITE,
  },
  {
    id: 'not-a-server-error',
    title: 'The server does not answer with a server error',
    severity: 'high',
    scope: 'response',
    source: { eachOperation: '/responses' },
    note: 'undocumented-5xx',
    suites: EVERY_SUITE,
  },
  {
    id: 'content-type-documented',
    title: 'The response media type is documented for the status',
    severity: 'medium',
    scope: 'response',
    source: { eachOperation: '/responses' },
    note: 'media-types',
    suites: EVERY_SUITE,
  },
  {
    id: 'response-schema-valid',
    title: 'The response body matches the documented schema',
    severity: 'high',
    scope: 'response',
    source: { eachOperation: '/responses' },
    suites: EVERY_SUITE,
  },
  {
    id: 'response-body-within-limit',
    title: 'The response body fits within the size the suite reads',
    severity: 'low',
    scope: 'response',
    source: { eachOperation: '/responses' },
    suites: EVERY_SUITE,
  },
  {
    id: 'list-sorted-descending',
    title: 'The backup list is sorted by backupId, highest first',
    severity: 'medium',
    scope: 'response',
    source: { prose: 'list-sorted-descending' },
    note: 'list-order',
    suites: EVERY_SUITE,
  },
  {
    id: 'backup-state-aggregated',
    title: "A backup's state is aggregated from its partitions' states by the spec's rule",
    severity: 'high',
    scope: 'response',
    source: { prose: 'aggregate-one-failed' },
    suites: EVERY_SUITE,
  },
  {
    id: 'partition-ids-unique',
    title: 'details lists each partition once',
    severity: 'medium',
    scope: 'response',
    source: { prose: 'details-one-per-partition' },
    suites: EVERY_SUITE,
  },
  {
    id: 'failure-reason-only-when-failed',
    title: "failureReason is given only when the state is 'FAILED'",
    severity: 'low',
    scope: 'response',
    source: { prose: 'failure-reason-when-failed' },
    note: 'failure-reason',
    suites: EVERY_SUITE,
  },
  {
    id: 'timestamps-ordered',
    title: 'A partition is not updated before it was created',
    severity: 'medium',
    scope: 'response',
    source: { prose: 'last-updated-at' },
    restsOn: ['created-at-started'],
    note: 'timestamps',
    suites: EVERY_SUITE,
  },

  // Sequence rules: judged across requests by the suites.
  // "A backup with same or higher id already exists" (409): an id above every id taken has no reason to be refused.
  {
    id: 'take-accepted-above-highest',
    title: 'A take of an id above every id taken is accepted',
    severity: 'high',
    scope: 'sequence',
    source: { prose: 'take-scheduled' },
    restsOn: ['take-conflict-same-or-higher'],
    note: 'deleted-id-reuse',
    suites: ['smoke', 'stateful'],
  },
  // "each successive backup must use a higher ID than the previous one."
  {
    id: 'take-conflict-not-above-highest',
    title: 'A take of an id at or below the highest taken is refused with 409',
    severity: 'high',
    scope: 'sequence',
    source: { prose: 'take-conflict-same-or-higher' },
    note: 'deleted-id-reuse',
    suites: ['stateful'],
  },
  // "A detailed information of the backup with the give backup id." (sic)
  {
    id: 'get-returns-requested-backup',
    title: 'GET of a backup returns that backup',
    severity: 'high',
    scope: 'sequence',
    source: { prose: 'get-returns-backup' },
    suites: ['stateful'],
  },
  // 404: "A backup with given backupId does not exist"
  {
    id: 'unknown-backup-not-found',
    title: 'A backup that was never taken is not found',
    severity: 'high',
    scope: 'sequence',
    source: { prose: 'get-unknown-not-found' },
    suites: ['inventory', 'smoke', 'stateful'],
  },
  // 202: "A backup has been successfully scheduled": a GET finds it, after a bounded grace.
  {
    id: 'taken-backup-visible',
    title: 'A backup is visible after its take was accepted',
    severity: 'high',
    scope: 'sequence',
    source: { prose: 'take-scheduled' },
    note: 'asynchronous-visibility',
    suites: ['smoke'],
  },
  // 204: "Backup is deleted"; real Zeebe deletes asynchronously, within a bounded grace.
  {
    id: 'deleted-backup-gone',
    title: 'A deleted backup is no longer found or listed',
    severity: 'high',
    scope: 'sequence',
    source: { prose: 'delete-removes' },
    note: 'asynchronous-visibility',
    suites: ['smoke', 'stateful'],
  },
  // "Returns a list of all available backups with their state and additional info"
  {
    id: 'list-holds-live-backups',
    title: 'The list holds every backup that exists, and none that does not',
    severity: 'high',
    scope: 'sequence',
    source: { prose: 'list-all-backups' },
    suites: ['stateful'],
  },
  // details: "It should always contain all partitions known to the cluster."
  {
    id: 'get-agrees-with-list',
    title: 'GET of a listed backup returns that backup with the same partitions',
    severity: 'medium',
    scope: 'sequence',
    source: { prose: 'details-all-partitions' },
    suites: ['inventory'],
  },
  {
    id: 'partition-set-stable',
    title: 'Every backup lists the same partitions in its details',
    severity: 'medium',
    scope: 'sequence',
    source: { prose: 'details-all-partitions' },
    note: 'partition-completeness',
    suites: ['stateful'],
  },
  // BackupId: "each successive backup must use a higher ID than the previous one": later backups are later in the log.
  {
    id: 'checkpoint-position-monotonic',
    title: 'Checkpoint positions do not decrease as backup ids grow',
    severity: 'medium',
    scope: 'sequence',
    source: { prose: 'backup-id-increasing' },
    restsOn: ['checkpoint-position-of-backup'],
    suites: ['stateful'],
  },
  // StateCode names COMPLETED and FAILED as outcomes; the spec sets no deadline, --settle-timeout does.
  {
    id: 'backup-settles',
    title: 'A backup reaches COMPLETED or FAILED within the settle timeout',
    severity: 'high',
    scope: 'sequence',
    source: { prose: 'take-scheduled' },
    note: 'asynchronous-visibility',
    suites: ['stateful'],
  },
  // createdAt: "The timestamp at which the backup was started on this partition." (and snapshotId,
  // checkpointPosition, brokerId, brokerVersion): facts of the past.
  {
    id: 'backup-facts-fixed',
    title: "A partition's createdAt, snapshotId, checkpointPosition, brokerId and brokerVersion never change once reported",
    severity: 'medium',
    scope: 'sequence',
    source: { prose: 'created-at-started' },
    restsOn: ['snapshot-id-of-backup', 'checkpoint-position-of-backup', 'broker-id-of-backup', 'broker-version-of-backup'],
    note: 'fixed-facts',
    suites: ['stateful'],
  },
  // lastUpdatedAt: "changed state from IN_PROGRESS to COMPLETED"; with the aggregation rule this orders the states.
  {
    id: 'state-transition-allowed',
    title: "A backup's state only moves forward",
    severity: 'high',
    scope: 'sequence',
    source: { prose: 'state-changes-forward' },
    suites: ['stateful'],
  },
  // 400: "Or the given BackupId is not valid."
  {
    id: 'invalid-take-refused',
    title: 'A take with an invalid request is refused with a 4xx',
    severity: 'high',
    scope: 'sequence',
    source: { prose: 'take-invalid-id-refused' },
    suites: ['negative'],
  },
  {
    id: 'refused-take-creates-nothing',
    title: 'A refused take creates no backup',
    severity: 'high',
    scope: 'sequence',
    source: { prose: 'take-invalid-id-refused' },
    note: 'a-refused-take-may-leave-traces',
    suites: ['negative'],
  },
  {
    id: 'invalid-path-id-refused',
    title: 'A get or delete of an invalid path id is refused with a 4xx',
    severity: 'medium',
    scope: 'sequence',
    source: { role: 'get', at: '/parameters' },
    note: 'invalid-ids-in-the-path',
    suites: ['negative'],
  },
  // BackupId is `format: int64`: every such id is a valid id, taken exactly.
  {
    id: 'int64-id-taken-exactly',
    title: 'A take of a valid int64 id beyond 2^53 creates a backup under exactly that id',
    severity: 'high',
    scope: 'sequence',
    source: { pointer: '/components/schemas/BackupId/format' },
    note: 'ids-beyond-2-53',
    suites: ['negative'],
  },
] as const satisfies readonly Rule[]);

/** The id of a rule: a typo is a compile error. */
export type RuleId = (typeof rules)[number]['id'];

const byId: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));

export function rule(id: RuleId): Rule {
  return byId.get(id) as Rule;
}

export function isRuleId(id: string): id is RuleId {
  return byId.has(id);
}

/**
 * Where the loaded document states the rule, as `#/...`. For a rule about every operation's
 * responses, the answering operation's own responses when it is given, else `#/paths`.
 */
export function ruleSpecPointer(source: RuleSource, operations: OperationPointers, operation?: { readonly pointer: string }): string {
  if ('prose' in source) return `#${proseRulePointer(proseRule(source.prose), operations)}`;
  if ('role' in source) return `${operations[source.role].pointer}${source.at}`;
  if ('eachOperation' in source) return operation === undefined ? '#/paths' : `${operation.pointer}${source.eachOperation}`;
  return `#${source.pointer}`;
}

/** The prose sentence a rule enforces, if it enforces one. */
export function ruleSentence(source: RuleSource): string | undefined {
  return 'prose' in source ? proseRule(source.prose).sentence : undefined;
}

/**
 * Where a finding of the rule says the spec states what it broke: the place the finding names (a
 * spec/NOTES.md section or a precise place), else the prose sentence it broke, else the rule's own
 * source; with the spec's words when it is a prose sentence.
 */
export function findingSource(
  id: RuleId,
  operations: OperationPointers,
  at: { readonly operation?: { readonly pointer: string }; readonly prose?: ProseRuleId; readonly specPointer?: string } = {},
): { readonly specPointer: string; readonly specSentence?: string } {
  if (at.specPointer !== undefined) return { specPointer: at.specPointer };
  const source: RuleSource = at.prose === undefined ? rule(id).source : { prose: at.prose };
  const specSentence = ruleSentence(source);
  return { specPointer: ruleSpecPointer(source, operations, at.operation), ...(specSentence === undefined ? {} : { specSentence }) };
}

/** A rule the run does not check, and why. */
export interface UncheckedRule {
  readonly ruleId: RuleId;
  readonly reason: string;
}

/**
 * The rules a document does not state: those whose prose sentence is missing from it (a later or
 * edited spec may drop or reword one). They are not checked against that document, and said so,
 * rather than enforced with a pointer to nowhere.
 */
export function rulesNotStated(document: unknown, operations: OperationPointers): UncheckedRule[] {
  const missing = new Map(missingProseRules(document, operations).map((prose) => [prose.id, prose]));
  return rules.flatMap((r): UncheckedRule[] => {
    const source: RuleSource = r.source;
    const rests: readonly ProseRuleId[] = 'restsOn' in r ? r.restsOn : [];
    const unstated = [...('prose' in source ? [source.prose] : []), ...rests].flatMap((id) => missing.get(id) ?? []);
    if (unstated.length === 0) return [];
    const said = unstated.map((prose) => `"${prose.sentence}" at #${proseRulePointer(prose, operations)}`).join(', nor ');
    return [{ ruleId: r.id, reason: `the spec no longer says ${said}` }];
  });
}
