import type { Finding } from '../../../src/findings/finding.js';

/**
 * Thrown when an answer broke a single-response rule the run was asked to stop on, so that
 * fast-check can shrink the sequence that leads to it. The response checks have already recorded
 * `finding`; the suite adds the shrunk reproduction.
 */
export class ResponseViolation extends Error {
  override readonly name = 'ResponseViolation';
  constructor(readonly finding: Finding) {
    super(`${finding.checkId}: expected ${finding.expected}; received ${finding.received}`);
  }
}
