// What the real-client transaction tests share (txn-clients-*.test.ts): the broker they run
// against, the committed and aborted transactions each client writes, how a consumer's view of them
// is checked per partition, and the suite of tests for node-rdkafka's API (node-rdkafka and
// @confluentinc/kafka-javascript; one client per test file, as in librdkafka-suite.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Broker } from '../src/index';
import { TransactionState } from '../src/transaction/transaction-state';
import { startBroker, type TestBroker } from './helpers';
import type {
  LibrdkafkaError,
  RdkafkaClient,
  RdkafkaConfig,
  RdkafkaConsumer,
  RdkafkaMessage,
  RdkafkaModule,
  RdkafkaProducer,
  RdkafkaTopicPartitionOffset,
} from './native-clients';
import { committedOffsets, eventually, within } from './real-client-helpers';
import { isControl, isTransactional } from '@tarn/protocol';
import { readLogRecords } from '@tarn/storage';

/** Few partitions for the internal topics (a fast start); timed-out transactions aborted within half a second. */
export const TXN_BROKER: Record<string, string> = {
  'transaction.state.log.num.partitions': '3',
  'offsets.topic.num.partitions': '3',
  'transaction.abort.timed.out.transaction.cleanup.interval.ms': '500',
};

const TEST_TIMEOUT = 90_000;
/** librdkafka's RD_KAFKA_RESP_ERR__FENCED: what a fenced producer's calls fail with (fatal). */
export const FENCED = -144;
/** What the broker answers a fenced producer's EndTxn: librdkafka sends EndTxn v1, before PRODUCER_FENCED (v2). */
export const FENCED_ANSWER = 'INVALID_PRODUCER_EPOCH';

export interface TxnRecord {
  partition: number;
  key: string | null;
  value: string;
}

export interface PlannedTxn {
  commit: boolean;
  records: TxnRecord[];
}

/**
 * Six transactions over `partitions` partitions, committed and aborted interleaved: each writes to
 * a different mix of partitions (one to a single partition), some records without a key.
 */
export function txnPlan(label: string, partitions: number): PlannedTxn[] {
  const outcomes = [true, false, true, true, false, true];
  return outcomes.map((commit, t) => {
    const count = t === 3 ? 3 : 4 + t;
    return {
      commit,
      records: Array.from({ length: count }, (_, i) => ({
        partition: t === 3 ? 1 % partitions : (i + t) % partitions,
        key: i % 3 === 2 ? null : `${label}-k${t}-${i}`,
        value: `${label}-t${t}-${commit ? 'committed' : 'aborted'}-${i}`,
      })),
    };
  });
}

export const committedRecords = (plan: PlannedTxn[]): TxnRecord[] => plan.filter((t) => t.commit).flatMap((t) => t.records);
export const allRecords = (plan: PlannedTxn[]): TxnRecord[] => plan.flatMap((t) => t.records);

/** The input of consume-transform-produce: `count` keyed records over `partitions` partitions. */
export function transformInput(count: number, partitions: number): TxnRecord[] {
  return Array.from({ length: count }, (_, i) => ({ partition: i % partitions, key: `k${i}`, value: `input-${i}` }));
}

/** What the transformation makes of the input: the value upper-cased, to the same partition, same key. */
export const transformed = (input: TxnRecord[]): TxnRecord[] => input.map((r) => ({ ...r, value: r.value.toUpperCase() }));

/**
 * The group's committed offsets (as the client read them back, and as the broker's coordinator has
 * them) are the end of the input: past its last record, at most the log end offset (a consumer's
 * position moves past the commit marker only once it has read it).
 */
export function assertInputConsumed(
  broker: Broker,
  topic: string,
  group: string,
  fromClient: Map<number, number>,
  partitions: number,
): void {
  const atBroker = committedOffsets(broker, group, topic);
  for (let p = 0; p < partitions; p++) {
    const log = broker.logManager.getLog(topic, p)!;
    const lastData = Math.max(
      ...[...readLogRecords(log, 0)].filter((r) => r.batch !== null && !isControl(r.batch.attributes)).map((r) => r.offset),
    );
    const committed = atBroker.get(p);
    assert.ok(
      committed !== undefined && committed > lastData && committed <= log.logEndOffset,
      `${group} committed ${committed} for ${topic}-${p}: expected past ${lastData}, at most ${log.logEndOffset}`,
    );
    assert.equal(fromClient.get(p), committed, `the client reads back the coordinator's offset for ${topic}-${p}`);
  }
}

