// Transactions across a crash of the broker process (SIGKILL, then a restart on the same log dir),
// driven request by request (txn-wire.ts) so that each transaction is stopped exactly where the
// case needs it:
//
// 1. One broker, killed with transactions open at several points: one whose AddPartitionsToTxn was
//    answered but that wrote nothing; one with data written whose producer comes back after the
//    restart (its InitProducerId fences the old epoch and aborts the transaction); one with data
//    written whose producer never returns (the coordinator aborts it when transaction.timeout.ms
//    runs out, counted from its start before the crash); and one killed right after the EndTxn
//    (commit) answer — what that one exercises depends on how far the broker got before the
//    SIGKILL (PrepareCommit only, markers written, or CompleteCommit too), which the test reads off
//    the disk and prints. After the restart every transaction ends, the LSO is released,
//    read_committed readers see exactly the committed records, and each partition's `.txnindex`
//    files hold exactly the aborted transactions its ABORT markers close — again after a second
//    SIGKILL and restart (log recovery).
// 2. PrepareCommit and PrepareAbort written with no marker yet (two brokers): the partitions of both
//    transactions are led by the broker that is not their coordinator, paused (SIGSTOP) while
//    EndTxn is answered, so the coordinator cannot write the markers; then the coordinator and the
//    paused broker are SIGKILLed (the disk shows Prepare* and no marker) and both restarted: loading
//    `__transaction_state` the coordinator must find both half-ended transactions and finish them
//    (markers to the other broker, then CompleteCommit and CompleteAbort), and the committed one's
//    offsets (TxnOffsetCommit) become the group's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { ErrorCode } from '@tarn/protocol';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process';
import { eventually, startProcessCluster } from './cluster-helpers';
import { tempDir } from './helpers';
import { readCommittedRecords } from './txn-eos-checker';
import { transactionStatesOnDisk, txnIndexMismatches, viewPartitionDir } from './txn-log-files';
import {
  addPartitions,
  committedOffsets,
  createTopicOn,
  endTxn,
  fetchOnce,
  findCoordinator,
  initTransactionalId,
  open,
  partitionMetadata,
  produceTransactional,
  sendOffsets,
  transactionState,
  withConnection,
  type ProducerIdAndEpoch,
} from './txn-wire';

const TOPIC = 'rec';
const SHORT_TIMEOUT_MS = 8000;

const kafkaFor = (bootstrap: string) => new Kafka({ clientId: 'txn-recovery', brokers: [bootstrap], logLevel: logLevel.NOTHING });

async function createTopic(bootstrap: string, topic: string, partitions: number): Promise<void> {
  const admin = kafkaFor(bootstrap).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }] });
  } finally {
    await admin.disconnect();
  }
}

async function waitForState(port: number, transactionalId: string, state: string, timeoutMs = 30_000): Promise<void> {
  let last: string | null = null;
  await eventually(
    async () => {
      last = await withConnection(port, (c) => transactionState(c, transactionalId)).catch(() => null);
      return last === state;
    },
    `${transactionalId} to reach ${state}`,
    timeoutMs,
  ).catch((err: Error) => {
    throw new Error(`${err.message} (last seen: ${last})`);
  });
}

/** LSO and HW of a partition as a read_committed fetch is told, and the aborted transactions it lists. */
function readCommittedFetch(port: number, topic: string, partition: number) {
  return withConnection(port, (c) => fetchOnce(c, topic, partition, 0, 1));
}

async function lsoReleased(port: number, topic: string, partitions: number[]): Promise<void> {
  await eventually(
    async () => {
      for (const p of partitions) {
        const f = await readCommittedFetch(port, topic, p).catch(() => null);
        if (f === null || f.errorCode !== ErrorCode.NONE || f.lastStableOffset !== f.highWatermark) return false;
      }
      return true;
    },
    `the last stable offsets of ${topic} to reach the high watermarks`,
    30_000,
  );
}

