import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { removeCreatedBackups } from '../../suites/stateful/driver/remove-created-backups.js';
import { TakeLedger } from '../../suites/stateful/model/take-ledger.js';
import type { Observation } from '../../src/api/backup-api.js';

/** A ledger holding accepted takes of these ids. */
function ledgerOf(ids: readonly bigint[]): TakeLedger {
  const ledger = new TakeLedger(100);
  for (const id of ids) {
    ledger.sending(id);
    ledger.answered(id, { kind: 'accepted' });
  }
  return ledger;
}

/** A DELETE that answers 204 for the ids `deletes` says, and nothing (a timeout) for the others; it records what was sent. */
function fakeApi(deletes: (id: bigint, attempt: number) => boolean, onDelete?: () => void) {
  const sent: bigint[] = [];
  return {
    sent,
    delete: async (id: bigint): Promise<Observation<'delete'>> => {
      const attempt = sent.filter((earlier) => earlier === id).length + 1;
      sent.push(id);
      onDelete?.();
      return (deletes(id, attempt) ? { status: 204, answer: { kind: 'deleted' } } : { answer: { kind: 'unclear', why: 'no-answer' } }) as Observation<'delete'>;
    },
  };
}

describe('removeCreatedBackups', () => {
  it('after a run, deletes each backup once: one not confirmed is not sent again after the next runs', async () => {
    const ledger = ledgerOf([1n, 2n, 3n]);
    const api = fakeApi((id) => id !== 2n);
    await removeCreatedBackups(api, ledger);
    assert.deepEqual(api.sent, [1n, 2n, 3n]);
    assert.deepEqual(ledger.created, [2n]);
    ledger.sending(4n);
    ledger.answered(4n, { kind: 'accepted' });
    await removeCreatedBackups(api, ledger);
    await removeCreatedBackups(api, ledger);
    assert.deepEqual(api.sent, [1n, 2n, 3n, 4n], 'the unconfirmed delete of 2 was repeated after a run');
    assert.deepEqual(ledger.created, [2n]);
  });

  it('at the end of the suite, sends each unconfirmed delete once more, and deletes what no run cleaned up', async () => {
    const ledger = ledgerOf([1n, 2n, 3n]);
    const api = fakeApi((id, attempt) => id === 1n || (id === 2n && attempt === 2));
    await removeCreatedBackups(api, ledger);
    assert.deepEqual(ledger.created, [2n, 3n]);
    ledger.sending(9n);
    ledger.answered(9n, { kind: 'unclear', why: 'server-error' });
    await removeCreatedBackups(api, ledger, { retryUntil: new AbortController().signal });
    assert.deepEqual(api.sent, [1n, 2n, 3n, 2n, 3n, 9n]);
    assert.deepEqual(ledger.created, [3n, 9n], 'what is left is what the closing line names');
  });

  it('the end-of-suite pass starts no delete once its time is up', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => BigInt(100 + i));
    const ledger = ledgerOf(ids);
    const timeUp = new AbortController();
    // The time runs out while the sixth delete of the pass is being sent, four in flight.
    const api = fakeApi(
      () => false,
      () => {
        if (api.sent.length === 20 + 6) timeUp.abort();
      },
    );
    await removeCreatedBackups(api, ledger);
    assert.equal(api.sent.length, 20);
    await removeCreatedBackups(api, ledger, { retryUntil: timeUp.signal });
    assert.equal(api.sent.length, 20 + 6, 'the deletes in flight finish, and no other starts');
    assert.deepEqual(ledger.created, ids);
  });
});
