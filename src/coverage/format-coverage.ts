import type { OperationCoverage } from './response-coverage.js';

/** One operation's documented statuses in a line, e.g. `POST /: 202 ✔ 400 ✔ 409 ✔ 500 – 502 – 504 –`. */
export function formatCoverageLine(coverage: OperationCoverage): string {
  const statuses = coverage.responses.map((response) => `${response.status} ${response.observed > 0 ? '✔' : '–'}`);
  const unseenMedia = coverage.responses.flatMap((response) =>
    response.observed > 0 ? response.mediaTypes.filter((m) => m.observed === 0).map((m) => `${response.status} as ${m.mediaType}`) : [],
  );
  const undocumented = coverage.undocumented.map((u) => String(u.status));
  return [
    `${coverage.operation}: ${statuses.join(' ')}`,
    ...(unseenMedia.length === 0 ? [] : [`; never received ${unseenMedia.join(', ')}`]),
    ...(undocumented.length === 0 ? [] : [`; also ${undocumented.join(', ')} (undocumented)`]),
  ].join('');
}

/** A reason a response cannot be provoked from outside, with every place (`GET / 400`, or `500` for any operation) it applies to. */
export interface NotProvokableGroup {
  readonly where: readonly string[];
  readonly reason: string;
}

/** The reasons of the run's coverage, each said once: server errors by status, others by operation and status. */
export function notProvokableGroups(coverage: readonly OperationCoverage[]): NotProvokableGroup[] {
  const serverErrors = new Set<string>();
  const byReason = new Map<string, string[]>();
  for (const operation of coverage) {
    for (const response of operation.responses) {
      if (response.notProvokable === undefined) continue;
      if (/^5/.test(response.status)) serverErrors.add(response.status);
      else byReason.set(response.notProvokable, [...(byReason.get(response.notProvokable) ?? []), `${operation.operation} ${response.status}`]);
    }
  }
  return [
    ...(serverErrors.size === 0
      ? []
      : [{ where: [...serverErrors].sort(), reason: 'failures of the server or its gateway, which no request from outside can cause on a healthy cluster' }]),
    ...[...byReason].map(([reason, where]) => ({ where, reason })),
  ];
}

/** The coverage block of the console summary: a line per operation, then why some statuses cannot be provoked. */
export function formatCoverage(coverage: readonly OperationCoverage[]): string {
  return [
    'Documented responses received (✔) or not (–):',
    ...coverage.map((operation) => `  ${formatCoverageLine(operation)}`),
    ...notProvokableGroups(coverage).map((group) => `  Not provokable from outside: ${group.where.join(', ')}: ${group.reason}`),
  ].join('\n');
}
