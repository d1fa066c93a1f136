import { resolveConfig } from '../config.js';
import { ConformanceError } from '../errors.js';
import type { CompareOptionFlags } from '../flags.js';
import type { CompareOptions, CompareTarget } from './compare-servers.js';

/**
 * A compare's options as the command line (or a caller from code) gives them, text read and checked here: the fields of
 * its rows of the flag table but the two the command answers itself (--out, --quiet), A and B required.
 */
export type CompareFlags = Omit<CompareOptionFlags, 'out' | 'quiet' | 'target' | 'against'> & { readonly target: string; readonly against: string };

/**
 * The flags checked as a run's are (URLs, durations, sizes, headers: the same messages, exit code 2),
 * each URL's credentials becoming that target's own Authorization header.
 */
export function resolveCompareOptions(flags: CompareFlags, control: Pick<CompareOptions, 'signal' | 'progress'> = {}): CompareOptions {
  if (flags.noise !== undefined && flags.noisePass === true) throw new ConformanceError('CONF_USAGE', '--noise and --noise-pass exclude each other: give one.');
  const shared = flags.headers === undefined ? {} : { headers: flags.headers };
  const config = resolveConfig({
    ...shared,
    target: flags.target,
    ...(flags.spec === undefined ? {} : { spec: flags.spec }),
    ...(flags.timeout === undefined ? {} : { timeout: flags.timeout }),
    ...(flags.maxBodyBytes === undefined ? {} : { maxBodyBytes: flags.maxBodyBytes }),
    ...(flags.settleTimeout === undefined ? {} : { settleTimeout: flags.settleTimeout }),
  });
  const targetOf = (flag: '--against' | '--noise', url: string): CompareTarget => {
    try {
      const resolved = resolveConfig({ ...shared, target: url });
      return { url: resolved.target!, headers: resolved.headers };
    } catch (error) {
      // The URL is read as --target is; the message names the flag it came from.
      if (error instanceof ConformanceError) throw new ConformanceError(error.code, error.message.replaceAll('--target', flag));
      throw error;
    }
  };
  return {
    target: { url: config.target!, headers: config.headers },
    against: targetOf('--against', flags.against),
    ...(flags.noise === undefined ? {} : { noise: targetOf('--noise', flags.noise) }),
    noisePass: flags.noisePass === true,
    specPath: config.specPath,
    timeoutMs: config.timeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    settleTimeoutMs: config.stateful.settleTimeoutMs,
    redactedHeaders: config.redactedHeaders,
    consent: flags.yes === true,
    ...(control.signal === undefined ? {} : { signal: control.signal }),
    ...(control.progress === undefined ? {} : { progress: control.progress }),
  };
}
