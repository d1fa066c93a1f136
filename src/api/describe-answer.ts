import type { Observation } from './backup-api.js';

const SHOWN = 120;

/** What a request got, as a clause: `the list answered 500`, or `the list gave no answer (timeout)`. */
export function answerClause(subject: string, observation: Observation): string {
  return observation.status === undefined ? `${subject} gave ${describeAnswer(observation)}` : `${subject} answered ${describeAnswer(observation)}`;
}

/** An answer in a few words for a finding: `404 ("Backup with id 7 does not exist")`, `200 with state IN_PROGRESS`, `no answer (timeout)`. */
export function describeAnswer(observation: Observation): string {
  const { status, body, exchange } = observation;
  if (status === undefined) return `no answer (${exchange.failure?.kind ?? 'unknown'})`;
  const value =
    body?.ok === true && body.value !== null && typeof body.value === 'object' && !Array.isArray(body.value)
      ? (body.value as Record<string, unknown>)
      : undefined;
  if (status === observation.operation.successStatus && value !== undefined && 'state' in value) return `${status} with state ${String(value['state'])}`;
  const message = typeof value?.['message'] === 'string' ? value['message'] : undefined;
  if (message === undefined) return String(status);
  return `${status} (${JSON.stringify(message.length > SHOWN ? `${message.slice(0, SHOWN)}…` : message)})`;
}
