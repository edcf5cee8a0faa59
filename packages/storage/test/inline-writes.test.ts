// When appends leave the event loop: not for one slow write (a busy machine preempts the loop in
// the middle of a write now and then), but for several within the window (a throttled or failing
// device), and then for the back-off period.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SLOW_WRITE_MS, SLOW_WRITES, inlineWriteTook, inlineWritesNow } from '../src/inline-writes';

test('appends go to the thread pool after repeated slow inline writes, not after one', () => {
  assert.equal(inlineWritesNow(), true);
  for (let i = 0; i < 100; i++) assert.equal(inlineWriteTook(0.05), false, 'fast writes change nothing');
  for (let i = 1; i < SLOW_WRITES; i++) {
    assert.equal(inlineWriteTook(SLOW_WRITE_MS + 1), false);
    assert.equal(inlineWritesNow(), true, `still inline after ${i} slow write(s)`);
  }
  assert.equal(inlineWriteTook(SLOW_WRITE_MS + 1), true, 'the caller logs the switch once');
  assert.equal(inlineWritesNow(), false);
});
