import type { Exchange } from '../http/exchange.js';

/** A message longer than this is a body, not a reason. */
const MOST_MESSAGE_CHARACTERS = 300;
/** Only a short error body is read for its message: a list is never one. */
const MOST_BODY_CHARACTERS = 16 * 1024;

/**
 * The `message` member of the answer's JSON body (Spring's and Zeebe's error bodies carry their
 * reason there), cut to a reason's length: the server's own words, for profiles that recognise a
 * known deviation by them. Undefined for an answer without one.
 */
export function answerMessage(exchange: Exchange | undefined): string | undefined {
  const text = exchange?.response?.bodyText;
  if (text === undefined || text.length > MOST_BODY_CHARACTERS || !text.trimStart().startsWith('{')) return undefined;
  try {
    const message = (JSON.parse(text) as Record<string, unknown>)['message'];
    return typeof message === 'string' && message !== '' ? Buffer.from(message.slice(0, MOST_MESSAGE_CHARACTERS), 'utf8').toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}
