import { proseRules } from '../model/prose-rules.js';

/** The spec pointer (`#/...`) of a prose rule, by its id; throws for an unknown id (a typo here is a bug). */
export function prosePointer(ruleId: string): string {
  const rule = proseRules.find((r) => r.id === ruleId);
  if (rule === undefined) throw new Error(`unknown prose rule ${ruleId}`);
  return `#${rule.pointer}`;
}
