import type { LaneState } from './backup-lanes.js';

/** How a state is drawn: a CSS class from this fixed list (never from the server's text) and a legend label. */
export interface StateStyle {
  readonly className: string;
  readonly label: string;
}

const SERVER_STATES: Readonly<Record<string, StateStyle>> = {
  IN_PROGRESS: { className: 's-in-progress', label: 'IN_PROGRESS' },
  COMPLETED: { className: 's-completed', label: 'COMPLETED' },
  FAILED: { className: 's-failed', label: 'FAILED' },
  INCOMPLETE: { className: 's-incomplete', label: 'INCOMPLETE' },
  DOES_NOT_EXIST: { className: 's-does-not-exist', label: 'DOES_NOT_EXIST' },
};

const RUN_STATES: Readonly<Record<Exclude<LaneState['kind'], 'server'>, StateStyle>> = {
  taken: { className: 's-taken', label: 'taken, not seen yet' },
  deleted: { className: 's-deleted', label: 'deleted' },
  'not-found': { className: 's-not-found', label: 'not found (404)' },
  'no-answer': { className: 's-no-answer', label: 'no usable answer' },
};

const OTHER: StateStyle = { className: 's-other', label: 'another state' };

export function stateStyle(state: LaneState): StateStyle {
  if (state.kind !== 'server') return RUN_STATES[state.kind];
  return Object.hasOwn(SERVER_STATES, state.state) ? SERVER_STATES[state.state]! : OTHER;
}

/** The states every legend shows, in the order a backup goes through them, then the rarer ones. */
export const LEGEND_ORDER: readonly StateStyle[] = [
  RUN_STATES.taken,
  SERVER_STATES['IN_PROGRESS']!,
  SERVER_STATES['COMPLETED']!,
  SERVER_STATES['FAILED']!,
  RUN_STATES.deleted,
  SERVER_STATES['INCOMPLETE']!,
  SERVER_STATES['DOES_NOT_EXIST']!,
  RUN_STATES['not-found'],
  RUN_STATES['no-answer'],
  OTHER,
];

/** The legend entries always shown, whether or not the run saw them. */
export const CORE_STATES: ReadonlySet<string> = new Set(['s-taken', 's-in-progress', 's-completed', 's-failed', 's-deleted']);

/** A state as words, for tooltips and the last-seen column: the server's text as sent, or the run's label. */
export function stateText(state: LaneState): string {
  return state.kind === 'server' ? state.state : RUN_STATES[state.kind].label;
}
