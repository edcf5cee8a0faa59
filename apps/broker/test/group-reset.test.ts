// Offset reset (the console's click-to-reset, kafka-consumer-groups --reset-offsets): with the group
// Empty, a dry-run plan changes nothing, and applying earliest / timestamp / duration / offset /
// shift makes the next kafkajs consumer start exactly there; with members active the reset is
// refused with Kafka's error (UNKNOWN_MEMBER_ID) and nothing changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode, KafkaError, buildRecordBatch } from '@tarn/protocol';
import { Kafka, logLevel } from 'kafkajs';
import { startBroker } from './helpers';
import { until } from './group-helpers';

const TOPIC = 'reset-t';
const GROUP = 'reset-g';
const PER_PARTITION = 10;

test('offset reset: plan, apply while Empty (next consumer starts there), refused while members are active', async () => {
  const { port, broker } = await startBroker();
  await broker.topicAdmin.createTopic({ name: TOPIC, numPartitions: 2, replicationFactor: 1 });
  const base = Date.now() - 100_000;
  for (const p of [0, 1]) {
    const batch = buildRecordBatch(
      Array.from({ length: PER_PARTITION }, (_, i) => ({ key: null, value: `p${p}-${i}`, timestamp: base + i * 1000 })),
    );
    await broker.replicaManager.leaderPartition(TOPIC, p).appendRecordsToLeader(batch, 1);
  }
  const kafka = new Kafka({ clientId: 'reset-test', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });

  /** Runs a consumer of the group to the end of both partitions; returns the first offset it got per partition. */
  const consumeToEnd = async (): Promise<Record<number, number | undefined>> => {
    const c = kafka.consumer({ groupId: GROUP, sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    const first: Record<number, number | undefined> = {};
    const last: Record<number, number> = {};
    await c.connect();
    await c.subscribe({ topic: TOPIC, fromBeginning: true });
    await c.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        first[partition] ??= Number(message.offset);
        last[partition] = Number(message.offset);
        await c.commitOffsets([{ topic: TOPIC, partition, offset: String(Number(message.offset) + 1) }]);
      },
    });
    const committed = () => broker.groupCoordinator.handleFetchOffsets(GROUP, false, null).partitions;
    await until(
      'consumed to the end',
      () =>
        committed().length === 2 &&
        committed().every((p) => p.data.offset === BigInt(PER_PARTITION)) &&
        broker.groupCoordinator.group(GROUP)?.is('Stable'),
    );
    await c.disconnect();
    return first;
  };
  const committedNow = () =>
    Object.fromEntries(
      broker.groupCoordinator.handleFetchOffsets(GROUP, false, null).partitions.map((p) => [p.tp.partition, Number(p.data.offset)]),
    );
  const reset = broker.insights.offsetReset;

  assert.deepEqual(await consumeToEnd(), { 0: 0, 1: 0 });
  assert.equal(broker.groupCoordinator.group(GROUP)!.state, 'Empty');

  // a dry run shows before/after and commits nothing
  const plan = reset.plan(GROUP, { kind: 'group' }, { kind: 'earliest' });
  assert.equal(plan.applicable, true);
  assert.deepEqual(
    plan.partitions.map((p) => [p.topic, p.partition, p.currentOffset, p.targetOffset, p.logStartOffset, p.logEndOffset]),
    [
      [TOPIC, 0, 10, 0, 0, 10],
      [TOPIC, 1, 10, 0, 0, 10],
    ],
  );
  assert.deepEqual(committedNow(), { 0: 10, 1: 10 });

  await reset.apply(GROUP, { kind: 'group' }, { kind: 'earliest' });
  assert.deepEqual(committedNow(), { 0: 0, 1: 0 });
  assert.deepEqual(await consumeToEnd(), { 0: 0, 1: 0 }, 'earliest');

  // the first record at or after base + 4.5 s is offset 5
  await reset.apply(GROUP, { kind: 'topics', topics: [TOPIC] }, { kind: 'timestamp', timestampMs: base + 4500 });
  assert.deepEqual(await consumeToEnd(), { 0: 5, 1: 5 }, 'to timestamp');

  // a duration back from now: 97.5 s ago is base + 2.5 s → offset 3
  await reset.apply(GROUP, { kind: 'group' }, { kind: 'duration', durationMs: Date.now() - (base + 2500) });
  assert.deepEqual(await consumeToEnd(), { 0: 3, 1: 3 }, 'by duration');

  // a specific offset on one partition; beyond the end is clamped to the end
  await reset.apply(GROUP, { kind: 'partitions', partitions: [{ topic: TOPIC, partition: 0 }] }, { kind: 'offset', offset: 7 });
  const beyond = reset.plan(GROUP, { kind: 'partitions', partitions: [{ topic: TOPIC, partition: 1 }] }, { kind: 'offset', offset: 1000 })
    .partitions[0]!;
  assert.deepEqual([beyond.targetOffset, beyond.error], [10, null]);
  assert.match(
    beyond.warning!,
    /beyond the end of reset-t-1 \(10\); it is reset to 10/,
    'clamped with a warning, as kafka-consumer-groups.sh does',
  );
  await reset.apply(GROUP, { kind: 'partitions', partitions: [{ topic: TOPIC, partition: 1 }] }, { kind: 'offset', offset: 1000 });
  assert.deepEqual(committedNow(), { 0: 7, 1: 10 });
  assert.deepEqual(await consumeToEnd(), { 0: 7 }, 'to offset (partition 1 is at its end)');

  // shift back by 4 from the committed 10; shifting below the start clamps to it
  await reset.apply(GROUP, { kind: 'group' }, { kind: 'shift', by: -4 });
  assert.deepEqual(committedNow(), { 0: 6, 1: 6 });
  assert.deepEqual(
    reset.plan(GROUP, { kind: 'group' }, { kind: 'shift', by: -100 }).partitions.map((p) => p.targetOffset),
    [0, 0],
  );
  assert.deepEqual(await consumeToEnd(), { 0: 6, 1: 6 }, 'shift by -4');

  // kafkajs' own admin reset (OffsetCommit with generation -1 and no member id) works while Empty
  const admin = kafka.admin();
  await admin.connect();
  await admin.setOffsets({
    groupId: GROUP,
    topic: TOPIC,
    partitions: [
      { partition: 0, offset: '2' },
      { partition: 1, offset: '4' },
    ],
  });
  assert.deepEqual(committedNow(), { 0: 2, 1: 4 });

  // with a member active: refused with Kafka's error, and nothing changes
  const active = kafka.consumer({ groupId: GROUP, sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
  await active.connect();
  await active.subscribe({ topic: TOPIC });
  let consumedWhileActive = 0;
  await active.run({ autoCommit: false, eachMessage: async () => void consumedWhileActive++ });
  await until('the group is Stable', () => broker.groupCoordinator.group(GROUP)?.is('Stable'));
  const refused = reset.plan(GROUP, { kind: 'group' }, { kind: 'earliest' });
  assert.equal(refused.applicable, false);
  assert.match(refused.reason!, /inactive, but the current state is Stable/);
  await assert.rejects(
    reset.apply(GROUP, { kind: 'group' }, { kind: 'earliest' }),
    (err: unknown) => err instanceof KafkaError && err.code === ErrorCode.UNKNOWN_MEMBER_ID,
  );
  const viaCoordinator = await broker.groupCoordinator.handleCommitOffsets(GROUP, '', null, -1, [
    {
      tp: { topic: TOPIC, partition: 0 },
      om: { offset: 0n, leaderEpoch: -1, metadata: '', commitTimestamp: Date.now(), expireTimestamp: null },
    },
  ]);
  assert.deepEqual([...viaCoordinator.values()], [ErrorCode.UNKNOWN_MEMBER_ID]);
  assert.deepEqual(committedNow(), { 0: 2, 1: 4 }, 'nothing changed');
  await active.disconnect();
  await admin.disconnect();
});
