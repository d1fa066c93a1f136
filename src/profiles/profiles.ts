import { ConformanceError } from '../errors.js';
import { knownDeviations } from './known-deviations.js';
import type { KnownDeviation, Profile } from './profile.js';

const FIRST_MINOR = 2;
const LAST_MINOR = 10;

/** The deviations of Zeebe 8.minor: those whose releases include it. */
function zeebeDeviations(minor: number): KnownDeviation[] {
  return knownDeviations.filter(({ releases }) => minor >= releases.from && (releases.to === undefined || minor <= releases.to));
}

/** `spec`, then `zeebe-8.2` to `zeebe-8.10`. */
export const profiles: readonly Profile[] = Object.freeze([
  { id: 'spec', title: 'the spec', deviations: [] },
  ...Array.from({ length: LAST_MINOR - FIRST_MINOR + 1 }, (_, i) => FIRST_MINOR + i).map((minor) => ({
    id: `zeebe-8.${minor}`,
    title: `Zeebe 8.${minor}`,
    deviations: zeebeDeviations(minor),
  })),
]);

/** The profile named by --profile; a name it does not know is a usage error listing the known ones. */
export function findProfile(id: string): Profile {
  const profile = profiles.find((p) => p.id === id);
  if (profile === undefined) {
    throw new ConformanceError('CONF_USAGE', `--profile ${id} is not a profile. Known profiles: ${profiles.map((p) => p.id).join(', ')}.`);
  }
  return profile;
}
