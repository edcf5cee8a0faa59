// No input crashes or wedges the broker (DESIGN.md, Testing: "Hostile input"). A real broker
// process gets hand-made hostile frames (a zero and a negative size prefix, compressed batches that
// inflate to hundreds of MiB, a Metadata request announcing 2^31-1 topics, and what the fuzzer
// found: huge partition counts, a JoinGroup naming one protocol twice, a max timestamp of
// Long.MAX_VALUE), then mutated
// real-client frames over many short connections while a kafkajs client produces and consumes
// beside them (src/testing/wire-fuzzer.ts). The broker must not exit, must answer a fresh
// connection's ApiVersions within seconds, must stay under 512 MiB RSS, and the client must get
// back every record it produced.
//
// TARN_FUZZ_SEED reproduces a run (the seed is printed); TARN_FUZZ_FRAMES sets its length
// (`npm run fuzz` runs a million).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, CompressionType, ErrorCode, type ApiRequestMap } from '@tarn/protocol';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process';
import {
  BOMB_CODECS,
  batchAround,
  batchWithMaxTimestamp,
  compressedZeros,
  createPartitionsFrame,
  createTopicsFrame,
  exchange,
  fetchFrame,
  findCoordinatorFrame,
  formatReport,
  joinGroupFrame,
  legacyGzipBombFrame,
  metadataHugeCompactTopicCount,
  metadataHugeTopicCount,
  negativeSizeFrame,
  probe,
  produceErrorCode,
  produceFrame,
  requestFrame,
  rssOf,
  type Exchange,
  runWireFuzz,
  zeroSizeFrame,
} from '../src/testing/wire-fuzzer';

const MIB = 1024 * 1024;
const RSS_LIMIT = 512 * MIB;

let current: BrokerProcess | null = null;
after(async () => {
  await current?.stop();
});

/** The broker of the hand-made cases; a fresh one when the last case killed or wedged it. */
async function broker(): Promise<BrokerProcess> {
  if (current !== null && current.exitStatus() === null && !('error' in (await probe(current.port, 2000)))) return current;
  if (current !== null) {
    current.signal('SIGKILL');
    await current.stop();
  }
  current = await startBrokerProcess();
  return current;
}

/** Why the broker is not well, or null: it must be running and answer ApiVersions on a fresh connection. */
async function unwell(b: BrokerProcess): Promise<string | null> {
  const st = b.exitStatus();
  if (st !== null) return `the broker exited (code ${st.code}, signal ${st.signal}):\n${b.output().slice(-2000)}`;
  const r = await probe(b.port, 5000);
  if ('error' in r)
    return b.exitStatus() !== null
      ? `the broker exited:\n${b.output().slice(-2000)}`
      : `the broker does not answer ApiVersions (${r.error})`;
  return null;
}

/**
 * Probes the broker (ApiVersions on a fresh connection, every 500 ms) while `fn` runs; returns fn's
 * result and the slowest answer in ms (Infinity when one never came within 5 s).
 */
async function probingWhile<T>(b: BrokerProcess, fn: () => Promise<T>): Promise<{ result: T; slowest: number }> {
  let slowest = 0;
  let running = true;
  const prober = (async () => {
    while (running) {
      const r = await probe(b.port, 5000);
      slowest = Math.max(slowest, 'error' in r ? Number.POSITIVE_INFINITY : r.ms);
      await new Promise((res) => setTimeout(res, 500));
    }
  })();
  try {
    return { result: await fn(), slowest };
  } finally {
    running = false;
    await prober;
  }
}

/** The error code of the first topic of a CreateTopics v3 / CreatePartitions v1 answer. */
function firstTopicErrorCode(r: Exchange): number | null {
  const f = r.responses[0];
  if (f === undefined) return null;
  // correlation id, throttle time, array count, name (int16 length + bytes), error code
  const nameLength = f.readInt16BE(12);
  return f.readInt16BE(14 + nameLength);
}

