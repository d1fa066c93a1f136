import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createConsoleReporter, progressLine, renderEvent, type ConsoleOptions, type ConsoleReporter } from '../../src/console/console-reporter.js';
import { formatFinding } from '../../src/findings/format-finding.js';
import type { Exchange } from '../../src/http/exchange.js';
import type { RunEvent } from '../../src/run.js';
import type { Suite } from '../../suites/suite.js';
import { violation } from '../helpers/sample-outcome.js';

const suite = { id: 'smoke', title: 'Every operation with valid requests' } as Suite;
const exchange = {
  request: { method: 'GET', url: 'http://127.0.0.1:9600/actuator/backups', headers: {} },
  response: { status: 200, durationMs: 3.2 },
} as unknown as Exchange;
const ESC = '\u001b';

const RUN: readonly RunEvent[] = [
  { type: 'target', url: 'http://127.0.0.1:9600/actuator/backups', embedded: false },
  { type: 'suite-start', suite },
  { type: 'progress', suite: 'smoke', message: 'list backups' },
  { type: 'exchange', exchange },
  { type: 'finding', finding: violation },
  { type: 'progress', suite: 'smoke', message: 'take backup 3' },
  { type: 'exchange', exchange },
  { type: 'suite-end', suite, durationMs: 1234 },
];

interface Console {
  readonly reporter: ConsoleReporter;
  out(): string;
  err(): string;
  /** What a terminal shows: carriage return + erase-line clears the current line. */
  screen(): string[];
}

