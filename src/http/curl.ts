import type { HttpRequest } from './exchange.js';

/** Quotes a word for a POSIX shell when it needs it: single quotes, embedded ones closed and escaped. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** How the run reached an https target, so its curl lines can do the same. */
export interface CurlTls {
  /** The --ca file: `--cacert FILE`. */
  readonly caFile?: string;
  /** --insecure: `-k`. */
  readonly insecure?: boolean;
}

// Headers curl adds on its own unless told otherwise, and what it adds for a body sent with --data-raw.
const CURL_DEFAULTS = { accept: 'Accept:', 'content-type': 'Content-Type:' } as const;

/**
 * The request as a curl command line that sends the same request: every header the suite sent
 * (values of the headers named in `redactedHeaders`, lower-case, as `***`, so reports never carry
 * secrets), none that curl would add on its own (an empty `-H 'Accept:'`
 * or `-H 'Content-Type:'` removes curl's default, which for a body is a form media type), the body's
 * exact text, and the URL unglobbed when it holds `[]{}`.
 */
export function toCurl(request: HttpRequest, redactedHeaders: ReadonlySet<string> = new Set()): string {
  const url = sentUrl(request.url);
  const parts = ['curl', '-i'];
  if (/[[\]{}]/.test(url)) parts.push('-g');
  parts.push('-X', request.method);
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'content-length' || name === 'host') continue;
    parts.push('-H', shellQuote(`${name}: ${redactedHeaders.has(name) ? '***' : value}`));
  }
  if (request.headers['accept'] === undefined) parts.push('-H', shellQuote(CURL_DEFAULTS.accept));
  if (request.body !== undefined) {
    if (request.headers['content-type'] === undefined) parts.push('-H', shellQuote(CURL_DEFAULTS['content-type']));
    parts.push('--data-raw', shellQuote(request.body));
  }
  parts.push(shellQuote(url));
  return parts.join(' ');
}

/** The URL as the client puts it on the wire: WHATWG-parsed (dot segments resolved, spaces escaped), no fragment. */
function sentUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/**
 * Curl lines with the TLS flags the run used for an https target: `--cacert FILE` for --ca, `-k`
 * for --insecure. Findings are made deep in the suites, which know nothing of TLS; the run adds the
 * flags in this one place. Comment lines and plain-http lines are left alone.
 */
export function withTls(lines: readonly string[], tls: CurlTls): string[] {
  const flags = [...(tls.caFile === undefined ? [] : ['--cacert', shellQuote(tls.caFile)]), ...(tls.insecure === true ? ['-k'] : [])];
  if (flags.length === 0) return [...lines];
  return lines.map((line) =>
    line.startsWith('curl ') && /\shttps:\/\/|\s'https:\/\//.test(line) ? `curl ${flags.join(' ')} ${line.slice('curl '.length)}` : line,
  );
}
