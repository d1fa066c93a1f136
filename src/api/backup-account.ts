import { toBackupId } from '../checks/backup-views.js';
import type { HttpClient } from '../http/client.js';
import type { Exchange, HttpRequest } from '../http/exchange.js';
import { elide } from '../text/elide.js';
import { parseJson } from '../http/parse-json.js';
import type { OperationIndex } from '../spec/index-operations.js';
import { answerKindOf } from './answer.js';
import { inFlight } from './in-flight.js';
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
 * The longest delete URL sent: Spring Boot, and so Zeebe's gateway, refuses a request line and
 * headers past 8 KiB (max-http-request-header-size), as do most servers. A backup whose id makes
 * its URL longer cannot be addressed; the account says so instead of sending it.
 */
export const LONGEST_ADDRESSABLE_URL = 8_000;

// The cleanup line names this many ids and counts the rest: it must stay one readable line.
const MOST_IDS_NAMED = 20;

/** A backup the server created: its id as its path gives it, and the take that created it. */
export interface TakenBackup {
  /** The id as it goes in a path: a string id as it is, an integer in decimal, any other value as JSON. */
  readonly idText: string;
  /** The id as an integer, when it is one. */
  readonly id?: bigint;
  /** `METHOD url body`, the take that created it, as it was sent. */
  readonly request: string;
}

/**
 * The run's own account of the backups it created, read from the wire rather than from each suite:
 * every take the server accepted (`answerKindOf`: any 2xx) is the run's to delete, whichever suite
 * sent it and however, even an invalid take a lenient server kept (an id of `"abc"`, `58.5` or a
 * megabyte of digits). A backup counts as deleted only when a delete of its id was answered as done
 * or as not found.
 */
export class BackupAccount {
  readonly #taken = new Map<string, TakenBackup>();
  readonly #deleted = new Set<string>();
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
        this.#taken.set(id.idText, { ...id, request: `${method} ${url}${body === undefined ? '' : ` ${body}`}` });
        this.#deleted.delete(id.idText);
      }
    } else if (method === routes.deleteMethod && url.startsWith(routes.deleteUrlPrefix) && isGone(answerKindOf('delete', routes.statuses, status))) {
      const idText = decodedSegment(url.slice(routes.deleteUrlPrefix.length));
      if (idText !== undefined && this.#taken.has(idText)) this.#deleted.add(idText);
    }
  }

  /** Ids of takes sent whose answer has not come: each may have created a backup. */
  get underWay(): string[] {
    const ids = new Map<string, TakenBackup>();
    for (const request of this.#underWay) {
      const id = this.#takeId(request);
      if (id !== undefined && !this.#taken.has(id.idText)) ids.set(id.idText, { ...id, request: '' });
    }
    return ordered(ids.values()).map((backup) => backup.idText);
  }

  /** An answer to a take whose request came as another object than the one sent: one take of its id is answered. */
  #answeredCopy(request: HttpRequest): void {
    const id = this.#takeId(request)?.idText;
    if (id === undefined) return;
    for (const pending of this.#underWay) {
      if (this.#takeId(pending)?.idText === id) {
        this.#underWay.delete(pending);
        return;
      }
    }
  }

  #isTake(request: HttpRequest): boolean {
    const routes = this.#routes;
    return routes !== undefined && request.method === routes.takeMethod && request.url === routes.takeUrl;
  }

  #takeId(request: HttpRequest): Omit<TakenBackup, 'request'> | undefined {
    return this.#isTake(request) ? takenId(request.body, (this.#routes as BackupRoutes).idField) : undefined;
  }

  /** Integer ids of every backup the run created, ascending. */
  get taken(): bigint[] {
    return ordered(this.#taken.values()).flatMap((backup) => (backup.id === undefined ? [] : [backup.id]));
  }

  /** How many backups the run created, whatever their ids. */
  get takenCount(): number {
    return this.#taken.size;
  }

  get deletedCount(): number {
    return this.#deleted.size;
  }

  /** Backups the run created and has not seen deleted: integer ids ascending, then the others as taken. */
  get leftBehindBackups(): TakenBackup[] {
    return ordered([...this.#taken.values()].filter((backup) => !this.#deleted.has(backup.idText)));
  }

  /** The ids of `leftBehindBackups`, as their paths give them. */
  get leftBehind(): string[] {
    return this.leftBehindBackups.map((backup) => backup.idText);
  }

  /** Where a delete of this backup goes, or undefined when no server would take that URL (`LONGEST_ADDRESSABLE_URL`). */
  deleteUrl(backup: TakenBackup): string | undefined {
    const routes = this.#routes;
    if (routes === undefined || backup.idText === '') return undefined;
    const url = `${routes.deleteUrlPrefix}${encodeURIComponent(backup.idText)}`;
    return url.length > LONGEST_ADDRESSABLE_URL ? undefined : url;
  }

  /**
   * The closing sweep: one delete for each backup left behind that can be addressed (at most
   * `most`, `concurrency` in flight at once), whichever suite took it and however; `progress` hears
   * what it deletes.
   */
  async sweep(client: Pick<HttpClient, 'send'>, limits: { most: number; concurrency: number }, progress: (message: string) => void): Promise<void> {
    const routes = this.#routes;
    if (routes === undefined) return;
    const left = this.leftBehindBackups.flatMap((backup) => {
      const url = this.deleteUrl(backup);
      return url === undefined ? [] : [{ backup, url }];
    });
    const swept = left.slice(0, limits.most);
    if (swept.length === 0) return;
    const named = swept.slice(0, MOST_IDS_NAMED).map(({ backup }) => backup.idText);
    const more = swept.length > named.length ? ` and ${swept.length - named.length} more` : '';
    progress(`delete ${swept.length === 1 ? 'backup' : 'backups'} ${listIds(named)}${more}, taken by this run and not deleted yet`);
    await inFlight(swept, limits.concurrency, ({ url }) => client.send({ method: routes.deleteMethod, url }));
  }
}

/** A delete answered as done, or as no such backup: either way it is not there any more. */
function isGone(kind: ReturnType<typeof answerKindOf>): boolean {
  return kind === 'success' || (typeof kind === 'object' && kind.kind === 'not-found');
}

/**
 * The id of a take's body, whatever its value: a JSON integer (or a numeric string some servers
 * accept too) is an integer id; any other value a lenient server may keep under its text.
 */
function takenId(body: string | undefined, idField: string): Omit<TakenBackup, 'request'> | undefined {
  if (body === undefined) return undefined;
  const parsed = parseJson(body);
  if (!parsed.ok || parsed.exact === null || typeof parsed.exact !== 'object' || Array.isArray(parsed.exact)) return undefined;
  const record = parsed.exact as Record<string, unknown>;
  if (!(idField in record)) return undefined;
  const value = record[idField];
  const id = typeof value === 'string' && /^\d{1,19}$/.test(value) ? BigInt(value) : toBackupId(value);
  if (id !== undefined) return { idText: String(id), id };
  return { idText: typeof value === 'string' ? value : jsonText(value) };
}

function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => (typeof member === 'bigint' ? String(member) : member)) ?? String(value);
}

function decodedSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Integer ids ascending, then every other id in the order given. */
function ordered(backups: Iterable<TakenBackup>): TakenBackup[] {
  const all = [...backups];
  const integers = all.filter((backup) => backup.id !== undefined).sort((a, b) => (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0));
  return [...integers, ...all.filter((backup) => backup.id === undefined)];
}

/**
 * The closing lines about the run's backups, e.g. "Backups: 29 taken by this run, 29 confirmed
 * deleted." A backup that cannot be addressed gets a line of its own: its id's length, and the take
 * that created it.
 */
export function describeAccount(account: BackupAccount, keepBackups: boolean): string {
  const head = `Backups: ${account.takenCount} taken by this run, ${account.deletedCount} confirmed deleted`;
  const left = account.leftBehindBackups;
  const addressable = left.filter((backup) => account.deleteUrl(backup) !== undefined);
  const unaddressable = left.filter((backup) => account.deleteUrl(backup) === undefined);
  const lines = [
    addressable.length === 0
      ? `${head}.`
      : `${head}; ${keepBackups ? 'kept (--keep-backups)' : 'left behind, delete them by hand'}: ${listIds(addressable.map((backup) => backup.idText))}.`,
  ];
  for (const backup of unaddressable) lines.push(describeUnaddressable(backup));
  return lines.join('\n');
}

const LONGEST_URL_TEXT = LONGEST_ADDRESSABLE_URL.toLocaleString('en-US');

function describeUnaddressable(backup: TakenBackup): string {
  const why =
    backup.idText === ''
      ? 'an empty id, which no path can name'
      : `an id of ${backup.idText.length.toLocaleString('en-US')} characters (a delete URL over ${LONGEST_URL_TEXT} characters is refused by most servers)`;
  return `  Left behind, and no request can address it: backup ${listIds([backup.idText])}, ${why}; the server created it for ${elide(backup.request)}`;
}

/** Every id, so none is lost, each bounded (`elide`); an id with spaces or quotes is quoted. Long lists wrap at the caller's terminal. */
export function listIds(ids: readonly (bigint | string)[]): string {
  return ids.map((id) => (typeof id === 'bigint' || /^[\w.+-]+$/.test(id) ? elide(String(id)) : elide(JSON.stringify(id)))).join(', ');
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
