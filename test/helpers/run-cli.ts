import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/findings/finding.js';

// The command as users run it: the committed bin and the bundle it imports.
const cli = fileURLToPath(new URL('../../../bin/conformance.js', import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The --out directory the helper gave the run. */
  readonly outDir: string;
  findings(): Promise<{
    findings: ({ checkId: string; operation: string; verdict: string; reproduction: { curl: string[] } } & Partial<
      Pick<Finding, 'status' | 'answerMessage' | 'knownDeviation'>
    >)[];
    exitCode: number;
    summary: Record<string, number>;
  }>;
  junit(): Promise<string>;
}

/** Runs the real CLI in a child process with --out in a fresh folder (unless `out: false`). */
export async function runCli(args: readonly string[], options: { out?: boolean; env?: Record<string, string> } = {}): Promise<CliResult> {
  const outDir = await mkdtemp(join(tmpdir(), 'conformance-cli-'));
  const fullArgs = options.out === false ? [...args] : [...args, '--out', outDir];
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...fullArgs], { env: { ...process.env, ...options.env }, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({
        code,
        stdout,
        stderr,
        outDir,
        findings: async () => JSON.parse(await readFile(join(outDir, 'findings.json'), 'utf8')),
        junit: () => readFile(join(outDir, 'junit.xml'), 'utf8'),
      });
    });
  });
}
