import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** A body as text, cut at the cap when it was longer. */
export interface BodyText {
  readonly text: string;
  readonly truncated: boolean;
}

/**
 * The body did not arrive whole: `reason` is what stopped it (a timeout, a reset, a body that is
 * not the gzip its Content-Encoding says), `receivedBytes` how much came on the wire before.
 */
export class IncompleteBody extends Error {
  override readonly name = 'IncompleteBody';
  constructor(
    readonly reason: unknown,
    readonly receivedBytes: number,
    /** Set when the bytes came but could not be decoded: what was wrong with them. */
    readonly undecodable?: string,
  ) {
    super(undecodable ?? (reason as Error | undefined)?.message ?? String(reason));
  }
}

// The requests send no Accept-Encoding, which by RFC 9110 §12.5.3 accepts any coding: a server may
// compress, and the body is judged once decoded. Codings other than these cannot be read.
const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

export interface BodyOptions {
  /** The Content-Encoding header, if any. */
  readonly contentEncoding?: string;
  /** Most decoded bytes read; the rest of the body is never read. */
  readonly limit: number;
}

/**
 * Reads a body, undoing its Content-Encoding, up to `limit` decoded bytes; then stops reading and
 * destroys the stream (and with it the socket), so a server streaming without end, or a small gzip
 * of a huge body, is held to `limit`. Rejects with `IncompleteBody` when the body breaks off or
 * cannot be decoded.
 */
export async function readBody(body: Readable, options: BodyOptions): Promise<BodyText> {
  const { contentEncoding, limit } = options;
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  const unknown = codings.find((coding) => DECODERS[coding] === undefined);
  if (unknown !== undefined) {
    body.destroy();
    throw new IncompleteBody(undefined, 0, `the body has Content-Encoding ${contentEncoding}, which this suite cannot decode (it reads gzip, deflate and br)`);
  }
  if (codings.length === 0) return readPlain(body, limit);
  let receivedBytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      receivedBytes += chunk.byteLength;
      done(null, chunk);
    },
  });
  // Applied in reverse order of listing (RFC 9110 §8.4).
  const order = [...codings].reverse();
  const decoders = order.map((coding) => (DECODERS[coding] as () => Transform)());
  let undecodable: string | undefined;
  for (const [i, decoder] of decoders.entries()) {
    decoder.once('error', (error) => {
      undecodable ??= `the body is not the ${order[i]} its Content-Encoding says (${error.message})`;
    });
  }

  // Decoded chunk by chunk: each chunk is let go at once, and the text is joined once at the end.
  const text = new TextDecoder('utf-8', { fatal: false });
  const pieces: string[] = [];
  let size = 0;
  let truncated = false;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const room = limit - size;
      if (chunk.byteLength > room) {
        pieces.push(text.decode(chunk.subarray(0, room)));
        truncated = true;
        // Fails the pipeline on purpose: every stream in it is destroyed, the socket with them.
        done(new Error('body cap reached'));
        return;
      }
      pieces.push(text.decode(chunk, { stream: true }));
      size += chunk.byteLength;
      done();
    },
    final(done) {
      pieces.push(text.decode());
      done();
    },
  });
  try {
    await pipeline([body, counter, ...decoders, sink]);
  } catch (error) {
    if (truncated) return { text: pieces.join(''), truncated };
    // No bytes at all is an empty body, whatever its Content-Encoding (a 204, a HEAD).
    if (undecodable !== undefined && receivedBytes === 0) return { text: '', truncated: false };
    throw new IncompleteBody(error, receivedBytes, undecodable);
  }
  return { text: pieces.join(''), truncated };
}

/**
 * The common case, a body with no coding, read without a stream pipeline: the same cap and the
 * same failures, at a fraction of the cost per request.
 */
async function readPlain(body: Readable, limit: number): Promise<BodyText> {
  const text = new TextDecoder('utf-8', { fatal: false });
  const pieces: string[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      const room = limit - size;
      if (chunk.byteLength > room) {
        pieces.push(text.decode(chunk.subarray(0, room)));
        body.destroy();
        return { text: pieces.join(''), truncated: true };
      }
      pieces.push(text.decode(chunk, { stream: true }));
      size += chunk.byteLength;
    }
  } catch (error) {
    throw new IncompleteBody(error, size);
  }
  pieces.push(text.decode());
  return { text: pieces.join(''), truncated: false };
}
