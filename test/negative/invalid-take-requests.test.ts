import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import fc from 'fast-check';
import { invalidBoundaryTakes } from '../../generators/invalid-inputs/invalid-boundary-takes.js';
import { type TakeProbe } from '../../generators/invalid-inputs/invalid-probe.js';
import { INT64_MAX } from '../../src/spec/int64.js';
import { invalidTakeRequests, type TakeRequestSchema } from '../../generators/invalid-inputs/invalid-take-requests.js';
import { parseJson } from '../../src/http/parse-json.js';
import type { Operation } from '../../src/spec/operation.js';
import { bundledIndex } from '../helpers/bundled-index.js';

let take: Operation;
let takeSchema: TakeRequestSchema;
let probes: fc.Arbitrary<TakeProbe>;
before(async () => {
  take = (await bundledIndex()).byRole.take;
  takeSchema = { schema: take.requestBody?.schema, idField: 'backupId', mediaTypes: take.requestBody?.mediaTypes ?? [] };
  probes = invalidTakeRequests(takeSchema);
});

/** Reserved ids as the suite picks them: anywhere above an existing id, up to near the top of int64. */
const anyReserved = fc.bigInt({ min: 1n, max: 2n ** 62n });
// Where a double still tells a 5-digit fraction from an integer, so JSON.parse and ajv can be the oracle.
const smallReserved = fc.bigInt({ min: 1n, max: 2n ** 32n });
const isJsonType = (type: string | undefined) => type !== undefined && /^application\/json\b/i.test(type);

/** Every way the spec says the request is invalid: not JSON, or JSON that breaks the body schema. */
function breaksSpec(body: string | undefined): boolean {
  if (body === undefined) return true;
  const parsed = parseJson(body);
  if (!parsed.ok) return true;
  return (take.requestBody?.validate?.(parsed.value, parsed.exact) ?? []).length > 0;
}

/** A body Jackson would still read: a JSON object followed by other text (trailing tokens are ignored). */
function hasObjectPrefix(body: string): boolean {
  for (let end = body.indexOf('}') + 1; end > 0 && end < body.length; end = body.indexOf('}', end) + 1) {
    if (parseJson(body.slice(0, end)).ok) return true;
  }
  return false;
}

/** A probe and what it sends for one reserved id, so that a counterexample shows the request. */
const rendered = (probe: TakeProbe, r: bigint) => ({ expectation: probe.expectation, r, request: probe.render(r) });
type Rendered = ReturnType<typeof rendered>;

/** Safety: a server that wrongly takes the request can only burn ids of the reserved range. */
function namesNoIdBelow({ expectation, r, request }: Rendered): void {
  for (const id of request.ids) {
    if (id > 0n && id <= INT64_MAX) assert.ok(id >= r, `${request.label} names ${id}, below the reserved ${r}`);
    if (expectation.kind !== 'refuse') assert.ok(id === r || id <= 0n, `${request.label} may be accepted, yet names ${id}, not the reserved ${r}`);
  }
}

function breaksSpecIfRefused({ expectation, request }: Rendered): void {
  if (expectation.kind !== 'refuse') return;
  if (isJsonType(request.contentType)) assert.ok(breaksSpec(request.body), `${request.label} is valid: ${request.body}`);
  if (request.body !== undefined) assert.ok(!hasObjectPrefix(request.body), `${request.label} starts with a whole object: ${request.body}`);
}

describe('invalidTakeRequests', () => {
  test('names no id below the reserved one', () => {
    fc.assert(
      fc.property(
        fc.tuple(probes, anyReserved).map(([probe, r]) => rendered(probe, r)),
        namesNoIdBelow,
      ),
      { numRuns: 2000 },
    );
  });

  test('every request that must be refused breaks the spec, and has no whole object before its end', () => {
    fc.assert(
      fc.property(
        fc.tuple(probes, smallReserved).map(([probe, r]) => rendered(probe, r)),
        breaksSpecIfRefused,
      ),
      { numRuns: 2000 },
    );
  });

  test('covers each keyword of the schema and the syntax around it', () => {
    const labels = fc.sample(probes, { numRuns: 2000, seed: 1 }).map((probe) => probe.render(41n).label);
    for (const expected of [
      /below the minimum 0/,
      /above the format int64/,
      /a fraction/,
      /a numeric string/,
      /not JSON/,
      /backupId missing/,
      /not an object/,
      /an array|an object/,
      /Content-Type|sent as/,
    ]) {
      assert.ok(
        labels.some((label) => expected.test(label)),
        `no request matches ${expected}`,
      );
    }
  });

  test('writes ids beyond 2^53 digit for digit', () => {
    const big = fc
      .sample(probes, { numRuns: 2000, seed: 2 })
      .map((probe) => probe.render(41n))
      .filter((request) => request.label.includes('above the format int64'));
    assert.ok(big.length > 0);
    for (const request of big) {
      const written = /"backupId":(\d+)}/.exec(request.body ?? '')?.[1];
      assert.ok(written !== undefined && BigInt(written) > INT64_MAX && request.ids.includes(BigInt(written)), request.body);
    }
  });
});

describe('invalidBoundaryTakes', () => {
  test('every request in the fixed list follows the same rules', () => {
    const list = invalidBoundaryTakes(takeSchema);
    fc.assert(
      fc.property(anyReserved, (r) => list.forEach((probe) => namesNoIdBelow(rendered(probe, r)))),
      { numRuns: 10 },
    );
    fc.assert(
      fc.property(smallReserved, (r) => list.forEach((probe) => breaksSpecIfRefused(rendered(probe, r)))),
      { numRuns: 3 },
    );
  });

  test('sends 0 first, and has the boundaries the spec names', () => {
    const bodies = invalidBoundaryTakes(takeSchema).map((probe) => probe.render(1001n).body);
    assert.equal(bodies[0], '{"backupId":0}');
    for (const expected of [
      '{"backupId":-1}',
      '{"backupId":9223372036854775808}',
      '{"backupId":"1001"}',
      '{"backupId":1001e0}',
      '{"backupId":1001.5}',
      '{}',
      '',
    ]) {
      assert.ok(bodies.includes(expected), expected);
    }
    assert.ok(
      bodies.some((body) => (body?.length ?? 0) >= 1024 * 1024),
      'an oversized body',
    );
  });

  test('reads the id range from the schema: with minimum 1 and int32, no zero probe, and the int32 edges', () => {
    const schema = { type: 'object', required: ['backupId'], properties: { backupId: { type: 'integer', format: 'int32', minimum: 1 } } };
    const requests = invalidBoundaryTakes({ schema, idField: 'backupId', mediaTypes: ['application/json'] }).map((probe) => probe.render(1001n));
    const bodies = requests.map((request) => request.body);
    assert.equal(bodies[0], '{"backupId":0}');
    assert.equal(requests[0]?.label, 'backupId 0, one below the minimum 1');
    for (const expected of [`{"backupId":${2n ** 31n}}`, `{"backupId":${2n ** 32n}}`, `{"backupId":${-(2n ** 31n)}}`])
      assert.ok(bodies.includes(expected), expected);
    assert.ok(!bodies.includes(`{"backupId":${2n ** 63n}}`));
  });

  test('sends a valid body once without Content-Type and once as text/plain', () => {
    const requests = invalidBoundaryTakes(takeSchema).map((probe) => probe.render(7n));
    assert.ok(requests.some((request) => request.contentType === undefined && request.body === '{"backupId":7}'));
    assert.ok(requests.some((request) => request.contentType === 'text/plain'));
  });
});
