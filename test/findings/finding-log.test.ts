import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../src/findings/finding.js';
import { FindingLog } from '../../src/findings/finding-log.js';
import { formatFinding, formatFindingHeadline } from '../../src/findings/format-finding.js';

const GET_ONE = "curl -i -X GET -H 'accept: application/json' http://127.0.0.1:1/actuator/backups/7";

function sighting(backupId: number, overrides: Partial<Finding> = {}): Finding {
  return {
    checkId: 'timestamps-ordered',
    title: 'A partition is not updated before it was created',
    severity: 'medium',
    verdict: 'violation',
    operation: 'GET /{backupId}',
    kind: 'lastUpdatedAt-before-createdAt',
    backupId: String(backupId),
    expected: 'lastUpdatedAt at or after createdAt',
    received: `backup ${backupId}, partition 1: createdAt 2026-01-01T00:00:01Z, lastUpdatedAt 2026-01-01T00:00:00Z`,
    suite: 'inventory',
    reproduction: { curl: [GET_ONE.replace('/7', `/${backupId}`)] },
    ...overrides,
  };
}

describe('FindingLog', () => {
  it('keeps one finding per fault, counting sightings and the backups they were on', () => {
    const log = new FindingLog();
    const fresh = [1, 2, 3, 2, 1].map((id) => log.add(sighting(id)));
    assert.deepEqual(fresh, [true, false, false, false, false]);
    const [finding, ...rest] = log.all();
    assert.deepEqual(rest, []);
    assert.equal(finding?.occurrences, 5);
    assert.equal(finding?.backups, 3);
    assert.equal(finding?.backupId, undefined, 'a fault is not about one backup');
    assert.match(formatFindingHeadline(finding!), /\(seen 5 times on 3 backups\)$/);
    assert.match(formatFinding(finding!), /Seen: {5}seen 5 times on 3 backups/);
  });

  it('tells faults apart by check, operation, verdict and kind, never by the values received', () => {
    const log = new FindingLog();
    log.add(sighting(1));
    log.add(sighting(2, { operation: 'GET /' }));
    log.add(sighting(3, { verdict: 'inconclusive' }));
    log.add(sighting(4, { kind: 'lastUpdatedAt-before-createdAt-on-failed' }));
    log.add(sighting(5, { received: 'something else entirely' }));
    assert.equal(log.all().length, 4);
  });

  it('without a kind, takes the expectation with its numbers blanked as the kind', () => {
    const log = new FindingLog();
    const noKind = (id: number): Finding => {
      const { kind: _kind, ...rest } = sighting(id, { checkId: 'deleted-backup-gone', expected: `backup ${id} gone after its 204` });
      return rest;
    };
    assert.equal(log.add(noKind(1037)), true);
    assert.equal(log.add(noKind(1041)), false);
    assert.equal(log.add({ ...noKind(1), expected: 'a different expectation' }), true);
  });

  it('without a kind, takes a status received as the kind, whatever the wording of the expectation', () => {
    const log = new FindingLog();
    const unknown = (expected: string, received: string): Finding => {
      const { kind: _kind, ...rest } = sighting(1, { checkId: 'unknown-backup-not-found', expected, received });
      return rest;
    };
    assert.equal(log.add(unknown('404 for backup 2, never taken', '200')), true);
    assert.equal(log.add(unknown('404 for backup 21: no take of it was sent', '200 with state COMPLETED')), false);
    assert.equal(log.add(unknown('404 for backup 3, never taken', '500')), true);
  });

  it('lets a replayable shrunk sequence replace a single request, and keeps the first sighting as an example', () => {
    const log = new FindingLog();
    log.add(sighting(1, { checkId: 'list-sorted-descending', operation: 'GET /', kind: 'ascending-pair', suite: 'stateful' }));
    const shrunk = sighting(2, {
      checkId: 'list-sorted-descending',
      operation: 'GET /',
      kind: 'ascending-pair',
      suite: 'stateful',
      received: '1 then 2 at position 1',
      reproduction: { curl: ['curl -i -X POST …', 'curl -i -X POST …', 'curl -i -X GET …'], replay: { seed: 7, path: '3:0', commands: 'Take(+1), Take(+2), List' } },
    });
    log.add(shrunk);
    log.add(sighting(3, { checkId: 'list-sorted-descending', operation: 'GET /', kind: 'ascending-pair', suite: 'stateful' }));
    const [finding] = log.all();
    assert.deepEqual(finding?.reproduction, shrunk.reproduction);
    assert.equal(finding?.received, '1 then 2 at position 1');
    assert.equal(finding?.examples?.length, 2);
    assert.equal(finding?.examples?.[0]?.reproduction.replay, undefined, 'the first sighting');
    assert.equal(finding?.examples?.[1]?.reproduction.replay?.seed, 7, 'the best one');
  });

  it('prefers the shorter of two reproductions without replay', () => {
    const log = new FindingLog();
    log.add(sighting(1, { reproduction: { curl: ['a', 'b', 'c'] } }));
    log.add(sighting(2, { reproduction: { curl: ['d'] } }));
    log.add(sighting(3, { reproduction: { curl: ['e', 'f'] } }));
    assert.deepEqual(log.all()[0]?.reproduction.curl, ['d']);
  });
});
