import type { QuirkName } from './quirk-catalog.js';

/** Named sets of quirks, one per emulated release. */
export type QuirkProfile = 'zeebe-8.5';

/**
 * The quirks of each emulated release. Zeebe 8.5 (Spring WebFlux, Boot 3.2) shows all of them
 * (research note §1, §2, §5, §6).
 */
export const quirkProfiles: Readonly<Record<QuirkProfile, readonly QuirkName[]>> = {
  'zeebe-8.5': ['list-unsorted', 'actuator-media-type', 'spring-error-bodies', 'string-ids', 'details-topology-order', 'no-broker-id', 'start-window'],
};
