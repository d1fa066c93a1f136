import { smokeSuite } from './smoke.js';
import type { Suite } from './suite.js';

/** Every suite, in the order a run goes through them. */
export const allSuites: readonly Suite[] = [smokeSuite];
