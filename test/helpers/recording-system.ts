import assert from 'node:assert/strict';
import type { Observation } from '../../src/api/backup-api.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { makeObservation } from './make-observation.js';
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

/** An api whose GET of an id answers what `answer` gives for it, recording the ids read in `gets`. */
export function gettingApi(
  index: OperationIndex,
  answer: (id: bigint) => { readonly status: number; readonly body: unknown },
): { readonly api: StatefulSystemOptions['api']; readonly gets: bigint[] } {
  const gets: bigint[] = [];
  const get = async (id: bigint): Promise<Observation<'get'>> => {
    gets.push(id);
    const { status, body } = answer(id);
    return makeObservation(index, 'get', status, body);
  };
  return { api: { get } as unknown as StatefulSystemOptions['api'], gets };
}
