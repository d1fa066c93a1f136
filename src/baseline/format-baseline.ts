import type { BaselineComparison, BaselineFault } from './baseline.js';

/** The run against its baseline, in lines for the console: known, new, fixed, and not checked again. */
export function formatBaseline(comparison: BaselineComparison): string {
  const lines = [`Baseline ${comparison.file}: ${comparison.known} known, ${comparison.newViolations} new violations, ${comparison.fixed.length} fixed`];
  for (const fault of comparison.fixed) lines.push(`  fixed: ${describeFault(fault)}`);
  for (const fault of comparison.notRechecked) lines.push(`  not checked in this run: ${describeFault(fault)}`);
  return lines.join('\n');
}

/** A baseline fault in one line: check, operation, verdict. */
export function describeFault(fault: BaselineFault): string {
  return `${fault.checkId} (${fault.operation}): ${fault.verdict}${fault.kind === undefined ? '' : `, ${fault.kind}`}`;
}
