// The `tarn` command line end to end: real `tarn` processes (bin/tarn.js, what `npx tarn` runs)
// against a real tarn broker over loopback. Topics, produce from stdin, consume as a group and
// assigned, groups describe and reset-offsets (dry run, then execute), cluster, --output json, and
// the one-line errors for a missing topic and an unreachable broker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './run-cli';
import { startCliTestBroker } from './test-broker';

const { bootstrap } = await startCliTestBroker({ 'num.partitions': '1' });
const tarn = (args: string[], input?: string) => runCli(['--bootstrap-server', bootstrap, ...args], { input });

function ok(r: { code: number | null; stderr: string }): void {
  assert.equal(r.code, 0, `exit ${r.code}: ${r.stderr}`);
}

test('topics create, list, describe (text and json), alter and delete', async () => {
  ok(await tarn(['topics', 'create', '--topic', 'cli-topics', '--partitions', '2', '--config', 'retention.ms=3600000']));
  const list = await tarn(['topics', 'list']);
  ok(list);
  assert.ok(list.stdout.split('\n').includes('cli-topics'), list.stdout);
  const described = await tarn(['topics', 'describe', '--topic', 'cli-topics']);
  ok(described);
  const lines = described.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^Topic: cli-topics\tTopicId: \S+\tPartitionCount: 2\tReplicationFactor: 1\tConfigs: retention\.ms=3600000$/);
  assert.match(lines[1]!, /^\tTopic: cli-topics\tPartition: 0\tLeader: \d+\tReplicas: \d+\tIsr: \d+$/);
  assert.equal(lines.length, 3);
  ok(
    await tarn([
      'topics',
      'alter',
      '--topic',
      'cli-topics',
      '--partitions',
      '3',
      '--config',
      'cleanup.policy=compact',
      '--delete-config',
      'retention.ms',
    ]),
  );
  const json = await tarn(['--output', 'json', 'topics', 'describe', '--topic', 'cli-topics']);
  ok(json);
  const d = JSON.parse(json.stdout);
  assert.equal(d.name, 'cli-topics');
  assert.equal(d.partitions.length, 3);
  assert.deepEqual(d.configs, { 'cleanup.policy': 'compact' });
  ok(await tarn(['topics', 'delete', '--topic', 'cli-topics']));
  const after = await tarn(['topics', 'list']);
  assert.ok(!after.stdout.split('\n').includes('cli-topics'));
});

test('produce from stdin, consume assigned from the beginning with keys and headers', async () => {
  ok(await tarn(['topics', 'create', '--topic', 'cli-orders', '--partitions', '2']));
  const lines = Array.from({ length: 20 }, (_, i) => `key-${i}|value ${i}`).join('\n');
  const produced = await tarn(
    [
      '--output',
      'json',
      'produce',
      '--topic',
      'cli-orders',
      '--key-separator',
      '|',
      '--headers',
      'src:cli',
      '--compression',
      'lz4',
      '--acks',
      'all',
    ],
    `${lines}\n`,
  );
  ok(produced);
  const summary = JSON.parse(produced.stdout);
  assert.equal(summary.records, 20);
  const consumed = await tarn([
    'consume',
    '--topic',
    'cli-orders',
    '--from-beginning',
    '--max-messages',
    '20',
    '--print-key',
    '--print-headers',
    '--timeout-ms',
    '10000',
  ]);
  ok(consumed);
  const got = consumed.stdout.trimEnd().split('\n').sort();
  assert.equal(got.length, 20);
  assert.ok(got.includes('src:cli\tkey-7\tvalue 7'), got.join('\n'));
  assert.match(consumed.stderr, /Processed a total of 20 messages/);
  // murmur2 placement: a key always lands on the same partition, so each partition holds whole keys
  const json = await tarn([
    'consume',
    '--topic',
    'cli-orders',
    '--from-beginning',
    '--max-messages',
    '20',
    '--format',
    'json',
    '--timeout-ms',
    '10000',
  ]);
  ok(json);
  const records = json.stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(new Set(records.map((r) => `${r.partition}:${r.offset}`)).size, 20);
  assert.deepEqual(records.find((r) => r.key === 'key-3')?.headers, [{ key: 'src', value: 'cli' }]);
  const hex = await tarn([
    'consume',
    '--topic',
    'cli-orders',
    '--partition',
    '0',
    '--offset',
    '0',
    '--max-messages',
    '1',
    '--format',
    'hex',
    '--timeout-ms',
    '10000',
  ]);
  ok(hex);
  assert.match(hex.stdout, /^76616c756520\d*/); // "value " in hex
});

