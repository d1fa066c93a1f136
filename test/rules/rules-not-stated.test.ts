import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { DEFAULTS } from '../../src/config.js';
import { rules, rulesNotStated, type RuleSource } from '../../src/rules/rules.js';
import { createAjv } from '../../src/spec/create-ajv.js';
import { indexOperations, type OperationIndex } from '../../src/spec/index-operations.js';
import { loadSpec, type LoadedSpec } from '../../src/spec/load-spec.js';
import { proseRule, proseRulePointer, type ProseRuleId } from '../../src/spec/prose-rules.js';

/** A copy of the document without one sentence at the given pointer (its whitespace collapsed, as the match does). */
function withoutSentence(document: unknown, pointer: string, sentence: string): unknown {
  const copy = structuredClone(document) as Record<string, unknown>;
  const tokens = pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = tokens.pop() as string;
  let parent: Record<string, unknown> = copy;
  for (const token of tokens) parent = parent[token] as Record<string, unknown>;
  const text = (parent[last] as string).replace(/\s+/g, ' ');
  assert.ok(text.includes(sentence), `the bundled spec says "${sentence}" at ${pointer}`);
  parent[last] = text.replace(sentence, ' ');
  return copy;
}

/** The sentences of the spec's prose a rule rests on: its source's and the further ones it names. */
function sentencesOf(rule: (typeof rules)[number]): ProseRuleId[] {
  const source: RuleSource = rule.source;
  return [...('prose' in source ? [source.prose] : []), ...('restsOn' in rule ? rule.restsOn : [])];
}

describe('a rule whose sentence the document lacks is not checked', () => {
  let spec: LoadedSpec;
  let index: OperationIndex;
  before(async () => {
    spec = await loadSpec(DEFAULTS.specPath);
    index = indexOperations(spec.document, createAjv());
  });

  test('no rule has a description for its source other than through a prose sentence, which can be found missing', () => {
    const described = rules.filter((rule) => {
      const source: RuleSource = rule.source;
      return 'pointer' in source && source.pointer.endsWith('/description');
    });
    assert.deepEqual(
      described.map((rule) => rule.id),
      [],
    );
  });

  test('each sentence a rule rests on, removed from a copy of the bundled spec, makes that rule not checked', () => {
    const cases = rules.flatMap((rule) => sentencesOf(rule).map((id) => ({ rule: rule.id, prose: proseRule(id) })));
    assert.ok(cases.some((c) => c.rule === 'backup-facts-fixed' && c.prose.id === 'broker-version-of-backup'));
    assert.ok(cases.some((c) => c.rule === 'timestamps-ordered' && c.prose.id === 'last-updated-at'));
    for (const { rule, prose } of cases) {
      const edited = withoutSentence(spec.document, proseRulePointer(prose, index.byRole), prose.sentence);
      const unchecked = rulesNotStated(edited, index.byRole).find((entry) => entry.ruleId === rule);
      assert.ok(unchecked !== undefined, `${rule} is still checked without "${prose.sentence}"`);
      assert.ok(unchecked.reason.includes(prose.sentence), unchecked.reason);
    }
  });

  test('the bundled spec states every rule', () => assert.deepEqual(rulesNotStated(spec.document, index.byRole), []));
});
