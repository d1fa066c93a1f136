import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { integerBounds } from '../../generators/invalid-inputs/integer-bounds.js';
import { INT64_MAX, INT64_MIN } from '../../src/spec/int64.js';
import type { OperationIndex } from '../../src/spec/index-operations.js';
import { bundledIndex } from '../helpers/bundled-index.js';

let index: OperationIndex;
before(async () => {
  index = await bundledIndex();
});

describe('integerBounds', () => {
  test('reads the take body id of the bundled spec through allOf: minimum 0, format int64', () => {
    const schema = index.byRole.take.requestBody?.schema as { properties: Record<string, unknown> };
    assert.deepEqual(integerBounds(schema.properties['backupId']), {
      lowest: 0n,
      lowestSource: 'minimum 0',
      highest: INT64_MAX,
      highestSource: 'format int64',
    });
  });

  test('reads the path parameter of the bundled spec the same way', () => {
    assert.equal(integerBounds(index.byRole.delete.pathParameters[0]?.schema)?.lowest, 0n);
  });

  test('keeps the tighter bound of a keyword and the format', () => {
    assert.deepEqual(integerBounds({ type: 'integer', format: 'int32', minimum: -(2 ** 40), maximum: 100 }), {
      lowest: -(2n ** 31n),
      lowestSource: 'format int32',
      highest: 100n,
      highestSource: 'maximum 100',
    });
  });

  test('reads OpenAPI 3.0 boolean and 3.1 numeric exclusive bounds', () => {
    assert.equal(integerBounds({ type: 'integer', minimum: 0, exclusiveMinimum: true })?.lowest, 1n);
    assert.equal(integerBounds({ type: 'integer', exclusiveMinimum: 0 })?.lowest, 1n);
    assert.equal(integerBounds({ type: 'integer', maximum: 10, exclusiveMaximum: true })?.highest, 9n);
    assert.equal(integerBounds({ type: 'integer', exclusiveMaximum: 10 })?.highest, 9n);
  });

  test('leaves a side without a bound open', () => {
    assert.deepEqual(integerBounds({ type: 'integer' }), {});
    assert.equal(integerBounds({ type: 'integer', format: 'int64' })?.lowest, INT64_MIN);
  });

  test('is undefined for a schema that is not an integer', () => {
    assert.equal(integerBounds({ type: 'string' }), undefined);
    assert.equal(integerBounds(undefined), undefined);
  });
});
