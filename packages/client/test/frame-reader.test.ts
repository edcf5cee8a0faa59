// The follower's frame reader on a real socket: frames arrive whole however the bytes are split
// (one byte at a time, several frames in one write, a multi-MiB frame), and a size prefix beyond
// the limit is refused instead of allocated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, createServer, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { FrameReader } from '../src/network/frame-reader';

function frame(body: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

/** Serves `send(socket)` to one client reading with a FrameReader; resolves with what it read. */
async function exchange(
  send: (s: Socket) => Promise<void>,
  expected: number,
  maxFrameBytes = 64 << 20,
): Promise<{ frames: Buffer[]; error: Error | null }> {
  const server = createServer((s) => void send(s).then(() => s.end()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const frames: Buffer[] = [];
  let error: Error | null = null;
  let socket: Socket | undefined;
  await new Promise<void>((resolve) => {
    const reader = new FrameReader(
      (f) => {
        frames.push(f);
        if (frames.length === expected) resolve();
      },
      maxFrameBytes,
      (err) => {
        error = err;
        resolve();
      },
    );
    socket = connect({ host: '127.0.0.1', port, onread: { buffer: () => reader.next(), callback: (n: number) => reader.onRead(n) } });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
  socket?.destroy();
  server.close();
  return { frames, error };
}

test('frames arrive whole however the bytes are split', async () => {
  const bodies = [Buffer.from('hello'), Buffer.alloc(0), randomBytes(5 << 20), Buffer.from('after the big one')];
  const wire = Buffer.concat(bodies.map(frame));

  // all at once
  const whole = await exchange(async (s) => void s.write(wire), bodies.length);
  assert.deepEqual(
    whole.frames.map((f) => f.toString('hex')),
    bodies.map((b) => b.toString('hex')),
  );

  // the first 200 bytes one at a time (size prefixes split too), then the rest in odd pieces
  const split = await exchange(async (s) => {
    for (let i = 0; i < 200; i++) {
      s.write(wire.subarray(i, i + 1));
      if (i % 20 === 0) await new Promise((r) => setImmediate(r));
    }
    for (let pos = 200; pos < wire.length; pos += 77_777) s.write(wire.subarray(pos, pos + 77_777));
  }, bodies.length);
  assert.deepEqual(
    split.frames.map((f) => f.toString('hex')),
    bodies.map((b) => b.toString('hex')),
  );
  assert.equal(split.error, null);
});

test('a size prefix beyond the limit is refused, not allocated', async () => {
  const bad = Buffer.alloc(4);
  bad.writeInt32BE(2_000_000_000);
  const res = await exchange(async (s) => void s.write(bad), 1, 1 << 20);
  assert.deepEqual(res.frames, []);
  assert.match(String(res.error), /frame of 2000000000 bytes \(at most 1048576 expected\)/);
  const negative = Buffer.alloc(4);
  negative.writeInt32BE(-5);
  assert.match(String((await exchange(async (s) => void s.write(negative), 1)).error), /frame of -5 bytes/);
});
