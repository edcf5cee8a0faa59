// Crash safety of the real broker process: SIGKILL it in the middle of an acks=1 load, restart it on
// the same log dir, and every acknowledged record is there, in order, exactly once; producing and
// consuming continue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApiKey,
  ErrorCode,
  FetchRequestTypes,
  MetadataRequestTypes,
  ProduceRequestTypes,
  buildRecordBatch,
  decodeRecordBatches,
  decodeResponse,
} from '@tarn/protocol';
import { freePort } from '../src/testing/etcd-server';
import { brokerCommand } from '../bin/node-options.mjs';
import { TestConnection, tempDir } from './helpers';

async function startProcess(port: number, logDir: string): Promise<ChildProcess> {
  const child = spawn(
    ...brokerCommand([
      '--override',
      `listeners=PLAINTEXT://127.0.0.1:${port}`,
      '--override',
      'admin.listeners=http://127.0.0.1:0',
      '--override',
      `log.dirs=${logDir}`,
      '--override',
      'log.level=warn',
    ]),
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  for (let i = 0; i < 200; i++) {
    try {
      const c = await TestConnection.open(port);
      c.close();
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error('broker process did not start');
}

function produceBody(values: string[]) {
  return {
    ...ProduceRequestTypes.defaultProduceRequest(),
    acks: 1,
    timeoutMs: 5000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name: 'crash',
        partitionData: [
          { ...ProduceRequestTypes.defaultPartitionProduceData(), index: 0, records: buildRecordBatch(values.map((v) => ({ value: v }))) },
        ],
      },
    ],
  };
}

async function readAll(port: number, from = 0): Promise<Array<{ offset: number; value: string }>> {
  const c = await TestConnection.open(port);
  const out: Array<{ offset: number; value: string }> = [];
  for (let offset = from; ;) {
    const res = await c.request(ApiKey.Fetch, 11, {
      ...FetchRequestTypes.defaultFetchRequest(),
      maxWaitMs: 0,
      minBytes: 0,
      maxBytes: 4 << 20,
      topics: [
        {
          ...FetchRequestTypes.defaultFetchTopic(),
          topic: 'crash',
          partitions: [
            { ...FetchRequestTypes.defaultFetchPartition(), partition: 0, fetchOffset: BigInt(offset), partitionMaxBytes: 4 << 20 },
          ],
        },
      ],
    });
    const p = res.responses[0]!.partitions[0]!;
    assert.equal(p.errorCode, ErrorCode.NONE);
    let progressed = false;
    try {
      for (const batch of decodeRecordBatches(p.records!)) {
        for (const r of batch.records) {
          if (r.offset < offset) continue;
          out.push({ offset: r.offset, value: r.value!.toString() });
          offset = r.offset + 1;
          progressed = true;
        }
      }
    } catch {
      // a partial batch at the end of the fetch: read on from where we are
    }
    if (!progressed) break;
  }
  c.close();
  return out;
}

test('SIGKILL mid-load: every acknowledged record survives, in order, once; clients carry on', async () => {
  const port = await freePort();
  const logDir = tempDir();
  let child = await startProcess(port, logDir);
  try {
    const setup = await TestConnection.open(port);
    await setup.request(ApiKey.Metadata, 9, {
      ...MetadataRequestTypes.defaultMetadataRequest(),
      topics: [{ ...MetadataRequestTypes.defaultMetadataRequestTopic(), name: 'crash' }],
    });
    setup.close();

    const acked = new Map<string, number>(); // value → offset
    const producer = await TestConnection.open(port);
    let n = 0;
    const inFlight: string[][] = [];
    const started = Date.now();
    // pipelined acks=1 load; the kill lands while requests are in flight
    while (Date.now() - started < 1500) {
      const values = Array.from({ length: 50 }, () => `record-${n++}`);
      producer.sendRequest(ApiKey.Produce, 7, produceBody(values));
      inFlight.push(values);
      if (inFlight.length >= 5) {
        const res = decodeResponse(ApiKey.Produce, 7, await producer.readFrame()).body;
        const part = res.responses[0]!.partitionResponses[0]!;
        assert.equal(part.errorCode, 0);
        const done = inFlight.shift()!;
        done.forEach((v, i) => acked.set(v, Number(part.baseOffset) + i));
      }
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    producer.close();
    assert.ok(acked.size > 1000, `${acked.size} records acknowledged before the kill`);

    child = await startProcess(port, logDir);
    const records = await readAll(port);
    // offsets are contiguous from 0, each value appears once
    assert.deepEqual(
      records.map((r) => r.offset),
      records.map((_, i) => i),
    );
    assert.equal(new Set(records.map((r) => r.value)).size, records.length, 'no duplicates');
    const stored = new Map(records.map((r) => [r.value, r.offset]));
    for (const [value, offset] of acked) assert.equal(stored.get(value), offset, `acknowledged ${value} at offset ${offset}`);
    // order: record-i before record-j for i < j
    const numbers = records.map((r) => Number(r.value.slice('record-'.length)));
    assert.deepEqual(
      numbers,
      [...numbers].sort((a, b) => a - b),
    );

    // producing and consuming continue after the restart
    const again = await TestConnection.open(port);
    const res = await again.request(ApiKey.Produce, 7, produceBody(['after-restart']));
    assert.equal(Number(res.responses[0]!.partitionResponses[0]!.baseOffset), records.length);
    again.close();
    const tail = await readAll(port, records.length);
    assert.deepEqual(tail, [{ offset: records.length, value: 'after-restart' }]);
  } finally {
    child.kill('SIGKILL');
  }
});

test('SIGTERM shuts down cleanly: answers in-flight requests, writes checkpoints and the clean-shutdown marker', async () => {
  const port = await freePort();
  const logDir = tempDir();
  const child = await startProcess(port, logDir);
  const c = await TestConnection.open(port);
  await c.request(ApiKey.Metadata, 9, {
    ...MetadataRequestTypes.defaultMetadataRequest(),
    topics: [{ ...MetadataRequestTypes.defaultMetadataRequestTopic(), name: 'crash' }],
  });
  for (let i = 0; i < 3; i++) await c.request(ApiKey.Produce, 7, produceBody([`term-${i}`]));
  // a long poll parked in the broker when the signal arrives still gets its answer
  const id = c.sendRequest(ApiKey.Fetch, 11, {
    ...FetchRequestTypes.defaultFetchRequest(),
    maxWaitMs: 2000,
    minBytes: 1,
    maxBytes: 1 << 20,
    topics: [
      {
        ...FetchRequestTypes.defaultFetchTopic(),
        topic: 'crash',
        partitions: [{ ...FetchRequestTypes.defaultFetchPartition(), partition: 0, fetchOffset: 3n, partitionMaxBytes: 1 << 20 }],
      },
    ],
  });
  await new Promise((r) => setTimeout(r, 200));
  child.kill('SIGTERM');
  const frame = await c.readFrame(10_000);
  assert.equal(frame.readInt32BE(0), id, 'the in-flight fetch is answered');
  const code = await new Promise((r) => child.once('exit', r));
  assert.equal(code, 0);
  assert.ok(existsSync(join(logDir, '.kafka_cleanshutdown')));
  assert.ok(existsSync(join(logDir, 'recovery-point-offset-checkpoint')));
  c.close();
  const again = await startProcess(port, logDir);
  try {
    assert.deepEqual(
      (await readAll(port)).map((r) => r.value),
      ['term-0', 'term-1', 'term-2'],
    );
  } finally {
    again.kill('SIGKILL');
  }
});
