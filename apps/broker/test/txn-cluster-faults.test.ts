// Exactly-once under failures, on a real 3-broker cluster (processes, etcd): a consume-transform-
// produce application (txn-eos-app.ts: kafkajs, one transaction per chunk of input holding the
// transformed records and the input offsets, sendOffsets) works through N uniquely numbered input
// records while the broker leading its transactional id's __transaction_state partition (its
// transaction coordinator), then the leader of an output partition, then the leader of its group's
// __consumer_offsets partition are SIGKILLed and restarted, for several rounds. Every topic has
// RF=3 and min.insync.replicas=2 (__transaction_state through transaction.state.log.*). At the end
// the checker (txn-eos-checker.ts) reads the output read_committed and, from the log,
// read_uncommitted, and reports lost, duplicated and aborted-but-read records: all must be zero.
//
// TARN_EOS_ROUNDS (default 3) sets the rounds of three kills, TARN_EOS_RECORDS the input (default enough
// for the application to be transacting through every round: 1200 a round, 800 more).
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kafka, logLevel } from 'kafkajs';
import { partitionForGroup } from '../src/group/partition-for-group';
import { eventually, startProcessCluster, type ProcessCluster } from './cluster-helpers';
import { EosApp, type TxnStage } from './txn-eos-app';
import { checkExactlyOnce } from './txn-eos-checker';
import { txnIndexMismatches } from './txn-log-files';
import { partitionMetadata, type PartitionMetadata } from './txn-wire';

const ROUNDS = Number(process.env.TARN_EOS_ROUNDS ?? 3);
const RECORDS = Number(process.env.TARN_EOS_RECORDS ?? 1200 * ROUNDS + 800);
const INPUT = 'eos-in';
const OUTPUT = 'eos-out';
const PARTITIONS = 3;
const TXN_ID = 'eos-transformer';
const GROUP = 'eos-transformer-group';
const STATE_PARTITIONS = 3;
const TXN_STATE = '__transaction_state';
const OFFSETS = '__consumer_offsets';
const WATCHED = [INPUT, OUTPUT, TXN_STATE, OFFSETS];

async function metadata(cluster: ProcessCluster): Promise<PartitionMetadata[]> {
  for (const port of cluster.ports.values()) {
    const md = await partitionMetadata(port, WATCHED);
    if (md !== null && md.length === 2 * PARTITIONS + 2 * STATE_PARTITIONS) return md;
  }
  throw new Error('no broker answered Metadata for every watched topic');
}

const leaderOf = (md: PartitionMetadata[], topic: string, partition: number): number =>
  md.find((m) => m.topic === topic && m.partition === partition)?.leader ?? -1;

/** SIGKILLs `victim`, waits for every watched partition to be led elsewhere, restarts it, waits for full ISRs. */
async function killAndRestart(cluster: ProcessCluster, victim: number, what: string): Promise<void> {
  await cluster.kill(victim, 'SIGKILL');
  await eventually(
    async () => (await metadata(cluster)).every((p) => p.leader > 0 && p.leader !== victim),
    `leadership to move off broker ${victim} (${what})`,
    30_000,
  );
  await new Promise((r) => setTimeout(r, 1000)); // the application works on the two survivors meanwhile
  await cluster.start(victim);
  await eventually(async () => (await metadata(cluster)).every((p) => p.isr.length === 3), `broker ${victim} back in every ISR`, 60_000);
}