/** Samples the broker's RSS every 50 ms while `fn` runs; returns fn's result and the peak. */
async function watchingRss<T>(b: BrokerProcess, fn: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = rssOf(b.pid) ?? 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(b.pid) ?? 0)), 50);
  try {
    const result = await fn();
    await new Promise((r) => setTimeout(r, 200));
    return { result, peak: Math.max(peak, rssOf(b.pid) ?? 0) };
  } finally {
    clearInterval(timer);
  }
}

test('wire fuzz: a zero size prefix (00 00 00 00) on a fresh connection closes that connection only', async () => {
  const b = await broker();
  const r = await exchange(b.port, zeroSizeFrame(), { timeoutMs: 3000 });
  assert.equal(await unwell(b), null);
  assert.equal(r.responses.length, 0, 'nothing to answer');
  // and after a valid request on the same connection
  const apiVersions = requestFrame(ApiKey.ApiVersions, 0, {} as ApiRequestMap[typeof ApiKey.ApiVersions]);
  await exchange(b.port, [apiVersions, zeroSizeFrame()], { expect: 2, timeoutMs: 3000 });
  assert.equal(await unwell(b), null);
});

test('wire fuzz: negative size prefixes close the connection', async () => {
  const b = await broker();
  for (const size of [-1, -4, -0x80000000]) {
    const r = await exchange(b.port, negativeSizeFrame(size), { timeoutMs: 3000 });
    assert.equal(await unwell(b), null, `after size ${size}`);
    assert.ok(r.closedByBroker, `size ${size}: the broker closes the connection (Kafka's InvalidReceiveException)`);
  }
});

test('wire fuzz: a Metadata request announcing 2^31-1 topics is refused without allocating them', async () => {
  const b = await broker();
  for (const [name, frame] of [
    ['v1 (int32 count)', metadataHugeTopicCount()],
    ['v1 (count 0x10000000)', metadataHugeTopicCount(0x10000000)],
    ['v9 (compact count)', metadataHugeCompactTopicCount()],
  ] as const) {
    const { result, peak } = await watchingRss(b, () => exchange(b.port, frame, { timeoutMs: 5000 }));
    assert.equal(await unwell(b), null, name);
    assert.ok(peak < RSS_LIMIT, `${name}: peak RSS ${Math.round(peak / MIB)} MiB`);
    assert.ok(result.closedByBroker, `${name}: a request that does not decode closes the connection`);
  }
});

/** Topics the compression bombs go to: plain (stored as sent), compacted (every record is read for its key), re-compressed. */
const BOMB_TOPICS: ReadonlyArray<{ name: string; configs: Array<{ name: string; value: string }> }> = [
  { name: 'bomb-plain', configs: [] },
  { name: 'bomb-compact', configs: [{ name: 'cleanup.policy', value: 'compact' }] },
  { name: 'bomb-recompress', configs: [{ name: 'compression.type', value: 'lz4' }] },
];

/** What Kafka answers a batch whose records do not parse or are too large once inflated. */
const REFUSALS: ReadonlySet<number> = new Set([ErrorCode.CORRUPT_MESSAGE, ErrorCode.INVALID_RECORD, ErrorCode.MESSAGE_TOO_LARGE]);

