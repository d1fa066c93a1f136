import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConformanceError } from '../errors.js';
import { BackupStore } from './cluster/backup-store.js';
import { composeBehaviour } from './behaviour/compose-behaviour.js';
import { handleExchange } from './handle-exchange.js';
import { resolveServerOptions, type ReferenceServerOptions } from './options.js';
import { seedStore } from './cluster/seed-store.js';
import { TimerSet } from './timer-set.js';

/** A reference server that is listening. */
export interface RunningServer {
  /** Base URL of the API, base path included, no trailing slash, e.g. `http://127.0.0.1:41234/actuator/backups`. */
  readonly url: string;
  /** Scheme, host and port, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  readonly port: number;
  /** The server's state, to read in tests (backups, highest id, how many were created). */
  readonly store: BackupStore;
  /** Stops listening, drops idle and active connections and cancels pending delays. */
  close(): Promise<void>;
}

/**
 * Starts a stateful, in-memory implementation of the Backup Management API: faithful to the spec,
 * and to Zeebe 8.2–8.7 where the spec is silent, unless quirks, faults or overrides say otherwise.
 * Rejects with a `ConformanceError` (`CONF_USAGE`) for invalid options or a port that is taken.
 */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<RunningServer> {
  const config = resolveServerOptions(options);
  const store = new BackupStore();
  seedStore(store, config, config.now());
  const ctx = { config, behaviour: composeBehaviour(config), store };
  const timers = new TimerSet();
  let seq = 0;
  const server = createServer((request, response) => {
    seq += 1;
    request.on('error', () => undefined);
    response.on('error', () => undefined);
    void handleExchange(ctx, timers, seq, request, response);
  });
  await listen(server, config.port, config.host);
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}${config.basePath}`,
    origin,
    port,
    store,
    close: () => {
      closing ??= new Promise((resolve) => {
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL') {
        const why = error.code === 'EADDRINUSE' ? 'is already in use' : error.code === 'EACCES' ? 'needs more privileges' : 'is not an address of this machine';
        reject(new ConformanceError('CONF_USAGE', `Cannot listen on ${host}:${port}: it ${why}. Choose another with --port or --host.`));
      } else {
        reject(error);
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
