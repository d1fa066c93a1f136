import { ConformanceError } from '../errors.js';
import { allSuites } from '../../suites/all-suites.js';
import type { Suite } from '../../suites/suite.js';

/** The suites a run of this configuration goes through, in order; `CONF_USAGE` for an unknown or forbidden one. */
export function selectSuites(ids: readonly string[] | undefined, readOnly: boolean): Suite[] {
  if (ids === undefined) return allSuites.filter((suite) => !readOnly || !suite.destructive);
  const known = new Map(allSuites.map((suite) => [suite.id, suite]));
  return ids.map((id) => {
    const suite = known.get(id);
    if (suite === undefined) {
      throw new ConformanceError('CONF_USAGE', `--suite ${id} is not a suite. Known suites: ${[...known.keys()].join(', ')}.`);
    }
    if (readOnly && suite.destructive) {
      throw new ConformanceError(
        'CONF_USAGE',
        `--suite ${id} takes or deletes backups, which --read-only forbids. Read-only suites: ${allSuites
          .filter((s) => !s.destructive)
          .map((s) => s.id)
          .join(', ')}.`,
      );
    }
    return suite;
  });
}
