import type { FindingEvidence } from '../../../src/findings/finding.js';
import type { StatefulCheckId } from './stateful-properties.js';

/** The kind of a violation (see Finding.kind) and what was measured, when the command knows them. */
export interface ViolationDetails {
  readonly kind?: string;
  readonly evidence?: FindingEvidence;
}

/**
 * Thrown by a command when the server broke a stateful rule: fast-check then stops the run and
 * shrinks the sequence. Carries what a finding needs; the suite adds the reproduction.
 */
export class PropertyViolation extends Error {
  override readonly name = 'PropertyViolation';
  constructor(
    readonly checkId: StatefulCheckId,
    /** The label of the operation whose answer broke the rule, e.g. `GET /{backupId}`. */
    readonly operation: string,
    readonly expected: string,
    readonly received: string,
    readonly details: ViolationDetails = {},
  ) {
    super(`${checkId}: expected ${expected}; received ${received}`);
  }
}
