// Leader epochs on a real 3-broker tarn cluster (etcd, brokers in this process), each broker behind a
// proxy that records the consumer's requests as they went over the wire (consumer-epoch-support.ts).
//
// 1. Fenced epoch: the consumer's partition is paused while its leader changes twice (stopped, then
//    back by a preferred election), so the consumer resumes with a stale epoch and the real leader
//    answers FENCED_LEADER_EPOCH; it refreshes metadata, validates its position with
//    OffsetForLeaderEpoch and goes on — every record once, in order.
// 2. Truncation: a follower is stopped, records are appended at the leader alone and consumed, the
//    leader is stopped, and the follower (with its shorter log) comes back as leader through an unclean
//    election. A consumer that read past the divergence point moves back to it (auto.offset.reset=earliest
//    does not restart from 0); one with auto.offset.reset=none gets a LogTruncationError with the
//    divergent offset; a new group member restoring the committed position (and its committed epoch)
//    detects the truncation too.
// 3. Leaders move while a group member consumes three partitions and records keep coming (a broker
//    stopped, restarted, leadership moved back by a preferred election): every record once, in order
//    per partition, and each moved partition was validated with the new leader before fetching.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiKey, type FetchRequest, type ListOffsetsRequest, type OffsetForLeaderEpochRequest } from '@tarn/protocol';
import { Admin, Cluster, ErrorCode, LogTruncationError, Producer, type ConsumerRecord } from '../src/index';
import { SpiedCluster, consumer, kafkajsProducer, readUntil, sleep, values, waitForPartition } from './consumer-epoch-support';
import { onCleanup } from './helpers';
import { createTopic } from './producer-support';

test('a leader change while paused: the resumed fetch is fenced (FENCED_LEADER_EPOCH), the position is validated, every record once, in order', async () => {
  const tarn = await SpiedCluster.start(3);
  const bootstrap = tarn.bootstrap;
  const cluster = await Cluster.connect({ 'bootstrap.servers': bootstrap, 'client.id': 'epoch-test' });
  onCleanup(() => cluster.close());
  await createTopic(bootstrap, 'fenced', 1, { 'min.insync.replicas': '2' }, 3);
  const start = await waitForPartition(cluster, 'fenced', (p) => p.isr.length === 3 && p.leader > 0, 'the topic is fully replicated');
  tarn.topicIds.set(cluster.metadata.topics.get('fenced')!.topicId, 'fenced');
  const p = kafkajsProducer(bootstrap);
  await p.connect();
  const send = (from: number, n: number) =>
    p.send({ topic: 'fenced', acks: -1, messages: values('r', from, from + n).map((value) => ({ partition: 0, value })) });
  await send(0, 50);

  const tp = { topic: 'fenced', partition: 0 };
  const c = consumer(bootstrap, { 'auto.offset.reset': 'earliest', 'fetch.max.wait.ms': 100 });
  c.assign([tp]);
  const seen: ConsumerRecord<Buffer | null, string | null>[] = [];
  await readUntil(c, seen, 50);
  const consumedEpoch = seen.at(-1)!.leaderEpoch;
  assert.equal(consumedEpoch, start.leaderEpoch);
  c.pause([tp]);
  // the fetch in flight when it was paused is answered (fetch.max.wait.ms) before leadership moves
  for (let i = 0; i < 5; i++) await c.poll(100);

  // leadership moves away (controlled shutdown) and back (preferred election): same leader, newer epoch
  const leader = start.leader;
  await tarn.stop(leader);
  await waitForPartition(cluster, 'fenced', (x) => x.leader > 0 && x.leader !== leader, 'a new leader was elected');
  await send(50, 50);
  await tarn.startBroker(leader);
  await waitForPartition(cluster, 'fenced', (x) => x.isr.includes(leader), 'the old leader is back in the ISR');
  const admin = await Admin.connect({ 'bootstrap.servers': bootstrap });
  onCleanup(() => admin.close());
  let now = await waitForPartition(cluster, 'fenced', () => true, 'metadata');
  for (let deadline = Date.now() + 30_000; now.leader !== leader;) {
    assert.ok(Date.now() < deadline, 'the preferred replica leads again');
    await admin.electLeaders('PREFERRED', [tp]).catch(() => null);
    await sleep(200);
    now = await waitForPartition(cluster, 'fenced', () => true, 'metadata');
  }
  assert.ok(now.leaderEpoch >= start.leaderEpoch + 2, `epoch ${start.leaderEpoch} → ${now.leaderEpoch}`);
  await send(100, 50);

  const fetchesBefore = tarn.sent<FetchRequest>(ApiKey.Fetch).length;
  c.resume([tp]);
  await readUntil(c, seen, 150);
  assert.deepEqual(
    seen.map((r) => r.value),
    values('r', 0, 150),
  );
  assert.deepEqual(
    seen.map((r) => r.offset),
    Array.from({ length: 150 }, (_, i) => i),
  );

  // on the wire: the stale epoch was sent and fenced, then validation, then fetches at the new epoch
  const fetched = tarn.sent<FetchRequest>(ApiKey.Fetch).slice(fetchesBefore);
  const epochsSent = fetched.flatMap((f) => f.body.topics.flatMap((t) => t.partitions.map((x) => x.currentLeaderEpoch)));
  assert.ok(epochsSent.includes(start.leaderEpoch), `the resumed fetch carried the old epoch (sent ${[...new Set(epochsSent)]})`);
  assert.ok(epochsSent.includes(now.leaderEpoch), 'later fetches carry the new epoch');
  assert.ok(
    tarn.fetchAnswers.some((a) => a.topic === 'fenced' && a.node === leader && a.errorCode === ErrorCode.FENCED_LEADER_EPOCH),
    'the leader fenced the stale epoch',
  );
  const validations = tarn
    .sent<OffsetForLeaderEpochRequest>(ApiKey.OffsetForLeaderEpoch)
    .flatMap((r) => r.body.topics.flatMap((t) => t.partitions.map((x) => ({ node: r.node, replicaId: r.body.replicaId, ...x }))));
  assert.ok(
    validations.some(
      (v) => v.node === leader && v.replicaId === -1 && v.leaderEpoch === consumedEpoch && v.currentLeaderEpoch === now.leaderEpoch,
    ),
    `the position was validated with the new leader (${JSON.stringify(validations)})`,
  );
  const listOffsets = tarn.sent<ListOffsetsRequest>(ApiKey.ListOffsets).flatMap((r) => r.body.topics.flatMap((t) => t.partitions));
  assert.ok(
    listOffsets.length > 0 && listOffsets.every((x) => x.currentLeaderEpoch === start.leaderEpoch),
    'ListOffsets carries the leader epoch',
  );
});

