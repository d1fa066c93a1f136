import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { missingProseRules, proseRulePointer, proseRules, type OperationPointers, type ProseRule } from '../../src/spec/prose-rules.js';
import { createAjv } from '../../src/spec/create-ajv.js';
import { indexOperations } from '../../src/spec/index-operations.js';
import { loadSpec } from '../../src/spec/load-spec.js';

// From dist/test/model/ back to the repository root.
const SPEC = fileURLToPath(new URL('../../../spec/backup-management-api.yaml', import.meta.url));

/** Replaces the string at `pointer` in a copy of `document`. */
function withTextAt(document: unknown, pointer: string, change: (text: string) => string): unknown {
  const copy = structuredClone(document) as Record<string, unknown>;
  const tokens = pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = tokens.pop() as string;
  let parent: Record<string, unknown> = copy;
  for (const token of tokens) parent = parent[token] as Record<string, unknown>;
  parent[last] = change(parent[last] as string);
  return copy;
}

const ids = (rules: readonly ProseRule[]) => rules.map((rule) => rule.id);

describe('proseRules', () => {
  let spec: unknown;
  let operations: OperationPointers;
  before(async () => {
    // parse, not dereference: the pointers name places in the document as written.
    spec = await SwaggerParser.parse(SPEC);
    operations = indexOperations((await loadSpec(SPEC)).document, createAjv()).byRole;
  });

  it('are all still written in the vendored spec', () => {
    assert.deepEqual(ids(missingProseRules(spec, operations)), []);
  });

  it('reports the one rule whose sentence was changed', () => {
    const changed = withTextAt(spec, '/paths/~1/get/description', (text) => text.replace('descending', 'ascending'));
    assert.deepEqual(ids(missingProseRules(changed, operations)), ['list-sorted-descending']);
  });

  it('reports each rule alone when its sentence is removed', () => {
    for (const rule of proseRules) {
      const changed = withTextAt(spec, proseRulePointer(rule, operations), (text) => text.replace(/\s+/g, ' ').replace(rule.sentence, ' '));
      assert.deepEqual(ids(missingProseRules(changed, operations)), [rule.id], rule.id);
    }
  });

  it('reports a rule whose place in the spec is gone', () => {
    const changed = structuredClone(spec) as { components: { schemas: Record<string, unknown> } };
    delete changed.components.schemas['PartitionId'];
    assert.deepEqual(ids(missingProseRules(changed, operations)), ['partition-id-positive']);
  });

  it('ignores how the lines are wrapped', () => {
    let rewrapped = spec;
    for (const pointer of new Set(proseRules.map((rule) => proseRulePointer(rule, operations)))) {
      rewrapped = withTextAt(rewrapped, pointer, (text) => `\n  ${text.replace(/ /g, '\n    ')}\t`);
    }
    assert.deepEqual(ids(missingProseRules(rewrapped, operations)), []);
  });

  it('reports every rule for something that is not a document', () => {
    for (const notADocument of [undefined, null, 'openapi: 3.0.2', 42, []]) {
      assert.deepEqual(ids(missingProseRules(notADocument, operations)), ids(proseRules));
    }
  });

  it('have distinct kebab-case ids and RFC 6901 pointers', () => {
    assert.equal(new Set(ids(proseRules)).size, proseRules.length);
    for (const rule of proseRules) {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.match(proseRulePointer(rule, operations), /^(\/([^~/]|~[01])*)+$/);
      assert.equal(rule.sentence, rule.sentence.trim());
    }
  });

  it('cannot be changed at run time', () => {
    assert.ok(Object.isFrozen(proseRules));
    assert.ok(proseRules.every((rule) => Object.isFrozen(rule)));
  });
});
