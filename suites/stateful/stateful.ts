import type { BackupApi, Observation } from '../../src/api/backup-api.js';
import { ConformanceError } from '../../src/errors.js';
import type { Finding } from '../../src/findings/finding.js';
import { plural } from '../../src/text/plural.js';
import { END_OF_SUITE_CLEANUP_MS, removeCreatedBackups } from './driver/remove-created-backups.js';
import { TakeLedger } from './model/take-ledger.js';
import { statefulBudget } from './driver/stateful-budget.js';
import { statefulProbe } from './driver/stateful-probe.js';
import { StatefulExploration } from './driver/stateful-exploration.js';
import type { Suite, SuiteContext } from '../suite.js';

const SUITE = 'stateful';

/**
 * Model-based testing with fast-check: random sequences of take, list, get, delete and
 * await-settled, each answer judged against a model of the backups (`BackupModel`); a failing
 * sequence is shrunk and reported with its seed, replay path, commands and curl lines. A
 * single-response rule (schema, list order, ...) broken during the runs gets a shrunk sequence too,
 * while the shrinking budget lasts. Only ids above every existing backup are used, and only the
 * backups the suite created are deleted, at the latest when it ends.
 */
export const statefulSuite: Suite = {
  id: SUITE,
  title: 'Sequences of takes, gets, lists and deletes follow a model of the backups',
  destructive: true,
  maxBackups: (config) => statefulBudget(config.stateful).maxBackups,
  run: runStateful,
};

async function runStateful(suiteContext: SuiteContext): Promise<void> {
  const watch = watchViolations(suiteContext);
  const context = watch.context;
  const { config, api, signal } = context;
  const { keepBackups, seed, path } = config.stateful;
  if (path !== undefined && seed === undefined) {
    throw new ConformanceError('CONF_USAGE', `--path ${path} replays a run of one seed: give the --seed printed with the finding too.`);
  }
  const exploration = new StatefulExploration(context, SUITE);
  const { ledger, sweep } = exploration;
  context.progress(exploration.plan);
  let finished = false;
  let untested: string | undefined;
  try {
    await sweep.recordPreExisting();
    ledger.sentBefore(context.highestTakenId());
    const unfit = await statefulProbe(context, SUITE, ledger);
    if (unfit !== undefined) {
      context.progress(`no runs: ${unfit}`);
      untested = unfit;
      finished = true;
      return;
    }
    // Chosen here rather than by fast-check, so that it is printed before the first run, passing or not.
    const runSeed = seed ?? (Date.now() ^ Math.floor(Math.random() * 2 ** 32)) | 0;
    context.progress(`seed ${runSeed}${seed === undefined ? ' (random)' : ''}: --seed ${runSeed} runs the same exploration again`);
    const details = await exploration.explore(runSeed);
    exploration.recordFailures(details);
    await exploration.shrinkResponseFailures(details);
    if (sweep.size > 0 && !signal.aborted) {
      context.progress(`closing sweep: ${sweep.size} backups seen earlier read again, by GET and in the list`);
      await sweep.sweep();
    }
    if (exploration.stopReason !== undefined) context.progress(`stopped early: ${exploration.stopReason}`);
    const budgetNote = exploration.budgetNote;
    if (budgetNote !== undefined) context.note(budgetNote);
    if (signal.aborted) context.progress('interrupted: no further runs');
    finished = true;
  } finally {
    if (!keepBackups) await removeCreatedBackups(api, ledger, { retryUntil: AbortSignal.timeout(END_OF_SUITE_CLEANUP_MS), concurrency: config.concurrency });
    context.progress(closingNote(ledger, keepBackups));
    // A run that could take no backup tested none of the sequence rules: unless it found the server
    // at fault, it could not judge, and must not pass as conformant. (Only when the suite ended of
    // itself: an error already on its way out is not replaced.)
    if (finished && ledger.accepted === 0 && !signal.aborted && !watch.sawViolation()) {
      throw new ConformanceError(
        'CONF_NOT_TESTED',
        `The stateful suite could take no backup${untested === undefined ? '' : ` (${untested})`}, so its sequence rules (conflicts, lists, deletes, ` +
          `settling, state changes) were not tested. Check that the cluster is healthy and nothing else takes backups, or give --id-base above the ` +
          `highest id ever taken, and run again.`,
      );
    }
  }
}

/**
 * The suite's context, seeing whether any violation was found while the suite ran: by the suite's
 * own rules, or by the response checks on an answer it received.
 */
function watchViolations(context: SuiteContext): { readonly context: SuiteContext; sawViolation(): boolean } {
  let seen = false;
  const saw = <O extends Observation>(observation: O): O => {
    if (observation.findings.some((finding) => finding.verdict === 'violation')) seen = true;
    return observation;
  };
  const { api } = context;
  const watched: BackupApi = {
    statuses: api.statuses,
    list: async () => saw(await api.list()),
    take: async (id) => saw(await api.take(id)),
    get: async (id) => saw(await api.get(id)),
    delete: async (id) => saw(await api.delete(id)),
    send: async (operation, request, intent) => saw(await api.send(operation, request, intent)),
    urlFor: (operation, pathValues) => api.urlFor(operation, pathValues),
  };
  const record = (finding: Finding): void => {
    if (finding.verdict === 'violation') seen = true;
    context.record(finding);
  };
  return { context: { ...context, api: watched, record }, sawViolation: () => seen };
}

function closingNote(ledger: TakeLedger, keepBackups: boolean): string {
  const left = ledger.created;
  const taken = `${ledger.sent + ledger.probes} takes, ${ledger.accepted} accepted`;
  const floor = ledger.highestCreated === undefined ? '' : `; later backups on this cluster need ids above ${ledger.highestCreated}`;
  if (left.length === 0) return `${taken}; every backup the suite created is deleted${floor}`;
  const ids = left.length > 20 ? `${left.slice(0, 20).join(', ')}, …` : left.join(', ');
  return keepBackups
    ? `${taken}; kept ${plural(left.length, 'backup')}: ${ids}${floor}`
    : `${taken}; could not delete ${plural(left.length, 'backup')}, delete them by hand: ${ids}${floor}`;
}
