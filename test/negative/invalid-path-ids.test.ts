import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import fc from 'fast-check';
import { invalidBoundaryPathIds } from '../../generators/invalid-inputs/invalid-boundary-path-ids.js';
import { invalidPathIds } from '../../generators/invalid-inputs/invalid-path-ids.js';
import { type PathProbe } from '../../generators/invalid-inputs/invalid-probe.js';
import { INT64_MAX, INT64_MIN } from '../../src/spec/int64.js';
import { bundledIndex } from '../helpers/bundled-index.js';

let probes: fc.Arbitrary<PathProbe>;
before(async () => {
  probes = invalidPathIds((await bundledIndex()).byRole.get.pathParameters[0]?.schema);
});

function checkProbe(probe: PathProbe, id: bigint): void {
  const { value, label } = probe.render(id);
  // The value reaches the server as written: one segment, nothing a URL parser rewrites.
  assert.equal(new URL(`http://host/base/${value}`).pathname, `/base/${value}`, label);
  assert.ok(!/[/?#]/.test(value), value);
  if (/^-?\d+$/.test(value)) {
    const number = BigInt(value);
    assert.ok(number < 0n || number > INT64_MAX, `${value} is a valid id`);
    // A delete of an id a server can still read as a negative long deletes nothing: inconclusive.
    assert.equal(probe.onDelete.kind, number >= INT64_MIN && number < 0n ? 'may-accept' : 'refuse', value);
  } else {
    assert.equal(probe.onDelete.kind, 'refuse', value);
  }
}

describe('invalidPathIds', () => {
  test('every value is one path segment that breaks the parameter schema', () => {
    fc.assert(fc.property(probes, fc.bigInt({ min: 1n, max: INT64_MAX }), checkProbe), { numRuns: 2000 });
  });

  test('covers letters, fractions, both ends of the range and encoded separators', () => {
    const labels = new Set(fc.sample(probes, { numRuns: 500, seed: 5 }).map((probe) => probe.render(3n).label));
    for (const expected of ['a non-numeric id', 'a fraction', 'below the minimum 0', 'above the format int64']) assert.ok(labels.has(expected), expected);
    assert.ok([...labels].some((label) => label.includes('percent-encoded')));
  });
});

describe('invalidBoundaryPathIds', () => {
  test('follows the same rules, but for the empty id, which is for deletes only', async () => {
    for (const probe of invalidBoundaryPathIds((await bundledIndex()).byRole.get.pathParameters[0]?.schema)) {
      if (probe.render(12n).value === '') assert.equal(probe.forGet, false);
      else checkProbe(probe, 12n);
    }
  });

  test('reads its edges from the parameter schema: another format and minimum give other values', () => {
    const values = new Map(
      invalidBoundaryPathIds({ type: 'integer', format: 'int32', minimum: 1 }).map((probe) => [probe.render(12n).label, probe.render(12n).value]),
    );
    assert.equal(values.get('one above the format int32'), String(2n ** 31n));
    assert.equal(values.get('twice the int32 range'), String(2n ** 32n));
    assert.equal(values.get('one below the int32 range'), String(-(2n ** 31n) - 1n));
    assert.equal(values.get('a negative id'), '-12');
  });
});