test('unclean leader election truncates the log: consumers move back to the divergent offset, none raises LogTruncationError, a restored commit is validated too', async () => {
  const tarn = await SpiedCluster.start(3);
  const bootstrap = tarn.bootstrap;
  const cluster = await Cluster.connect({ 'bootstrap.servers': bootstrap, 'client.id': 'epoch-test' });
  onCleanup(() => cluster.close());
  await createTopic(bootstrap, 'unclean', 1, { 'unclean.leader.election.enable': 'true', 'min.insync.replicas': '1' }, 2);
  const start = await waitForPartition(cluster, 'unclean', (p) => p.isr.length === 2 && p.leader > 0, 'the topic is replicated');
  tarn.topicIds.set(cluster.metadata.topics.get('unclean')!.topicId, 'unclean');
  const oldLeader = start.leader;
  const follower = start.replicas.find((r) => r !== oldLeader)!;
  const p = kafkajsProducer(bootstrap);
  await p.connect();
  const send = (prefix: string, from: number, n: number, acks: number) =>
    p.send({ topic: 'unclean', acks, messages: values(prefix, from, from + n).map((value) => ({ partition: 0, value })) });
  await send('u', 0, 10, -1); // on both replicas

  const tp = { topic: 'unclean', partition: 0 };
  const earliestLogs: string[] = [];
  const earliest = consumer(bootstrap, { 'auto.offset.reset': 'earliest', 'group.id': 'unclean-group' }, earliestLogs);
  const none = consumer(bootstrap, { 'auto.offset.reset': 'none' });
  earliest.assign([tp]);
  none.assign([tp]);
  none.seek(tp, 0);
  const seenEarliest: ConsumerRecord<Buffer | null, string | null>[] = [];
  const seenNone: ConsumerRecord<Buffer | null, string | null>[] = [];
  await readUntil(earliest, seenEarliest, 10);
  await readUntil(none, seenNone, 10);

  // the follower stops; five records reach the leader alone, and both consumers read them
  await tarn.stop(follower);
  await waitForPartition(cluster, 'unclean', (x) => x.isr.length === 1, 'the ISR shrank to the leader');
  await send('u', 10, 5, 1);
  await readUntil(earliest, seenEarliest, 15);
  await readUntil(none, seenNone, 15);
  const epochBefore = seenEarliest.at(-1)!.leaderEpoch;
  await earliest.commitSync();
  const [committed] = await earliest.committed([tp]);
  assert.deepEqual([committed!.offset, committed!.leaderEpoch], [15, epochBefore]);

  // the leader stops; the follower, with ten records, returns and is elected uncleanly
  await tarn.stop(oldLeader);
  await tarn.startBroker(follower);
  const after = await waitForPartition(cluster, 'unclean', (x) => x.leader === follower, 'the follower was elected (unclean)');
  assert.ok(after.leaderEpoch > epochBefore);
  await send('n', 10, 5, 1); // offsets 10-14 again, other records

  // a consumer with a reset policy goes back to the first offset known to diverge, not to 0
  await readUntil(earliest, seenEarliest, 20);
  assert.deepEqual(
    seenEarliest.map((r) => r.value),
    [...values('u', 0, 15), ...values('n', 10, 15)],
  );
  assert.deepEqual(
    seenEarliest.slice(15).map((r) => r.offset),
    [10, 11, 12, 13, 14],
  );
  assert.ok(
    earliestLogs.some((l) =>
      l.startsWith(
        `Truncation detected for partition unclean-0 at offset {offset=15, offsetEpoch=${epochBefore}, currentLeaderEpoch=${after.leaderEpoch}}, resetting offset to the first offset known to diverge {offset=10, offsetEpoch=${epochBefore}}`,
      ),
    ),
    earliestLogs.join('\n'),
  );

  // auto.offset.reset=none: LogTruncationError with the position and the divergent offset
  let err: unknown = null;
  for (let deadline = Date.now() + 30_000; err === null;) {
    assert.ok(Date.now() < deadline, 'the truncation was reported');
    const r = await none.poll(200).catch((e: unknown) => ((err = e), null));
    assert.ok(r === null || r.isEmpty(), 'no record from the new leader before the truncation is handled');
  }
  assert.ok(err instanceof LogTruncationError, `got ${String(err)}`);
  assert.deepEqual(err.offsetOutOfRangePartitions, [{ ...tp, offset: 15 }]);
  assert.deepEqual(err.divergentOffsets, [{ ...tp, offset: 10, leaderEpoch: epochBefore }]);
  none.seek(tp, { offset: err.divergentOffsets[0]!.offset, leaderEpoch: err.divergentOffsets[0]!.leaderEpoch });
  await readUntil(none, seenNone, 20);
  assert.deepEqual(
    seenNone.slice(15).map((r) => r.value),
    values('n', 10, 15),
  );

  // a new member restores the committed position 15 with its epoch: validated, moved back to 10
  const restartLogs: string[] = [];
  const restarted = consumer(bootstrap, { 'auto.offset.reset': 'earliest', 'group.id': 'unclean-group' }, restartLogs);
  restarted.assign([tp]);
  const seenRestarted: ConsumerRecord<Buffer | null, string | null>[] = [];
  await readUntil(restarted, seenRestarted, 5);
  assert.deepEqual(
    seenRestarted.map((r) => [r.offset, r.value]),
    values('n', 10, 15).map((v, i) => [10 + i, v]),
  );
  assert.ok(
    restartLogs.some((l) => l.includes('first offset known to diverge {offset=10')),
    restartLogs.join('\n'),
  );
  const validations = tarn
    .sent<OffsetForLeaderEpochRequest>(ApiKey.OffsetForLeaderEpoch)
    .flatMap((r) => r.body.topics.flatMap((t) => t.partitions.map((x) => ({ node: r.node, replicaId: r.body.replicaId, ...x }))));
  assert.ok(
    validations.some(
      (v) => v.node === follower && v.replicaId === -1 && v.leaderEpoch === epochBefore && v.currentLeaderEpoch === after.leaderEpoch,
    ),
  );
});

