import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { inFlight } from '../../src/api/in-flight.js';

/** A piece of work that records how many calls were in flight with it, finishing in the order of `delays`. */
function tracked(delays: readonly number[]) {
  let current = 0;
  const started: number[] = [];
  const state = { most: 0, started };
  const work = async (item: number, index: number): Promise<string> => {
    started.push(index);
    current++;
    state.most = Math.max(state.most, current);
    await sleep(delays[index] ?? 0);
    current--;
    return `answer ${item}`;
  };
  return { work, state };
}

describe('inFlight (--concurrency)', () => {
  it('keeps at most the limit in flight, starts the items in order and resolves in their order whatever finishes first', async () => {
    const items = [10, 11, 12, 13, 14, 15, 16];
    // The first items take longest, so later ones finish before them.
    const { work, state } = tracked([30, 25, 20, 1, 1, 1, 1]);
    const results = await inFlight(items, 3, work);
    assert.deepEqual(
      results,
      items.map((item) => `answer ${item}`),
    );
    assert.equal(state.most, 3);
    assert.deepEqual(state.started, [0, 1, 2, 3, 4, 5, 6]);
  });

  it('sends one at a time with a limit of 1, and at most one call per item with a limit above the items', async () => {
    const one = tracked([1, 1, 1]);
    await inFlight([1, 2, 3], 1, one.work);
    assert.equal(one.state.most, 1);
    const wide = tracked([1, 1]);
    assert.deepEqual(await inFlight([1, 2], 16, wide.work), ['answer 1', 'answer 2']);
    assert.equal(wide.state.most, 2);
    assert.deepEqual(await inFlight([], 4, wide.work), []);
  });

  it('starts nothing once stopped: the calls in flight finish, and the items never started have no result', async () => {
    const stop = new AbortController();
    const started: number[] = [];
    const results = await inFlight(
      [0, 1, 2, 3, 4, 5, 6, 7],
      2,
      async (item) => {
        started.push(item);
        if (item === 3) stop.abort();
        await sleep(2);
        return item;
      },
      stop.signal,
    );
    assert.deepEqual(started, [0, 1, 2, 3]);
    assert.deepEqual(results, [0, 1, 2, 3, undefined, undefined, undefined, undefined]);
  });
});
