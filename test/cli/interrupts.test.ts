import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import type { ReferenceServerOptions } from '../../src/server/options.js';
import { runCli } from '../helpers/run-cli.js';
import { serveReference } from './reference-servers.js';

const cli = fileURLToPath(new URL('../../src/cli.js', import.meta.url));
async function serve(options: ReferenceServerOptions = {}): Promise<string> {
  return (await serveReference(options)).url;
}

async function listedIds(url: string): Promise<string[]> {
  const list = (await (await fetch(url)).json()) as { backupId: number }[];
  return list.map((entry) => String(entry.backupId)).sort();
}

interface Interrupted {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outDir: string;
}

/**
 * Runs the CLI and sends it `signals` once its output matches `when`, a tenth of a second apart
 * (calling `beforeSignals` first, if given). Bounded: the child is killed if it has not ended within a minute.
 */
async function runAndSignal(args: readonly string[], when: RegExp, signals: readonly NodeJS.Signals[], beforeSignals?: () => void): Promise<Interrupted> {
  const outDir = await mkdtemp(join(tmpdir(), 'conformance-interrupt-'));
  const child = spawn(process.execPath, [cli, ...args, '--out', outDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let sent = false;
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (!sent && when.test(stdout)) {
      sent = true;
      beforeSignals?.();
      signals.forEach((signal, i) => setTimeout(() => child.kill(signal), i * 100));
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
  clearTimeout(guard);
  assert.ok(sent, `the output never matched ${when}:\n${stdout}${stderr}`);
  return { code, stdout, stderr, outDir };
}

describe('interrupts', () => {
  test('SIGINT mid-run: cleanup, reports marked interrupted, exit 130, never "Conforms", no backup left', async () => {
    const url = await serve({ settleMs: 200 });
    const result = await runAndSignal(['--target', url], /run 2 of 20/, ['SIGINT']);
    assert.equal(result.code, 130, result.stdout + result.stderr);
    assert.match(result.stdout, /Stopped early \(interrupted\): the reports are partial\./);
    assert.doesNotMatch(result.stdout, /Conforms/);
    assert.match(result.stdout, /Backups: (\d+) taken by this run, \1 confirmed deleted\./);
    const report = JSON.parse(await readFile(join(result.outDir, 'findings.json'), 'utf8')) as {
      interrupted?: string;
      exitCode: number;
      errors: { code: string }[];
    };
    assert.equal(report.interrupted, 'interrupt');
    assert.equal(report.exitCode, 130, 'findings.json says the exit code the process exits with');
    assert.ok(report.errors.some((e) => e.code === 'CONF_INTERRUPTED'));
    assert.match(await readFile(join(result.outDir, 'junit.xml'), 'utf8'), /<property name="interrupted" value="interrupt"\/>/);
    assert.deepEqual(await listedIds(url), []);
  });

  test('SIGTERM: exit 143', async () => {
    const url = await serve({ settleMs: 200 });
    const result = await runAndSignal(['--target', url], /run 2 of 20/, ['SIGTERM']);
    assert.equal(result.code, 143, result.stdout + result.stderr);
    assert.equal((JSON.parse(await readFile(join(result.outDir, 'findings.json'), 'utf8')) as { exitCode: number }).exitCode, 143);
    assert.deepEqual(await listedIds(url), []);
  });

  test('a second Ctrl-C quits at once and names every backup left behind', async () => {
    // Slow answers keep the cleanup going when the second signal comes. They start with the first
    // signal: before it, they would only slow down the scenarios the run plays first.
    let slow = false;
    const url = await serve({ settleMs: 200, behaviour: { latencyMs: () => (slow ? 150 : 0) } });
    const result = await runAndSignal(['--target', url, '--suite', 'stateful'], /backups created so far: [1-9]/, ['SIGINT', 'SIGINT'], () => (slow = true));
    assert.equal(result.code, 130, result.stdout + result.stderr);
    const line =
      /Quit before cleanup finished\. (?:No backup taken by this run is left behind\.|Backups taken by this run and left behind, delete them by hand: ([\d, ]+)\.)(?: A take was under way for ([\d, ]+):.*)?\n/.exec(
        result.stderr,
      );
    assert.ok(line !== null, result.stderr);
    const named = new Set(`${line[1] ?? ''}, ${line[2] ?? ''}`.split(', ').filter((id) => id !== ''));
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const id of await listedIds(url)) assert.ok(named.has(id), `backup ${id} is left behind but was not named (named: ${[...named].join(', ')})`);
  });

  test('SIGINT while waiting for the target: exit 130, not an unreachable target', async () => {
    const result = await runAndSignal(['--target', 'http://127.0.0.1:1/actuator/backups', '--wait-for-target', '30s'], /waiting for http/, ['SIGINT']);
    assert.equal(result.code, 130, result.stdout + result.stderr);
    assert.match(result.stderr, /interrupted while it waited for the target/);
  });
});

describe('cleanup', () => {
  test('a server that answers takes with 201: every backup it accepted is deleted, and the closing line counts them', async () => {
    const url = await serve({
      intercept: (request, planned) => (request.method === 'POST' && 'status' in planned && planned.status === 202 ? { ...planned, status: 201 } : planned),
    });
    const result = await runCli(['--target', url, '--suite', 'smoke', '--suite', 'stateful', '--runs', '3']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /Backups: ([1-9]\d*) taken by this run, \1 confirmed deleted\./);
    assert.deepEqual(await listedIds(url), []);
  });
});