test('wire fuzz: compressed batches that inflate far beyond max.message.bytes are refused, and the broker does not inflate them', async () => {
  let b = await broker();
  const create = createTopicsFrame(
    BOMB_TOPICS.map((t) => ({ name: t.name, numPartitions: 1, configs: Object.fromEntries(t.configs.map((c) => [c.name, c.value])) })),
  );
  assert.equal((await exchange(b.port, create)).responses.length, 1);
  const problems: string[] = [];
  const cases: Array<{ name: string; frame: () => Buffer }> = [];
  for (const t of BOMB_TOPICS) {
    for (const c of BOMB_CODECS) {
      const size = c.codec === CompressionType.SNAPPY ? 'a block announcing 4 GiB' : `${c.inflated / MIB} MiB of zeros`;
      cases.push({
        name: `${t.name}: Produce v7, ${c.name} batch of ${size}`,
        frame: () => produceFrame(t.name, batchAround(compressedZeros(c.codec, c.inflated), c.codec)),
      });
    }
  }
  cases.push({
    name: 'bomb-plain: Produce v2, magic-1 gzip wrapper of 768 MiB of zeros',
    frame: () => legacyGzipBombFrame('bomb-plain', 768 * MIB),
  });
  for (const c of cases) {
    b = await broker();
    const frame = c.frame();
    const { result, peak } = await watchingRss(b, () => exchange(b.port, frame, { timeoutMs: 30_000 }));
    const sick = await unwell(b);
    const answer = result.responses[0];
    const code = answer !== undefined ? produceErrorCode(answer) : null;
    const got = code === null ? (result.closedByBroker ? 'the connection closed' : 'no answer') : `error code ${code}`;
    if (sick !== null) problems.push(`${c.name} (${frame.length} bytes): ${sick}`);
    else if (peak >= RSS_LIMIT) problems.push(`${c.name} (${frame.length} bytes): peak RSS ${Math.round(peak / MIB)} MiB (${got})`);
    else if (code === null || !REFUSALS.has(code))
      problems.push(
        `${c.name} (${frame.length} bytes): ${got}, expected CORRUPT_MESSAGE, INVALID_RECORD or MESSAGE_TOO_LARGE (peak RSS ${Math.round(peak / MIB)} MiB)`,
      );
  }
  // whatever was stored must not inflate on the way out either (Fetch v3 down-converts to magic 1)
  b = await broker();
  const { peak } = await watchingRss(b, () => exchange(b.port, fetchFrame('bomb-plain', 3), { timeoutMs: 30_000 }));
  const sick = await unwell(b);
  if (sick !== null) problems.push(`Fetch v3 of bomb-plain: ${sick}`);
  else if (peak >= RSS_LIMIT) problems.push(`Fetch v3 of bomb-plain: peak RSS ${Math.round(peak / MIB)} MiB`);
  assert.deepEqual(problems, []);
});

test('wire fuzz: CreateTopics and CreatePartitions beyond 10,000 partitions are refused at once (POLICY_VIOLATION, as Kafka)', async () => {
  const b = await broker();
  assert.equal(firstTopicErrorCode(await exchange(b.port, createTopicsFrame([{ name: 'grows', numPartitions: 1 }]))), ErrorCode.NONE);
  const problems: string[] = [];
  for (const [name, frame] of [
    ['CreateTopics, 2^31-1 partitions', createTopicsFrame([{ name: 'huge-1', numPartitions: 0x7fffffff }])],
    ['CreateTopics, 16,777,216 partitions', createTopicsFrame([{ name: 'huge-2', numPartitions: 0x1000000 }])],
    ['CreateTopics, 10,001 partitions', createTopicsFrame([{ name: 'huge-3', numPartitions: 10_001 }])],
    [
      'CreateTopics, two topics of 6,000 partitions',
      createTopicsFrame([
        { name: 'huge-4', numPartitions: 6000 },
        { name: 'huge-5', numPartitions: 6000 },
      ]),
    ],
    ['CreatePartitions to 2^31-1', createPartitionsFrame('grows', 0x7fffffff)],
    ['CreatePartitions to 65,536', createPartitionsFrame('grows', 0x10000)],
  ] as const) {
    const started = Date.now();
    const { result, peak } = await watchingRss(b, () => exchange(b.port, frame, { timeoutMs: 10_000 }));
    const code = firstTopicErrorCode(result);
    const sick = await unwell(b);
    if (sick !== null) {
      problems.push(`${name}: ${sick}`);
      break;
    }
    if (code === ErrorCode.NONE || code === null) problems.push(`${name}: ${code === null ? 'no answer within 10 s' : 'created'}`);
    else if (Date.now() - started > 2000) problems.push(`${name}: refused (${code}) only after ${Date.now() - started} ms`);
    if (peak >= RSS_LIMIT) problems.push(`${name}: peak RSS ${Math.round(peak / MIB)} MiB`);
  }
  assert.deepEqual(problems, []);
});

