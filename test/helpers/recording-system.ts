import assert from 'node:assert/strict';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { PropertyViolation } from '../../suites/stateful/judges/property-violation.js';
import { StatefulSystem, type StatefulSystemOptions } from '../../suites/stateful/model/stateful-system.js';

/**
 * A stateful system for the judges' tests: what the judges ask of it is the operation index, the
 * rules that held (recorded as `GET / list-holds-live-backups`) and the violation to throw; `more`
 * gives what a judge or a command that reads the server needs (an `api`, the `standing` backups, a
 * `ledger` and `signal` for a command).
 */
export function recordingSystem(
  index?: OperationIndex,
  more: Partial<Pick<StatefulSystemOptions, 'api' | 'standing' | 'ledger' | 'signal'>> = {},
): { readonly system: StatefulSystem; readonly passed: string[] } {
  const passed: string[] = [];
  const options = { index, ...more, passed: (operation: string, checkId: string) => passed.push(`${operation} ${checkId}`) };
  return { system: new StatefulSystem(options as unknown as StatefulSystemOptions), passed };
}

/** The PropertyViolation that `act` rejects with; fails the test when it resolves. */
export async function violationOfAsync(act: () => Promise<unknown>): Promise<PropertyViolation> {
  try {
    await act();
  } catch (error) {
    if (error instanceof PropertyViolation) return error;
    throw error;
  }
  assert.fail('no violation thrown');
}

/** The PropertyViolation that `act` throws; fails the test when it throws none. */
export function violationOf(act: () => unknown): PropertyViolation {
  try {
    act();
  } catch (error) {
    if (error instanceof PropertyViolation) return error;
    throw error;
  }
  assert.fail('no violation thrown');
}
