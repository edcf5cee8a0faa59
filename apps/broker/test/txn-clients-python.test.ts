// python3-confluent-kafka (Debian's, librdkafka 2.0) transactions against tarn, with kcat (Debian's
// librdkafka) reading read_committed and read_uncommitted: committed and aborted transactions
// interleaved over three partitions; consume-transform-produce with the consumer's offsets in the
// transaction and one transaction aborted halfway and retried; a producer fenced by a second
// instance with its transactional id; and a producer killed with its transaction open, aborted by
// the broker when transaction.timeout.ms passes, after which read_committed readers move on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEM_PYTHON, run, startBroker, tempDir, type TestBroker } from './helpers';
import { TransactionState } from '../src/transaction/transaction-state';
import { eventually, within } from './real-client-helpers';
import {
  FENCED,
  FENCED_ANSWER,
  TXN_BROKER,
  allRecords,
  assertPerPartition,
  committedRecords,
  assertInputConsumed,
  markersIn,
  transformInput,
  transformed,
  txnPlan,
  type Consumed,
  type PlannedTxn,
} from './txn-clients-suite';

const script = join(dirname(fileURLToPath(import.meta.url)), 'clients', 'txn_confluent.py');
const TEST_TIMEOUT = 90_000;

async function python<T>(args: string[]): Promise<T> {
  return (await pythonWithLog<T>(args)).out;
}

async function pythonWithLog<T>(args: string[]): Promise<{ out: T; stderr: string }> {
  const r = await run(SYSTEM_PYTHON, [script, ...args], { timeoutMs: 75_000 });
  assert.equal(r.code, 0, `txn_confluent.py ${args[0]}: ${r.stderr}`);
  return { out: JSON.parse(r.stdout) as T, stderr: r.stderr };
}

async function pythonProduce(tb: TestBroker, topic: string, txnId: string, plan: PlannedTxn[]): Promise<void> {
  const file = join(tempDir('tarn-txn-plan-'), 'plan.json');
  writeFileSync(
    file,
    JSON.stringify(plan.map((t) => ({ commit: t.commit, records: t.records.map((r) => [r.partition, r.key, r.value]) }))),
  );
  const out = await python<{ errors: string[]; delivered: unknown[] }>(['produce', `127.0.0.1:${tb.port}`, topic, txnId, file]);
  assert.deepEqual(out.errors, []);
  assert.equal(out.delivered.length, allRecords(plan).length, 'every record delivered (the aborted ones flushed before the abort)');
}

async function pythonConsume(tb: TestBroker, topic: string, partitions: number, isolation: string, expected: number): Promise<Consumed[]> {
  const out = await python<{ records: Consumed[]; errors: string[] }>([
    'consume',
    `127.0.0.1:${tb.port}`,
    topic,
    String(partitions),
    isolation,
    String(expected),
  ]);
  assert.deepEqual(out.errors, []);
  return out.records;
}

/** kcat reading the topic from the beginning to the end (-e: the last stable offset when read_committed). */
async function kcatRead(port: number, topic: string, isolation: 'read_committed' | 'read_uncommitted'): Promise<Consumed[]> {
  const r = await run(
    'kcat',
    [
      '-C',
      '-b',
      `127.0.0.1:${port}`,
      '-t',
      topic,
      '-o',
      'beginning',
      '-e',
      '-q',
      '-X',
      `isolation.level=${isolation}`,
      '-f',
      '%p|%o|%K|%k|%s\n',
    ],
    { timeoutMs: 30_000 },
  );
  assert.equal(r.code, 0, r.stderr);
  return r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((line) => {
      const [p, o, keyLength, ...rest] = line.split('|');
      const [key, value] = [rest.slice(0, -1).join('|'), rest.at(-1) ?? ''];
      return [Number(p), Number(o), keyLength === '-1' ? null : key, value];
    });
}

async function createTopic(tb: TestBroker, name: string, numPartitions: number): Promise<void> {
  await tb.broker.topicAdmin.createTopic({ name, numPartitions, replicationFactor: 1 });
}

