// Fetch sessions (KIP-227) at the wire: a full fetch with epoch 0 opens a session; incremental
// fetches (the next epochs) name only what changed and are answered only with partitions that have
// news (records, a moved high watermark or log start); forgotten partitions leave the session;
// FETCH_SESSION_ID_NOT_FOUND and INVALID_FETCH_SESSION_EPOCH as Kafka answers them; epoch -1 closes
// a session; a full cache gives a slot to a more valuable session (more partitions) and none to a
// less valuable one; sessions by topic id (v13+) too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode, FetchRequestTypes, ProduceRequestTypes, buildRecordBatch } from '@tarn/protocol';
import { TestConnection, startBroker } from './helpers';

type Part = { partition: number; fetchOffset: number };

function fetch(
  c: TestConnection,
  sessionId: number,
  sessionEpoch: number,
  parts: Part[],
  options: { version?: number; topic?: string; topicId?: string; forget?: number[] } = {},
) {
  const { version = 12, topic = 'fs', topicId = 'AAAAAAAAAAAAAAAAAAAAAA', forget = [] } = options;
  return c.request(ApiKey.Fetch, version, {
    ...FetchRequestTypes.defaultFetchRequest(),
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 1 << 20,
    sessionId,
    sessionEpoch,
    topics:
      parts.length === 0
        ? []
        : [
            {
              ...FetchRequestTypes.defaultFetchTopic(),
              topic,
              topicId,
              partitions: parts.map((p) => ({
                ...FetchRequestTypes.defaultFetchPartition(),
                partition: p.partition,
                fetchOffset: BigInt(p.fetchOffset),
                partitionMaxBytes: 1 << 20,
              })),
            },
          ],
    forgottenTopicsData: forget.length === 0 ? [] : [{ topic, topicId, partitions: forget }],
  });
}

/** partition → [high watermark, bytes of records] of every partition in the answer */
function answered(res: Awaited<ReturnType<typeof fetch>>): Array<[number, number, number]> {
  return res.responses.flatMap((t) =>
    t.partitions.map((p): [number, number, number] => [p.partitionIndex, Number(p.highWatermark), p.records?.length ?? 0]),
  );
}

async function produce(c: TestConnection, partition: number, value: string): Promise<void> {
  const res = await c.request(ApiKey.Produce, 9, {
    ...ProduceRequestTypes.defaultProduceRequest(),
    acks: 1,
    timeoutMs: 5000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name: 'fs',
        partitionData: [{ ...ProduceRequestTypes.defaultPartitionProduceData(), index: partition, records: buildRecordBatch([{ value }]) }],
      },
    ],
  });
  assert.equal(res.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE);
}

