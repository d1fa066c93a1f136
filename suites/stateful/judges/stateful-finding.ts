import type { Finding } from '../../../src/findings/finding.js';
import { sequenceFinding } from '../../../src/findings/sequence-finding.js';
import type { OperationIndex } from '../../../src/spec/index-operations.js';
import type { SequenceOutcome } from '../driver/stateful-sequence.js';

/**
 * A replay's commands, `scenario deletes: Take(+1 = 31), …`; empty for a run whose first read
 * already broke a rule (the report says so), and a scenario's name alone then, never `scenario x: `.
 */
function commandsText(run: Pick<SequenceOutcome, 'scenario' | 'steps'>): string {
  const steps = run.steps.join(', ');
  if (run.scenario === undefined) return steps;
  return steps === '' ? `scenario ${run.scenario}, before its first command` : `scenario ${run.scenario}: ${steps}`;
}

/**
 * The finding for a failed run: the stateful rule it broke (or the response check it was stopped
 * on), reproduced by the curl lines of the whole run and, for a run fast-check shrank, by its seed,
 * path and commands (`Take(+7 = 1037), Take(+5 = 1035)`). Undefined when the run did not fail.
 */
export function statefulFinding(
  run: SequenceOutcome,
  context: { readonly suite: string; readonly index: OperationIndex; readonly redactedHeaders: ReadonlySet<string> },
  replay?: { readonly seed: number; readonly path: string },
): Finding | undefined {
  const reproduction = {
    suite: context.suite,
    exchanges: run.transcript,
    redactedHeaders: context.redactedHeaders,
    ...(replay === undefined ? {} : { replay: { ...replay, commands: commandsText(run) } }),
  };
  if (run.violation !== undefined) {
    const { checkId, operation, expected, received, details } = run.violation;
    return sequenceFinding({ checkId, operation, expected, received, ...details, operations: context.index.byRole, ...reproduction });
  }
  if (run.stoppedOn !== undefined) {
    const { checkId, verdict, operation, expected, received, specPointer, kind } = run.stoppedOn;
    return sequenceFinding({
      checkId,
      verdict,
      operation,
      expected,
      received,
      ...(specPointer === undefined ? {} : { specPointer }),
      ...(kind === undefined ? {} : { kind }),
      operations: context.index.byRole,
      ...reproduction,
    });
  }
  return undefined;
}