/** A consumed record: partition, offset, key, value. */
export type Consumed = [number, number, string | null, string];

/** Per partition: exactly the expected records (keys and values), in order, once, at increasing offsets. */
export function assertPerPartition(got: Consumed[], expected: TxnRecord[], partitions: number, what: string): void {
  assert.equal(got.length, expected.length, `${what}: ${got.length} records, expected ${expected.length}`);
  for (let p = 0; p < partitions; p++) {
    const mine = got.filter((r) => r[0] === p);
    assert.deepEqual(
      mine.map((r) => [r[2], r[3]]),
      expected.filter((r) => r.partition === p).map((r) => [r.key, r.value]),
      `${what}: partition ${p}`,
    );
    const offsets = mine.map((r) => r[1]);
    assert.deepEqual(
      offsets,
      [...offsets].sort((a, b) => a - b),
      `${what}: partition ${p} in offset order`,
    );
    assert.equal(new Set(offsets).size, offsets.length, `${what}: partition ${p} each offset once`);
  }
}

/**
 * The partition's log as stored: every offset from 0 to the log end offset holds one record (a
 * data record of a transactional batch, or a marker), and how many COMMIT and ABORT markers there are.
 */
export function markersIn(broker: Broker, topic: string, partition: number): { commit: number; abort: number } {
  const log = broker.logManager.getLog(topic, partition);
  if (log === undefined) throw new Error(`no log for ${topic}-${partition}`);
  const counts = { commit: 0, abort: 0 };
  const stored = [...readLogRecords(log, 0)];
  assert.deepEqual(
    stored.map((r) => r.offset),
    Array.from({ length: log.logEndOffset }, (_, i) => i),
    `${topic}-${partition}: one record at each offset below the log end offset`,
  );
  for (const r of stored) {
    assert.ok(r.batch !== null && isTransactional(r.batch.attributes), `${topic}-${partition}: offset ${r.offset} is transactional`);
    if (!isControl(r.batch.attributes)) continue;
    // a control record's key: version (int16), type (int16: 0 abort, 1 commit)
    if (r.key?.readInt16BE(2) === 1) counts.commit++;
    else counts.abort++;
  }
  return counts;
}

// ---- the suite for node-rdkafka's API (node-rdkafka, and @confluentinc/kafka-javascript's top-level exports) ----

interface TxnError extends LibrdkafkaError {
  isFatal?: boolean;
}
type Done = (err: TxnError | null | undefined) => void;

interface TxnProducer extends RdkafkaProducer {
  initTransactions(timeoutMs: number, cb: Done): void;
  beginTransaction(cb: Done): void;
  commitTransaction(timeoutMs: number, cb: Done): void;
  abortTransaction(timeoutMs: number, cb: Done): void;
  sendOffsetsToTransaction(offsets: RdkafkaTopicPartitionOffset[], consumer: RdkafkaConsumer, timeoutMs: number, cb: Done): void;
}

interface TxnConsumer extends RdkafkaConsumer {
  position(): RdkafkaTopicPartitionOffset[];
}

const CALL_TIMEOUT_MS = 30_000;

/** A librdkafka call with a callback, as a promise rejecting with the client's error object. */
function call(what: string, f: (cb: Done) => void): Promise<void> {
  return within(CALL_TIMEOUT_MS + 5000, what, new Promise<void>((resolve, reject) => f((err) => (err ? reject(err) : resolve()))));
}

/** The error a call fails with (null when it succeeds). */
const failure = (what: string, f: (cb: Done) => void): Promise<TxnError | null> =>
  call(what, f).then(
    () => null,
    (err: TxnError) => err,
  );

