// An old-protocol client (kafka-python pinned to Kafka 0.10.1: Produce v2 with magic 1 message
// sets, Fetch v3 expecting magic 1) works against tarn: its messages are up-converted on the way in
// and down-converted on the way out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLogRecords } from '@tarn/storage';
import { SYSTEM_PYTHON, run, startBroker } from './helpers';

const script = join(dirname(fileURLToPath(import.meta.url)), 'clients', 'kafka_python_legacy.py');

for (const codec of ['none', 'gzip', 'snappy', 'lz4']) {
  test(`kafka-python with the 0.10.1 protocol, ${codec}: up-converted on produce, down-converted on fetch`, async () => {
    const { port, broker } = await startBroker();
    const topic = `legacy-${codec}`;
    await broker.topicAdmin.createTopic({ name: topic, numPartitions: 1, replicationFactor: 1 });
    const versions = new Set<string>();
    broker.dispatcher.observe((apiKey, apiVersion) => versions.add(`${apiKey}v${apiVersion}`));
    const count = 60;
    const result = await run(SYSTEM_PYTHON, [script, `127.0.0.1:${port}`, topic, String(count), codec], { timeoutMs: 60_000 });
    assert.equal(result.code, 0, result.stderr);
    const out = JSON.parse(result.stdout) as { offsets: number[]; records: Array<[number, string, string, number]> };
    assert.deepEqual(
      out.offsets,
      Array.from({ length: count }, (_, i) => i),
    );
    assert.deepEqual(
      out.records,
      Array.from({ length: count }, (_, i) => [i, `k${i}`, `legacy-${i}`, 1_700_000_000_000 + i]),
    );
    assert.ok(versions.has('0v2'), `Produce v2 was used (${[...versions].join(' ')})`);
    assert.ok(versions.has('1v3'), 'Fetch v3 was used');
    // stored as record batch v2, with the client's codec
    const stored = [...readLogRecords(broker.logManager.getLog(topic, 0)!, 0)];
    assert.equal(stored.length, count);
    assert.ok(stored.every((r) => r.magic === 2));
    const codecs = new Set(stored.map((r) => r.codec));
    assert.deepEqual([...codecs], [{ none: 0, gzip: 1, snappy: 2, lz4: 3 }[codec]]);
  });
}
