// Files written in the background (periodic checkpoints, roll-time snapshots and indexes): the event
// loop never waits on fsync, yet the result is what a synchronous write would leave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFileSystem, writeFileAtomically, writeFileAtomicallyInBackground, type FileSystem } from '../src/file-system';
import { makeBatch, openTestLog, tempDir } from './helpers';

const written = (path: string, data: string) =>
  new Promise<Error | null>((resolve) => writeFileAtomicallyInBackground(nodeFileSystem, path, data, resolve));

test('background writes of one path are serialized and coalesced; the newest content wins', async () => {
  const path = join(tempDir(), 'replication-offset-checkpoint');
  const done: Array<Promise<Error | null>> = [];
  for (let i = 0; i < 5; i++) done.push(written(path, `v${i}`));
  assert.equal(existsSync(path), false, 'nothing is renamed into place before its fsync');
  // the first write, then one more with the newest of the four queued behind it
  assert.deepEqual(await Promise.race([done[0]!, new Promise((r) => setTimeout(() => r('timeout'), 10_000))]), null);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(readFileSync(path, 'utf8'), 'v4');
  assert.deepEqual(readdirSync(join(path, '..')), ['replication-offset-checkpoint'], 'no .tmp left behind');
});

test('a synchronous write supersedes background writes still in flight or queued', async () => {
  const path = join(tempDir(), 'recovery-point-offset-checkpoint');
  const first = written(path, 'old');
  void written(path, 'queued');
  writeFileAtomically(nodeFileSystem, path, 'final'); // shutdown's checkpoint
  assert.equal(await first, null);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(readFileSync(path, 'utf8'), 'final');
});

test('a failed background fsync is reported and leaves the previous file in place', async () => {
  const path = join(tempDir(), 'log-start-offset-checkpoint');
  writeFileAtomically(nodeFileSystem, path, 'previous');
  const failing: FileSystem = {
    ...nodeFileSystem,
    fsync: ((fd: number, cb: (err: NodeJS.ErrnoException | null) => void) =>
      nodeFileSystem.fsync(fd, () => cb(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })))) as FileSystem['fsync'],
  };
  const err = await new Promise<Error | null>((resolve) => writeFileAtomicallyInBackground(failing, path, 'new', resolve));
  assert.match(String(err), /EIO/);
  assert.equal(readFileSync(path, 'utf8'), 'previous');
});

test('a roll writes the producer snapshot and the sealed indexes without waiting, and moves the recovery point once they are durable', async () => {
  const dir = join(tempDir(), 'topic-0');
  const { log } = openTestLog({ 'segment.bytes': '4096' }, { dir });
  for (let i = 0; i < 60; i++) await log.append(makeBatch(2, { start: 2 * i }));
  assert.ok(log.segments.length > 1, 'rolled');
  const sealed = log.segments[0]!;
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(log.recoveryPoint >= log.segments.at(-1)!.baseOffset, `recovery point ${log.recoveryPoint} moved to the active segment`);
  const files = readdirSync(dir);
  assert.ok(
    files.some((f) => f.endsWith('.snapshot')),
    'a producer snapshot at the roll',
  );
  assert.ok(!files.some((f) => f.endsWith('.tmp')));
  // the sealed segment's index was trimmed to its entries
  const index = join(dir, `${String(sealed.baseOffset).padStart(20, '0')}.index`);
  assert.ok(readFileSync(index).length < 10 * 1024 * 1024);
  await log.close();
});
