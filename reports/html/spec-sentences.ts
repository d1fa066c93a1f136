import { proseRules } from '../../src/model/prose-rules.js';

/**
 * The spec's own words behind a finding's pointer, when the rule is one the suite enforces from
 * prose: the sentence of the rule named like the check if there is one, else every sentence
 * written at that pointer. Empty for schema and status rules, whose pointer says enough.
 */
export function specSentences(specPointer: string | undefined, checkId: string): string[] {
  if (specPointer === undefined) return [];
  const atPointer = proseRules.filter((rule) => `#${rule.pointer}` === specPointer);
  const named = atPointer.filter((rule) => rule.id === checkId);
  return (named.length > 0 ? named : atPointer).map((rule) => rule.sentence);
}
