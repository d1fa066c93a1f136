import { execFile } from 'node:child_process';

/** One test case of a JUnit report as node's junit reporter writes it. */
export interface JUnitCase {
  readonly suite: string;
  readonly name: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  /** The failure's text, or the reason for the skip. */
  readonly text: string;
}

export interface NodeTestResult {
  readonly code: number;
  readonly junit: string;
  readonly stderr: string;
  readonly cases: readonly JUnitCase[];
}

/** Runs `node --test --test-reporter=junit FILE` in `cwd`, as a user's project would. */
export function runNodeTest(file: string, cwd: string): Promise<NodeTestResult> {
  // Under `node --test` this process is a child of the runner: a nested run must not think it is one too.
  const { NODE_TEST_CONTEXT: _runner, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--test', '--test-reporter=junit', file],
      { cwd, env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, junit: stdout, stderr, cases: parseJUnit(stdout) });
      },
    );
  });
}

/** The test cases of a report, in order, each with the name of its enclosing test suite. */
export function parseJUnit(xml: string): JUnitCase[] {
  return xml
    .split('<testsuite name="')
    .slice(1)
    .flatMap((chunk) => {
      const suite = unescape(chunk.slice(0, chunk.indexOf('"')));
      return [...chunk.matchAll(/<testcase name="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)].map((match): JUnitCase => {
        const body = match[2] ?? '';
        const skipped = /<skipped[^>]*message="([^"]*)"/.exec(body);
        const status = body.includes('<failure') ? 'failed' : skipped !== null ? 'skipped' : 'passed';
        return { suite, name: unescape(match[1] ?? ''), status, text: unescape(status === 'skipped' ? (skipped?.[1] ?? '') : body) };
      });
    });
}

function unescape(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
