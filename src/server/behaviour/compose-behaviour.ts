import type { Behaviour, BehaviourOverride } from './behaviour.js';
import { createDefaultBehaviour } from './create-default-behaviour.js';
import { faultCatalog } from './fault-catalog.js';
import type { ResolvedServerOptions } from '../options.js';
import { quirkCatalog } from './quirk-catalog.js';

/**
 * The behaviour of a server: the default, then its quirks (in catalog order), then its faults (in
 * the order given), then the caller's override. Each layer sees the one below as `base`, so a
 * fault applies on top of a quirk, and a test's override on top of both.
 */
export function composeBehaviour(config: ResolvedServerOptions): Behaviour {
  const overrides: BehaviourOverride[] = [
    ...quirkCatalog.filter((quirk) => config.quirks.includes(quirk.name)).map((quirk) => quirk.override),
    ...config.faults.flatMap((fault) => faultCatalog.filter((entry) => entry.name === fault.name).map((entry) => entry.override(fault.argument))),
    ...(config.behaviour === undefined ? [] : [config.behaviour]),
  ];
  const composed = overrides.reduce<Behaviour>((base, override) => {
    const changes = typeof override === 'function' ? override(base, config) : override;
    // Only the pieces given: an explicit `undefined` must not erase a piece.
    const given = Object.entries(changes).filter(([, piece]) => piece !== undefined);
    return { ...base, ...(Object.fromEntries(given) as Partial<Behaviour>) };
  }, createDefaultBehaviour(config));
  return Object.freeze(composed);
}