test('a fetch session: full, incremental with only news, forgotten partitions, epochs, closing', async () => {
  const { port, broker } = await startBroker();
  await broker.topicAdmin.createTopic({ name: 'fs', numPartitions: 3, replicationFactor: 1 });
  const c = await TestConnection.open(port);
  await produce(c, 0, 'first');

  const full = await fetch(c, 0, 0, [
    { partition: 0, fetchOffset: 0 },
    { partition: 1, fetchOffset: 0 },
  ]);
  assert.equal(full.errorCode, ErrorCode.NONE);
  assert.ok(full.sessionId > 0, 'a session was created');
  const id = full.sessionId;
  assert.deepEqual(
    answered(full).map(([p, hw]) => [p, hw]),
    [
      [0, 1],
      [1, 0],
    ],
  );

  // nothing new: an empty answer; the client moved on to offset 1 on partition 0
  let inc = await fetch(c, id, 1, [{ partition: 0, fetchOffset: 1 }]);
  assert.deepEqual([inc.errorCode, inc.sessionId, answered(inc)], [ErrorCode.NONE, id, []]);

  // a record on partition 1: only partition 1 answers, with it, though the request named nothing
  await produce(c, 1, 'news');
  inc = await fetch(c, id, 2, []);
  assert.deepEqual(
    answered(inc).map(([p, hw]) => [p, hw]),
    [[1, 1]],
  );
  assert.ok(answered(inc)[0]![2] > 0, 'with its records');
  // the client moves on past it: nothing new
  inc = await fetch(c, id, 3, [{ partition: 1, fetchOffset: 1 }]);
  assert.deepEqual(answered(inc), []);

  // a new partition joins the session; a forgotten one leaves it
  await produce(c, 2, 'late');
  inc = await fetch(c, id, 4, [{ partition: 2, fetchOffset: 0 }], { forget: [0] });
  assert.deepEqual(
    answered(inc).map(([p, hw]) => [p, hw]),
    [[2, 1]],
  );
  await produce(c, 0, 'unseen');
  inc = await fetch(c, id, 5, [{ partition: 2, fetchOffset: 1 }]);
  assert.deepEqual(answered(inc), [], 'partition 0 was forgotten');

  // wrong epochs and ids
  assert.equal((await fetch(c, id, 5, [])).errorCode, ErrorCode.INVALID_FETCH_SESSION_EPOCH, 'an epoch already used');
  assert.equal((await fetch(c, id, 9, [])).errorCode, ErrorCode.INVALID_FETCH_SESSION_EPOCH);
  assert.equal((await fetch(c, 424242, 1, [])).errorCode, ErrorCode.FETCH_SESSION_ID_NOT_FOUND);
  assert.equal((await fetch(c, id, 6, [])).errorCode, ErrorCode.NONE, 'the session survives refused epochs');

  // epoch -1 closes it (and is answered in full, without a session)
  const closing = await fetch(c, id, -1, [{ partition: 0, fetchOffset: 0 }]);
  assert.deepEqual([closing.errorCode, closing.sessionId, answered(closing).length], [ErrorCode.NONE, 0, 1]);
  assert.equal((await fetch(c, id, 7, [])).errorCode, ErrorCode.FETCH_SESSION_ID_NOT_FOUND);
  // a sessionless fetch (id 0, epoch -1) never opens one
  assert.equal((await fetch(c, 0, -1, [{ partition: 0, fetchOffset: 0 }])).sessionId, 0);
  c.close();
});

test('fetch sessions by topic id (v13+), and a full cache: more partitions win a slot, fewer get none', async () => {
  const { port, broker } = await startBroker({ 'max.incremental.fetch.session.cache.slots': '1' });
  const t = await broker.topicAdmin.createTopic({ name: 'fs', numPartitions: 3, replicationFactor: 1 });
  const c = await TestConnection.open(port);
  const byId = { version: 13, topic: '', topicId: t.topicId };

  const small = await fetch(c, 0, 0, [{ partition: 0, fetchOffset: 0 }], byId);
  assert.ok(small.sessionId > 0);
  assert.equal(small.responses[0]!.topicId, t.topicId);
  // a name-based incremental fetch on a session by ids is refused
  assert.equal((await fetch(c, small.sessionId, 1, [])).errorCode, ErrorCode.FETCH_SESSION_TOPIC_ID_ERROR);
  await produce(c, 0, 'x');
  const inc = await fetch(c, small.sessionId, 1, [], byId);
  assert.deepEqual([inc.errorCode, inc.responses[0]?.topicId, answered(inc).map(([p]) => p)], [ErrorCode.NONE, t.topicId, [0]]);

  const big = await fetch(
    c,
    0,
    0,
    [0, 1, 2].map((partition) => ({ partition, fetchOffset: 0 })),
    byId,
  );
  assert.ok(big.sessionId > 0 && big.sessionId !== small.sessionId, 'the bigger session takes the only slot');
  assert.equal((await fetch(c, small.sessionId, 2, [], byId)).errorCode, ErrorCode.FETCH_SESSION_ID_NOT_FOUND, 'evicted');
  const another = await fetch(c, 0, 0, [{ partition: 1, fetchOffset: 0 }], byId);
  assert.deepEqual(
    [another.errorCode, another.sessionId, answered(another).length],
    [ErrorCode.NONE, 0, 1],
    'no slot: answered without a session',
  );
  c.close();
});