/** A transactional id's producer, by hand: init, add, produce (sequence numbers kept per partition). */
class HandProducer {
  pid!: ProducerIdAndEpoch;
  private readonly sequences = new Map<number, number>();

  constructor(
    readonly transactionalId: string,
    private readonly timeoutMs = 60_000,
  ) {}

  async init(port: number): Promise<ProducerIdAndEpoch> {
    this.pid = await withConnection(port, (c) => initTransactionalId(c, this.transactionalId, this.timeoutMs), 40_000);
    this.sequences.clear();
    return this.pid;
  }

  async add(port: number, topic: string, partitions: number[]): Promise<void> {
    const errors = await withConnection(port, (c) => addPartitions(c, this.transactionalId, this.pid, topic, partitions));
    assert.deepEqual(
      errors,
      partitions.map(() => ErrorCode.NONE),
      `AddPartitionsToTxn of ${this.transactionalId}`,
    );
  }

  async produce(port: number, topic: string, partition: number, values: string[]): Promise<void> {
    const seq = this.sequences.get(partition) ?? 0;
    const error = await withConnection(port, (c) => produceTransactional(c, this.transactionalId, this.pid, topic, partition, seq, values));
    assert.equal(error, ErrorCode.NONE, `transactional produce of ${this.transactionalId} to ${topic}-${partition}`);
    this.sequences.set(partition, seq + values.length);
  }

  async end(port: number, commit: boolean): Promise<void> {
    assert.equal(await withConnection(port, (c) => endTxn(c, this.transactionalId, this.pid, commit)), ErrorCode.NONE);
  }
}

function restart(b: BrokerProcess, overrides: Record<string, string>): Promise<BrokerProcess> {
  return startBrokerProcess({ port: b.port, adminPort: b.adminPort, logDir: b.logDir, overrides });
}

/** The values of the committed records read_committed kafkajs returns, per partition in offset order. */
async function committedValues(bootstrap: string, topic: string, expected: number): Promise<string[][]> {
  const seen = await readCommittedRecords(kafkaFor(bootstrap), topic, expected);
  const out: string[][] = [];
  for (const s of seen.sort((a, b) => a.offset - b.offset)) (out[s.partition] ??= []).push(s.value);
  return out;
}

function checkIndexes(logDir: string, topic: string, partitions: number): void {
  for (let p = 0; p < partitions; p++) assert.deepEqual(txnIndexMismatches(join(logDir, `${topic}-${p}`)), [], `${topic}-${p}: .txnindex`);
}

