import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveServerOptions, type ReferenceServerOptions } from '../../src/server/options.js';

describe('resolveServerOptions', () => {
  test('applies every default', () => {
    const config = resolveServerOptions();
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 0);
    assert.equal(config.basePath, '/actuator/backups');
    assert.equal(config.partitions, 3);
    assert.equal(config.brokers, 3);
    assert.equal(config.brokerVersion, '8.5.0');
    assert.equal(config.settleMs, 50);
    assert.equal(config.jitterMs, 20);
    assert.equal(config.startWindowMs, 30);
    assert.equal(config.latencyMs, 0);
    assert.equal(config.maxBodyBytes, 65536);
    assert.deepEqual(config.faults, []);
    assert.deepEqual(config.quirks, []);
    assert.deepEqual(config.seedBackups, []);
    assert.equal(config.now, Date.now);
    assert.equal(config.behaviour, undefined);
    assert.equal(config.intercept, undefined);
  });

  test('is frozen, nested lists included', () => {
    const config = resolveServerOptions({ faults: ['stuck'], seedBackups: [{ id: 1 }] });
    assert.ok(Object.isFrozen(config));
    for (const list of [config.topology, config.faults, config.quirks, config.seedBackups]) assert.ok(Object.isFrozen(list));
    assert.ok(Object.isFrozen(config.topology[0]));
  });

  test('leads partitions round-robin by the brokers', () => {
    assert.deepEqual(resolveServerOptions({ partitions: 4, brokers: 3 }).topology, [
      { partitionId: 1, brokerId: 0 },
      { partitionId: 2, brokerId: 1 },
      { partitionId: 3, brokerId: 2 },
      { partitionId: 4, brokerId: 0 },
    ]);
    assert.equal(resolveServerOptions({ partitions: 7 }).brokers, 7);
  });

  test('normalises the base path', () => {
    assert.equal(resolveServerOptions({ basePath: '/actuator/backupRuntime/' }).basePath, '/actuator/backupRuntime');
    assert.equal(resolveServerOptions({ basePath: '/' }).basePath, '');
  });

  test('sorts seeds by id and reads numbers and bigints alike', () => {
    const seeds = resolveServerOptions({ seedBackups: [{ id: 9n, state: 'FAILED' }, { id: 2 }] }).seedBackups;
    assert.deepEqual(seeds, [
      { id: 2n, state: 'COMPLETED' },
      { id: 9n, state: 'FAILED' },
    ]);
  });

  test('refuses invalid values with CONF_USAGE and a message naming them', () => {
    const bad: [ReferenceServerOptions, RegExp][] = [
      [{ partitions: 0 }, /partitions must be a whole number from 1/],
      [{ partitions: 2.5 }, /partitions/],
      [{ brokers: 0 }, /brokers/],
      [{ port: 70000 }, /port must be a whole number from 0 to 65535/],
      [{ settleMs: -1 }, /settleMs/],
      [{ latencyMs: 2 ** 31 }, /latencyMs/],
      [{ host: ' ' }, /host must be a non-empty string/],
      [{ basePath: 'actuator/backups' }, /basePath must be a path starting with '\/'/],
      [{ basePath: '/a b' }, /basePath/],
      [{ seedBackups: [{ id: 0 }] }, /Seed backup id 0 is invalid/],
      [{ seedBackups: [{ id: 2n ** 63n }] }, /Seed backup id 9223372036854775808 is invalid/],
      [{ seedBackups: [{ id: 1.5 }] }, /Seed backup id 1.5 is invalid/],
      [{ seedBackups: [{ id: 3 }, { id: 3n }] }, /given twice/],
      [{ seedBackups: [{ id: 3, state: 'DONE' as 'FAILED' }] }, /has state 'DONE'/],
    ];
    for (const [options, message] of bad) {
      assert.throws(
        () => resolveServerOptions(options),
        (error: Error & { code?: string }) => {
          assert.equal(error.name, 'ConformanceError');
          assert.equal(error.code, 'CONF_USAGE');
          assert.match(error.message, message);
          assert.equal(error.message.includes('\n'), false);
          return true;
        },
      );
    }
  });
});
