import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS } from '../../src/config.js';
import { createAjv } from '../../src/spec/create-ajv.js';
import { indexOperations } from '../../src/spec/index-operations.js';
import { loadSpec } from '../../src/spec/load-spec.js';
import { lookupAnswerOf } from '../../src/model/backup-sighting.js';
import { answerKindOf } from '../../src/api/answer.js';
import { proseRule, proseRulePointer } from '../../src/spec/prose-rules.js';

type Responses = Record<string, { description: string }>;

/** The bundled document with the responses of one operation rewritten. */
async function withResponses(path: string, method: string, rewrite: (responses: Responses) => Responses) {
  const spec = await loadSpec(DEFAULTS.specPath);
  const document = structuredClone(spec.document) as unknown as { paths: Record<string, Record<string, { responses: Responses }>> };
  const operation = document.paths[path]?.[method];
  assert.ok(operation !== undefined);
  operation.responses = rewrite(operation.responses);
  return indexOperations(document as never, createAjv());
}

test('the statuses of the bundled spec are those its responses document', async () => {
  const spec = await loadSpec(DEFAULTS.specPath);
  const { statuses } = indexOperations(spec.document, createAjv());
  assert.deepEqual({ ...statuses }, { accepted: 202, conflict: 409, listed: 200, found: 200, notFound: 404, deleted: 204 });
});

test('a conflict documented under another status is read from the response whose description states it', async () => {
  const index = await withResponses('/', 'post', (responses) => {
    const { '409': conflict, ...others } = responses;
    return { ...others, '422': conflict as { description: string } };
  });
  assert.equal(index.statuses.conflict, 422);
  assert.deepEqual(answerKindOf('take', index.statuses, 422), { kind: 'conflict' });
  assert.deepEqual(answerKindOf('take', index.statuses, 409), { kind: 'refused' });
  // The rule the sentence states is still stated, and its pointer names where.
  assert.equal(proseRulePointer(proseRule('take-conflict-same-or-higher'), index.byRole), '/paths/~1/post/responses/422/description');
});

test('a sentence no response states leaves its rule pointing at the responses, where nothing holds it', async () => {
  const index = await withResponses('/', 'post', (responses) => ({ ...responses, '409': { description: 'Conflict' } }));
  assert.equal(proseRulePointer(proseRule('take-conflict-same-or-higher'), index.byRole), '/paths/~1/post/responses');
  assert.equal(index.statuses.conflict, 409);
});

test('a success documented as another 2xx is read from the operation', async () => {
  const index = await withResponses('/{backupId}', 'delete', (responses) => {
    const { '204': deleted, ...others } = responses;
    return { '200': deleted as { description: string }, ...others };
  });
  assert.equal(index.statuses.deleted, 200);
  assert.equal(index.byRole.delete.successStatus, 200);
});

test('an answer about one backup is found, not found or something else, by the reading of the API', () => {
  assert.equal(lookupAnswerOf({ kind: 'found' }), 'found');
  assert.equal(lookupAnswerOf({ kind: 'listed' }), 'found');
  assert.equal(lookupAnswerOf({ kind: 'not-found' }), 'not-found');
  assert.equal(lookupAnswerOf({ kind: 'refused' }), 'other');
  assert.equal(lookupAnswerOf({ kind: 'unclear' }), 'other');
});