function attach(options: Partial<ConsoleOptions>): Console {
  let out = '';
  let err = '';
  let clock = 0;
  const reporter = createConsoleReporter({
    isTTY: false,
    quiet: false,
    verbose: false,
    now: () => (clock += 100),
    write: (text) => (out += text),
    writeError: (text) => (err += text),
    ...options,
  });
  return {
    reporter,
    out: () => out,
    err: () => err,
    screen() {
      const lines = [''];
      for (const part of out.split(/(\r\u001b\[2K|\n)/)) {
        if (part === '\n') lines.push('');
        else if (part === '\r\u001b[2K') lines[lines.length - 1] = '';
        else lines[lines.length - 1] += part;
      }
      return lines;
    },
  };
}

function play(options: Partial<ConsoleOptions>, events: readonly RunEvent[] = RUN): Console {
  const console = attach(options);
  for (const event of events) console.reporter.onEvent(event);
  console.reporter.finish();
  return console;
}

const indented = (text: string) =>
  text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');

describe('not a terminal: line-oriented', () => {
  test('each step on its own line, each finding in full, and no escape sequence', () => {
    const { out } = play({});
    assert.equal(
      out(),
      `Target: http://127.0.0.1:9600/actuator/backups\n\n▶ smoke: Every operation with valid requests\n  · list backups\n\n${indented(formatFinding(violation))}\n\n  · take backup 3\n  done in 1.23 s\n`,
    );
  });

  test('--quiet keeps the target, findings and errors only', () => {
    const { out, err } = play({ quiet: true }, [...RUN, { type: 'tool-error', error: { code: 'CONF_INTERNAL', message: 'stopped' } }]);
    assert.doesNotMatch(out(), /▶|·|done in/);
    assert.match(out(), /^Target: .*\n\n {2}list-sorted-descending \(GET \/\): violation/);
    assert.equal(err(), 'error: stopped\n');
  });

  test('--verbose adds each request with its status and time', () => {
    assert.match(play({ verbose: true }).out(), /\n {4}GET http:\/\/127\.0\.0\.1:9600\/actuator\/backups → 200 \(3 ms\)\n/);
    assert.doesNotMatch(play({}).out(), /→/);
  });
});

describe('a terminal: one progress line, redrawn in place', () => {
  test('while a suite runs, the last line shows the suite, the step, the requests so far and the elapsed time', () => {
    const console = attach({ isTTY: true });
    for (const event of RUN.slice(0, 7)) console.reporter.onEvent(event);
    const screen = console.screen();
    assert.match(screen[screen.length - 1]!, /^⠋ smoke · take backup 3 · 2 requests · \d+\.\d s$/);
    assert.ok(!screen.includes('  · list backups'), 'a step was printed as a lasting line');
    assert.ok(screen.join('\n').includes(indented(formatFinding(violation))), 'the finding is not on the screen in full');
  });

  test('tick redraws the line with the spinner moved and the time advanced', () => {
    const console = attach({ isTTY: true });
    for (const event of RUN.slice(0, 3)) console.reporter.onEvent(event);
    const before = console.screen().at(-1);
    console.reporter.tick();
    const after = console.screen().at(-1);
    assert.match(before!, /^⠋ smoke · list backups · 0 requests · 0\.2 s$/);
    assert.match(after!, /^⠙ smoke · list backups · 0 requests · 0\.3 s$/);
  });

  test('the progress line is gone after the suite and when the run finishes; lasting lines stay', () => {
    const console = play({ isTTY: true });
    const screen = console.screen();
    assert.deepEqual(screen.slice(0, 3), ['Target: http://127.0.0.1:9600/actuator/backups', '', '▶ smoke: Every operation with valid requests']);
    assert.deepEqual(screen.slice(-2), ['  done in 1.23 s', '']);
    assert.ok(screen.every((line) => !line.startsWith('⠋') && !line.startsWith('⠙')));
  });

  test('an error goes to stderr after the progress line is cleared', () => {
    const console = attach({ isTTY: true });
    for (const event of RUN.slice(0, 3)) console.reporter.onEvent(event);
    console.reporter.onEvent({ type: 'tool-error', error: { code: 'CONF_INTERNAL', message: 'stopped' } });
    assert.equal(console.err(), 'error: stopped\n');
    assert.ok(console.out().endsWith(`\r${ESC}[2K${progressLine({ suite: 'smoke', step: 'list backups', requests: 0, frame: 0 }, 300, 80)}`));
    assert.ok(console.out().includes(`list backups · 0 requests · 0.2 s\r${ESC}[2K\r${ESC}[2K`), 'the line was not cleared before the error');
  });

  test('--quiet on a terminal draws no progress line', () => {
    assert.doesNotMatch(play({ isTTY: true, quiet: true }).out(), /\r|\u001b/);
  });

  test('colour marks the first line of a finding on a terminal only', () => {
    assert.ok(play({ isTTY: true, color: true }).out().includes(`${ESC}[1;31mlist-sorted-descending (GET /): violation`));
    assert.doesNotMatch(play({ isTTY: false, color: true }).out(), /\u001b/);
  });
});

test('control characters from the server cannot reach the terminal', () => {
  const hostile = { ...violation, received: `x${ESC}]0;pwned\u0007${ESC}[2J\ry` };
  const { out } = play({}, [
    { type: 'finding', finding: hostile },
    { type: 'progress', suite: 'smoke', message: `step${ESC}[1A` },
  ]);
  assert.doesNotMatch(out(), /[\u0000-\u0008\u000b-\u001f\u007f]/);
  assert.match(out(), /received x\uFFFD\]0;pwned\uFFFD\uFFFD\[2J\uFFFDy/);
});

test('the progress line never wraps: a long step is cut to the width', () => {
  const line = progressLine(
    { suite: 'stateful', step: 'get backup 18446744073709551615 and wait for it to complete or fail, again and again', requests: 1234, frame: 3 },
    75_500,
    60,
  );
  assert.ok([...line].length <= 59, line);
  assert.match(line, /^⠸ stateful · get backup 1844.*… · 1234 requests · 1 min 15 s$/);
});

test('the plan line says what will be taken, or that the run only reads', () => {
  const options = { isTTY: false, quiet: false, verbose: false };
  assert.equal(
    renderEvent({ type: 'plan', suites: ['smoke', 'stateful'], maxBackups: 40, readOnly: false, notChecked: [] }, options),
    'Suites: smoke, stateful; at most 40 backups will be taken (and deleted again)',
  );
  assert.equal(
    renderEvent({ type: 'plan', suites: ['smoke'], maxBackups: 1, readOnly: false, notChecked: [] }, { ...options, keepBackups: true }),
    'Suites: smoke; at most 1 backup will be taken (and deleted again: no, --keep-backups)',
  );
  assert.equal(
    renderEvent({ type: 'plan', suites: ['inventory'], maxBackups: 0, readOnly: true, notChecked: [] }, options),
    'Read-only: GET requests only; suites inventory',
  );
});