test('leaders move (shutdown, restart, preferred election) while a group member consumes: every record once, in order per partition', async (t) => {
  const tarn = await SpiedCluster.start(3);
  const bootstrap = tarn.bootstrap;
  const cluster = await Cluster.connect({ 'bootstrap.servers': bootstrap, 'client.id': 'epoch-test' });
  onCleanup(() => cluster.close());
  await createTopic(bootstrap, 'moving', 3, { 'min.insync.replicas': '2' }, 3);
  for (let deadline = Date.now() + 20_000; ;) {
    const parts = (await cluster.refreshMetadata(['moving']))[0]?.partitions ?? [];
    if (parts.length === 3 && parts.every((x) => x.isr.length === 3 && x.leader > 0)) break;
    assert.ok(Date.now() < deadline, 'the followers joined the ISR');
    await sleep(100);
  }
  tarn.topicIds.set(cluster.metadata.topics.get('moving')!.topicId, 'moving');
  const before = cluster.metadata.topics.get('moving')!.partitions.map((x) => ({ ...x }));
  const producer = await Producer.create({
    'bootstrap.servers': bootstrap,
    'linger.ms': 2,
    'retry.backoff.ms': 50,
    'reconnect.backoff.ms': 50,
  });
  onCleanup(() => producer.close({ timeoutMs: 1000 }));

  const c = consumer(bootstrap, {
    'group.id': 'moving-group',
    'auto.offset.reset': 'earliest',
    'heartbeat.interval.ms': 200,
    'session.timeout.ms': 10_000,
    'fetch.max.wait.ms': 100,
    'max.poll.records': 50,
  });
  c.subscribe(['moving']);
  const seen: ConsumerRecord<Buffer | null, string | null>[] = [];
  let consuming = true;
  const loop = (async () => {
    while (consuming) seen.push(...(await c.poll(100)));
  })();

  const sent: Promise<unknown>[] = [];
  let next = 0;
  const produce = async (n: number) => {
    for (let i = 0; i < n; i++, next++) {
      sent.push(producer.send({ topic: 'moving', partition: next % 3, value: `m${next}` }));
      if (i % 50 === 49) await sleep(5);
    }
  };
  const consumed = async (n: number) => {
    for (const deadline = Date.now() + 30_000; seen.length < n;) {
      assert.ok(Date.now() < deadline, `consumed ${seen.length} of ${n}`);
      await sleep(50);
    }
  };
  await produce(300);
  await Promise.all(sent);
  await consumed(300); // every partition has a position with an epoch: a leader change must validate it
  const victim = before[0]!.leader;
  await tarn.stop(victim); // its leaderships move while records keep coming
  await produce(300);
  await tarn.startBroker(victim);
  await Promise.all(sent);
  await consumed(next);
  await waitForPartition(cluster, 'moving', (x) => x.isr.includes(victim), 'the stopped broker is back in the ISR');
  for (let deadline = Date.now() + 30_000; ;) {
    await produce(30);
    const results = await (await Admin.connect({ 'bootstrap.servers': bootstrap })).electLeaders('PREFERRED', null).catch(() => []);
    const parts = (await cluster.refreshMetadata(['moving']))[0]?.partitions ?? [];
    if (parts.length === 3 && parts.every((x, i) => x.leader === before[i]!.leader)) break;
    assert.ok(Date.now() < deadline, `leaders moved back (${JSON.stringify(results.map((r) => r.error?.name ?? 'ok'))})`);
    await sleep(200);
  }
  await produce(300);
  await Promise.all(sent);
  await consumed(next);
  consuming = false;
  await loop;

  const after = cluster.metadata.topics.get('moving')!.partitions;
  for (let part = 0; part < 3; part++) {
    const got = seen.filter((r) => r.partition === part);
    const expected = Array.from({ length: next }, (_, i) => i).filter((i) => i % 3 === part);
    assert.deepEqual(
      got.map((r) => r.value),
      expected.map((i) => `m${i}`),
      `partition ${part}: every record once, in order`,
    );
    assert.deepEqual(
      got.map((r) => r.offset),
      expected.map((_, i) => i),
    );
    assert.ok(after[part]!.leaderEpoch > before[part]!.leaderEpoch || before[part]!.leader !== victim);
  }
  // the partitions the victim led were validated with their new leaders (replica_id -1, current epoch sent)
  const validated = new Set(
    tarn
      .sent<OffsetForLeaderEpochRequest>(ApiKey.OffsetForLeaderEpoch)
      .filter((r) => r.body.replicaId === -1)
      .flatMap((r) => r.body.topics.flatMap((x) => x.partitions.filter((y) => y.currentLeaderEpoch >= 0).map((y) => y.partition))),
  );
  for (const moved of before.filter((x) => x.leader === victim))
    assert.ok(validated.has(moved.partition), `partition ${moved.partition} validated`);
  const fetchEpochs = tarn
    .sent<FetchRequest>(ApiKey.Fetch)
    .flatMap((r) => r.body.topics.flatMap((x) => x.partitions.map((y) => y.currentLeaderEpoch)));
  assert.ok(fetchEpochs.length > 0 && fetchEpochs.every((e) => e >= 0), 'every fetch carries the leader epoch');
  t.diagnostic(
    `epochs ${before.map((x) => x.leaderEpoch).join(',')} → ${after.map((x) => x.leaderEpoch).join(',')}; ` +
      `fenced/not-leader answers ${tarn.fetchAnswers.filter((a) => a.errorCode !== 0).length}, validations ${validated.size}`,
  );
});
