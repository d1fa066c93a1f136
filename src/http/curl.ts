import type { HttpRequest } from './exchange.js';

/** Quotes a word for a POSIX shell when it needs it: single quotes, embedded ones closed and escaped. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The request as a curl command line that sends the same bytes. Header values whose names are
 * listed in `redactedHeaders` (lower-case) are printed as `***`, so reports never carry secrets.
 */
export function toCurl(request: HttpRequest, redactedHeaders: ReadonlySet<string> = new Set()): string {
  const parts = ['curl', '-i', '-X', request.method];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'content-length' || name === 'host') continue;
    parts.push('-H', shellQuote(`${name}: ${redactedHeaders.has(name) ? '***' : value}`));
  }
  if (request.body !== undefined) parts.push('--data-raw', shellQuote(request.body));
  parts.push(shellQuote(request.url));
  return parts.join(' ');
}
