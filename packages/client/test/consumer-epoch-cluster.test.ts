// Leader epochs on a real 3-broker tarn cluster (etcd, brokers in this process). Each broker is
// reached through a small TCP proxy it advertises (advertised.listeners), which forwards every byte
// unchanged and decodes, for the consumer's client.id only, its Fetch / ListOffsets /
// OffsetForLeaderEpoch requests and the Fetch answers — so the tests see what went over the wire.
// Brokers keep their log directory across a restart, so a stopped follower comes back with the log it
// had (needed for a real divergence).
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
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { test } from 'node:test';
import { Broker } from '@tarn/broker';
import { freePort, startEtcd, type TestEtcd } from '@tarn/broker/testing';
import {
  ApiKey,
  decodeRequest,
  decodeRequestHeader,
  decodeResponse,
  type ApiKeyNumber,
  type FetchRequest,
  type ListOffsetsRequest,
  type OffsetForLeaderEpochRequest,
} from '@tarn/protocol';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import {
  Admin,
  Cluster,
  Consumer,
  ErrorCode,
  LogTruncationError,
  StringDeserializer,
  type ConsumerRecord,
  type PartitionMetadata,
} from '../src/index';
import { onCleanup, tempDir } from './helpers';
import { createTopic } from './producer-support';

const CONSUMER_CLIENT_ID = 'epoch-consumer';

interface Spied {
  node: number;
  apiKey: number;
  body: FetchRequest | ListOffsetsRequest | OffsetForLeaderEpochRequest;
}

interface FetchAnswer {
  node: number;
  topic: string;
  partition: number;
  errorCode: number;
}

class SpiedCluster {
  readonly brokers = new Map<number, Broker>();
  readonly requests: Spied[] = [];
  readonly fetchAnswers: FetchAnswer[] = [];
  private readonly logDirs = new Map<number, string>();
  private readonly listenPorts = new Map<number, number>();
  private readonly proxyPorts = new Map<number, number>();

  private constructor(private readonly etcd: TestEtcd) {}

  static async start(size: number): Promise<SpiedCluster> {
    const etcd = await startEtcd();
    onCleanup(() => etcd.stop());
    const c = new SpiedCluster(etcd);
    for (let id = 1; id <= size; id++) {
      c.listenPorts.set(id, await freePort());
      c.logDirs.set(id, tempDir(`tarn-epoch-${id}-`));
      const proxy = await c.proxy(id);
      c.proxyPorts.set(id, (proxy.address() as { port: number }).port);
    }
    await Promise.all([...c.listenPorts.keys()].map((id) => c.startBroker(id)));
    const first = c.brokers.get(1)!;
    for (let deadline = Date.now() + 20_000; first.liveBrokers().length < size || first.controllerId <= 0;) {
      assert.ok(Date.now() < deadline, 'the cluster formed');
      await sleep(50);
    }
    return c;
  }

  get bootstrap(): string {
    return [...this.proxyPorts.values()].map((p) => `127.0.0.1:${p}`).join(',');
  }

  async startBroker(id: number): Promise<void> {
    const b = new Broker({
      'node.id': String(id),
      listeners: `PLAINTEXT://127.0.0.1:${this.listenPorts.get(id)}`,
      'advertised.listeners': `PLAINTEXT://127.0.0.1:${this.proxyPorts.get(id)}`,
      'admin.listeners': 'http://127.0.0.1:0',
      'log.dirs': this.logDirs.get(id)!,
      'log.level': process.env.TARN_TEST_LOG_LEVEL ?? 'error',
      'metadata.store': 'etcd',
      'etcd.endpoints': this.etcd.endpoint,
      'broker.session.timeout.ms': '3000',
      'replica.lag.time.max.ms': '3000',
      'replica.fetch.wait.max.ms': '100',
      'default.replication.factor': '3',
      'offsets.topic.replication.factor': '3',
      'offsets.topic.num.partitions': '3',
      'group.initial.rebalance.delay.ms': '0',
      'admin.password': 'pw',
    });
    await b.start();
    this.brokers.set(id, b);
    onCleanup(async () => {
      if (this.brokers.get(id) === b) await this.stop(id);
    });
  }

  async stop(id: number): Promise<void> {
    const b = this.brokers.get(id)!;
    this.brokers.delete(id);
    await b.shutdown();
  }

