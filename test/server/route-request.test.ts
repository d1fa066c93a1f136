import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { routeRequest } from '../../src/server/request/route-request.js';

describe('routeRequest', () => {
  test('finds the collection and items under the base path', () => {
    assert.deepEqual(routeRequest('/actuator/backups', '/actuator/backups'), { kind: 'collection' });
    assert.deepEqual(routeRequest('/actuator/backups', '/actuator/backups/'), { kind: 'collection' });
    assert.deepEqual(routeRequest('/actuator/backups', '/actuator/backups/12'), { kind: 'item', segment: '12' });
    assert.deepEqual(routeRequest('/actuator/backups', '/actuator/backups/%31'), { kind: 'item', segment: '%31' });
  });

  test('matches nothing else', () => {
    for (const path of ['/actuator', '/actuator/backupsx', '/actuator/backups/1/', '/actuator/backups/1/2', '//actuator/backups']) {
      assert.deepEqual(routeRequest('/actuator/backups', path), { kind: 'none' }, path);
    }
  });

  test('works at the root', () => {
    assert.deepEqual(routeRequest('', '/'), { kind: 'collection' });
    assert.deepEqual(routeRequest('', '/5'), { kind: 'item', segment: '5' });
    assert.deepEqual(routeRequest('', ''), { kind: 'collection' });
  });
});
