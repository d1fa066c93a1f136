import type { RunOutcome } from '../src/run-outcome.js';
import { toolVersion } from '../src/tool-version.js';

/** Bumped on any change a consumer of findings.json could notice; described by findings.schema.json. */
export const FINDINGS_SCHEMA_VERSION = 5;

/** The canonical machine-readable record of a run, described by reports/findings.schema.json. */
export function toFindingsJson(outcome: RunOutcome): string {
  const document = {
    schemaVersion: FINDINGS_SCHEMA_VERSION,
    tool: { name: 'backup-conformance', version: toolVersion },
    target: outcome.target,
    embedded: outcome.embedded,
    spec: outcome.specPath,
    profile: outcome.profile,
    startedAt: outcome.startedAt,
    durationMs: Math.round(outcome.durationMs),
    ...(outcome.seed === undefined ? {} : { seed: outcome.seed }),
    exitCode: outcome.exitCode,
    ...(outcome.interrupted === undefined ? {} : { interrupted: outcome.interrupted }),
    summary: outcome.summary,
    suites: outcome.suites.map((suite) => ({
      id: suite.id,
      title: suite.title,
      durationMs: Math.round(suite.durationMs),
      ...(suite.interrupted === undefined ? {} : { interrupted: suite.interrupted }),
      ...(suite.notes === undefined ? {} : { notes: suite.notes }),
    })),
    checks: outcome.checks,
    notChecked: outcome.notChecked,
    rules: outcome.rules,
    findings: outcome.findings,
    errors: outcome.errors,
    ...(outcome.notes === undefined ? {} : { notes: outcome.notes }),
    timeline: outcome.timeline,
    ...(outcome.coverage === undefined ? {} : { coverage: outcome.coverage }),
    ...(outcome.baseline === undefined ? {} : { baseline: outcome.baseline }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
