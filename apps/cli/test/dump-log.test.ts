// `tarn dump-log` against segments written by Apache Kafka 2.1.1: the output must equal, line for
// line, what Kafka's own kafka-dump-log.sh printed for the same files (shared/kafka-fixtures/log-dir-dump).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaFixturesDir, runCli } from './run-cli';

const fixtures = kafkaFixturesDir();

/** The files Kafka dumped, in its order, taken from the `Dumping <file>` lines of its output. */
function kafkaDump(name: string): { files: string[]; text: string } {
  const text = readFileSync(join(fixtures, 'log-dir-dump', `${name}.txt`), 'utf8');
  const files = text
    .split('\n')
    .filter((l) => l.startsWith('Dumping '))
    .map((l) => l.slice('Dumping '.length));
  return { files, text };
}

function assertSameLines(actual: string, expected: string, what: string): void {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    assert.equal(a[i], e[i], `${what}: line ${i + 1} differs`);
  }
}

// One `tarn dump-log` run over every fixture partition (a process start costs a second); each
// partition's section of the output is then compared with Kafka's dump of it.
const TOPICS = ['fx-none', 'fx-gzip', 'fx-snappy', 'fx-lz4', 'fx-zstd', 'fx-kcat', 'fx-magic1'];
const dataDumps = TOPICS.map((t) => ({ topic: t, ...kafkaDump(`${t}-0`) }));
const dataRun = runCli(['dump-log', '--files', dataDumps.flatMap((d) => d.files).join(','), '--deep-iteration', '--print-data-log'], {
  cwd: fixtures,
});

for (const [i, d] of dataDumps.entries()) {
  test(`dump-log --deep-iteration --print-data-log of ${d.topic}-0 equals kafka-dump-log.sh's output`, async () => {
    const r = await dataRun;
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const start = r.stdout.indexOf(`Dumping ${d.files[0]}\n`);
    const next = dataDumps[i + 1];
    const end = next === undefined ? r.stdout.length : r.stdout.indexOf(`Dumping ${next.files[0]}\n`);
    assert.ok(start >= 0 && end > start, `no section for ${d.topic}`);
    assertSameLines(r.stdout.slice(start, end), d.text, d.topic);
  });
}

for (const partition of ['__transaction_state-16', '__transaction_state-30']) {
  test(`dump-log --transaction-log-decoder of ${partition} equals kafka-dump-log.sh's (Scala's set order included)`, async () => {
    const { files, text } = kafkaDump(partition);
    const r = await runCli(['dump-log', '--files', files.join(','), '--transaction-log-decoder'], { cwd: fixtures });
    assert.equal(r.code, 0, r.stderr);
    assertSameLines(r.stdout, text, partition);
  });
}

test('dump-log without --deep-iteration prints one line per batch with its header fields', async () => {
  const r = await runCli(['dump-log', '--files', 'log-dir/fx-kcat-0/00000000000000000000.log'], { cwd: fixtures });
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  // 5 codec batches, the transactional batch and its COMMIT marker
  assert.equal(lines.length, 2 + 7);
  assert.equal(
    lines[2],
    'baseOffset: 0 lastOffset: 3 count: 4 baseSequence: -1 lastSequence: -1 producerId: -1 producerEpoch: -1 ' +
      'partitionLeaderEpoch: 0 isTransactional: false isControl: false position: 0 CreateTime: 1795371470556 ' +
      'isvalid: true size: 254 magic: 2 compresscodec: NONE crc: ' +
      readFileSync(join(fixtures, 'log-dir/fx-kcat-0/00000000000000000000.log')).readUInt32BE(17),
  );
  assert.match(
    lines[7]!,
    /^baseOffset: 20 lastOffset: 21 count: 2 baseSequence: 0 lastSequence: 1 producerId: 6 .* isTransactional: true isControl: false position: 1003 /,
  );
  assert.match(lines[8]!, /^baseOffset: 22 lastOffset: 22 count: 1 .* isControl: true position: 1158 /);
});

