// kcat (librdkafka) against tarn: produce and consume with each codec, and `kcat -L` metadata.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLogRecords } from '@tarn/storage';
import { compressionName } from '@tarn/protocol';
import { run, startBroker } from './helpers';

test('kcat produces and consumes gzip, snappy, lz4 and zstd batches; kcat -L shows the cluster', async () => {
  const { port, broker } = await startBroker();
  const brokers = `127.0.0.1:${port}`;
  const codecs = ['gzip', 'snappy', 'lz4', 'zstd'];
  for (const codec of codecs) {
    const topic = `kcat-${codec}`;
    const lines = Array.from({ length: 200 }, (_, i) => `key-${i}|${codec} value ${i} ${'x'.repeat(i % 50)}`);
    const produced = await run('kcat', ['-P', '-b', brokers, '-t', topic, '-K', '|', '-z', codec, '-X', 'linger.ms=50'], {
      input: lines.join('\n') + '\n',
    });
    assert.equal(produced.code, 0, produced.stderr);
    const consumed = await run('kcat', ['-C', '-b', brokers, '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%k|%s\n']);
    assert.equal(consumed.code, 0, consumed.stderr);
    assert.deepEqual(consumed.stdout.trimEnd().split('\n'), lines);
    // the batches are stored as kcat compressed them
    const log = broker.logManager.getLog(topic, 0)!;
    const stored = new Set([...readLogRecords(log, 0)].map((r) => compressionName(r.codec)));
    assert.ok(stored.has(codec as ReturnType<typeof compressionName>), `${topic} stores ${[...stored].join(',')}`);
  }
  const md = await run('kcat', ['-L', '-b', brokers, '-J']);
  assert.equal(md.code, 0, md.stderr);
  const json = JSON.parse(md.stdout) as {
    brokers: Array<{ id: number; name: string }>;
    topics: Array<{
      topic: string;
      partitions: Array<{ partition: number; leader: number; replicas: Array<{ id: number }>; isrs: Array<{ id: number }> }>;
    }>;
  };
  assert.deepEqual(
    json.brokers.map((b) => [b.id, b.name]),
    [[1, brokers]],
  );
  for (const codec of codecs) {
    const t = json.topics.find((x) => x.topic === `kcat-${codec}`);
    assert.ok(t, `kcat -L lists kcat-${codec}`);
    assert.deepEqual(
      t.partitions.map((p) => [p.partition, p.leader, p.replicas.map((r) => r.id), p.isrs.map((r) => r.id)]),
      [[0, 1, [1], [1]]],
    );
  }
});
