// `tarn consume` and `tarn produce` details end to end: following until Ctrl-C, starting from a
// timestamp or a duration back, --file and --partition, per-line headers, perf progress lines, and
// the `tarn` bin that `npm install` links (what `npx tarn` runs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runCli, startCli } from './run-cli';
import { startCliTestBroker } from './test-broker';

const { bootstrap } = await startCliTestBroker({ 'num.partitions': '1' });
const tarn = (args: string[], input?: string) => runCli(['--bootstrap-server', bootstrap, ...args], { input });

test('the tarn bin linked by npm install runs the CLI', async () => {
  const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tarn'), ['--help'], { cwd: repoRoot });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0);
  assert.match(out, /Usage: tarn \[options\] \[command\]/);
  for (const c of ['topics', 'produce', 'consume', 'groups', 'perf', 'cluster', 'dump-log']) assert.match(out, new RegExp(`\\n  ${c} `));
});

test('consume follows new records until Ctrl-C, then reports what it processed', async () => {
  assert.equal((await tarn(['topics', 'create', '--topic', 'cli-follow'])).code, 0);
  const child = startCli(['--bootstrap-server', bootstrap, 'consume', '--topic', 'cli-follow']);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  // produce until the follower (which starts at the end) has printed something
  const deadline = Date.now() + 30_000;
  for (let i = 0; !stdout.includes('live') && Date.now() < deadline; i++) {
    await tarn(['produce', '--topic', 'cli-follow'], `live ${i}\n`);
    await new Promise((r) => setTimeout(r, 300));
  }
  assert.match(stdout, /^live \d+\n/);
  child.kill('SIGINT');
  assert.equal(await closed, 0, stderr);
  assert.match(stderr, /Processed a total of \d+ messages\n$/);
});

test('consume from a timestamp or a duration back; produce from a file to one partition with per-line headers', async () => {
  assert.equal((await tarn(['topics', 'create', '--topic', 'cli-time', '--partitions', '2'])).code, 0);
  const dir = mkdtempSync(join(tmpdir(), 'tarn-cli-'));
  const file = join(dir, 'lines.txt');
  writeFileSync(file, 'h:1,x:y\told-1\nh:2\told-2\n');
  const first = await tarn(['produce', '--topic', 'cli-time', '--file', file, '--partition', '1', '--parse-headers']);
  assert.equal(first.code, 0, first.stderr);
  await new Promise((r) => setTimeout(r, 50));
  const boundary = Date.now();
  await new Promise((r) => setTimeout(r, 50));
  assert.equal((await tarn(['produce', '--topic', 'cli-time', '--partition', '1'], 'new-1\n')).code, 0);
  const consume = (...args: string[]) => tarn(['consume', '--topic', 'cli-time', '--timeout-ms', '10000', ...args]);
  const [fromTs, fromIso, lastHour, bad, missing] = await Promise.all([
    consume('--from-timestamp', String(boundary), '--max-messages', '1'),
    consume('--from-timestamp', new Date(boundary).toISOString(), '--max-messages', '1'),
    consume('--from-duration', '1h', '--max-messages', '3', '--print-partition', '--print-headers'),
    consume('--from-duration', 'soon'),
    tarn(['produce', '--topic', 'cli-time', '--file', join(dir, 'nope.txt')]),
  ]);
  assert.equal(fromTs.stdout, 'new-1\n', fromTs.stderr);
  assert.equal(fromIso.stdout, 'new-1\n');
  assert.deepEqual(lastHour.stdout.trimEnd().split('\n'), [
    'Partition:1\th:1,x:y\told-1',
    'Partition:1\th:2\told-2',
    'Partition:1\tNO_HEADERS\tnew-1',
  ]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^Error: --from-duration expects a duration like 10m/);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^Error: cannot read .*nope\.txt/);
});

test('perf produce prints a progress line per reporting window, as Kafka does', async () => {
  const r = await tarn([
    'perf',
    'produce',
    '--topic',
    'cli-perf-window',
    '--num-records',
    '3000',
    '--record-size',
    '50',
    '--throughput',
    '2000',
    '--reporting-interval',
    '300',
    '--producer-props',
    'acks=1',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  const windows = lines.slice(0, -1);
  assert.ok(windows.length >= 2, r.stdout);
  for (const w of windows)
    assert.match(w, /^\d+ records sent, \d+\.\d records\/sec \(\d+\.\d{2} MB\/sec\), \d+\.\d ms avg latency, \d+\.\d ms max latency\.$/);
  assert.match(lines.at(-1)!, /^3000 records sent, /);
  // throttled to 2000 records/s: the run takes about 1.5 s
  const rate = Number(/records sent, (\d+\.\d+) records\/sec/.exec(lines.at(-1)!)![1]);
  assert.ok(rate < 2600, `throttled rate ${rate}`);
});

test("Kafka's --property settings of the console tools, and --consumer.config", async () => {
  assert.equal((await tarn(['topics', 'create', '--topic', 'cli-props'])).code, 0);
  const produced = await tarn(
    ['produce', '--topic', 'cli-props', '--property', 'parse.key=true', '--property', 'key.separator=:'],
    'k1:v1\nk2:v2\n',
  );
  assert.equal(produced.code, 0, produced.stderr);
  const consumed = await tarn([
    'consume',
    '--topic',
    'cli-props',
    '--from-beginning',
    '--max-messages',
    '2',
    '--timeout-ms',
    '10000',
    '--property',
    'print.key=true',
    '--property',
    'print.offset=true',
    '--property',
    'key.separator= | ',
  ]);
  assert.equal(consumed.code, 0, consumed.stderr);
  assert.equal(consumed.stdout, 'Offset:0 | k1 | v1\nOffset:1 | k2 | v2\n');
  const dir = mkdtempSync(join(tmpdir(), 'tarn-cli-'));
  writeFileSync(join(dir, 'consumer.properties'), 'auto.offset.reset=sometimes\n');
  const bad = await tarn(['consume', '--topic', 'cli-props', '--consumer.config', join(dir, 'consumer.properties'), '--max-messages', '1']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^Error: invalid configuration auto\.offset\.reset: /);
});

test('produce refuses a line longer than max.request.size instead of buffering it, and drops the CR of CRLF lines', async () => {
  assert.equal((await tarn(['topics', 'create', '--topic', 'cli-lines'])).code, 0);
  const huge = await tarn(
    ['produce', '--topic', 'cli-lines', '--producer-property', 'max.request.size=100000'],
    `short\n${'x'.repeat(300_000)}`,
  );
  assert.equal(huge.code, 1);
  assert.equal(huge.stderr, 'Error: line 2 is longer than max.request.size (100000 bytes)\n');
  assert.equal((await tarn(['produce', '--topic', 'cli-lines'], 'crlf-1\r\ncrlf-2\r\nlast')).code, 0);
  const read = await tarn([
    'consume',
    '--topic',
    'cli-lines',
    '--from-beginning',
    '--max-messages',
    '4',
    '--format',
    'json',
    '--timeout-ms',
    '10000',
  ]);
  assert.deepEqual(
    read.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l).value),
    ['short', 'crlf-1', 'crlf-2', 'last'],
  );
});

