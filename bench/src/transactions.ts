// Transactions benchmark, against a tarn broker in a process of its own, through the real socket
// path with our own codecs, as a transactional producer drives it (one transaction at a time):
//
//  - small transactions: AddPartitionsToTxn, one Produce of one 100-byte record (acks=-1), EndTxn
//    commit — transactions per second. The next transaction may begin only once the coordinator has
//    written the markers and CompleteCommit (until then AddPartitionsToTxn answers
//    CONCURRENT_TRANSACTIONS, which is retried at once, as the Java producer does after a short
//    backoff); the retries are counted.
//  - large transactions: 100 Produce requests of 100 records each (100-byte records, 6 partitions,
//    acks=-1, 5 in flight) per transaction, then commit — records per second.
//  Baseline from the same run: the same records produced idempotently without transactions
//  (same batches, same acks, same pipelining), as a ratio.
import {
  ApiKey,
  ErrorCode,
  ProduceRequestTypes,
  ProduceResponseTypes,
  Reader,
  buildRecordBatch,
  errorName,
  type ProduceRequestTypes as PRT,
} from '@tarn/protocol';
import { startBrokerProcess } from '@tarn/broker/testing';
import { PipelinedConnection, pipeline } from './pipelined-connection';
import { printTable, type Row } from './report';

const SECONDS = Number(process.env.TARN_BENCH_SECONDS ?? 3);
const TOPIC = 'bench-txn';
const PARTITIONS = 6;
const RECORD = Buffer.alloc(100, 0x61);
const LARGE_REQUESTS = 100;
const RECORDS_PER_BATCH = 100;
const IN_FLIGHT = 5;

function check(what: string, code: number): void {
  if (code !== ErrorCode.NONE) throw new Error(`${what}: ${errorName(code)}`);
}

interface Producer {
  transactionalId: string | null;
  producerId: number;
  epoch: number;
  sequences: number[];
}

async function initProducer(conn: PipelinedConnection, transactionalId: string | null): Promise<Producer> {
  if (transactionalId !== null) {
    for (;;) {
      const fc = await conn.request(ApiKey.FindCoordinator, 3, { key: transactionalId, keyType: 1, coordinatorKeys: [] });
      if (fc.errorCode === ErrorCode.NONE) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  for (;;) {
    const r = await conn.request(ApiKey.InitProducerId, 4, {
      transactionalId,
      transactionTimeoutMs: 60_000,
      producerId: -1n,
      producerEpoch: -1,
    });
    if (r.errorCode === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS || r.errorCode === ErrorCode.NOT_COORDINATOR) {
      await new Promise((res) => setTimeout(res, 50));
      continue;
    }
    check('InitProducerId', r.errorCode);
    return { transactionalId, producerId: Number(r.producerId), epoch: r.producerEpoch, sequences: new Array<number>(PARTITIONS).fill(0) };
  }
}

function produceBody(p: Producer, partition: number, records: number): PRT.ProduceRequest {
  const batch = buildRecordBatch(
    Array.from({ length: records }, () => ({ value: RECORD })),
    {
      isTransactional: p.transactionalId !== null,
      producerId: p.producerId,
      producerEpoch: p.epoch,
      baseSequence: p.sequences[partition]!,
    },
  );
  p.sequences[partition] = p.sequences[partition]! + records;
  return {
    ...ProduceRequestTypes.defaultProduceRequest(),
    transactionalId: p.transactionalId,
    acks: -1,
    timeoutMs: 30_000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name: TOPIC,
        partitionData: [{ ...ProduceRequestTypes.defaultPartitionProduceData(), index: partition, records: batch }],
      },
    ],
  };
}

function produceError(frame: Buffer): number {
  const r = new Reader(frame);
  r.int32(); // correlation id (Produce v9 is flexible: a tagged-field section follows)
  r.uvarint();
  const res = ProduceResponseTypes.ProduceResponse.read(r, 9);
  return res.responses[0]!.partitionResponses[0]!.errorCode;
}

/** AddPartitionsToTxn, retried while the previous transaction is still completing. */
async function addPartitions(conn: PipelinedConnection, p: Producer, partitions: number[]): Promise<number> {
  for (let retries = 0; ; retries++) {
    const r = await conn.request(ApiKey.AddPartitionsToTxn, 3, {
      transactions: [],
      v3AndBelowTransactionalId: p.transactionalId!,
      v3AndBelowProducerId: BigInt(p.producerId),
      v3AndBelowProducerEpoch: p.epoch,
      v3AndBelowTopics: [{ name: TOPIC, partitions }],
    });
    const code = r.resultsByTopicV3AndBelow[0]!.resultsByPartition[0]!.partitionErrorCode;
    if (code === ErrorCode.CONCURRENT_TRANSACTIONS) continue;
    check('AddPartitionsToTxn', code);
    return retries;
  }
}

