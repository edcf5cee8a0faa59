// buffer.memory's waiting sends: granted in arrival order however many wait, and failed after
// max.block.ms with a TimeoutError while those behind them still get room.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferMemory } from '../src/producer/buffer-memory';
import { TimeoutError } from '../src/errors';

test('200,000 waiting sends are granted in arrival order as memory frees', async () => {
  const memory = new BufferMemory(10);
  assert.equal(memory.tryReserve(10), true);
  const order: number[] = [];
  const waits = Array.from({ length: 200_000 }, (_, i) => memory.reserve(1, 60_000).then(() => order.push(i)));
  assert.equal(memory.waiting, 200_000);
  for (let i = 0; i < 200_000; i++) memory.release(1);
  await Promise.all(waits);
  assert.equal(memory.waiting, 0);
  assert.ok(
    order.every((v, i) => v === i),
    'first come, first served',
  );
  assert.equal(memory.usedBytes, 10);
});

test('a wait past max.block.ms fails with a TimeoutError; a later one still gets room', async () => {
  const memory = new BufferMemory(10);
  memory.tryReserve(10);
  const early = memory.reserve(5, 20);
  const late = memory.reserve(5, 60_000);
  await assert.rejects(early, (err) => err instanceof TimeoutError);
  assert.equal(memory.waiting, 1);
  memory.release(5);
  await late;
  assert.equal(memory.waiting, 0);
});
