import { toBackupId } from '../checks/backup-views.js';
import type { Exchange, HttpRequest } from '../http/exchange.js';
import { parseJson } from '../http/parse-json.js';
import type { OperationIndex } from '../spec/index-operations.js';
import { answerKindOf } from './answer.js';
import { urlOfPath } from './backup-api.js';
import type { RoleStatuses } from '../spec/role-statuses.js';

/** Where the take and delete requests of the API under test go, read from the spec. */
export interface BackupRoutes {
  readonly takeMethod: string;
  readonly takeUrl: string;
  /** The body field of a take that holds the id. */
  readonly idField: string;
  readonly deleteMethod: string;
  /** The delete URL up to the id, e.g. `http://host/actuator/backups/`. */
  readonly deleteUrlPrefix: string;
  /** What the answers mean, read by `answerKindOf` as for every other reader of an answer. */
  readonly statuses: RoleStatuses;
}

/**
 * The run's own account of the backups it created, read from the wire rather than from each suite:
 * every take the server accepted (`answerKindOf`: any 2xx) is the run's to delete, whichever suite
 * sent it and however. A backup counts as deleted only when a delete of its id was answered as done
 * or as not found.
 */
export class BackupAccount {
  readonly #taken = new Set<bigint>();
  readonly #deleted = new Set<bigint>();
  /**
   * Takes sent and not answered yet. Their ids are read only when asked for: a take's body may be
   * a megabyte of digits (the negative suite sends one), and reading it as an id costs tens of
   * milliseconds that a refused take never needs.
   */
  readonly #underWay = new Set<HttpRequest>();
  #routes: BackupRoutes | undefined;

  /** Set once the base URL is known; exchanges before it are not takes or deletes of the API. */
  route(routes: BackupRoutes): void {
    this.#routes = routes;
  }

  /** A request left: a take under way may create a backup even if its answer never arrives. */
  sending(request: HttpRequest): void {
    if (this.#isTake(request)) this.#underWay.add(request);
  }

  note(exchange: Exchange): void {
    const routes = this.#routes;
    if (!this.#underWay.delete(exchange.request) && this.#underWay.size > 0 && this.#isTake(exchange.request)) this.#answeredCopy(exchange.request);
    if (routes === undefined) return;
    const status = exchange.response?.status;
    const { method, url, body } = exchange.request;
    if (method === routes.takeMethod && url === routes.takeUrl && answerKindOf('take', routes.statuses, status) === 'success') {
      const id = takenId(body, routes.idField);
      if (id !== undefined) {
        this.#taken.add(id);
        this.#deleted.delete(id);
      }
    } else if (method === routes.deleteMethod && url.startsWith(routes.deleteUrlPrefix) && isGone(answerKindOf('delete', routes.statuses, status))) {
      const text = url.slice(routes.deleteUrlPrefix.length);
      if (/^\d{1,19}$/.test(text) && this.#taken.has(BigInt(text))) this.#deleted.add(BigInt(text));
    }
  }

  /** Ids of takes sent whose answer has not come: each may have created a backup. */
  get underWay(): bigint[] {
    const ids = new Set<bigint>();
    for (const request of this.#underWay) {
      const id = this.#takeId(request);
      if (id !== undefined) ids.add(id);
    }
    return ascending([...ids].filter((id) => !this.#taken.has(id)));
  }

  /** An answer to a take whose request came as another object than the one sent: one take of its id is answered. */
  #answeredCopy(request: HttpRequest): void {
    const id = this.#takeId(request);
    if (id === undefined) return;
    for (const pending of this.#underWay) {
      if (this.#takeId(pending) === id) {
        this.#underWay.delete(pending);
        return;
      }
    }
  }

  #isTake(request: HttpRequest): boolean {
    const routes = this.#routes;
    return routes !== undefined && request.method === routes.takeMethod && request.url === routes.takeUrl;
  }

  #takeId(request: HttpRequest): bigint | undefined {
    return this.#isTake(request) ? takenId(request.body, (this.#routes as BackupRoutes).idField) : undefined;
  }

  /** Ids of every backup the run created, ascending. */
  get taken(): bigint[] {
    return ascending(this.#taken);
  }

  get deleted(): bigint[] {
    return ascending(this.#deleted);
  }

  /** Backups the run created and has not seen deleted, ascending. */
  get leftBehind(): bigint[] {
    return ascending([...this.#taken].filter((id) => !this.#deleted.has(id)));
  }
}

/** A delete answered as done, or as no such backup: either way it is not there any more. */
function isGone(kind: ReturnType<typeof answerKindOf>): boolean {
  return kind === 'success' || (typeof kind === 'object' && kind.kind === 'not-found');
}

/** The id of a take's body: a JSON integer, or the numeric string some servers accept too. */
function takenId(body: string | undefined, idField: string): bigint | undefined {
  if (body === undefined) return undefined;
  const parsed = parseJson(body);
  if (!parsed.ok || parsed.exact === null || typeof parsed.exact !== 'object') return undefined;
  const value = (parsed.exact as Record<string, unknown>)[idField];
  if (typeof value === 'string' && /^\d{1,19}$/.test(value)) return BigInt(value);
  return toBackupId(value);
}

function ascending(ids: Iterable<bigint>): bigint[] {
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The closing line about the run's backups, e.g. "Backups: 29 taken, 29 confirmed deleted." */
export function describeAccount(account: BackupAccount, keepBackups: boolean): string {
  const taken = account.taken.length;
  const deleted = account.deleted.length;
  const left = account.leftBehind;
  const head = `Backups: ${taken} taken by this run, ${deleted} confirmed deleted`;
  if (left.length === 0) return `${head}.`;
  return `${head}; ${keepBackups ? 'kept (--keep-backups)' : 'left behind, delete them by hand'}: ${listIds(left)}.`;
}

/** Every id, so none is lost; long lists wrap at the caller's terminal. */
export function listIds(ids: readonly bigint[]): string {
  return ids.join(', ');
}

/** The take and delete URLs of the API at `baseUrl`, from the spec's paths. */
export function backupRoutes(baseUrl: string, index: OperationIndex): BackupRoutes {
  const { take, delete: remove } = index.byRole;
  return {
    takeMethod: take.method,
    takeUrl: urlOfPath(baseUrl, take.path),
    idField: take.idField ?? 'backupId',
    deleteMethod: remove.method,
    deleteUrlPrefix: `${baseUrl}${remove.path.slice(0, remove.path.indexOf('{'))}`,
    statuses: index.statuses,
  };
}
