import type { Severity } from '../../../src/findings/finding.js';
import { findingSource, rule, rules, type RuleId } from '../../../src/rules/rules.js';
import type { OperationIndex } from '../../../src/spec/index-operations.js';

/** The rules the stateful suite judges across a sequence of requests (declared in src/rules/rules.ts). */
export type StatefulCheckId = Extract<
  RuleId,
  | 'take-accepted-above-highest'
  | 'take-conflict-not-above-highest'
  | 'get-returns-requested-backup'
  | 'unknown-backup-not-found'
  | 'deleted-backup-gone'
  | 'list-holds-live-backups'
  | 'partition-set-stable'
  | 'checkpoint-position-monotonic'
  | 'backup-facts-fixed'
  | 'backup-settles'
  | 'state-transition-allowed'
>;

/** A stateful rule as the suite's commands use it: its catalogue entry, with its pointer in the loaded document. */
export interface StatefulProperty {
  readonly title: string;
  readonly severity: Severity;
  specPointer(index: OperationIndex): string;
}

/** The sequence rules the catalogue gives the stateful suite. */
export const STATEFUL_IDS = rules
  .filter((r) => r.scope === 'sequence' && (r.suites as readonly string[]).includes('stateful'))
  .map((r) => r.id) as readonly StatefulCheckId[];

/**
 * Every stateful rule, read from the rule catalogue. Single-response rules (schema, aggregation,
 * list order, failureReason, timestamps) are the response checks' and are applied to every answer
 * already; these need the history of the run.
 */
export const statefulProperties: Readonly<Record<StatefulCheckId, StatefulProperty>> = Object.freeze(
  Object.fromEntries(
    STATEFUL_IDS.map((id) => {
      const { title, severity } = rule(id);
      return [id, { title, severity, specPointer: (index: OperationIndex) => findingSource(id, index.byRole).specPointer }];
    }),
  ) as Record<StatefulCheckId, StatefulProperty>,
);