test(
  `exactly-once consume-transform-produce while coordinators and leaders are SIGKILLed, ${ROUNDS} rounds`,
  { timeout: 900_000 },
  async () => {
    const t0 = Date.now();
    const cluster = await startProcessCluster(3, {
      'transaction.state.log.num.partitions': String(STATE_PARTITIONS),
      'transaction.state.log.replication.factor': '3',
      'transaction.state.log.min.isr': '2',
      'offsets.topic.num.partitions': String(STATE_PARTITIONS),
      'offsets.topic.replication.factor': '3',
      'transaction.abort.timed.out.transaction.cleanup.interval.ms': '1000',
    });
    let app: EosApp | null = null;
    try {
      const ports = [1, 2, 3].map((id) => cluster.ports.get(id)!);
      const kafka = new Kafka({
        clientId: 'eos',
        brokers: cluster.bootstrap.split(','),
        logLevel: process.env.TARN_EOS_KAFKAJS_LOG ? logLevel.INFO : logLevel.NOTHING,
        retry: { retries: 100, initialRetryTime: 100, maxRetryTime: 1000 },
      });
      const admin = kafka.admin();
      await admin.connect();
      await eventually(async () => (await admin.describeCluster()).brokers.length === 3, 'three brokers');
      const config = [{ name: 'min.insync.replicas', value: '2' }];
      await admin.createTopics({
        topics: [INPUT, OUTPUT].map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 3, configEntries: config })),
      });
      await admin.disconnect();

      // the input: uniquely numbered, written once (idempotent, acks=all) before the application starts
      const inputValues = Array.from({ length: RECORDS }, (_, i) => `id-${i}`);
      const writer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await writer.connect();
      for (let i = 0; i < RECORDS; i += 500)
        await writer.send({
          topic: INPUT,
          acks: -1,
          messages: inputValues.slice(i, i + 500).map((value, j) => ({ key: value, value, partition: (i + j) % PARTITIONS })),
        });
      await writer.disconnect();

      // while faults are injected: small transactions, and a tenth of the input held back so that the
      // application is still transacting when the last broker is killed
      let faulting = true;
      const eos: EosApp = new EosApp({
        kafka,
        ports,
        transactionalId: TXN_ID,
        groupId: GROUP,
        input: INPUT,
        inputPartitions: PARTITIONS,
        output: OUTPUT,
        outputPartitions: PARTITIONS,
        maxPerTransaction: () => (faulting ? 5 : 100),
        pauseMs: () => (faulting ? 20 : 0),
        mayProcess: () => !faulting || eos.processed < RECORDS * 0.9,
        log: process.env.TARN_TEST_LOG_LEVEL ? (line) => console.error(line) : undefined,
      });
      app = eos;
      await eos.start();
      await eventually(() => eos.committed >= 5, 'the application to commit its first transactions', 60_000);

      // Kafka hashes a transactional id to its __transaction_state partition as it does a group id
      const stateLeader = (md: PartitionMetadata[]) => leaderOf(md, TXN_STATE, partitionForGroup(TXN_ID, STATE_PARTITIONS));
      const offsetsLeader = (md: PartitionMetadata[]) => leaderOf(md, OFFSETS, partitionForGroup(GROUP, STATE_PARTITIONS));
      const progress: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // each broker is killed while the application is at the step that needs it: EndTxn, the
        // transformed records' produce, TxnOffsetCommit (a few ms later, so that the request is in
        // flight or just answered)
        const targets: Array<[string, (md: PartitionMetadata[]) => number, TxnStage]> = [
          ['the transaction coordinator', stateLeader, 'commit'],
          [`the leader of ${OUTPUT}-${round % PARTITIONS}`, (md) => leaderOf(md, OUTPUT, round % PARTITIONS), 'send'],
          ['the group coordinator', offsetsLeader, 'sendOffsets'],
        ];
        for (const [what, leader, stage] of targets) {
          const victim = leader(await metadata(cluster));
          const during = (await eos.nextStage(stage, 10_000)) ? ` during ${stage}` : '';
          await new Promise((r) => setTimeout(r, Math.random() * 10));
          const before = eos.committed;
          const idle = eos.processed >= RECORDS * 0.9; // held back: nothing in flight when the broker dies
          const t = Date.now();
          await killAndRestart(cluster, victim, what);
          progress.push(
            `${new Date().toISOString()} round ${round}: killed ${what} (broker ${victim})${during}; ` +
              `${eos.committed - before} transactions committed meanwhile${idle ? ' (the application was held back: input running out)' : ''}, ${Date.now() - t} ms`,
          );
          if (process.env.TARN_TEST_LOG_LEVEL) console.error(progress[progress.length - 1]);
        }
      }
      faulting = false;
      await eventually(() => eos.processed === RECORDS, 'the application to process every input record', 180_000);
      await eos.stop();

      const check = await checkExactlyOnce({ kafka, ports, output: OUTPUT, outputPartitions: PARTITIONS, inputValues });
      const summary = {
        ...check.counts,
        transactionsCommitted: eos.committed,
        producersReplaced: eos.producersReplaced,
        seconds: Math.round((Date.now() - t0) / 1000),
      };
      console.log(progress.join('\n'));
      console.log(`exactly-once checker: ${JSON.stringify(summary)}`);
      console.log(`application errors: ${JSON.stringify([...eos.errors])}`);
      assert.deepEqual(eos.gaps, [], 'the reader never skipped input records');
      assert.deepEqual(
        { lost: check.counts.lost, duplicated: check.counts.duplicated, abortedButRead: check.counts.abortedButRead },
        { lost: 0, duplicated: 0, abortedButRead: 0 },
        JSON.stringify(check.examples),
      );
      assert.equal(check.counts.open, 0, `transactions left open: ${JSON.stringify(check.examples.open)}`);
      assert.equal(check.counts.readerMismatch, 0, JSON.stringify(check.examples.readerMismatch));
      assert.equal(check.counts.committedInLog, RECORDS);
      // every replica's .txnindex holds exactly the aborted transactions its own log shows (leaders
      // indexed them on append, followers on replication, restarted brokers on recovery)
      const replicas = await metadata(cluster);
      await eventually(async () => {
        for (const p of await metadata(cluster)) if (p.topic === OUTPUT && p.isr.length !== 3) return false;
        return true;
      }, 'every output replica in sync');
      for (const p of replicas.filter((r) => r.topic === OUTPUT))
        for (const id of p.replicas)
          assert.deepEqual(
            txnIndexMismatches(join(cluster.processes.get(id)!.logDir, `${OUTPUT}-${p.partition}`)),
            [],
            `${OUTPUT}-${p.partition} on broker ${id}: .txnindex`,
          );
    } finally {
      await app?.stop().catch(() => {});
      await cluster.close();
    }
  },
);