test('consume as a group, describe its lag, reset offsets with a dry run then execute', async () => {
  ok(await tarn(['topics', 'create', '--topic', 'cli-group', '--partitions', '1']));
  ok(await tarn(['produce', '--topic', 'cli-group'], Array.from({ length: 10 }, (_, i) => `m${i}`).join('\n') + '\n'));
  const first = await tarn([
    'consume',
    '--topic',
    'cli-group',
    '--group',
    'cli-g',
    '--from-beginning',
    '--max-messages',
    '6',
    '--timeout-ms',
    '15000',
  ]);
  ok(first);
  assert.deepEqual(first.stdout.trimEnd().split('\n'), ['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
  const described = await tarn(['groups', 'describe', '--group', 'cli-g']);
  ok(described);
  const rows = described.stdout.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('Consumer group'));
  assert.match(rows[0]!, /^GROUP\s+TOPIC\s+PARTITION\s+CURRENT-OFFSET\s+LOG-END-OFFSET\s+LAG\s+CONSUMER-ID\s+HOST\s+CLIENT-ID$/);
  assert.match(rows[1]!, /^cli-g\s+cli-group\s+0\s+6\s+10\s+4\s+-\s+-\s+-$/);
  const list = await tarn(['groups', 'list']);
  assert.ok(list.stdout.split('\n').includes('cli-g'));

  const dry = await tarn(['groups', 'reset-offsets', '--group', 'cli-g', '--topic', 'cli-group', '--to-earliest', '--dry-run']);
  ok(dry);
  const plan = dry.stdout.split('\n').filter((l) => l.trim() !== '');
  assert.match(plan[0]!, /^GROUP\s+TOPIC\s+PARTITION\s+NEW-OFFSET$/);
  assert.match(plan[1]!, /^cli-g\s+cli-group\s+0\s+0$/);
  const unchanged = await tarn(['--output', 'json', 'groups', 'describe', '--group', 'cli-g']);
  assert.equal(JSON.parse(unchanged.stdout).partitions[0].currentOffset, 6, 'a dry run commits nothing');

  ok(await tarn(['groups', 'reset-offsets', '--group', 'cli-g', '--topic', 'cli-group', '--shift-by', '-2', '--execute']));
  const shifted = await tarn(['--output', 'json', 'groups', 'describe', '--group', 'cli-g']);
  assert.equal(JSON.parse(shifted.stdout).partitions[0].currentOffset, 4);
  const resumed = await tarn(['consume', '--topic', 'cli-group', '--group', 'cli-g', '--max-messages', '6', '--timeout-ms', '15000']);
  ok(resumed);
  assert.deepEqual(resumed.stdout.trimEnd().split('\n'), ['m4', 'm5', 'm6', 'm7', 'm8', 'm9']);
  const all = await tarn(['groups', 'describe', '--all-groups']);
  ok(all);
  assert.match(all.stdout, /\ncli-g\s+cli-group\s+0\s+10\s+10\s+0\s/);
  const both = await tarn(['groups', 'delete', '--group', 'cli-g', '--group', 'cli-no-such-group']);
  assert.equal(both.code, 1);
  assert.equal(both.stdout, "Deletion of requested consumer groups ('cli-g') was successful.\n");
  assert.match(
    both.stderr,
    /^Error: Deletion of some consumer groups failed:\n\* Group 'cli-no-such-group' could not be deleted due to: GROUP_ID_NOT_FOUND/,
  );
});

test('perf produce and perf consume print Kafka perf-test figures', async () => {
  ok(await tarn(['topics', 'create', '--topic', 'cli-perf', '--partitions', '3']));
  const p = await tarn([
    'perf',
    'produce',
    '--topic',
    'cli-perf',
    '--num-records',
    '20000',
    '--record-size',
    '100',
    '--producer-props',
    'acks=1',
    'linger.ms=5',
  ]);
  ok(p);
  const total = p.stdout.trimEnd().split('\n').at(-1)!;
  assert.match(
    total,
    /^20000 records sent, \d+\.\d{6} records\/sec \(\d+\.\d{2} MB\/sec\), \d+\.\d{2} ms avg latency, \d+\.\d{2} ms max latency, \d+ ms 50th, \d+ ms 95th, \d+ ms 99th, \d+ ms 99\.9th\.$/,
  );
  const c = await tarn(['perf', 'consume', '--topic', 'cli-perf', '--messages', '20000', '--timeout', '15000']);
  ok(c);
  const [header, row] = c.stdout.trimEnd().split('\n');
  assert.equal(
    header,
    'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec',
  );
  const fields = row!.split(', ');
  assert.equal(fields.length, 10);
  assert.equal(fields[4], '20000');
  assert.equal(fields[2], ((20000 * 100) / 1024 / 1024).toFixed(4));
  assert.match(c.stderr, /20000 records consumed, end-to-end latency \d+\.\d{2} ms avg/);
});

test('cluster shows the broker and the controller; --output json for scripts', async () => {
  const text = await tarn(['cluster']);
  ok(text);
  assert.match(text.stdout, /^Cluster id: \S+\nController: \d+ \(127\.0\.0\.1:\d+\)\n/);
  assert.match(text.stdout, /Under-replicated partitions: 0/);
  const json = await tarn(['--output', 'json', 'cluster']);
  ok(json);
  const c = JSON.parse(json.stdout);
  assert.equal(c.brokers.length, 1);
  assert.equal(c.brokers[0].nodeId, c.controllerId);
  assert.deepEqual(c.underReplicated, []);
  const apis = await tarn(['cluster', '--api-versions']);
  ok(apis);
  assert.match(apis.stdout, /^127\.0\.0\.1:\d+ \(id: \d+ rack: null\) -> \(\n\tProduce\(0\): 0 to \d+ \[usable: \d+\],\n\tFetch\(1\): /);
  assert.match(apis.stdout, /\n\tApiVersions\(18\): 0 to \d+ \[usable: \d+\],\n/);
  assert.match(apis.stdout, /\]\n\)\n$/);
});

