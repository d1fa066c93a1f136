import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/cli.js', import.meta.url));
const preload = new URL('./report-max-rss.js', import.meta.url).href;

/** Runs the CLI in a child process; returns its exit code, wall time and peak memory. */
export async function runCliMeasured(args: readonly string[]): Promise<{ code: number; wallMs: number; maxRssBytes: number; startedAt: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'conformance-bench-'));
  const rssFile = join(dir, 'max-rss');
  const startedAt = Date.now();
  const start = performance.now();
  const code = await new Promise<number>((resolve) => {
    execFile(process.execPath, ['--import', preload, cli, ...args], { env: { ...process.env, CONFORMANCE_MAX_RSS_FILE: rssFile }, maxBuffer: 64 * 2 ** 20 }, (error) =>
      resolve(error === null ? 0 : typeof error.code === 'number' ? error.code : -1),
    );
  });
  const wallMs = performance.now() - start;
  return { code, wallMs, maxRssBytes: Number(await readFile(rssFile, 'utf8')), startedAt };
}
