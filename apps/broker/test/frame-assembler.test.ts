// FrameAssembler: frames come out whole and in order however the bytes are cut, buffers grow with
// the bytes received (never from the size prefix alone), and pooled frames go back to the pool.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FrameAssembler } from '../src/network/frame-assembler';
import { BufferPool } from '../src/network/buffer-pool';

function frameOf(apiKey: number, body: Buffer): Buffer {
  const f = Buffer.alloc(4 + 2 + body.length);
  f.writeInt32BE(2 + body.length, 0);
  f.writeInt16BE(apiKey, 4);
  body.copy(f, 6);
  return f;
}

test('frames come out whole and in order for any cutting of the stream, read through one reused buffer or in place', () => {
  let directReads = 0;
  const body = fc.oneof(fc.uint8Array({ maxLength: 5000 }), fc.uint8Array({ minLength: 16_000, maxLength: 90_000 }));
  fc.assert(
    fc.property(
      fc.array(fc.record({ apiKey: fc.constantFrom(0, 1, 3), body }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 20 }),
      (frames, cuts) => {
        const stream = Buffer.concat(frames.map((f) => frameOf(f.apiKey, Buffer.from(f.body))));
        const pool = new BufferPool();
        const got: Buffer[] = [];
        const assembler = new FrameAssembler(
          1 << 20,
          pool,
          (k) => k === 0,
          (frame, release) => {
            got.push(Buffer.from(frame)); // copy: a released buffer is reused
            release?.();
          },
          () => assert.fail('no invalid size here'),
        );
        // as the socket reader does: into the frame's own buffer when the assembler offers it
        const scratch = Buffer.alloc(64 * 1024);
        let pos = 0;
        for (let i = 0; pos < stream.length; i++) {
          const direct = assembler.direct();
          const target = direct ?? scratch;
          const n = Math.min(cuts[i % cuts.length]!, target.length, stream.length - pos);
          if (direct !== null) {
            stream.copy(direct, 0, pos, pos + n);
            assembler.advance(n);
            directReads++;
          } else {
            scratch.fill(0xee); // what the socket's shared buffer held before this read
            stream.copy(scratch, 0, pos, pos + n);
            assert.equal(assembler.push(scratch, 0, n), true);
          }
          pos += n;
        }
        assert.deepEqual(
          got,
          frames.map((f) => frameOf(f.apiKey, Buffer.from(f.body)).subarray(4)),
        );
      },
    ),
    { numRuns: 200 },
  );
  assert.ok(directReads > 0, 'some reads went straight into a frame');
});

test('a size prefix alone allocates nothing like the size announced; the buffer grows with what arrives', () => {
  let allocated = 0;
  const pool = new BufferPool();
  const acquire = pool.acquire.bind(pool);
  pool.acquire = (n) => {
    const b = acquire(n);
    allocated = Math.max(allocated, b.length);
    return b;
  };
  const frames: Buffer[] = [];
  const assembler = new FrameAssembler(
    100 << 20,
    pool,
    () => true,
    (f) => frames.push(f),
    () => assert.fail('valid size'),
  );
  const head = Buffer.alloc(6);
  head.writeInt32BE(90 << 20, 0); // announces 90 MiB of Produce
  assembler.push(head, 0, 6);
  assembler.push(Buffer.alloc(10), 0, 10);
  assert.ok(allocated <= 64 * 1024, `allocated ${allocated} bytes for 16 received`);
  let received = 16;
  const chunk = Buffer.alloc(64 * 1024);
  for (let i = 0; i < 40; i++) {
    assembler.push(chunk, 0, chunk.length);
    received += chunk.length;
    assert.ok(allocated <= 2 * received, `allocated ${allocated} for ${received} received`);
  }
  assert.equal(frames.length, 0);
});

test('a size of zero, a negative size or one beyond the limit stops the stream', () => {
  for (const size of [0, -1, 1025]) {
    let invalid: number | null = null;
    const assembler = new FrameAssembler(
      1024,
      new BufferPool(),
      () => false,
      () => assert.fail('no frame'),
      (s) => (invalid = s),
    );
    const b = Buffer.alloc(8);
    b.writeInt32BE(size, 0);
    assert.equal(assembler.push(b, 0, 8), false);
    assert.equal(invalid, size);
  }
});

test('pooled frames are reused once released, and only then', () => {
  const pool = new BufferPool();
  const seen: Array<{ frame: Buffer; release: (() => void) | null }> = [];
  const assembler = new FrameAssembler(
    1 << 20,
    pool,
    (k) => k === 0,
    (frame, release) => seen.push({ frame, release }),
    () => {},
  );
  const produce = frameOf(0, Buffer.alloc(5000, 1));
  const other = frameOf(3, Buffer.alloc(5000, 2));
  assembler.push(produce, 0, produce.length);
  assembler.push(produce, 0, produce.length);
  assembler.push(other, 0, other.length);
  assert.equal(seen[0]!.release === null, false);
  assert.equal(seen[2]!.release, null, 'a Metadata frame is never pooled');
  assert.notEqual(seen[0]!.frame.buffer, seen[1]!.frame.buffer, 'a frame still in use is not lent twice');
  seen[0]!.release!();
  assembler.push(produce, 0, produce.length);
  assert.equal(seen[3]!.frame.buffer, seen[0]!.frame.buffer, 'a released buffer is reused');
});
