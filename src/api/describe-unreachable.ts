import { connect } from 'node:tls';
import type { TransportFailure } from '../http/exchange.js';

/** How long the check for a TLS server behind an http:// target may take. */
const TLS_CHECK_MS = 2_000;

/**
 * Why a target cannot be reached, and the fix: the failure as the client described it (TLS
 * causes already in plain words), then the advice that fits it. An http:// target whose server
 * closes the connection unanswered is checked for TLS, the usual reason.
 */
export async function describeUnreachable(url: string, failure: TransportFailure, example: string): Promise<string> {
  const target = new URL(url);
  const withScheme = (scheme: 'http:' | 'https:'): string => {
    const fixed = new URL(url);
    fixed.protocol = scheme;
    return fixed.href.replace(/\/+$/, '');
  };
  let advice: string;
  if (failure.message.includes('speaks plain HTTP')) advice = `Give --target ${withScheme('http:')}.`;
  else if (failure.message.startsWith('the certificate is for '))
    advice = 'Give --target a host name the certificate holds, or skip verification with --insecure.';
  else if (/certificate|self[- ]signed|SSL|TLS/i.test(failure.message))
    advice = 'Trust its certificate authority with --ca FILE, or skip verification with --insecure.';
  else if (target.protocol === 'http:' && failure.kind === 'connection-reset' && (await speaksTls(target)))
    advice = `The server speaks TLS: use https://, i.e. --target ${withScheme('https:')}.`;
  else advice = `Is the server running, and is --target ${example}?`;
  return `Cannot reach ${url}: ${failure.message}. ${advice}`;
}

/** Whether a TLS handshake succeeds at the target's host and port (any certificate). */
function speaksTls(target: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const host = target.hostname.replace(/^\[|\]$/g, '');
    const socket = connect({
      host,
      port: Number(target.port || 80),
      rejectUnauthorized: false,
      timeout: TLS_CHECK_MS,
      ...(/^[\d.:]+$/.test(host) ? {} : { servername: host }),
    });
    const done = (answer: boolean): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}