  /** Forwards node `id`'s advertised port to its listener, recording the consumer's requests and Fetch answers. */
  private async proxy(id: number): Promise<Server> {
    const sockets = new Set<Socket>();
    const server = createServer((client) => {
      const upstream = connect(this.listenPorts.get(id)!, '127.0.0.1');
      sockets.add(client).add(upstream);
      const pending = new Map<number, { apiKey: ApiKeyNumber; version: number }>();
      let fromClient = Buffer.alloc(0);
      let fromBroker = Buffer.alloc(0);
      client.on('data', (d: Buffer) => {
        upstream.write(d);
        fromClient = Buffer.concat([fromClient, d]);
        while (fromClient.length >= 4 && fromClient.length >= 4 + fromClient.readInt32BE(0)) {
          const frame = fromClient.subarray(4, 4 + fromClient.readInt32BE(0));
          fromClient = fromClient.subarray(4 + frame.length);
          const apiKey = frame.readInt16BE(0);
          if (apiKey !== ApiKey.Fetch && apiKey !== ApiKey.ListOffsets && apiKey !== ApiKey.OffsetForLeaderEpoch) continue;
          if (decodeRequestHeader(frame).header.clientId !== CONSUMER_CLIENT_ID) continue;
          const r = decodeRequest(frame);
          this.requests.push({ node: id, apiKey, body: r.body as Spied['body'] });
          if (apiKey === ApiKey.Fetch) pending.set(r.correlationId, { apiKey: ApiKey.Fetch, version: r.apiVersion });
        }
      });
      upstream.on('data', (d: Buffer) => {
        client.write(d);
        fromBroker = Buffer.concat([fromBroker, d]);
        while (fromBroker.length >= 4 && fromBroker.length >= 4 + fromBroker.readInt32BE(0)) {
          const frame = fromBroker.subarray(4, 4 + fromBroker.readInt32BE(0));
          fromBroker = fromBroker.subarray(4 + frame.length);
          const asked = pending.get(frame.readInt32BE(0));
          if (asked === undefined) continue;
          pending.delete(frame.readInt32BE(0));
          const body = decodeResponse(ApiKey.Fetch, asked.version, frame).body;
          for (const t of body.responses)
            for (const p of t.partitions) {
              const topic = t.topic !== '' ? t.topic : this.topicName(t.topicId);
              this.fetchAnswers.push({ node: id, topic, partition: p.partitionIndex, errorCode: p.errorCode });
            }
        }
      });
      const close = (): void => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onCleanup(
      () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          server.close(() => resolve());
        }),
    );
    return server;
  }

  /** Topic ids (Fetch v13+) back to names, from any running broker's metadata. */
  readonly topicIds = new Map<string, string>();
  private topicName(id: string): string {
    return this.topicIds.get(id) ?? id;
  }

  /** Spied requests of one API from the consumer. */
  sent<T extends Spied['body']>(apiKey: number): { node: number; body: T }[] {
    return this.requests.filter((r) => r.apiKey === apiKey).map((r) => ({ node: r.node, body: r.body as T }));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The partition's state as the cluster's metadata says, once `ok` holds for it. */
async function waitForPartition(
  cluster: Cluster,
  topic: string,
  ok: (p: PartitionMetadata) => boolean,
  what: string,
): Promise<PartitionMetadata> {
  for (let deadline = Date.now() + 30_000; ;) {
    const t = await cluster.refreshMetadata([topic]).catch(() => []);
    const p = t[0]?.partitions[0];
    if (p !== undefined && ok(p)) return p;
    assert.ok(Date.now() < deadline, what);
    await sleep(100);
  }
}

function kafkajsProducer(bootstrap: string): Producer {
  const kjs = new Kafka({
    clientId: 'epoch-producer',
    brokers: bootstrap.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 30, initialRetryTime: 100 },
  });
  const p = kjs.producer();
  onCleanup(() => p.disconnect());
  return p;
}

function consumer(bootstrap: string, props: Record<string, string | number | boolean>, logs: string[] = []) {
  const c = new Consumer<Buffer | null, string | null>(
    {
      'bootstrap.servers': bootstrap,
      'client.id': CONSUMER_CLIENT_ID,
      'enable.auto.commit': false,
      'retry.backoff.ms': 50,
      'reconnect.backoff.ms': 50,
      'max.poll.records': 20,
      ...props,
    },
    { valueDeserializer: StringDeserializer, logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m) } },
  );
  onCleanup(() => c.close().catch(() => {}));
  return c;
}

async function readUntil(
  c: Consumer<Buffer | null, string | null>,
  seen: ConsumerRecord<Buffer | null, string | null>[],
  n: number,
): Promise<void> {
  for (const deadline = Date.now() + 30_000; seen.length < n;) {
    assert.ok(Date.now() < deadline, `read ${seen.length} of ${n}`);
    seen.push(...(await c.poll(200)));
  }
}

const values = (prefix: string, from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);

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
