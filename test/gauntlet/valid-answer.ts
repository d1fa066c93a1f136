import { BASE_PATH, type RawRequest } from './hostile-server.js';

/** A correct answer to a request, before any misbehaviour mangles how it is sent. */
export interface Answer {
  readonly status: number;
  readonly body: string;
}

const PARTITIONS = [1, 2, 3];

/** A COMPLETED backup on three partitions, valid against the spec's BackupInfo schema. */
export function backupInfo(id: number): Record<string, unknown> {
  const createdAt = new Date(Date.UTC(2024, 0, 1) + id * 60_000);
  return {
    backupId: id,
    state: 'COMPLETED',
    details: PARTITIONS.map((partitionId) => ({
      partitionId,
      state: 'COMPLETED',
      createdAt: createdAt.toISOString(),
      lastUpdatedAt: new Date(createdAt.getTime() + 1_000).toISOString(),
      snapshotId: `${id}-${partitionId}-100-90`,
      checkpointPosition: id * 10 + partitionId,
      brokerId: partitionId - 1,
      brokerVersion: '8.5.0',
    })),
  };
}

/** The list of backups 1 ... count, newest first, as the spec's `GET /` returns it. */
export function backupList(count: number): string {
  const ids = Array.from({ length: count }, (_, i) => count - i);
  return JSON.stringify(ids.map(backupInfo));
}

/**
 * What a correct server holding backups 1 ... count answers: the list, each backup, 404 for any
 * other id; 202 to a take and 204 to a delete (it remembers neither: answers made to be broken).
 */
export function validAnswer(request: RawRequest, count: number, list = backupList(count)): Answer {
  if (request.method === 'GET' && request.path === BASE_PATH) return { status: 200, body: list };
  if (request.method === 'POST') return { status: 202, body: JSON.stringify({ message: 'A backup has been scheduled' }) };
  if (request.method === 'DELETE') return { status: 204, body: '' };
  const id = request.method === 'GET' && request.path.startsWith(`${BASE_PATH}/`) ? Number(request.path.slice(BASE_PATH.length + 1)) : NaN;
  if (Number.isSafeInteger(id) && id >= 1 && id <= count) return { status: 200, body: JSON.stringify(backupInfo(id)) };
  return { status: 404, body: JSON.stringify({ message: `no backup at ${request.path}` }) };
}
