import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { invalidIdValues } from '../../generators/invalid-inputs/invalid-id-values.js';

describe('invalidIdValues', () => {
  test('derives the out-of-range integers from the schema it is given', () => {
    const values = invalidIdValues({ type: 'integer', minimum: 10, maximum: 20 }, 'n');
    fc.assert(
      fc.property(values, fc.bigInt({ min: 1n, max: 1000n }), (probe, r) => {
        const { text } = probe.render(r);
        if (/^-?\d+$/.test(text)) assert.ok(BigInt(text) < 10n || BigInt(text) > 20n, text);
      }),
      { numRuns: 1000 },
    );
  });

  test('sends no integer below the minimum where the schema has none', () => {
    const labels = fc.sample(invalidIdValues({ type: 'integer' }, 'n'), { numRuns: 500, seed: 3 }).map((probe) => probe.render(5n).label);
    assert.ok(!labels.some((label) => /below|above/.test(label)));
  });

  test('marks integral spellings and numeric strings inconclusive when taken, naming the note', () => {
    const spelled = fc
      .sample(invalidIdValues({ type: 'integer', format: 'int64' }, 'n'), { numRuns: 1000, seed: 4 })
      .filter((probe) => probe.expectation.kind === 'may-accept');
    assert.ok(spelled.length > 0);
    for (const probe of spelled) {
      assert.deepEqual(probe.expectation, { kind: 'may-accept', note: 'spec/NOTES.md#numeric-string-ids' });
      const { text } = probe.render(255n);
      const unquoted = text.startsWith('"') ? (JSON.parse(text) as string).trim() : text;
      assert.ok(/^\+?255(\.0+|0*[eE][-+]?\d+)?$/.test(unquoted) || /^(0x|0X|#)ff$/i.test(unquoted), text);
    }
  });
});