/** The clients of one test: created connected, their errors recorded, all disconnected at the end. */
class TxnClients {
  readonly errors: string[] = [];
  private readonly open: RdkafkaClient[] = [];
  readonly deliveryErrors: string[] = [];
  delivered = 0;
  /** librdkafka's transaction log (debug=eos) of the producers expected to be fenced. */
  readonly eosLog: string[] = [];
  constructor(
    private readonly kafka: RdkafkaModule,
    private readonly tb: TestBroker,
  ) {}

  private async connect<T extends RdkafkaClient>(client: T, name: string, watchErrors: boolean): Promise<T> {
    if (watchErrors) client.on('event.error', (err) => this.errors.push(`${name}: ${err.code} ${err.message}`));
    client.on('event.log', (log) => {
      if (process.env.TARN_TEST_CLIENT_DEBUG) console.error(`[${name}] ${log.fac} ${log.message}`);
      else this.eosLog.push(`[${name}] ${log.fac} ${log.message}`);
    });
    this.open.push(client);
    await within(
      20_000,
      `${name} connecting`,
      new Promise<void>((resolve, reject) => client.connect({ timeout: 15_000 }, (err) => (err ? reject(err) : resolve()))),
    );
    return client;
  }

  private conf(clientId: string, extra: RdkafkaConfig): RdkafkaConfig {
    const conf: RdkafkaConfig = { 'bootstrap.servers': `127.0.0.1:${this.tb.port}`, 'client.id': clientId, ...extra };
    if (process.env.TARN_TEST_CLIENT_DEBUG) conf.debug = process.env.TARN_TEST_CLIENT_DEBUG;
    return conf;
  }

  /** What the broker answered the fenced producers' EndTxn, as their log says ("EndTxn returned X"). */
  endTxnAnswers(): string[] {
    return this.eosLog.flatMap((l) => /EndTxn returned (\w+)/.exec(l)?.[1] ?? []);
  }

  /** A transactional producer, transactions initialised; `fenced`: it is expected to report a fatal error. */
  async producer(transactionalId: string, extra: RdkafkaConfig = {}, fenced = false): Promise<TxnProducer> {
    const conf = this.conf(transactionalId, { 'transactional.id': transactionalId, dr_cb: true, 'linger.ms': 5, ...extra });
    if (fenced) conf.debug ??= 'eos';
    const p = (await this.connect(new this.kafka.Producer(conf), transactionalId, !fenced)) as TxnProducer;
    p.setPollInterval(10);
    p.on('delivery-report', (err) => (err ? this.deliveryErrors.push(`${err.code} ${err.message}`) : this.delivered++));
    await call(`${transactionalId}: initTransactions`, (cb) => p.initTransactions(CALL_TIMEOUT_MS, cb));
    return p;
  }

  async consumer(group: string, isolation: 'read_committed' | 'read_uncommitted', extra: RdkafkaConfig = {}): Promise<TxnConsumer> {
    const conf = this.conf(`${group}-${isolation}`, {
      'group.id': group,
      'enable.auto.commit': false,
      'isolation.level': isolation,
      ...extra,
    });
    const c = (await this.connect(
      new this.kafka.KafkaConsumer(conf, { 'auto.offset.reset': 'earliest' }),
      conf['client.id'] as string,
      true,
    )) as TxnConsumer;
    c.setDefaultConsumeTimeout(100);
    return c;
  }

  /** A consumer assigned every partition of `topic` from offset 0. */
  async reader(topic: string, partitions: number, isolation: 'read_committed' | 'read_uncommitted'): Promise<TxnConsumer> {
    const c = await this.consumer(`${topic}-reader`, isolation);
    c.assign(Array.from({ length: partitions }, (_, partition) => ({ topic, partition, offset: 0 })));
    return c;
  }

  async closeAll(): Promise<void> {
    for (const c of this.open.splice(0).reverse())
      if (c.isConnected())
        await within(15_000, 'disconnect', new Promise<void>((resolve) => c.disconnect(() => resolve()))).catch(() => {});
  }
}

