import type { IncomingMessage } from 'node:http';

/**
 * The request body as UTF-8 text, read to its end. Past `limit` bytes the rest is read and
 * dropped, so the connection stays usable for the 413 answer; `overLimit` then is true.
 * Resolves with what was read if the client goes away.
 */
export function readRequestBody(request: IncomingMessage, limit: number): Promise<{ text: string; overLimit: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    const finish = (): void => {
      const overLimit = size > limit;
      resolve({ text: overLimit ? '' : Buffer.concat(chunks).toString('utf8'), overLimit });
    };
    request.on('end', finish);
    request.on('error', finish);
    request.on('close', finish);
  });
}
