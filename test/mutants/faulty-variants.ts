import type { JsonValue } from '../../src/server/rendering/json-value.js';
import type { PlannedResponse } from '../../src/server/endpoints/planned-response.js';
import type { ReceivedRequest } from '../../src/server/request/received-request.js';
import type { Variant } from './variant.js';

// Each variant is the reference server with exactly one fault, written as the smallest override
// that expresses it: a replaced Behaviour piece, or an intercept of the planned response.

type Json = { [key: string]: JsonValue };
const isList = (request: ReceivedRequest) => request.method === 'GET' && /\/backups\/?$/.test(request.path);
const isGetOne = (request: ReceivedRequest) => request.method === 'GET' && /\/backups\/[^/]+$/.test(request.path);
const answered = (planned: PlannedResponse): planned is Extract<PlannedResponse, { status: number }> => 'status' in planned;
const twoBackups = [{ id: 1 }, { id: 2 }];
/**
 * How long the racing variants hold a take's answer: requests sent together can reach the server
 * tens of milliseconds apart on a loaded machine, and the race must be met on every seed.
 */
const RACE_WINDOW_MS = 150;

export const faultyVariants: readonly Variant[] = [
  // Statuses and media types.
  {
    id: 'list-answers-418',
    fault: 'GET / answers 418',
    expectedCheck: 'status-code-documented',
    server: { intercept: (r, p) => (isList(r) && answered(p) ? { ...p, status: 418 } : p) },
  },
  {
    id: 'take-answers-200',
    fault: 'a take answers 200 instead of 202',
    expectedCheck: 'status-code-documented',
    server: { intercept: (r, p) => (r.method === 'POST' && answered(p) && p.status === 202 ? { ...p, status: 200 } : p) },
  },
  {
    id: 'delete-answers-200',
    fault: 'DELETE answers 200 with a body instead of 204',
    expectedCheck: 'status-code-documented',
    server: {
      intercept: (r, p) => (r.method === 'DELETE' && answered(p) && p.status === 204 ? { status: 200, headers: {}, json: { message: 'deleted' } } : p),
    },
  },
  {
    id: 'teapot-now-and-then',
    fault: 'every 7th request answers 418',
    expectedCheck: 'status-code-documented',
    server: everyNth(7, { status: 418, headers: {}, json: { message: "I'm a teapot" } }),
  },
  {
    id: 'html-500-on-list',
    fault: 'GET / answers a 500 Whitelabel HTML page',
    expectedCheck: 'not-a-server-error',
    server: {
      intercept: (r, p) => (isList(r) ? { status: 500, headers: { 'content-type': 'text/html' }, text: '<html><body>Whitelabel Error Page</body></html>' } : p),
    },
  },
  {
    id: 'text-plain-json',
    fault: 'JSON answers are labelled text/plain',
    expectedCheck: 'content-type-documented',
    server: { intercept: (_r, p) => (answered(p) && p.json !== undefined ? { ...p, headers: { ...p.headers, 'content-type': 'text/plain' } } : p) },
  },
  {
    id: 'not-found-as-text',
    fault: 'a 404 answers text/plain "Not Found"',
    expectedCheck: 'content-type-documented',
    server: { intercept: (_r, p) => (answered(p) && p.status === 404 ? { status: 404, headers: { 'content-type': 'text/plain' }, text: 'Not Found' } : p) },
  },

  // Schemas and formats.
  {
    id: 'state-not-in-enum',
    fault: 'a finished backup reports the state DONE',
    expectedCheck: 'response-schema-valid',
    server: {
      behaviour: (base) => ({
        renderBackupInfo: (view) => ({ ...(base.renderBackupInfo(view) as Json), state: view.state === 'COMPLETED' ? 'DONE' : view.state }),
      }),
    },
  },
  {
    id: 'created-at-not-date-time',
    fault: "list entries' createdAt is Date.toString()",
    expectedCheck: 'response-schema-valid',
    server: {
      seedBackups: twoBackups,
      behaviour: (base) => ({
        renderListEntry: (view) => {
          const entry = base.renderListEntry(view) as Json;
          return { ...entry, details: (entry['details'] as Json[]).map((d) => ({ ...d, createdAt: new Date(0).toString() })) };
        },
      }),
    },
  },
  {
    id: 'backup-id-as-string',
    fault: 'GET /{id} writes backupId as a string',
    expectedCheck: 'response-schema-valid',
    server: { behaviour: (base) => ({ renderBackupInfo: (view) => ({ ...(base.renderBackupInfo(view) as Json), backupId: String(view.backupId) }) }) },
  },
  {
    id: 'details-missing',
    fault: 'GET /{id} leaves out the required details',
    expectedCheck: 'response-schema-valid',
    server: {
      behaviour: (base) => ({
        renderBackupInfo: (view) => {
          const { details: _dropped, ...rest } = base.renderBackupInfo(view) as Json;
          return rest;
        },
      }),
    },
  },
  {
    id: 'partitions-from-zero',
    fault: 'partitions are numbered from 0',
    expectedCheck: 'response-schema-valid',
    server: { behaviour: (base) => ({ orderDetails: (statuses) => base.orderDetails(statuses).map((s) => ({ ...s, partitionId: s.partitionId - 1 })) }) },
  },
  {
    id: 'broker-id-beyond-int32',
    fault: 'brokerId is beyond int32',
    expectedCheck: 'response-schema-valid',
    server: { behaviour: (base) => ({ orderDetails: (statuses) => base.orderDetails(statuses).map((s) => ({ ...s, brokerId: 2 ** 31 })) }) },
  },
  {
    id: 'checkpoint-position-as-string',
    fault: 'checkpointPosition is a string',
    expectedCheck: 'response-schema-valid',
    server: {
      behaviour: (base) => ({
        renderBackupInfo: (view) => {
          const info = base.renderBackupInfo(view) as Json;
          return { ...info, details: (info['details'] as Json[]).map((d) => ({ ...d, checkpointPosition: '10' })) };
        },
      }),
    },
  },
  {
    id: 'error-body-is-a-string',
    fault: 'a 404 answers a bare JSON string',
    expectedCheck: 'response-schema-valid',
    server: { intercept: (_r, p) => (answered(p) && p.status === 404 ? { ...p, json: 'not found' } : p) },
  },
  {
    id: 'take-message-is-a-number',
    fault: "the 202's message is a number",
    expectedCheck: 'response-schema-valid',
    server: { intercept: (r, p) => (r.method === 'POST' && answered(p) && p.status === 202 ? { ...p, json: { message: 202 } } : p) },
  },
  {
    id: 'list-is-cut-json',
    fault: 'GET / answers JSON cut short',
    expectedCheck: 'response-schema-valid',
    server: {
      intercept: (r, p) => (isList(r) && answered(p) ? { status: 200, headers: { 'content-type': 'application/json' }, text: '[{"backupId":1,"sta' } : p),
    },
  },

  // List order.
  {
    id: 'list-ascending',
    fault: 'the list is sorted ascending',
    expectedCheck: 'list-sorted-descending',
    server: { seedBackups: twoBackups, behaviour: { orderList: (views) => [...views].sort((a, b) => (a.backupId < b.backupId ? -1 : 1)) } },
  },
  {
    id: 'list-repeats-a-backup',
    fault: 'the list shows the newest backup twice',
    expectedCheck: 'list-sorted-descending',
    server: {
      seedBackups: twoBackups,
      behaviour: (base) => ({
        orderList: (views) => {
          const sorted = base.orderList(views);
          return sorted.length === 0 ? sorted : [sorted[0]!, ...sorted];
        },
      }),
    },
  },

  // The 409 rule.
  {
    id: 'duplicate-id-accepted',
    fault: 'a take of the highest id is accepted again',
    expectedCheck: 'take-conflict-not-above-highest',
    server: { behaviour: (base) => ({ decideTake: (id, latest) => (id === latest ? { accepted: true } : base.decideTake(id, latest)) }) },
  },
  {
    id: 'lower-id-accepted',
    fault: 'a take of a lower id is accepted',
    expectedCheck: 'take-conflict-not-above-highest',
    server: { behaviour: { decideTake: () => ({ accepted: true }) } },
  },
  {
    id: 'false-conflict',
    fault: 'every second new id is refused with 409',
    expectedCheck: 'take-accepted-above-highest',
    server: {
      behaviour: (base) => ({
        decideTake: (id, latest) =>
          latest !== undefined && id > latest && id % 2n === 0n ? { accepted: false, latestId: latest } : base.decideTake(id, latest),
      }),
    },
  },

  // Not found.
  {
    id: 'unknown-get-200',
    fault: 'GET of an unknown id answers 200 DOES_NOT_EXIST (the 8.1 way)',
    expectedCheck: 'unknown-backup-not-found',
    server: {
      intercept: (r, p) =>
        isGetOne(r) && answered(p) && p.status === 404
          ? { status: 200, headers: {}, json: { backupId: Number(r.path.split('/').pop()), state: 'DOES_NOT_EXIST', details: [] } }
          : p,
    },
  },
  {
    id: 'unknown-get-500',
    fault: 'GET of an unknown id answers 500',
    expectedCheck: 'not-a-server-error',
    server: { intercept: (r, p) => (isGetOne(r) && answered(p) && p.status === 404 ? { ...p, status: 500 } : p) },
  },
  {
    id: 'get-returns-another-backup',
    fault: 'GET /{id} answers the oldest backup',
    expectedCheck: 'get-returns-requested-backup',
    server: { behaviour: (base) => ({ renderBackupInfo: (view) => ({ ...(base.renderBackupInfo(view) as Json), backupId: 1 }) }), seedBackups: [{ id: 1 }] },
  },

  // Delete.
  {
    id: 'delete-not-done',
    fault: 'DELETE answers 204 and deletes nothing',
    expectedCheck: 'deleted-backup-gone',
    server: { behaviour: { onDelete: () => {} } },
  },
  {
    id: 'delete-of-the-wrong-backup',
    fault: 'DELETE removes the highest backup, whatever the id',
    expectedCheck: 'deleted-backup-gone',
    server: { behaviour: (base) => ({ onDelete: (store, id) => base.onDelete(store, store.get(id) === undefined ? id : (store.latestId ?? id)) }) },
  },

  // Aggregation.
  {
    id: 'failed-hidden',
    fault: 'a FAILED partition is reported as COMPLETED overall',
    expectedCheck: 'backup-state-aggregated',
    server: {
      faults: ['partition-fails'],
      behaviour: (base) => ({ aggregate: (states) => base.aggregate(states.map((s) => (s === 'FAILED' ? 'COMPLETED' : s))) }),
    },
  },
  {
    id: 'completed-too-early',
    fault: 'COMPLETED as soon as one partition completed',
    expectedCheck: 'backup-state-aggregated',
    server: {
      faults: ['partition-never-starts'],
      behaviour: (base) => ({ aggregate: (states) => (states.includes('COMPLETED') ? 'COMPLETED' : base.aggregate(states)) }),
    },
    args: ['--settle-timeout', '2s'],
  },
  {
    id: 'incomplete-as-in-progress',
    fault: 'a partition that never started gives IN_PROGRESS, not INCOMPLETE',
    expectedCheck: 'backup-state-aggregated',
    server: {
      faults: ['partition-never-starts'],
      behaviour: (base) => ({
        aggregate: (states) => (states.includes('DOES_NOT_EXIST') && !states.every((s) => s === 'DOES_NOT_EXIST') ? 'IN_PROGRESS' : base.aggregate(states)),
      }),
    },
    args: ['--settle-timeout', '2s'],
  },
  {
    id: 'failure-reason-on-completed',
    fault: 'a COMPLETED backup carries a failureReason',
    expectedCheck: 'failure-reason-only-when-failed',
    server: { behaviour: (base) => ({ renderBackupInfo: (view) => ({ ...(base.renderBackupInfo(view) as Json), failureReason: 'disk full' }) }) },
  },

  // Partitions.
  {
    id: 'partition-missing-in-one-backup',
    fault: 'backups with an even id lack partition 3 in details',
    expectedCheck: 'partition-set-stable',
    server: {
      behaviour: (base) => ({
        partitionStates: (backup, now) => base.partitionStates(backup, now).filter((p) => backup.id % 2n !== 0n || p.partitionId !== 3),
      }),
    },
  },
  {
    id: 'partition-duplicated',
    fault: 'partition 1 is listed twice in details',
    expectedCheck: 'partition-ids-unique',
    server: {
      behaviour: (base) => ({
        orderDetails: (statuses) => {
          const ordered = base.orderDetails(statuses);
          return ordered.length === 0 ? ordered : [...ordered, ordered[0]!];
        },
      }),
    },
  },
  {
    id: 'list-and-get-disagree',
    fault: 'GET /{id} shows one partition fewer than the list',
    expectedCheck: 'get-agrees-with-list',
    server: {
      seedBackups: twoBackups,
      behaviour: (base) => ({
        renderBackupInfo: (view) => {
          const info = base.renderBackupInfo(view) as Json;
          return { ...info, details: (info['details'] as Json[]).slice(1) };
        },
      }),
    },
  },

  // Lifecycle.
  {
    id: 'never-completes',
    fault: 'backups stay IN_PROGRESS for ever',
    expectedCheck: 'backup-settles',
    server: { faults: ['stuck'] },
    args: ['--settle-timeout', '1s'],
  },
  {
    id: 'timestamps-out-of-order',
    fault: 'lastUpdatedAt is before createdAt',
    expectedCheck: 'timestamps-ordered',
    server: {
      behaviour: (base) => ({
        orderDetails: (statuses) => base.orderDetails(statuses).map((s) => (s.createdAt === undefined ? s : { ...s, lastUpdatedAt: '2000-01-01T00:00:00Z' })),
      }),
    },
  },
  {
    id: 'checkpoints-go-backwards',
    fault: 'checkpointPosition falls as backupId grows',
    expectedCheck: 'checkpoint-position-monotonic',
    server: {
      behaviour: (base) => ({
        planBackup: (id, takenAt, previous) => {
          const plan = base.planBackup(id, takenAt, previous);
          return { ...plan, partitions: plan.partitions.map((p) => ({ ...p, checkpointPosition: 1_000_000n - id })) };
        },
      }),
    },
  },
  {
    id: 'completed-then-in-progress',
    fault: 'a COMPLETED backup reports all partitions IN_PROGRESS again on every third look',
    expectedCheck: 'state-transition-allowed',
    server: {
      behaviour: (base) => {
        let looks = 0;
        return {
          partitionStates: (backup, now) => {
            const statuses = base.partitionStates(backup, now);
            return statuses.every((s) => s.state === 'COMPLETED') && ++looks % 3 === 0
              ? statuses.map((s) => ({ ...s, state: 'IN_PROGRESS' as const }))
              : statuses;
          },
        };
      },
    },
  },

  // Invalid input.
  {
    id: 'malformed-json-500',
    fault: 'malformed JSON in a take gets a 500',
    expectedCheck: 'not-a-server-error',
    server: { intercept: (r, p) => (r.method === 'POST' && answered(p) && p.status === 400 && !looksLikeJson(r.bodyText) ? { ...p, status: 500 } : p) },
  },
  {
    id: 'negative-id-accepted',
    fault: 'a negative id is accepted',
    expectedCheck: 'invalid-take-refused',
    server: {
      intercept: (r, p) => (r.method === 'POST' && /"backupId"\s*:\s*-\d/.test(r.bodyText) ? { status: 202, headers: {}, json: { message: 'scheduled' } } : p),
    },
  },
  {
    id: 'fractional-id-accepted',
    fault: 'a fractional id is accepted',
    expectedCheck: 'invalid-take-refused',
    server: {
      intercept: (r, p) =>
        r.method === 'POST' && /"backupId"\s*:\s*\d+\.5\b/.test(r.bodyText) ? { status: 202, headers: {}, json: { message: 'scheduled' } } : p,
    },
  },
  {
    id: 'two-to-the-63-accepted',
    fault: 'an id of 2^63 is accepted',
    expectedCheck: 'invalid-take-refused',
    server: {
      intercept: (r, p) =>
        r.method === 'POST' && r.bodyText.includes('9223372036854775808') ? { status: 202, headers: {}, json: { message: 'scheduled' } } : p,
    },
  },
  {
    id: 'non-numeric-path-500',
    fault: 'a non-numeric path id gets a 500',
    expectedCheck: 'not-a-server-error',
    server: { intercept: (r, p) => (/\/backups\/[^/]*[a-z][^/]*$/i.test(r.path) && answered(p) && p.status === 400 ? { ...p, status: 500 } : p) },
  },
  {
    id: 'refused-but-created',
    fault: 'a take with a string id is refused with 400, yet creates the backup',
    expectedCheck: 'refused-take-creates-nothing',
    server: {
      quirks: ['string-ids'],
      intercept: (r, p) =>
        r.method === 'POST' && /"backupId"\s*:\s*"/.test(r.bodyText) && answered(p) && p.status === 202
          ? { status: 400, headers: {}, json: { message: 'A backupId must be provided and it must be > 0' } }
          : p,
    },
  },

  // DELETE documents 204 and 5xx only; real Zeebe answers 204 to an id it never took.
  {
    id: 'delete-unknown-404',
    fault: 'DELETE of a valid id never taken answers 404',
    expectedCheck: 'status-code-documented',
    server: () => {
      const taken = new Set<string>();
      return {
        intercept: (r, p) => {
          const id = r.path.slice(r.path.lastIndexOf('/') + 1);
          if (r.method === 'POST' && answered(p) && p.status === 202) taken.add(takenId(r));
          if (r.method === 'DELETE' && answered(p) && p.status === 204 && !taken.delete(id))
            return { status: 404, headers: {}, json: { message: `Backup with id ${id} does not exist` } };
          return p;
        },
      };
    },
  },

  // Ids: takes at the next id and across gaps; a run that can take nothing.
  {
    id: 'gap-refused',
    fault: 'only the next id (highest + 1) is accepted; any gap gets 409',
    expectedCheck: 'take-accepted-above-highest',
    server: {
      behaviour: (base) => ({
        decideTake: (id, latest) => (latest !== undefined && id > latest + 1n ? { accepted: false, latestId: latest } : base.decideTake(id, latest)),
      }),
    },
  },
  {
    id: 'gap-refused-silently',
    fault: 'only the next id is accepted, and the 409 does not say which id is the latest',
    expectedCheck: 'take-accepted-above-highest',
    server: {
      behaviour: (base) => ({
        decideTake: (id, latest) => (latest !== undefined && id > latest + 1n ? { accepted: false, latestId: latest } : base.decideTake(id, latest)),
      }),
      intercept: (r, p) =>
        r.method === 'POST' && answered(p) && p.status === 409 ? { ...p, json: { message: 'A backup with same or higher id already exists' } } : p,
    },
  },
  {
    id: 'every-take-refused',
    fault: 'every take is refused with 409, so no sequence rule can be tested',
    expectedExitCode: 2,
    server: { behaviour: { decideTake: (_id, latest) => ({ accepted: false, latestId: latest ?? 0n }) } },
  },

  // Fixed facts, and what only a later read sees.
  {
    id: 'snapshot-id-changes',
    fault: "a partition's snapshotId changes from one read to the next",
    expectedCheck: 'backup-facts-fixed',
    server: () => {
      let reads = 0;
      return {
        behaviour: (base) => ({
          orderDetails: (statuses) => {
            reads++;
            return base.orderDetails(statuses).map((s) => (s.snapshotId === undefined ? s : { ...s, snapshotId: `${s.snapshotId}-${reads}` }));
          },
        }),
      };
    },
  },
  {
    id: 'created-at-moves-on-completion',
    fault: "a partition's createdAt is rewritten when it completes",
    expectedCheck: 'backup-facts-fixed',
    server: {
      settleMs: 60,
      behaviour: (base) => ({
        orderDetails: (statuses) =>
          base
            .orderDetails(statuses)
            .map((s) => (s.state === 'COMPLETED' && s.createdAt !== undefined ? { ...s, createdAt: s.lastUpdatedAt ?? s.createdAt } : s)),
      }),
    },
  },
  {
    id: 'pre-existing-leaves-list',
    fault: 'a backup that existed before the run drops out of the list after two GETs of it, while GET still finds it',
    expectedCheck: 'list-holds-live-backups',
    server: () => {
      const reads = readsOf(5n);
      return {
        seedBackups: [{ id: 5 }],
        intercept: reads.intercept,
        behaviour: (base) => ({ orderList: (views) => (reads.count() >= 2 ? base.orderList(views).filter((v) => v.backupId !== 5n) : base.orderList(views)) }),
      };
    },
  },
  {
    id: 'pre-existing-completed-then-failed',
    fault: 'a COMPLETED backup that existed before the run turns FAILED after two GETs of it',
    expectedCheck: 'state-transition-allowed',
    server: () => {
      const reads = readsOf(5n);
      return {
        seedBackups: [{ id: 5 }],
        intercept: reads.intercept,
        behaviour: (base) => ({
          partitionStates: (backup, now) => {
            const statuses = base.partitionStates(backup, now);
            return backup.id === 5n && reads.count() >= 2
              ? statuses.map((s) => (s.partitionId === 1 ? { ...s, state: 'FAILED' as const, failureReason: 'Backup is cancelled due to leader change.' } : s))
              : statuses;
          },
        }),
      };
    },
  },
  {
    id: 'pre-existing-hidden-while-new',
    fault: 'the list leaves out the backups from before the run while newer ones exist, and shows them again once those are deleted',
    expectedCheck: 'list-holds-live-backups',
    server: {
      seedBackups: [{ id: 5 }],
      behaviour: (base) => ({
        orderList: (views) => (views.some((v) => v.backupId > 5n) ? base.orderList(views).filter((v) => v.backupId > 5n) : base.orderList(views)),
      }),
    },
  },
  {
    id: 'completed-fails-after-two-takes',
    fault: 'a COMPLETED backup turns FAILED once two higher backups were taken, as if a store pruned its files',
    expectedCheck: 'state-transition-allowed',
    server: () => {
      const taken: bigint[] = [];
      return {
        behaviour: (base) => ({
          planBackup: (id, takenAt, previous) => {
            taken.push(id);
            return base.planBackup(id, takenAt, previous);
          },
          partitionStates: (backup, now) => {
            const statuses = base.partitionStates(backup, now);
            const pruned = statuses.every((s) => s.state === 'COMPLETED') && taken.filter((id) => id > backup.id).length >= 2;
            return pruned
              ? statuses.map((s) => (s.partitionId === 1 ? { ...s, state: 'FAILED' as const, failureReason: 'Backup files are missing.' } : s))
              : statuses;
          },
        }),
      };
    },
  },
  {
    id: 'refused-id-listed',
    fault: 'an id whose take was refused with 409 is listed as a COMPLETED backup, though GET finds no backup under it',
    expectedCheck: 'list-holds-live-backups',
    server: () => {
      // Ids never accepted: a refused re-take of a deleted backup would show that backup come back instead.
      const accepted = new Set<string>();
      const refused = new Set<string>();
      return {
        intercept: (r, p) => {
          if (r.method === 'POST' && answered(p) && p.status === 202) accepted.add(takenId(r));
          if (r.method === 'POST' && answered(p) && p.status === 409 && !accepted.has(takenId(r))) refused.add(takenId(r));
          if (!isList(r) || !answered(p) || !Array.isArray(p.json) || p.json.length === 0) return p;
          const entries = p.json as Json[];
          const ghosts = [...refused].filter((id) => id !== '' && !entries.some((e) => String(e['backupId']) === id));
          const listed = [...entries, ...ghosts.map((id) => ({ ...entries[0]!, backupId: Number(id) }))];
          return { ...p, json: listed.sort((a, b) => Number(b['backupId']) - Number(a['backupId'])) };
        },
      };
    },
  },
  // Positions follow the id, so that a backup put back leaves the checkpoint order intact.
  {
    id: 'deleted-backup-returns',
    fault: 'a deleted backup comes back 100 ms after its delete',
    expectedCheck: 'deleted-backup-gone',
    server: {
      behaviour: (base) => ({
        planBackup: (id, takenAt, previous) => {
          const plan = base.planBackup(id, takenAt, previous);
          return { ...plan, partitions: plan.partitions.map((p) => ({ ...p, checkpointPosition: 1_000n + id * 10n })) };
        },
        onDelete: (store, id) => {
          const backup = store.get(id);
          base.onDelete(store, id);
          if (backup !== undefined)
            setTimeout(() => {
              if (store.get(id) === undefined) store.seed(backup);
            }, 100).unref();
        },
      }),
    },
  },

  // Concurrency: a check and a write that are not one step.
  {
    id: 'race-accepts-duplicate',
    fault: 'a take of an id whose earlier take is still being answered is accepted too',
    expectedCheck: 'take-conflict-not-above-highest',
    server: () => {
      const inFlight = new Set<string>();
      return {
        intercept: async (r, p) => {
          if (r.method !== 'POST' || !answered(p)) return p;
          const id = takenId(r);
          if (p.status === 409 && inFlight.has(id)) return { status: 202, headers: {}, json: { message: `A backup with id ${id} has been scheduled.` } };
          if (p.status !== 202) return p;
          inFlight.add(id);
          await new Promise((resolve) => setTimeout(resolve, RACE_WINDOW_MS));
          inFlight.delete(id);
          return p;
        },
      };
    },
  },

  {
    id: 'list-empty-while-taking',
    fault: 'a list answered while a take is still being answered holds no backup at all',
    expectedCheck: 'list-holds-live-backups',
    server: () => {
      let takes = 0;
      return {
        intercept: async (r, p) => {
          if (isList(r) && takes > 0 && answered(p)) return { ...p, json: [] };
          if (r.method !== 'POST' || !answered(p) || p.status !== 202) return p;
          takes++;
          await new Promise((resolve) => setTimeout(resolve, RACE_WINDOW_MS));
          takes--;
          return p;
        },
      };
    },
  },
  {
    id: 'take-refused-while-deleting',
    fault: 'a take of a new id is answered 409 while a delete is still being answered',
    expectedCheck: 'take-accepted-above-highest',
    server: () => {
      let deletes = 0;
      return {
        intercept: async (r, p) => {
          if (r.method === 'POST' && deletes > 0 && answered(p) && p.status === 202) {
            return { status: 409, headers: {}, json: { message: 'A backup is being deleted; try again later.' } };
          }
          if (r.method !== 'DELETE' || !answered(p)) return p;
          deletes++;
          await new Promise((resolve) => setTimeout(resolve, RACE_WINDOW_MS));
          deletes--;
          return p;
        },
      };
    },
  },

  // Transport.
  {
    id: 'hangs-on-delete',
    fault: 'DELETE never answers',
    expectedCheck: 'response-received',
    server: { intercept: (r, p) => (r.method === 'DELETE' ? { hang: true } : p) },
    args: ['--timeout', '300ms', '--runs', '3'],
    slow: true,
  },
  {
    id: 'resets-get-one',
    fault: 'GET /{id} resets the connection',
    expectedCheck: 'response-received',
    server: { intercept: (r, p) => (isGetOne(r) ? { destroy: true } : p) },
  },
];

/** Counts the GETs of one backup that were answered, for faults that set in after them. */
function readsOf(id: bigint): { intercept: (request: ReceivedRequest, planned: PlannedResponse) => PlannedResponse; count: () => number } {
  let count = 0;
  return {
    intercept: (request, planned) => {
      if (isGetOne(request) && request.path.endsWith(`/${id}`)) count++;
      return planned;
    },
    count: () => count,
  };
}

/** The backupId of a take's body, as written. */
function takenId(request: ReceivedRequest): string {
  return /"backupId"\s*:\s*"?(\d+)/.exec(request.bodyText)?.[1] ?? '';
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A server whose every nth answer is replaced; the counter belongs to that one server. */
function everyNth(n: number, answer: PlannedResponse): { intercept: (request: ReceivedRequest, planned: PlannedResponse) => PlannedResponse } {
  let count = 0;
  return { intercept: (_request, planned) => (++count % n === 0 && answered(planned) ? answer : planned) };
}