test("perf consume --show-detailed-stats prints Kafka's periodic lines; --output json carries the latency figures", async () => {
  assert.equal((await tarn(['topics', 'create', '--topic', 'cli-perf-detail'])).code, 0);
  const p = await tarn(['perf', 'produce', '--topic', 'cli-perf-detail', '--num-records', '5000', '--record-size', '64']);
  assert.equal(p.code, 0, p.stderr);
  const detailed = await tarn([
    'perf',
    'consume',
    '--topic',
    'cli-perf-detail',
    '--messages',
    '5000',
    '--show-detailed-stats',
    '--reporting-interval',
    '1',
    '--consumer-props',
    'max.poll.records=500',
  ]);
  assert.equal(detailed.code, 0, detailed.stderr);
  const [header, ...lines] = detailed.stdout.trimEnd().split('\n');
  assert.equal(
    header,
    'time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec',
  );
  assert.ok(lines.length >= 1);
  for (const l of lines)
    assert.match(
      l,
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}:\d{3}, \d+\.\d{4}, \d+\.\d{4}, \d+, \d+\.\d{4}, \d+, \d+, \d+\.\d{4}, \d+\.\d{4}$/,
    );
  const json = await tarn(['--output', 'json', 'perf', 'consume', '--topic', 'cli-perf-detail', '--messages', '5000']);
  assert.equal(json.code, 0, json.stderr);
  const total = JSON.parse(json.stdout.trimEnd().split('\n').at(-1)!);
  assert.equal(total.type, 'total');
  assert.equal(total.records, 5000);
  assert.equal(total.mb, (5000 * 64) / 1024 / 1024);
  for (const k of ['avgMs', 'maxMs', 'p50', 'p95', 'p99', 'p999']) assert.equal(typeof total.latency[k], 'number');
});

test('perf produce --payload-file sends records picked from the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tarn-cli-'));
  writeFileSync(join(dir, 'payloads.txt'), 'alpha\nbeta\n\ngamma\n');
  const p = await tarn(['perf', 'produce', '--topic', 'cli-payloads', '--num-records', '300', '--payload-file', join(dir, 'payloads.txt')]);
  assert.equal(p.code, 0, p.stderr);
  const c = await tarn(['consume', '--topic', 'cli-payloads', '--from-beginning', '--max-messages', '300', '--timeout-ms', '10000']);
  const seen = new Set(c.stdout.trimEnd().split('\n'));
  assert.deepEqual([...seen].sort(), ['alpha', 'beta', 'gamma']);
  const both = await tarn([
    'perf',
    'produce',
    '--topic',
    'cli-payloads',
    '--num-records',
    '1',
    '--record-size',
    '10',
    '--payload-file',
    join(dir, 'payloads.txt'),
  ]);
  assert.equal(both.code, 1);
  assert.equal(both.stderr, 'Error: give exactly one of --record-size and --payload-file\n');
});

test('perf produce --transactional-id sends in a committed transaction that read_committed consumers see', async () => {
  assert.equal((await tarn(['topics', 'create', '--topic', 'cli-perf-txn'])).code, 0);
  // one transaction: the default duration (3 s) is longer than the run
  const p = await tarn([
    '--output',
    'json',
    'perf',
    'produce',
    '--topic',
    'cli-perf-txn',
    '--num-records',
    '2000',
    '--record-size',
    '20',
    '--transactional-id',
    'cli-perf-txn',
  ]);
  assert.equal(p.code, 0, p.stderr);
  const total = JSON.parse(p.stdout.trimEnd().split('\n').at(-1)!);
  assert.equal(total.records, 2000);
  assert.equal(total.transactions, 1);
  const c = await tarn([
    'consume',
    '--topic',
    'cli-perf-txn',
    '--from-beginning',
    '--isolation-level',
    'read_committed',
    '--max-messages',
    '2000',
    '--timeout-ms',
    '10000',
  ]);
  assert.equal(c.code, 0, c.stderr);
  assert.equal(c.stdout.trimEnd().split('\n').length, 2000);
});