/** One planned transaction: begun, written, then committed (which flushes) or flushed and aborted. */
async function runTxn(p: TxnProducer, topic: string, txn: PlannedTxn): Promise<void> {
  await call('beginTransaction', (cb) => p.beginTransaction(cb));
  for (const r of txn.records) p.produce(topic, r.partition, Buffer.from(r.value), r.key === null ? null : Buffer.from(r.key));
  if (txn.commit) return call('commitTransaction', (cb) => p.commitTransaction(CALL_TIMEOUT_MS, cb));
  await call('flush', (cb) => p.flush(CALL_TIMEOUT_MS, cb));
  await call('abortTransaction', (cb) => p.abortTransaction(CALL_TIMEOUT_MS, cb));
}

function consumeOnce(c: RdkafkaConsumer, max: number): Promise<RdkafkaMessage[]> {
  return new Promise((resolve, reject) => c.consume(max, (err, msgs) => (err ? reject(err) : resolve(msgs))));
}

/** `expected` records, then whatever else arrives within 700 ms. */
async function readRecords(c: RdkafkaConsumer, expected: number): Promise<Consumed[]> {
  const got: RdkafkaMessage[] = [];
  const deadline = Date.now() + 30_000;
  while (got.length < expected && Date.now() < deadline) got.push(...(await consumeOnce(c, 100)));
  const quiet = Date.now() + 700;
  while (Date.now() < quiet) got.push(...(await consumeOnce(c, 100)));
  return got.map((m) => [
    m.partition,
    m.offset,
    m.key === null || m.key === undefined ? null : m.key.toString(),
    m.value?.toString() ?? '',
  ]);
}

