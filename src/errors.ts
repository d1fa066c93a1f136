/**
 * Stable codes for failures of the tool itself (never of the server under test).
 * Each maps to exit code 2 and a JUnit `<error>`.
 */
export type ConformanceErrorCode =
  | 'CONF_USAGE'
  | 'CONF_TARGET_INVALID'
  | 'CONF_TARGET_UNREACHABLE'
  | 'CONF_NOT_THE_API'
  | 'CONF_INTERRUPTED'
  | 'CONF_SPEC_NOT_FOUND'
  | 'CONF_SPEC_INVALID'
  | 'CONF_OUT_UNWRITABLE'
  | 'CONF_BACKUPS_NOT_CONFIGURED'
  | 'CONF_UNSUPPORTED_SERVER'
  | 'CONF_BASELINE_INVALID'
  | 'CONF_INTERNAL';

/** A tool failure: its message says what went wrong, where, and how to fix it. */
export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
  constructor(
    readonly code: ConformanceErrorCode,
    message: string,
  ) {
    super(message);
  }
}