test('dump-log prints .txnindex and .snapshot files, and the offsets decoder reads __consumer_offsets', async () => {
  const r = await runCli(
    ['dump-log', '--files', 'log-dir/fx-none-0/00000000000000000483.txnindex,log-dir/fx-none-0/00000000000000000513.snapshot'],
    { cwd: fixtures },
  );
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.trimEnd().split('\n'), [
    'Dumping log-dir/fx-none-0/00000000000000000483.txnindex',
    'version: 0 producerId: 5 firstOffset: 504 lastOffset: 507 lastStableOffset: 508',
    'Dumping log-dir/fx-none-0/00000000000000000513.snapshot',
    'producerId: 5 producerEpoch: 0 coordinatorEpoch: 0 currentTxnFirstOffset: None firstSequence: 6 lastSequence: 9 lastOffset: 511 offsetDelta: 3 timestamp: 1700000509000',
    'producerId: 4 producerEpoch: 0 coordinatorEpoch: -1 currentTxnFirstOffset: None firstSequence: 83 lastSequence: 99 lastOffset: 499 offsetDelta: 16 timestamp: 1700000499000',
  ]);
  const offsets = await runCli(['dump-log', '--files', 'log-dir/__consumer_offsets-0/00000000000000000000.log', '--offsets-decoder'], {
    cwd: fixtures,
  });
  assert.equal(offsets.code, 0, offsets.stderr);
  assert.match(offsets.stdout, / key: offset::fixture-group:fx-none:0 payload: 100:fixture-group none@100\n/);
  assert.match(offsets.stdout, / key: offset::fixture-group:fx-snappy:0 payload: 250:snappy ✓ ünïcödé\n/);
  assert.match(offsets.stdout, / key: offset::fixture-simple-group:fx-none:0 payload: 42\n/);
  assert.match(
    offsets.stdout,
    /key: \{"metadata":"fixture-group"\} payload: \{"protocolType":"consumer","protocol":"range","generationId":3,"assignment":"\{fixture-java-consumer-[0-9a-f-]+=\[fx-none-0\]\}"\}\n/,
  );
  assert.match(offsets.stdout, /payload: \{"protocolType":"consumer","protocol":null,"generationId":4,"assignment":"\{\}"\}\n/);
});

test('dump-log --output json writes one JSON object per line with the same fields', async () => {
  const r = await runCli(['--output', 'json', 'dump-log', '--files', 'log-dir/fx-kcat-0/00000000000000000000.log', '--print-data-log'], {
    cwd: fixtures,
  });
  assert.equal(r.code, 0, r.stderr);
  const events = r.stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(events[0], { type: 'file', path: 'log-dir/fx-kcat-0/00000000000000000000.log' });
  const records = events.filter((e) => e.type === 'record');
  assert.equal(records.length, 23);
  assert.equal(records[3].payload, 'none value with unicode ✓');
  assert.deepEqual(records[22].endTxnMarker, { controlType: 'COMMIT', coordinatorEpoch: 0 });
});

test('dump-log reports a torn tail as invalid bytes, a missing file and a corrupt length as clear errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tarn-dump-'));
  const log = join(dir, '00000000000000000000.log');
  copyFileSync(join(fixtures, 'log-dir/fx-kcat-0/00000000000000000000.log'), log);
  truncateSync(log, 1200); // the COMMIT marker batch at 1158 is cut short
  const torn = await runCli(['dump-log', '--files', log]);
  assert.equal(torn.code, 0, torn.stderr);
  assert.match(torn.stdout, /Found 42 invalid bytes at the end of 00000000000000000000\.log\n$/);

  const missing = await runCli(['dump-log', '--files', join(dir, '00000000000000000099.log')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^Error: .*00000000000000000099\.log: no such file\n$/);

  const bad = Buffer.alloc(64);
  bad.writeInt32BE(3, 8); // a length below any message format's minimum
  writeFileSync(log, bad);
  const corrupt = await runCli(['dump-log', '--files', log, '--deep-iteration']);
  assert.equal(corrupt.code, 1);
  assert.match(corrupt.stderr, /^Error: CORRUPT_MESSAGE: Found record size 3 smaller than minimum record overhead \(14\)/);
  assert.doesNotMatch(corrupt.stderr, /\n\s+at /, 'no stack trace');
});