async function commit(conn: PipelinedConnection, p: Producer): Promise<void> {
  const r = await conn.request(ApiKey.EndTxn, 3, {
    transactionalId: p.transactionalId!,
    producerId: BigInt(p.producerId),
    producerEpoch: p.epoch,
    committed: true,
  });
  check('EndTxn', r.errorCode);
}

/** Produce requests one after another for `SECONDS` (one record each): requests per second. */
async function smallIdempotent(conn: PipelinedConnection, p: Producer): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) {
    const frame = await new Promise<Buffer>((resolve, reject) =>
      conn.send(ApiKey.Produce, 9, produceBody(p, 0, 1), (f, err) => (f === null ? reject(err!) : resolve(f))),
    );
    check('Produce', produceError(frame));
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

async function smallTransactions(conn: PipelinedConnection, p: Producer): Promise<{ rate: number; retries: number }> {
  let n = 0;
  let retries = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) {
    retries += await addPartitions(conn, p, [0]);
    const frame = await new Promise<Buffer>((resolve, reject) =>
      conn.send(ApiKey.Produce, 9, produceBody(p, 0, 1), (f, err) => (f === null ? reject(err!) : resolve(f))),
    );
    check('Produce', produceError(frame));
    await commit(conn, p);
    n++;
  }
  return { rate: n / ((performance.now() - t0) / 1000), retries };
}

/** LARGE_REQUESTS produce requests over every partition, IN_FLIGHT at a time. */
async function produceMany(conn: PipelinedConnection, p: Producer): Promise<void> {
  let sent = 0;
  await pipeline(
    IN_FLIGHT,
    (onFrame) => {
      if (sent >= LARGE_REQUESTS) return null;
      conn.send(ApiKey.Produce, 9, produceBody(p, sent % PARTITIONS, RECORDS_PER_BATCH), onFrame);
      return sent++;
    },
    (frame) => check('Produce', produceError(frame)),
  );
}

async function largeRecordsPerSecond(conn: PipelinedConnection, p: Producer): Promise<number> {
  let records = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) {
    if (p.transactionalId !== null)
      await addPartitions(
        conn,
        p,
        Array.from({ length: PARTITIONS }, (_, i) => i),
      );
    await produceMany(conn, p);
    if (p.transactionalId !== null) await commit(conn, p);
    records += LARGE_REQUESTS * RECORDS_PER_BATCH;
  }
  return records / ((performance.now() - t0) / 1000);
}

export async function run(): Promise<void> {
  const broker = await startBrokerProcess({
    overrides: { 'transaction.state.log.num.partitions': '1', 'offsets.topic.num.partitions': '1', 'log.level': 'warn' },
  });
  try {
    const conn = await PipelinedConnection.open(broker.port);
    const created = await conn.request(ApiKey.CreateTopics, 5, {
      topics: [{ name: TOPIC, numPartitions: PARTITIONS, replicationFactor: 1, assignments: [], configs: [] }],
      timeoutMs: 30_000,
      validateOnly: false,
    });
    check('CreateTopics', created.topics[0]!.errorCode);
    const idempotent = await initProducer(conn, null);
    const transactional = await initProducer(conn, 'bench-txn-producer');
    // warm up both paths
    await smallIdempotent(conn, idempotent);
    await smallTransactions(conn, transactional);

    const rows: Row[] = [];
    const idemSmall = await smallIdempotent(conn, idempotent);
    const txnSmall = await smallTransactions(conn, transactional);
    rows.push({
      name: 'small: 1 record each, one at a time',
      unit: 'transactions/s (idempotent: produces/s)',
      idempotent: idemSmall,
      transactional: txnSmall.rate,
      ratio: txnSmall.rate / idemSmall,
      'CONCURRENT_TRANSACTIONS retries': txnSmall.retries,
    });
    const idemLarge = await largeRecordsPerSecond(conn, idempotent);
    const txnLarge = await largeRecordsPerSecond(conn, transactional);
    rows.push({
      name: `large: ${LARGE_REQUESTS * RECORDS_PER_BATCH} records per transaction`,
      unit: 'records/s',
      idempotent: idemLarge,
      transactional: txnLarge,
      ratio: txnLarge / idemLarge,
      'CONCURRENT_TRANSACTIONS retries': '',
    });
    printTable(`transactions (100-byte records, acks=-1, ${PARTITIONS} partitions for large, broker in its own process)`, rows);
    conn.close();
  } finally {
    await broker.stop();
  }
}
