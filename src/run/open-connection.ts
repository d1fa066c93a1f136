import type { BackupAccount } from '../api/backup-account.js';
import type { RunConfig } from '../config.js';
import { createClient, type HttpClient } from '../http/client.js';
import { isJsonMediaType, type OperationIndex } from '../spec/index-operations.js';
import type { RunPlan } from './plan-run.js';
import type { RunEvidence } from './run-evidence.js';

/** The embedded server's backups from before the run (see where it is started). */
const EMBEDDED_SEED_BACKUPS = [{ id: 1 }, { id: 2 }] as const;

/** The client every request of the run goes through, and the embedded server when there is no --target. */
export interface Connection {
  readonly client: HttpClient;
  /** The embedded server's URL; undefined for a --target. */
  readonly embeddedUrl?: string;
  close(): Promise<void>;
}

/** The second phase: the embedded server started if there is no target, and the client that sends every request. */
export async function openConnection(config: RunConfig, plan: RunPlan, evidence: RunEvidence, account: BackupAccount): Promise<Connection> {
  // Loaded only when needed: a run against a real target never pays for the server's modules.
  // Two backups that exist before the run, as on any cluster in use: the inventory reads them and
  // the closing sweep reads them again, so every rule is exercised on the embedded server too.
  const { startReferenceServer } = config.target === undefined ? await import('../server/reference-server.js') : { startReferenceServer: undefined };
  const embedded = await startReferenceServer?.({ seedBackups: EMBEDDED_SEED_BACKUPS });
  const client = createClient({
    timeoutMs: config.timeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    defaultHeaders: { accept: acceptedMediaType(plan.index), ...config.headers },
    ...(plan.ca === undefined ? {} : { ca: plan.ca }),
    insecure: config.insecure,
    ...(config.ratePerSecond === undefined ? {} : { ratePerSecond: config.ratePerSecond }),
    ...(config.readOnly ? { allowedMethods: new Set(['GET', 'HEAD']) } : {}),
    onRequest: (request) => account.sending(request),
    onExchange: (exchange) => {
      account.note(exchange);
      evidence.exchanged(exchange);
    },
  });
  return {
    client,
    ...(embedded === undefined ? {} : { embeddedUrl: embedded.url }),
    close: async () => {
      await client.close();
      await embedded?.close();
    },
  };
}

/** What requests accept: the JSON media type the list documents for its answer (`application/json`). */
function acceptedMediaType(index: OperationIndex): string {
  const list = index.byRole.list;
  return list.responseFor(list.successStatus ?? 200)?.mediaTypes.find(isJsonMediaType) ?? 'application/json';
}
