import { inventorySuite } from './inventory.js';
import { negativeSuite } from './negative/negative.js';
import { smokeSuite } from './smoke.js';
import { statefulSuite } from './stateful/stateful.js';
import type { Suite } from './suite.js';

/**
 * Every suite, in the order a run goes through them. The negative suite comes last: on the embedded
 * server it takes ids up to 2^63 - 1, after which no suite could take another backup.
 */
export const allSuites: readonly Suite[] = [inventorySuite, smokeSuite, statefulSuite, negativeSuite];
