import { DEFAULTS } from '../../src/config.js';
import { createAjv } from '../../src/spec/create-ajv.js';
import { indexOperations, type OperationIndex } from '../../src/spec/index-operations.js';
import { loadSpec } from '../../src/spec/load-spec.js';

let cached: Promise<OperationIndex> | undefined;

/** The operation index of the bundled spec, built once per test file. */
export function bundledIndex(): Promise<OperationIndex> {
  cached ??= loadSpec(DEFAULTS.specPath).then((spec) => indexOperations(spec.document, createAjv()));
  return cached;
}
