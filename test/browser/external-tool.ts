import { execFile } from 'node:child_process';

export interface ToolResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a program the browser tests need (chromium). A missing program fails the test with the
 * Debian package that provides it: these tests are never skipped, and .ci/run installs it.
 */
export function runTool(command: string, args: readonly string[], debianPackage: string, timeoutMs = 90_000): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT') {
        reject(
          new Error(
            `${command} is not installed, and this test needs it. Install it with: apt-get install -y ${debianPackage} (.ci/run does this before the tests).`,
          ),
        );
        return;
      }
      if (error !== null && error.killed) {
        reject(new Error(`${command} did not finish within ${timeoutMs / 1000} s: ${stderr.slice(-2000)}`));
        return;
      }
      resolve({ code: error === null ? 0 : typeof code === 'number' ? code : ((error as { status?: number }).status ?? 1), stdout, stderr });
    });
  });
}