test(
  'one broker SIGKILLed with transactions open at several points: each ends, the LSO is released, .txnindex matches the log',
  { timeout: 300_000 },
  async () => {
    const overrides = {
      'transaction.state.log.num.partitions': '1',
      'offsets.topic.num.partitions': '1',
      'transaction.abort.timed.out.transaction.cleanup.interval.ms': '200',
      'group.initial.rebalance.delay.ms': '0',
      'log.level': process.env.TARN_TEST_LOG_LEVEL ?? 'warn',
    };
    let broker = await startBrokerProcess({ overrides, logDir: tempDir('tarn-txn-recovery-') });
    try {
      const port = broker.port;
      await createTopic(broker.bootstrap, TOPIC, 2);
      await eventually(async () => (await withConnection(port, (c) => findCoordinator(c, 'any', 1))) === 1, 'the transaction coordinator');

      const committedBefore = new HandProducer('committed-before');
      await committedBefore.init(port);
      await committedBefore.add(port, TOPIC, [0, 1]);
      await committedBefore.produce(port, TOPIC, 0, ['c0a', 'c0b']);
      await committedBefore.produce(port, TOPIC, 1, ['c1a']);
      await committedBefore.end(port, true);
      const abortedBefore = new HandProducer('aborted-before');
      await abortedBefore.init(port);
      await abortedBefore.add(port, TOPIC, [0]);
      await abortedBefore.produce(port, TOPIC, 0, ['ab0']);
      await abortedBefore.end(port, false);
      await waitForState(port, 'committed-before', 'CompleteCommit');
      await waitForState(port, 'aborted-before', 'CompleteAbort');

      // the transactions the crash interrupts
      const afterAdd = new HandProducer('after-add', SHORT_TIMEOUT_MS);
      await afterAdd.init(port);
      await afterAdd.add(port, TOPIC, [0, 1]);
      const fenced = new HandProducer('fenced-after-restart');
      await fenced.init(port);
      await fenced.add(port, TOPIC, [0, 1]);
      await fenced.produce(port, TOPIC, 0, ['wf0']);
      await fenced.produce(port, TOPIC, 1, ['wf1']);
      const timedOut = new HandProducer('timed-out', SHORT_TIMEOUT_MS);
      await timedOut.init(port);
      await timedOut.add(port, TOPIC, [1]);
      await timedOut.produce(port, TOPIC, 1, ['wt1']);
      const endAnswered = new HandProducer('end-answered');
      await endAnswered.init(port);
      await endAnswered.add(port, TOPIC, [0]);
      await endAnswered.produce(port, TOPIC, 0, ['ea0']);
      // the open transactions hold read_committed readers back
      const held = [await readCommittedFetch(port, TOPIC, 0), await readCommittedFetch(port, TOPIC, 1)];
      assert.deepEqual(
        held.map((f) => f.lastStableOffset < f.highWatermark),
        [true, true],
        'the LSO is held by the open transactions',
      );
      for (const id of ['after-add', 'fenced-after-restart', 'timed-out'])
        assert.equal(await withConnection(port, (c) => transactionState(c, id)), 'Ongoing', `${id} is open when the broker is killed`);
      const c = await open(port);
      assert.equal(await endTxn(c, 'end-answered', endAnswered.pid, true), ErrorCode.NONE);
      await broker.kill('SIGKILL'); // right after the answer
      c.close();

      // what the crash left on disk
      const states = transactionStatesOnDisk(join(broker.logDir, '__transaction_state-0'));
      const stateOf = (id: string) => states.get(id)?.state;
      assert.deepEqual(
        ['after-add', 'fenced-after-restart', 'timed-out'].map(stateOf),
        ['Ongoing', 'Ongoing', 'Ongoing'],
        'the interrupted transactions are Ongoing on disk',
      );
      const endState = stateOf('end-answered');
      assert.ok(endState === 'PrepareCommit' || endState === 'CompleteCommit', `end-answered is ${endState} on disk`);
      const markerWritten = viewPartitionDir(join(broker.logDir, `${TOPIC}-0`)).markers.some(
        (m) => m.producerId === Number(endAnswered.pid.producerId) && m.type === 'COMMIT',
      );
      console.log(
        `killed right after the EndTxn answer: __transaction_state holds ${endState}, the COMMIT marker is ${markerWritten ? '' : 'not '}in ${TOPIC}-0`,
      );

      broker = await restart(broker, overrides);
      // the fenced producer's new instance: its InitProducerId aborts the open transaction first
      const oldEpoch = fenced.pid.producerEpoch;
      await fenced.init(port);
      assert.ok(fenced.pid.producerEpoch > oldEpoch, 'the new instance has a higher epoch');
      await waitForState(port, 'after-add', 'CompleteAbort');
      await waitForState(port, 'timed-out', 'CompleteAbort');
      await waitForState(port, 'end-answered', 'CompleteCommit');
      await lsoReleased(port, TOPIC, [0, 1]);
      // and the new instance works
      await fenced.add(port, TOPIC, [0]);
      await fenced.produce(port, TOPIC, 0, ['wf-new']);
      await fenced.end(port, true);
      await waitForState(port, 'fenced-after-restart', 'CompleteCommit');
      await lsoReleased(port, TOPIC, [0, 1]);

      const expectCommitted = [['c0a', 'c0b', 'ea0', 'wf-new'], ['c1a']];
      assert.deepEqual(
        await committedValues(broker.bootstrap, TOPIC, 5),
        expectCommitted,
        'read_committed sees exactly the committed records',
      );
      const pidOf = (h: HandProducer) => Number(h.pid.producerId);
      const expectAborted = [
        [pidOf(abortedBefore), pidOf(fenced)],
        [pidOf(fenced), pidOf(timedOut)],
      ];
      for (const restartRound of ['after the restart', 'after a second SIGKILL and restart']) {
        for (let p = 0; p < 2; p++) {
          const view = viewPartitionDir(join(broker.logDir, `${TOPIC}-${p}`));
          assert.deepEqual(
            view.committed.map((r) => r.value),
            expectCommitted[p],
            `${TOPIC}-${p}: the log's committed records (${restartRound})`,
          );
          assert.deepEqual(view.open, [], `${TOPIC}-${p}: no transaction left open (${restartRound})`);
          assert.deepEqual(
            view.abortedTxns.map((t) => t.producerId),
            expectAborted[p],
            `${TOPIC}-${p}: aborted transactions (${restartRound})`,
          );
          // the empty transaction was aborted too: markers, but no index entry
          assert.ok(view.markers.some((m) => m.producerId === pidOf(afterAdd) && m.type === 'ABORT'));
          // a read_committed fetch from the start lists the aborted transactions the index holds
          const f = await readCommittedFetch(broker.port, TOPIC, p);
          assert.deepEqual(
            f.abortedTransactions,
            view.abortedTxns.map((t) => ({ producerId: t.producerId, firstOffset: t.firstOffset })),
            `${TOPIC}-${p}: the aborted transactions a read_committed fetch is told (${restartRound})`,
          );
        }
        checkIndexes(broker.logDir, TOPIC, 2);
        if (restartRound === 'after the restart') {
          await broker.kill('SIGKILL');
          broker = await restart(broker, overrides);
          await lsoReleased(broker.port, TOPIC, [0, 1]);
        }
      }
    } finally {
      await broker.stop();
    }
  },
);