/** Registers the transactional tests for one client; `librdkafka` is the version its build must report (e.g. '2.12.'). */
export function txnLibrdkafkaSuite(clientName: string, load: () => RdkafkaModule, librdkafka: string): void {
  describe(`${clientName} transactions`, () => {
    const kafka = load();
    const tag = clientName.replace(/[^a-z]/g, '').slice(0, 10);
    const withClients = (body: (tb: TestBroker, clients: TxnClients) => Promise<void>) => async () => {
      const tb = await startBroker(TXN_BROKER);
      const clients = new TxnClients(kafka, tb);
      try {
        await body(tb, clients);
        assert.deepEqual(clients.deliveryErrors, []);
        assert.deepEqual(clients.errors, []);
      } finally {
        await clients.closeAll();
        await tb.stop();
      }
    };
    const createTopic = (tb: TestBroker, name: string, numPartitions: number) =>
      tb.broker.topicAdmin.createTopic({ name, numPartitions, replicationFactor: 1 });

    test(`${clientName} runs librdkafka ${librdkafka}x`, () => {
      assert.ok(kafka.librdkafkaVersion.startsWith(librdkafka), `librdkafka ${kafka.librdkafkaVersion}`);
    });

    test(
      `${clientName}: committed and aborted transactions over 3 partitions; read_committed sees exactly the committed records, read_uncommitted all`,
      { timeout: TEST_TIMEOUT },
      withClients(async (tb, clients) => {
        const topic = `${tag}-txn`;
        await createTopic(tb, topic, 3);
        const plan = txnPlan(tag, 3);
        const producer = await clients.producer(`${tag}-producer`);
        for (const txn of plan) await runTxn(producer, topic, txn);
        assert.equal(clients.delivered, allRecords(plan).length, 'every record delivered (the aborted ones flushed before the abort)');
        const committed = committedRecords(plan);
        const all = allRecords(plan);
        const rc = await clients.reader(topic, 3, 'read_committed');
        assertPerPartition(await readRecords(rc, committed.length), committed, 3, 'read_committed');
        const ru = await clients.reader(topic, 3, 'read_uncommitted');
        assertPerPartition(await readRecords(ru, all.length), all, 3, 'read_uncommitted');
        for (let p = 0; p < 3; p++) {
          const wrote = (commit: boolean) => plan.filter((t) => t.commit === commit && t.records.some((r) => r.partition === p)).length;
          assert.deepEqual(markersIn(tb.broker, topic, p), { commit: wrote(true), abort: wrote(false) }, `markers in partition ${p}`);
        }
      }),
    );

    test(
      `${clientName}: consume-transform-produce with sendOffsetsToTransaction, one transaction aborted halfway and retried`,
      { timeout: TEST_TIMEOUT },
      withClients(async (tb, clients) => {
        const [inTopic, outTopic, group] = [`${tag}-in`, `${tag}-out`, `${tag}-transformer`];
        await createTopic(tb, inTopic, 2);
        await createTopic(tb, outTopic, 2);
        const input = transformInput(40, 2);
        await runTxn(await clients.producer(`${tag}-in-writer`), inTopic, { commit: true, records: input });
        const consumer = await clients.consumer(group, 'read_committed', { 'session.timeout.ms': 6000, 'heartbeat.interval.ms': 500 });
        consumer.subscribe([inTopic]);
        const producer = await clients.producer(`${tag}-transformer-txn`);
        const committedNow = () =>
          new Promise<Map<number, number>>((resolve, reject) =>
            consumer.committed(consumer.assignments(), CALL_TIMEOUT_MS, (err, tps) =>
              err ? reject(err) : resolve(new Map(tps.filter((t) => t.offset >= 0).map((t) => [t.partition, t.offset]))),
            ),
          );
        let [processed, batches, abortedRecords] = [0, 0, 0];
        let lastSent = new Map<number, number>();
        const deadline = Date.now() + 40_000;
        while (processed < input.length && Date.now() < deadline) {
          const msgs = await consumeOnce(consumer, Math.min(8, input.length - processed));
          if (msgs.length === 0) continue;
          batches++;
          for (const commit of batches === 2 ? [false, true] : [true]) {
            await call('beginTransaction', (cb) => producer.beginTransaction(cb));
            const todo = commit ? msgs : msgs.slice(0, Math.floor(msgs.length / 2) + 1);
            for (const m of todo) producer.produce(outTopic, m.partition, Buffer.from(m.value!.toString().toUpperCase()), m.key);
            const positions = consumer.position().filter((tp) => tp.offset >= 0);
            await call('sendOffsetsToTransaction', (cb) => producer.sendOffsetsToTransaction(positions, consumer, CALL_TIMEOUT_MS, cb));
            if (commit) {
              await call('commitTransaction', (cb) => producer.commitTransaction(CALL_TIMEOUT_MS, cb));
              lastSent = new Map(positions.map((tp) => [tp.partition, tp.offset]));
              continue;
            }
            // the application fails halfway: the transaction, its output and its offsets go
            await call('flush', (cb) => producer.flush(CALL_TIMEOUT_MS, cb));
            await call('abortTransaction', (cb) => producer.abortTransaction(CALL_TIMEOUT_MS, cb));
            abortedRecords = todo.length;
            assert.deepEqual(await committedNow(), lastSent, 'the aborted transaction’s offsets were not committed');
          }
          processed += msgs.length;
        }
        assert.equal(processed, input.length);
        assert.ok(batches >= 5 && abortedRecords > 0, `${batches} batches, ${abortedRecords} records aborted`);
        assertInputConsumed(tb.broker, inTopic, group, await committedNow(), 2);
        const expected = transformed(input);
        assertPerPartition(await readRecords(await clients.reader(outTopic, 2, 'read_committed'), expected.length), expected, 2, 'output');
        const everything = await readRecords(await clients.reader(outTopic, 2, 'read_uncommitted'), expected.length + abortedRecords);
        assert.equal(everything.length, expected.length + abortedRecords, 'read_uncommitted also sees the aborted attempt’s records');
      }),
    );

    test(
      `${clientName}: a second producer with the transactional id fences the first (fatal _FENCED)`,
      { timeout: TEST_TIMEOUT },
      withClients(async (tb, clients) => {
        const topic = `${tag}-fence`;
        await createTopic(tb, topic, 2);
        const records = (label: string) => [0, 1].map((partition) => ({ partition, key: label, value: `${label}-${partition}` }));
        const zombie = await clients.producer(`${tag}-app`, {}, true);
        await call('beginTransaction', (cb) => zombie.beginTransaction(cb));
        for (const r of records('zombie')) zombie.produce(topic, r.partition, Buffer.from(r.value), Buffer.from(r.key));
        await call('flush', (cb) => zombie.flush(CALL_TIMEOUT_MS, cb));
        const successor = await clients.producer(`${tag}-app`); // aborts the zombie's transaction, bumps the epoch
        const commit = await failure('the zombie commits', (cb) => zombie.commitTransaction(CALL_TIMEOUT_MS, cb));
        assert.deepEqual([commit?.code, commit?.isFatal], [FENCED, true], `the fenced producer's commit fails: ${commit?.message}`);
        await eventually(5000, 'the EndTxn answer in the log', () => assert.deepEqual(clients.endTxnAnswers(), [FENCED_ANSWER]));
        // once fatal, every transactional call fails the same way
        assert.equal((await failure('the zombie begins again', (cb) => zombie.beginTransaction(cb)))?.code, FENCED);
        await runTxn(successor, topic, { commit: true, records: records('successor') });
        assertPerPartition(
          await readRecords(await clients.reader(topic, 2, 'read_committed'), 2),
          records('successor'),
          2,
          'read_committed',
        );
        const all = [...records('zombie'), ...records('successor')];
        assertPerPartition(await readRecords(await clients.reader(topic, 2, 'read_uncommitted'), 4), all, 2, 'read_uncommitted');
        for (const p of [0, 1]) assert.deepEqual(markersIn(tb.broker, topic, p), { commit: 1, abort: 1 });
      }),
    );

    test(
      `${clientName}: a transaction left open holds read_committed readers until transaction.timeout.ms passes and the broker aborts it`,
      { timeout: TEST_TIMEOUT },
      withClients(async (tb, clients) => {
        const topic = `${tag}-hung`;
        await createTopic(tb, topic, 2);
        const records = (label: string) => [0, 1].map((partition) => ({ partition, key: label, value: `${label}-${partition}` }));
        await runTxn(await clients.producer(`${tag}-before`), topic, { commit: true, records: records('before') });
        const hung = await clients.producer(`${tag}-hung-app`, { 'transaction.timeout.ms': 4000, 'socket.timeout.ms': 3000 }, true);
        await call('beginTransaction', (cb) => hung.beginTransaction(cb));
        for (const r of records('hung')) hung.produce(topic, r.partition, Buffer.from(r.value), Buffer.from(r.key));
        await call('flush', (cb) => hung.flush(CALL_TIMEOUT_MS, cb));
        await runTxn(await clients.producer(`${tag}-after`), topic, { commit: true, records: records('after') });

        const rc = await clients.reader(topic, 2, 'read_committed');
        assertPerPartition(await readRecords(rc, 2), records('before'), 2, 'read_committed while the transaction is open');
        const all = [...records('before'), ...records('hung'), ...records('after')];
        assertPerPartition(await readRecords(await clients.reader(topic, 2, 'read_uncommitted'), 6), all, 2, 'read_uncommitted');
        await eventually(20_000, 'the broker aborting the timed-out transaction', () =>
          assert.equal(tb.broker.transactions.coordinator.describe(`${tag}-hung-app`).metadata?.state, TransactionState.CompleteAbort),
        );
        // the same consumer moves on
        assertPerPartition(await readRecords(rc, 2), records('after'), 2, 'read_committed after the abort');
        for (const p of [0, 1]) assert.deepEqual(markersIn(tb.broker, topic, p), { commit: 2, abort: 1 });
        // the broker bumped the epoch when it aborted: the producer that left it open is fenced
        const late = await failure('the late commit', (cb) => hung.commitTransaction(CALL_TIMEOUT_MS, cb));
        assert.deepEqual([late?.code, late?.isFatal], [FENCED, true], `the late commit fails: ${late?.message}`);
        await eventually(5000, 'the EndTxn answer in the log', () => assert.deepEqual(clients.endTxnAnswers(), [FENCED_ANSWER]));
      }),
    );
  });
}