test('errors are one line with the Kafka error name and a non-zero exit code', async () => {
  // independent of the rest: started now, checked below
  const [missing, down, usage] = await Promise.all([
    tarn(['topics', 'describe', '--topic', 'no-such-topic']),
    runCli(['--bootstrap-server', '127.0.0.1:1', 'topics', 'list']),
    runCli(['topics', 'list']),
  ]);
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr, 'Error: UNKNOWN_TOPIC_OR_PARTITION: topic no-such-topic\n');
  const exists = await tarn(['topics', 'create', '--topic', 'cli-dup']);
  ok(exists);
  const dup = await tarn(['topics', 'create', '--topic', 'cli-dup']);
  assert.equal(dup.code, 1);
  assert.match(dup.stderr, /^Error: TOPIC_ALREADY_EXISTS: .*\n$/);
  ok(await tarn(['topics', 'create', '--topic', 'cli-dup', '--if-not-exists']));
  ok(await tarn(['topics', 'delete', '--topic', 'cli-dup']));
  const gone = await tarn(['topics', 'delete', '--topic', 'cli-dup']);
  assert.equal(gone.code, 1);
  assert.match(gone.stderr, /^Error: UNKNOWN_TOPIC_OR_PARTITION: /);
  ok(await tarn(['topics', 'delete', '--topic', 'cli-dup', '--if-exists']));
  assert.equal(down.code, 1);
  assert.match(down.stderr, /^Error: NETWORK_EXCEPTION: 127\.0\.0\.1:1: .*ECONNREFUSED.*\n$/);
  assert.equal(usage.code, 1);
  assert.match(usage.stderr, /^Error: Missing required option --bootstrap-server/);
  for (const r of [missing, dup, down, usage]) assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
});
