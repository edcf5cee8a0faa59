// python3-confluent-kafka (librdkafka) against tarn: an idempotent producer with acks=all, made to
// retry by responses that never arrive, stores every message exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_PYTHON, run, startBroker } from './helpers';

const script = join(dirname(fileURLToPath(import.meta.url)), 'clients', 'confluent_idempotent.py');

test('an idempotent acks=all producer retrying after lost responses leaves no duplicates', async () => {
  const { port, broker } = await startBroker();
  await broker.topicAdmin.createTopic({ name: 'idempotent', numPartitions: 1, replicationFactor: 1 });
  // The first three produce requests are appended but their responses are lost (the connection
  // drops), so librdkafka resends the same batches with the same sequence numbers.
  broker.faults.dropProduceResponses = 3;
  const count = 2000;
  const result = await run(SYSTEM_PYTHON, [script, `127.0.0.1:${port}`, 'idempotent', String(count)], { timeoutMs: 120_000 });
  assert.equal(result.code, 0, result.stderr);
  const out = JSON.parse(result.stdout) as { unflushed: number; errors: string[]; acked: number; values: string[]; offsets: number[] };
  assert.equal(broker.faults.dropProduceResponses, 0, 'responses were dropped, forcing retries');
  assert.deepEqual(out.errors, []);
  assert.equal(out.unflushed, 0);
  assert.equal(out.acked, count);
  assert.equal(out.values.length, count, 'no message lost or duplicated');
  assert.deepEqual(
    out.values,
    Array.from({ length: count }, (_, i) => `message-${String(i).padStart(6, '0')}`),
  );
  assert.deepEqual(
    out.offsets,
    Array.from({ length: count }, (_, i) => i),
  );
  assert.equal(broker.replicaManager.getPartition('idempotent', 0)!.log.logEndOffset, count);
});
