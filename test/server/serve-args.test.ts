import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { faultCatalog } from '../../src/server/behaviour/fault-catalog.js';
import { quirkCatalog } from '../../src/server/behaviour/quirk-catalog.js';
import { parseServeArgs, serveUsage } from '../../src/server/serve-args.js';

describe('parseServeArgs', () => {
  test("listens on Zeebe's management port by default and sets nothing else", () => {
    assert.deepEqual(parseServeArgs([]), { port: 9600 });
  });

  test('reads every flag', () => {
    const options = parseServeArgs([
      '--port',
      '0',
      '--host',
      '0.0.0.0',
      '--base-path',
      '/actuator/backupRuntime',
      '--partitions',
      '6',
      '--brokers',
      '2',
      '--broker-version',
      '8.7.8',
      '--settle-ms',
      '0',
      '--jitter-ms',
      '5',
      '--start-window-ms',
      '40',
      '--latency-ms',
      '12',
      '--fault',
      'partition-fails=3',
      '--fault',
      'slow',
      '--quirks',
      'zeebe-8.5',
    ]);
    assert.deepEqual(options, {
      port: 0,
      host: '0.0.0.0',
      basePath: '/actuator/backupRuntime',
      partitions: 6,
      brokers: 2,
      brokerVersion: '8.7.8',
      settleMs: 0,
      jitterMs: 5,
      startWindowMs: 40,
      latencyMs: 12,
      faults: ['partition-fails=3', 'slow'],
      quirks: 'zeebe-8.5',
    });
  });

  test('reads --flag=value and a comma-separated list of quirks', () => {
    assert.deepEqual(parseServeArgs(['--port=9700', '--quirks', 'list-unsorted, no-broker-id']), {
      port: 9700,
      quirks: ['list-unsorted', 'no-broker-id'],
    });
  });

  test('throws CONF_USAGE with one line saying what to fix', () => {
    const bad: [string[], RegExp][] = [
      [['--prot', '9600'], /Unknown flag '--prot'.*--help/],
      [['--port'], /--port needs a value, e.g. --port 9600/],
      [['--port', 'abc'], /--port needs a whole number, but got 'abc'/],
      [['--partitions', '-1'], /--partitions needs a whole number, but got '-1' \(e.g. --partitions 3\)/],
      [['--partitions=-1'], /--partitions needs a whole number, but got '-1' \(e.g. --partitions 3\)/],
      [['--settle-ms', '1.5'], /--settle-ms needs a whole number/],
      [['9600'], /Unexpected argument '9600'.*only flags/],
      [['--fault', 'fire'], /Unknown fault 'fire'.*Known faults: partition-fails/],
      [['--fault', 'partition-fails=9'], /partition id must be a whole number from 1 to 3/],
      [['--quirks', 'zeebe-9'], /Unknown quirk 'zeebe-9'.*zeebe-8\.5/],
      [['--partitions', '0'], /partitions must be a whole number from 1/],
      [['--port', '65536'], /port must be a whole number from 0 to 65535/],
      [['--base-path', 'backups'], /basePath must be a path starting with '\/'/],
    ];
    for (const [argv, message] of bad) {
      assert.throws(
        () => parseServeArgs(argv),
        (error: Error & { code?: string }) => {
          assert.equal(error.name, 'ConformanceError', argv.join(' '));
          assert.equal(error.code, 'CONF_USAGE');
          assert.match(error.message, message);
          assert.equal(error.message.includes('\n'), false);
          return true;
        },
      );
    }
  });
});

describe('serveUsage', () => {
  test('names every flag, fault and quirk', () => {
    const flags = [
      '--port',
      '--host',
      '--base-path',
      '--partitions',
      '--brokers',
      '--broker-version',
      '--settle-ms',
      '--jitter-ms',
      '--latency-ms',
      '--fault',
      '--quirks',
      '--start-window-ms',
    ];
    for (const flag of flags) assert.ok(serveUsage.includes(flag), flag);
    for (const fault of faultCatalog) assert.ok(serveUsage.includes(fault.name), fault.name);
    for (const quirk of quirkCatalog) assert.ok(serveUsage.includes(quirk.name), quirk.name);
    assert.ok(serveUsage.includes('zeebe-8.5'));
  });
});
