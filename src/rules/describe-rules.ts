import type { OperationPointers } from '../spec/prose-rules.js';
import { rules, ruleSentence, ruleSpecPointer, rulesNotStated, type SuiteId } from './rules.js';

/** A rule as `conformance rules` shows it: where the loaded document states it, and whether it does. */
export interface RuleDescription {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly scope: 'response' | 'sequence';
  /** JSON pointer (`#/...`) into the loaded document. */
  readonly specPointer: string;
  readonly specSentence?: string;
  /** The spec/NOTES.md section on how the suite reads the spec here. */
  readonly note?: string;
  readonly suites: readonly SuiteId[];
  /** Set when the loaded document does not state the rule, so a run does not check it. */
  readonly notChecked?: string;
}

/** Every rule of the catalogue, its pointers resolved in the given document. */
export function describeRules(document: unknown, operations: OperationPointers): RuleDescription[] {
  const unstated = new Map(rulesNotStated(document, operations).map((u) => [u.ruleId as string, u.reason]));
  return rules.map((r) => {
    const specSentence = ruleSentence(r.source);
    const notChecked = unstated.get(r.id);
    const note = 'note' in r ? r.note : undefined;
    return {
      id: r.id,
      title: r.title,
      severity: r.severity,
      scope: r.scope,
      specPointer: ruleSpecPointer(r.source, operations),
      ...(specSentence === undefined ? {} : { specSentence }),
      ...(note === undefined ? {} : { note: `spec/NOTES.md#${note}` }),
      suites: r.suites,
      ...(notChecked === undefined ? {} : { notChecked }),
    };
  });
}

/** The catalogue for people: one block per rule, response rules first. */
export function formatRules(descriptions: readonly RuleDescription[]): string {
  const blocks = descriptions.map((d) => {
    const lines = [`${d.id} [${d.severity}]: ${d.title}`, `  spec:   ${d.specPointer}${d.specSentence === undefined ? '' : ` “${d.specSentence}”`}`];
    if (d.note !== undefined) lines.push(`  notes:  ${d.note}`);
    lines.push(`  suites: ${d.suites.join(', ')}`);
    if (d.notChecked !== undefined) lines.push(`  NOT CHECKED against this spec: ${d.notChecked}`);
    return lines.join('\n');
  });
  const count = (scope: string) => descriptions.filter((d) => d.scope === scope).length;
  return [
    `${descriptions.length} rules: ${count('response')} applied to every response, ${count('sequence')} judged across requests.`,
    '',
    '== Response rules',
    ...blocks.filter((_, i) => descriptions[i]?.scope === 'response'),
    '',
    '== Sequence rules',
    ...blocks.filter((_, i) => descriptions[i]?.scope === 'sequence'),
  ].join('\n');
}
