// librdkafka-based clients in consumer groups: kcat -G (balanced consumer) and python3
// confluent-kafka with the range, roundrobin and cooperative-sticky assignors and auto, sync and
// async commits. Each forms a group, commits, closes, and a second run resumes exactly where the
// first left off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRecordBatch } from '@tarn/protocol';
import type { Broker } from '../src/index';
import { SYSTEM_PYTHON, run, startBroker } from './helpers';

const script = join(dirname(fileURLToPath(import.meta.url)), 'clients', 'confluent_group.py');

async function produce(broker: Broker, topic: string, partitions: number, perPartition: number): Promise<void> {
  await broker.topicAdmin.createTopic({ name: topic, numPartitions: partitions, replicationFactor: 1 });
  for (let p = 0; p < partitions; p++) {
    const batch = buildRecordBatch(Array.from({ length: perPartition }, (_, i) => ({ key: null, value: `${topic}-p${p}-${i}` })));
    await broker.replicaManager.leaderPartition(topic, p).appendRecordsToLeader(batch, 1);
  }
}

function committed(broker: Broker, group: string): Map<number, number> {
  return new Map(
    broker.groupCoordinator.handleFetchOffsets(group, false, null).partitions.map((p) => [p.tp.partition, Number(p.data.offset)]),
  );
}

test('kcat -G forms a group, commits on close, and a second kcat -G resumes at the committed offset', async () => {
  const { port, broker } = await startBroker();
  await produce(broker, 'kcat-g', 1, 40);
  const args = (extra: string[]) => [
    '-b',
    `127.0.0.1:${port}`,
    '-G',
    'kcat-group',
    '-X',
    'session.timeout.ms=6000',
    '-X',
    'auto.offset.reset=earliest',
    '-q',
    '-f',
    '%o %s\\n',
    ...extra,
    'kcat-g',
  ];
  const first = await run('kcat', args(['-c', '15']), { timeoutMs: 60_000 });
  assert.equal(first.code, 0, first.stderr);
  const firstOffsets = first.stdout
    .trim()
    .split('\n')
    .map((l) => Number(l.split(' ')[0]));
  assert.deepEqual(
    firstOffsets,
    Array.from({ length: 15 }, (_, i) => i),
  );
  assert.equal(committed(broker, 'kcat-group').get(0), 15, 'kcat committed what it consumed');
  const history = broker.groupCoordinator.rebalanceHistory('kcat-group');
  assert.ok(
    history.some((r) => r.members.length === 1 && r.protocolType === 'consumer' && r.members[0]!.assignment?.['kcat-g']?.[0] === 0),
    'a generation with the kcat member owning kcat-g/0',
  );
  assert.equal(broker.groupCoordinator.group('kcat-group')!.state, 'Empty', 'kcat left the group on exit');

  const second = await run('kcat', args(['-e']), { timeoutMs: 60_000 });
  assert.equal(second.code, 0, second.stderr);
  const rest = second.stdout.trim().split('\n');
  assert.deepEqual(
    rest.map((l) => Number(l.split(' ')[0])),
    Array.from({ length: 25 }, (_, i) => 15 + i),
    'resumed at 15, nothing skipped or repeated',
  );
  assert.equal(rest.at(-1), '39 kcat-g-p0-39');
});

for (const [strategy, mode] of [
  ['range', 'sync'],
  ['roundrobin', 'async'],
  ['cooperative-sticky', 'auto'],
] as const) {
  test(`confluent-kafka (${strategy}, ${mode} commits): two consumers form a group, commit, and a new consumer resumes`, async () => {
    // the first rebalance waits for both consumers of the first run (Kafka's default delay: on a
    // loaded 2-core machine the second librdkafka consumer's join can come more than 1.5 s later)
    const { port, broker } = await startBroker({ 'group.initial.rebalance.delay.ms': '3000' });
    const topic = `py-${strategy}`;
    const group = `py-group-${strategy}`;
    await produce(broker, topic, 4, 10);
    type Out = { consumed: Array<[number, number, string, number]>; errors: string[]; maxAssigned: number[]; commits: number };
    const runOnce = async (limit: number, consumers: number): Promise<Out> => {
      const r = await run(SYSTEM_PYTHON, [script, `127.0.0.1:${port}`, topic, group, strategy, mode, String(limit), String(consumers)], {
        timeoutMs: 120_000,
      });
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as Out;
    };
    const first = await runOnce(20, 2);
    assert.deepEqual(first.errors, []);
    assert.equal(first.consumed.length, 20);
    assert.deepEqual(first.maxAssigned, [2, 2], 'each consumer owned 2 of the 4 partitions');
    const history = broker.groupCoordinator.rebalanceHistory(group);
    const formed = history.find((r) => r.members.length === 2);
    assert.ok(formed, 'a generation with both members');
    assert.equal(formed.protocol, strategy);
    // committed = one past the last consumed offset of each partition
    const expected = new Map<number, number>();
    for (const [p, o] of first.consumed) expected.set(p, Math.max(expected.get(p) ?? 0, o + 1));
    assert.deepEqual([...committed(broker, group)].sort(), [...expected].sort());

    const second = await runOnce(40 - 20, 1);
    assert.deepEqual(second.errors, []);
    for (const [p, o] of expected) {
      const firstAgain = second.consumed.filter(([q]) => q === p).map(([, off]) => off)[0];
      if (o < 10) assert.equal(firstAgain, o, `partition ${p} resumed at ${o}`);
    }
    const all = [...first.consumed, ...second.consumed].map(([, , v]) => v).sort();
    assert.deepEqual(
      all,
      Array.from({ length: 4 }, (_, p) => Array.from({ length: 10 }, (_, i) => `${topic}-p${p}-${i}`))
        .flat()
        .sort(),
      'every record exactly once',
    );
  });
}