test('dump-log --index-sanity-check and --verify-index-only check indexes without printing entries', async () => {
  const files = ['log-dir/fx-none-0/00000000000000000000.index', 'log-dir/fx-none-0/00000000000000000354.timeindex'];
  const sane = await runCli(['dump-log', '--files', files.join(','), '--index-sanity-check'], { cwd: fixtures });
  assert.equal(sane.code, 0, sane.stderr);
  assert.deepEqual(sane.stdout.trimEnd().split('\n'), [
    `Dumping ${files[0]}`,
    `${files[0]} passed sanity check.`,
    `Dumping ${files[1]}`,
    `${files[1]} passed sanity check.`,
  ]);
  const verified = await runCli(['dump-log', '--files', files[0]!, '--verify-index-only'], { cwd: fixtures });
  assert.equal(verified.code, 0);
  assert.equal(verified.stdout, `Dumping ${files[0]}\n`);
  assert.equal(verified.stderr, '', 'every entry points at the batch it names');

  // an index entry pointing at the wrong batch, and an index torn mid-entry
  const dir = mkdtempSync(join(tmpdir(), 'tarn-index-'));
  copyFileSync(join(fixtures, 'log-dir/fx-none-0/00000000000000000000.log'), join(dir, '00000000000000000000.log'));
  const index = readFileSync(join(fixtures, files[0]!));
  index.writeInt32BE(0, 4); // the first entry (offset 23) now points at position 0, the batch ending at offset 0
  writeFileSync(join(dir, '00000000000000000000.index'), index);
  const wrong = await runCli(['dump-log', '--files', join(dir, '00000000000000000000.index'), '--verify-index-only']);
  assert.equal(wrong.code, 0);
  assert.match(wrong.stderr, /^Mismatches in :.*00000000000000000000\.index\n {2}Index offset: 23, log offset: 0\n$/);
  writeFileSync(join(dir, '00000000000000000000.index'), index.subarray(0, 13));
  const torn = await runCli(['dump-log', '--files', join(dir, '00000000000000000000.index'), '--index-sanity-check']);
  assert.equal(torn.code, 1);
  assert.match(torn.stderr, /^Error: Index file .* is corrupt, found 13 bytes which is neither positive nor a multiple of 8\.\n$/);
});

test('dump-log of a partition directory dumps its segment, index and snapshot files in name order', async () => {
  const { text } = kafkaDump('fx-kcat-0');
  const r = await runCli(['dump-log', '--files', 'log-dir/fx-kcat-0', '--print-data-log'], { cwd: fixtures });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '', 'leader-epoch-checkpoint is not offered to the dumper');
  assertSameLines(
    r.stdout,
    `${text}Dumping log-dir/fx-kcat-0/00000000000000000023.snapshot\n` +
      'producerId: 6 producerEpoch: 0 coordinatorEpoch: 0 currentTxnFirstOffset: None firstSequence: 0 lastSequence: 1 lastOffset: 21 offsetDelta: 1 timestamp: 1795371470632\n',
    'fx-kcat-0 directory',
  );
});

test('dump-log reports time index entries the log does not bear out, and offset gaps, as Kafka does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tarn-timeindex-'));
  const src = (ext: string) => readFileSync(join(fixtures, `log-dir/fx-kcat-0/00000000000000000000${ext}`));
  const log = src('.log');
  // the gzip batch (offsets 4-7, bytes 254-436) cut out: offset 3 is followed by 8
  writeFileSync(join(dir, '00000000000000000000.log'), Buffer.concat([log.subarray(0, 254), log.subarray(437)]));
  const timeindex = src('.timeindex');
  timeindex.writeUInt32BE(timeindex.readUInt32BE(4) + 1, 4); // the first entry's timestamp + 1
  writeFileSync(join(dir, '00000000000000000000.timeindex'), timeindex);
  const r = await runCli([
    'dump-log',
    '--files',
    `${dir}/00000000000000000000.timeindex,${dir}/00000000000000000000.log`,
    '--deep-iteration',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stderr,
    `Found timestamp mismatch in :${dir}/00000000000000000000.timeindex\n` +
      '  Index timestamp: 1795371470593, log timestamp: 1795371470592\n' +
      `Non-consecutive offsets in ${dir}/00000000000000000000.log\n` +
      '  3 is followed by 8\n',
  );
});
