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

  it('tells findings apart by check, operation and verdict, never by the values received; a second kind is a variant', () => {
    const log = new FindingLog();
    log.add(sighting(1));
    log.add(sighting(2, { operation: 'GET /' }));
    log.add(sighting(3, { verdict: 'inconclusive' }));
    log.add(sighting(4, { kind: 'lastUpdatedAt-before-createdAt-on-failed' }));
    log.add(sighting(5, { received: 'something else entirely' }));
    const all = log.all();
    assert.equal(all.length, 3);
    assert.deepEqual(all[0]?.variants, {
      count: 2,
      kinds: [
        { kind: 'lastUpdatedAt-before-createdAt', occurrences: 2 },
        { kind: 'lastUpdatedAt-before-createdAt-on-failed', occurrences: 1 },
      ],
    });
  });

  it('a rule broken in many ways on one operation is one finding that counts and names its variants', () => {
    const log = new FindingLog();
    const states = ['COMPLETED', 'FAILED', 'IN_PROGRESS', 'INCOMPLETE'];
    const fresh = states.flatMap((state, i) =>
      states.map((other, j) => log.add(sighting(10 * i + j, { checkId: 'backup-state-aggregated', kind: `${state}-where-${other}`, received: state }))),
    );
    assert.deepEqual(
      fresh.map((isNew) => isNew),
      [true, ...Array<boolean>(15).fill(false)],
    );
    const [finding, ...rest] = log.all();
    assert.deepEqual(rest, []);
    assert.equal(finding?.kind, 'COMPLETED-where-COMPLETED');
    assert.equal(finding?.variants?.count, 16);
    assert.match(
      formatFindingHeadline(finding!),
      /\(seen 16 times on 16 backups, in 16 variants, e\.g\. COMPLETED-where-COMPLETED, COMPLETED-where-FAILED, COMPLETED-where-IN_PROGRESS, …\)$/,
    );
  });

  it('a server wrong in one way gets that one way named, with no variants', () => {
    const log = new FindingLog();
    for (const id of [1, 2, 3]) log.add(sighting(id, { checkId: 'backup-state-aggregated', kind: 'IN_PROGRESS-where-COMPLETED' }));
    const [finding] = log.all();
    assert.equal(finding?.kind, 'IN_PROGRESS-where-COMPLETED');
    assert.equal(finding?.variants, undefined);
    assert.match(formatFindingHeadline(finding!), /\(seen 3 times on 3 backups\)$/);
  });

  it('a finding is in the baseline only when every variant seen was: one new way to break a known rule is new', () => {
    const log = new FindingLog();
    log.add(sighting(1, { inBaseline: true }));
    log.add(sighting(2, { inBaseline: true }));
    assert.equal(log.all()[0]?.inBaseline, true);
    log.add(sighting(3, { kind: 'lastUpdatedAt-before-createdAt-on-failed' }));
    assert.equal(log.all()[0]?.inBaseline, undefined);
  });

  it('without a kind, takes the expectation with its numbers blanked as the kind', () => {
    const log = new FindingLog();
    const noKind = (id: number): Finding => {
      const { kind: _kind, ...rest } = sighting(id, { checkId: 'deleted-backup-gone', expected: `backup ${id} gone after its 204` });
      return rest;
    };
    assert.equal(log.add(noKind(1037)), true);
    assert.equal(log.add(noKind(1041)), false);
    assert.equal(log.add({ ...noKind(1), expected: 'a different expectation' }), false);
    assert.deepEqual(
      log.all()[0]?.variants?.kinds.map((variant) => variant.kind),
      ['backup # gone after its #', 'a different expectation'],
    );
  });

  it('without a kind, takes a status received as the kind, whatever the wording of the expectation', () => {
    const log = new FindingLog();
    const unknown = (expected: string, received: string): Finding => {
      const { kind: _kind, ...rest } = sighting(1, { checkId: 'unknown-backup-not-found', expected, received });
      return rest;
    };
    assert.equal(log.add(unknown('404 for backup 2, never taken', '200')), true);
    assert.equal(log.add(unknown('404 for backup 21: no take of it was sent', '200 with state COMPLETED')), false);
    assert.equal(log.add(unknown('404 for backup 3, never taken', '500')), false);
    assert.deepEqual(log.all()[0]?.variants?.kinds, [
      { kind: 'status-200', occurrences: 2 },
      { kind: 'status-500', occurrences: 1 },
    ]);
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
      reproduction: {
        curl: ['curl -i -X POST …', 'curl -i -X POST …', 'curl -i -X GET …'],
        replay: { seed: 7, path: '3:0', commands: 'Take(+1), Take(+2), List' },
      },
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