test('confluent-kafka-python runs Debian’s librdkafka 2.0', async () => {
  const r = await run(SYSTEM_PYTHON, [
    '-c',
    'import confluent_kafka, json; print(json.dumps([confluent_kafka.version(), confluent_kafka.libversion()]))',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const [, [librdkafka]] = JSON.parse(r.stdout) as [[string, number], [string, number]];
  assert.match(librdkafka, /^2\.0\./);
});

test(
  'confluent-kafka-python: committed and aborted transactions over 3 partitions; read_committed sees exactly the committed records (python and kcat), read_uncommitted all',
  { timeout: TEST_TIMEOUT },
  async () => {
    const tb = await startBroker(TXN_BROKER);
    const topic = 'py-txn';
    await createTopic(tb, topic, 3);
    const plan = txnPlan('py', 3);
    await pythonProduce(tb, topic, 'py-txn-producer', plan);
    const committed = committedRecords(plan);
    const all = allRecords(plan);
    assertPerPartition(await pythonConsume(tb, topic, 3, 'read_committed', committed.length), committed, 3, 'python read_committed');
    assertPerPartition(await pythonConsume(tb, topic, 3, 'read_uncommitted', all.length), all, 3, 'python read_uncommitted');
    assertPerPartition(await kcatRead(tb.port, topic, 'read_committed'), committed, 3, 'kcat read_committed');
    assertPerPartition(await kcatRead(tb.port, topic, 'read_uncommitted'), all, 3, 'kcat read_uncommitted');
    // every transaction that wrote to a partition left its marker there
    for (let p = 0; p < 3; p++) {
      const wrote = (commit: boolean) => plan.filter((t) => t.commit === commit && t.records.some((r) => r.partition === p)).length;
      assert.deepEqual(markersIn(tb.broker, topic, p), { commit: wrote(true), abort: wrote(false) }, `markers in partition ${p}`);
    }
  },
);

test(
  'confluent-kafka-python: consume-transform-produce with send_offsets_to_transaction, one transaction aborted halfway and retried',
  { timeout: TEST_TIMEOUT },
  async () => {
    const tb = await startBroker(TXN_BROKER);
    await createTopic(tb, 'py-in', 2);
    await createTopic(tb, 'py-out', 2);
    const input = transformInput(40, 2);
    await pythonProduce(tb, 'py-in', 'py-in-writer', [{ commit: true, records: input }]);
    const out = await python<{
      processed: number;
      batches: number;
      sentBeforeAbort: Array<[number, number]>;
      committedAfterAbort: Array<[number, number]>;
      abortedRecords: number;
      committed: Array<[number, number]>;
      errors: string[];
    }>(['transform', `127.0.0.1:${tb.port}`, 'py-in', 'py-out', 'py-transformer', 'py-transformer-txn', '40', '8', '2']);
    assert.deepEqual(out.errors, []);
    assert.equal(out.processed, input.length);
    assert.ok(out.batches >= 5, `${out.batches} batches`);
    assert.ok(out.abortedRecords > 0);
    assert.deepEqual(out.committedAfterAbort.sort(), out.sentBeforeAbort.sort(), 'the aborted transaction’s offsets were not committed');
    assertInputConsumed(tb.broker, 'py-in', 'py-transformer', new Map(out.committed), 2);
    const expected = transformed(input);
    assertPerPartition(await pythonConsume(tb, 'py-out', 2, 'read_committed', expected.length), expected, 2, 'output read_committed');
    assert.equal(
      (await pythonConsume(tb, 'py-out', 2, 'read_uncommitted', expected.length + out.abortedRecords)).length,
      expected.length + out.abortedRecords,
      'read_uncommitted also sees the aborted attempt’s records',
    );
  },
);

interface ClientError {
  code: number;
  name: string;
  fatal: boolean;
}

test('confluent-kafka-python: a second producer with the transactional id fences the first', { timeout: TEST_TIMEOUT }, async () => {
  const tb = await startBroker(TXN_BROKER);
  await createTopic(tb, 'py-fence', 2);
  const { out, stderr } = await pythonWithLog<{ zombieCommit: ClientError | null; zombieBegin: ClientError | null }>([
    'fence',
    `127.0.0.1:${tb.port}`,
    'py-fence',
    'py-fenced-app',
  ]);
  // librdkafka's EndTxn v1 cannot carry PRODUCER_FENCED: the broker answers INVALID_PRODUCER_EPOCH,
  // which librdkafka makes its fatal _FENCED error; every later call fails the same way
  assert.match(stderr, new RegExp(`EndTxn returned ${FENCED_ANSWER}`));
  assert.deepEqual(out.zombieCommit, { code: FENCED, name: '_FENCED', fatal: true });
  assert.deepEqual(out.zombieBegin, { code: FENCED, name: '_FENCED', fatal: true });
  const successor = [0, 1].map((partition) => ({ partition, key: 'successor', value: `successor-${partition}` }));
  assertPerPartition(await pythonConsume(tb, 'py-fence', 2, 'read_committed', 2), successor, 2, 'read_committed');
  const zombie = [0, 1].map((partition) => ({ partition, key: 'zombie', value: `zombie-${partition}` }));
  assertPerPartition(await pythonConsume(tb, 'py-fence', 2, 'read_uncommitted', 4), [...zombie, ...successor], 2, 'read_uncommitted');
  for (const p of [0, 1]) assert.deepEqual(markersIn(tb.broker, 'py-fence', p), { commit: 1, abort: 1 });
});

test(
  'confluent-kafka-python: a producer killed with its transaction open holds read_committed readers until transaction.timeout.ms passes and the broker aborts it',
  { timeout: TEST_TIMEOUT },
  async () => {
    const tb = await startBroker(TXN_BROKER);
    const topic = 'py-hung';
    await createTopic(tb, topic, 2);
    const records = (label: string) => [0, 1].map((partition) => ({ partition, key: label, value: `${label}-${partition}` }));
    await pythonProduce(tb, topic, 'py-before', [{ commit: true, records: records('before') }]);
    const hung = spawn(SYSTEM_PYTHON, [script, 'hang', `127.0.0.1:${tb.port}`, topic, 'py-hung-app', '4000', '2'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => hung.once('exit', resolve));
    try {
      await within(
        30_000,
        'the producer opening its transaction',
        new Promise<void>((resolve, reject) => {
          hung.stdout.on('data', (d: Buffer) => d.toString().includes('"ready"') && resolve());
          hung.once('exit', (code) => reject(new Error(`the hanging producer exited (${code})`)));
        }),
      );
      await pythonProduce(tb, topic, 'py-after', [{ commit: true, records: records('after') }]);
      // the open transaction's first offset is each partition's last stable offset
      assertPerPartition(await kcatRead(tb.port, topic, 'read_committed'), records('before'), 2, 'read_committed while open');
      assertPerPartition(
        await kcatRead(tb.port, topic, 'read_uncommitted'),
        [...records('before'), ...records('hung'), ...records('after')],
        2,
        'read_uncommitted while open',
      );
    } finally {
      hung.kill('SIGKILL');
      await exited;
    }
    await eventually(20_000, 'the broker aborting the timed-out transaction', () => {
      assert.equal(tb.broker.transactions.coordinator.describe('py-hung-app').metadata?.state, TransactionState.CompleteAbort);
      for (const p of [0, 1]) assert.equal(tb.broker.logManager.getLog(topic, p)?.firstUnstableOffset, null);
    });
    const committed = [...records('before'), ...records('after')];
    assertPerPartition(await kcatRead(tb.port, topic, 'read_committed'), committed, 2, 'kcat read_committed after the abort');
    assertPerPartition(await pythonConsume(tb, topic, 2, 'read_committed', 4), committed, 2, 'python read_committed after the abort');
    for (const p of [0, 1]) assert.deepEqual(markersIn(tb.broker, topic, p), { commit: 2, abort: 1 });
  },
);
