import { createServer, type AddressInfo, type Socket } from 'node:net';

/** A request as the raw server read it: enough to decide how to misbehave. */
export interface RawRequest {
  /** 1 for the first request the server read, then 2, 3 ... */
  readonly seq: number;
  readonly method: string;
  /** The request target as sent, e.g. `/actuator/backups/7`. */
  readonly path: string;
  /** Header names lower-case. */
  readonly headers: Readonly<Record<string, string>>;
}

/** The connection a request came on, with every byte written to it counted. */
export interface RawConnection {
  /** Writes and waits until the socket can take more; false once the peer has gone. */
  write(data: string | Uint8Array): Promise<boolean>;
  /** Writes the last bytes and closes the sending side (a close-delimited body ends here). */
  end(data?: string | Uint8Array): void;
  /** Sends a TCP reset instead of a clean close. */
  reset(): void;
  /** Resolves when the connection is gone. */
  readonly gone: Promise<void>;
}

export interface Misbehaviour {
  /** Called for each connection as it opens; return false to have the server read nothing from it. */
  onConnection?(connection: RawConnection): boolean;
  /** Called for each request read; the answer, if any, is written raw to the connection. */
  onRequest?(request: RawRequest, connection: RawConnection): void | Promise<void>;
}

export interface HostileServer {
  /** The API's base URL on this server, e.g. `http://127.0.0.1:41234/actuator/backups`. */
  readonly url: string;
  /** Every request read, in order. */
  readonly requests: readonly RawRequest[];
  /** Bytes handed to sockets so far, over all connections. */
  readonly bytesWritten: number;
  close(): Promise<void>;
}

export const BASE_PATH = '/actuator/backups';

/**
 * A TCP server that speaks just enough HTTP/1.1 to read requests, and answers with whatever bytes
 * the misbehaviour writes: nothing, half a response, a lie, a reset. Listens on loopback, port 0.
 */
export async function startHostileServer(misbehaviour: Misbehaviour): Promise<HostileServer> {
  const requests: RawRequest[] = [];
  const sockets = new Set<Socket>();
  let bytesWritten = 0;

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    const gone = new Promise<void>((resolve) =>
      socket.once('close', () => {
        sockets.delete(socket);
        resolve();
      }),
    );
    const connection: RawConnection = {
      write: (data) => {
        if (socket.destroyed) return Promise.resolve(false);
        bytesWritten += byteLength(data);
        return new Promise((resolve) => {
          if (socket.write(data)) resolve(true);
          else void Promise.race([new Promise<void>((drained) => socket.once('drain', () => drained())), gone]).then(() => resolve(!socket.destroyed));
        });
      },
      end: (data) => {
        if (socket.destroyed) return;
        if (data === undefined) return void socket.end();
        bytesWritten += byteLength(data);
        socket.end(data);
      },
      reset: () => {
        if (!socket.destroyed) socket.resetAndDestroy();
      },
      gone,
    };
    if (misbehaviour.onConnection?.(connection) === false) return;
    readRequests(socket, (head) => {
      const request = { seq: requests.length + 1, ...head };
      requests.push(request);
      void misbehaviour.onRequest?.(request, connection);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    requests,
    get bytesWritten() {
      return bytesWritten;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Reads request heads (and skips their bodies, by Content-Length) one after the other. */
function readRequests(socket: Socket, onRequest: (head: Omit<RawRequest, 'seq'>) => void): void {
  let buffered = Buffer.alloc(0);
  let bodyLeft = 0;
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (bodyLeft > 0) {
        const skipped = Math.min(bodyLeft, buffered.length);
        bodyLeft -= skipped;
        buffered = buffered.subarray(skipped);
        if (bodyLeft > 0) return;
      }
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1) return;
      const [requestLine = '', ...lines] = buffered.subarray(0, end).toString('latin1').split('\r\n');
      buffered = buffered.subarray(end + 4);
      const [method = '', path = ''] = requestLine.split(' ');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      bodyLeft = Number(headers['content-length'] ?? 0) || 0;
      onRequest({ method, path, headers });
    }
  });
}

function byteLength(data: string | Uint8Array): number {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}

/** The status line and headers of a response, ready to write. */
export function responseHead(status: number, headers: Readonly<Record<string, string | number>>, version = 'HTTP/1.1'): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `${version} ${status} ${REASONS[status] ?? 'Whatever'}\r\n${lines.map((line) => `${line}\r\n`).join('')}\r\n`;
}

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  307: 'Temporary Redirect',
  404: 'Not Found',
};
