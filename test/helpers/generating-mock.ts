import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const BASE_PATH = '/actuator/backups';
const STATES = ['DOES_NOT_EXIST', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'INCOMPLETE', 'INCOMPATIBLE'] as const;

export interface GeneratingMock {
  /** The API's base URL, e.g. `http://127.0.0.1:41234/actuator/backups`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A mock like `prism mock -d`: every answer is generated afresh from the schema's shapes, whatever
 * was asked: a list of one to three backups, a get of some backup (not the one asked for), each
 * with random states on the backup and its partitions and a failureReason half of the time; a take
 * answers 202, a delete 204. Random from `seed`, so a test sees the same answers each time.
 */
export async function startGeneratingMock(seed = 1): Promise<GeneratingMock> {
  const random = mulberry32(seed);
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      const json = (status: number, value: unknown): void => void response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (path === BASE_PATH && request.method === 'GET')
        return json(
          200,
          Array.from({ length: 1 + Math.floor(random() * 3) }, () => backup(random)),
        );
      if (path === BASE_PATH && request.method === 'POST') return json(202, { message: `message ${Math.floor(random() * 1e6)}` });
      if (path.startsWith(`${BASE_PATH}/`) && request.method === 'GET') return json(200, backup(random));
      if (path.startsWith(`${BASE_PATH}/`) && request.method === 'DELETE') return void response.writeHead(204).end();
      json(404, { message: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function backup(random: () => number): Record<string, unknown> {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const reason = (): Record<string, string> => (random() < 0.5 ? { failureReason: `reason ${Math.floor(random() * 1e6)}` } : {});
  const created = Date.UTC(2026, 0, 1) + Math.floor(random() * 1e9);
  return {
    backupId: 1 + Math.floor(random() * 10_000),
    state: pick(STATES),
    ...reason(),
    details: Array.from({ length: 1 + Math.floor(random() * 3) }, (_, partition) => ({
      partitionId: partition + 1,
      state: pick(STATES),
      ...reason(),
      createdAt: new Date(created).toISOString(),
      lastUpdatedAt: new Date(created + Math.floor(random() * 1e6)).toISOString(),
      checkpointPosition: Math.floor(random() * 1e6),
      brokerId: partition,
      brokerVersion: '8.5.0',
    })),
  };
}

/** A small seeded generator, so the mock's answers repeat from run to run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