test('PrepareCommit and PrepareAbort written, markers not: the restarted coordinator finishes both', { timeout: 300_000 }, async () => {
  const cluster = await startProcessCluster(2, {
    'transaction.state.log.num.partitions': '1',
    'transaction.state.log.replication.factor': '1',
    'transaction.state.log.min.isr': '1',
    'offsets.topic.num.partitions': '1',
    'offsets.topic.replication.factor': '1',
    'default.replication.factor': '1',
  });
  try {
    const portOf = (id: number) => cluster.ports.get(id)!;
    // the coordinator of both ids (one __transaction_state partition), and the group's
    let coordinator = -1;
    await eventually(async () => {
      coordinator = await withConnection(portOf(1), (c) => findCoordinator(c, 'pending-commit', 1)).catch(() => -1);
      return coordinator > 0;
    }, 'a transaction coordinator');
    let groupCoordinator = -1;
    await eventually(async () => {
      groupCoordinator = await withConnection(portOf(1), (c) => findCoordinator(c, 'pending-group', 0)).catch(() => -1);
      return groupCoordinator > 0;
    }, 'a group coordinator');
    const other = coordinator === 1 ? 2 : 1;
    const A = portOf(coordinator);
    const B = portOf(other);
    // (retried: the coordinator may not see the other broker registered yet)
    await eventually(
      () =>
        createTopicOn(A, 'pend', 2, [other]).then(
          () => true,
          () => false,
        ),
      'the data topic, on the other broker',
    );
    await eventually(
      async () => ((await partitionMetadata(A, ['pend'])) ?? []).filter((p) => p.leader === other).length === 2,
      'the data partitions led by the other broker',
    );

    const commit = new HandProducer('pending-commit');
    await commit.init(A);
    await commit.add(A, 'pend', [0, 1]);
    await commit.produce(B, 'pend', 0, ['pc0']);
    await commit.produce(B, 'pend', 1, ['pc1']);
    const offsets = await withConnection(A, (ca) =>
      withConnection(portOf(groupCoordinator), (cg) =>
        sendOffsets(ca, cg, 'pending-commit', commit.pid, 'pending-group', 'pend', [{ partition: 0, offset: 1 }]),
      ),
    );
    assert.deepEqual(offsets, { add: ErrorCode.NONE, commit: [ErrorCode.NONE] });
    const abort = new HandProducer('pending-abort');
    await abort.init(A);
    await abort.add(A, 'pend', [0]);
    await abort.produce(B, 'pend', 0, ['pa0']);

    // the partitions' leader paused: EndTxn is answered once Prepare* is written, the markers wait
    cluster.processes.get(other)!.signal('SIGSTOP');
    await commit.end(A, true);
    await abort.end(A, false);
    assert.equal(await withConnection(A, (c) => transactionState(c, 'pending-commit')), 'PrepareCommit');
    assert.equal(await withConnection(A, (c) => transactionState(c, 'pending-abort')), 'PrepareAbort');
    await new Promise((r) => setTimeout(r, 500)); // the coordinator is trying to send the markers
    const coordinatorDir = cluster.processes.get(coordinator)!.logDir;
    const dataDir = cluster.processes.get(other)!.logDir;
    await cluster.kill(coordinator, 'SIGKILL');
    // the paused broker dies too, with the killed coordinator's WriteTxnMarkers unread in its socket:
    // resumed, it would append those markers itself, and the restarted coordinator's would be second
    await cluster.kill(other, 'SIGKILL');
    const states = transactionStatesOnDisk(join(coordinatorDir, '__transaction_state-0'));
    assert.deepEqual([states.get('pending-commit')?.state, states.get('pending-abort')?.state], ['PrepareCommit', 'PrepareAbort']);
    for (const p of [0, 1]) assert.deepEqual(viewPartitionDir(join(dataDir, `pend-${p}`)).markers, [], `no marker in pend-${p} yet`);

    await cluster.start(other);
    await cluster.start(coordinator);
    await waitForState(A, 'pending-commit', 'CompleteCommit', 60_000);
    await waitForState(A, 'pending-abort', 'CompleteAbort', 60_000);
    await lsoReleased(B, 'pend', [0, 1]);
    assert.deepEqual(await committedValues(`127.0.0.1:${B}`, 'pend', 2), [['pc0'], ['pc1']]);
    const markersOf = (p: number) =>
      viewPartitionDir(join(dataDir, `pend-${p}`))
        .markers.map((m) => `${m.producerId} ${m.type}`)
        .sort();
    const commitPid = Number(commit.pid.producerId);
    const abortPid = Number(abort.pid.producerId);
    assert.deepEqual(markersOf(0), [`${commitPid} COMMIT`, `${abortPid} ABORT`].sort());
    assert.deepEqual(markersOf(1), [`${commitPid} COMMIT`]);
    checkIndexes(dataDir, 'pend', 2);
    assert.deepEqual(
      viewPartitionDir(join(dataDir, 'pend-0')).abortedTxns.map((t) => t.producerId),
      [Number(abort.pid.producerId)],
    );
    // the committed transaction's offsets are the group's
    let group = { errorCode: -1, offsets: [] as number[] };
    await eventually(async () => {
      const gc = await withConnection(A, (c) => findCoordinator(c, 'pending-group', 0)).catch(() => -1);
      if (gc < 0) return false;
      group = await withConnection(portOf(gc), (c) => committedOffsets(c, 'pending-group', 'pend', [0])).catch(() => group);
      return group.errorCode === ErrorCode.NONE;
    }, 'the group offsets to be stable');
    assert.deepEqual(group.offsets, [1]);
  } finally {
    await cluster.close();
  }
});