test('wire fuzz: creating 10,000 partitions (the most one request may) does not stop the broker answering everyone else', async () => {
  const b = await broker();
  const { result, slowest } = await probingWhile(b, () =>
    exchange(b.port, createTopicsFrame([{ name: 'ten-thousand', numPartitions: 10_000 }]), { timeoutMs: 120_000 }),
  );
  assert.equal(await unwell(b), null);
  assert.equal(firstTopicErrorCode(result), ErrorCode.NONE);
  // Kafka creates logs on its request handler threads; its network threads keep answering
  assert.ok(slowest < 2000, `a fresh connection's ApiVersions took ${slowest} ms while the partitions were created`);
});

test('wire fuzz: a JoinGroup naming the same protocol twice neither kills the broker nor wedges the group', async () => {
  const b = await broker();
  for (let i = 0; ; i++) {
    const r = await exchange(b.port, findCoordinatorFrame('dup-protocols'));
    if (r.responses[0]?.readInt16BE(4) === ErrorCode.NONE) break;
    assert.ok(i < 40, 'the group coordinator is ready');
    await new Promise((res) => setTimeout(res, 250));
  }
  // the coordinator answers after group.initial.rebalance.delay.ms (3 s by default)
  const first = await exchange(b.port, joinGroupFrame('dup-protocols', ['range', 'range'], 6000), { timeoutMs: 12_000 });
  assert.equal(await unwell(b), null);
  assert.equal(first.responses.length, 1, 'the JoinGroup is answered');
  const again = await exchange(b.port, joinGroupFrame('dup-protocols', ['range'], 6000), { timeoutMs: 12_000 });
  assert.equal(await unwell(b), null);
  // JoinGroup v3: correlation id, throttle time, error code
  assert.notEqual(
    again.responses[0]?.readInt16BE(8),
    ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
    'a member offering the same protocol can join the group',
  );
});

test('wire fuzz: batches whose max timestamp is Long.MAX_VALUE are stored and indexed, and the partition keeps taking appends', async () => {
  const b = await broker();
  assert.equal(firstTopicErrorCode(await exchange(b.port, createTopicsFrame([{ name: 'far-future', numPartitions: 1 }]))), ErrorCode.NONE);
  // the first rolls a segment (its timestamp is far past segment.ms), the second is indexed in it
  // (more than index.interval.bytes, 4096, were appended since the segment's first entry)
  const codes: Array<number | string> = [];
  for (const batch of [
    batchWithMaxTimestamp(0x7fffffffffffffffn, 5000),
    batchWithMaxTimestamp(0x7fffffffffffffffn, 5000),
    batchWithMaxTimestamp(BigInt(Date.now()), 10),
  ]) {
    const r = await exchange(b.port, produceFrame('far-future', batch), { timeoutMs: 5000 });
    codes.push(r.responses[0] !== undefined ? produceErrorCode(r.responses[0]) : r.closedByBroker ? 'closed' : 'no answer');
    const sick = await unwell(b);
    assert.equal(sick, null, `after produce ${codes.length}: ${sick}`);
  }
  assert.deepEqual(codes, [ErrorCode.NONE, ErrorCode.NONE, ErrorCode.NONE]);
});

test('wire fuzz: mutated real-client frames over many short connections, a kafkajs client working throughout', async (t) => {
  await current?.stop();
  current = null;
  const seed = process.env.TARN_FUZZ_SEED !== undefined ? Number(process.env.TARN_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
  const frames = Number(process.env.TARN_FUZZ_FRAMES ?? 80_000);
  console.log(`wire fuzz seed ${seed} (TARN_FUZZ_SEED=${seed} reproduces it), ${frames} frames`);
  const report = await runWireFuzz({
    seed,
    frames,
    stopOnFailure: true,
    concurrency: 16,
    progressEveryMs: 15_000,
    log: (l) => console.log(l),
  });
  t.diagnostic(formatReport(report).split('\n').slice(0, 5).join('; '));
  assert.ok(report.failures.length === 0, formatReport(report));
  assert.ok(report.produced > 0 && report.consumed >= report.produced, formatReport(report));
});
