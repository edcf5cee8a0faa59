// The console at scale: the first page of topics (topics.list) and of consumer groups (groups.list)
// through tRPC, and the server-rendered /topics and /groups pages through the console's production
// server, on a cluster with 2,000 topics × 10 partitions and 500 consumer groups — against the same
// on an empty cluster (the baseline, same broker and console processes). Goal: the first page of
// topics in under a second.
//
// Topics are made with CreateTopics v5 (50 per request); each group commits an offset with
// OffsetCommit v8 (generation -1, no member id: a "simple" group, as kafka-consumer-groups.sh
// --reset-offsets makes), at offset 0 of a partition holding one record, so every listed group has
// lag to compute. TARN_BENCH_TOPICS / TARN_BENCH_GROUPS scale it down.
import { createTRPCClient, httpLink } from '@trpc/client';
import {
  ApiKey,
  buildRecordBatch,
  CreateTopicsRequestTypes,
  decodeResponse,
  ErrorCode,
  errorName,
  FindCoordinatorRequestTypes,
  OffsetCommitRequestTypes,
  ProduceRequestTypes,
} from '@tarn/protocol';
import type { AdminRouter } from '@tarn/broker';
import { startBrokerProcess } from '@tarn/broker/testing';
import { ensureConsoleBuild, startConsoleProcess } from './console-process';
import { PipelinedConnection, pipeline } from './pipelined-connection';
import { printTable, type Row } from './report';

const PARTITIONS = 10;
const WANTED_TOPICS = Number(process.env.TARN_BENCH_TOPICS ?? 2000);

const TOPICS = WANTED_TOPICS;
const GROUPS = Math.min(TOPICS, Number(process.env.TARN_BENCH_GROUPS ?? 500));
const RUNS = 9;
const PAGE = 50;

function check(what: string, code: number): void {
  if (code !== ErrorCode.NONE) throw new Error(`${what}: ${errorName(code)}`);
}

const topicName = (i: number) => `bench-topic-${String(i).padStart(5, '0')}`;

interface Timing {
  first: number;
  median: number;
  best: number;
}

/** The first call (cold caches) and the median and best of RUNS more. */
async function time(fn: () => Promise<unknown>): Promise<Timing> {
  const once = async () => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  const first = await once();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  runs.sort((a, b) => a - b);
  return { first, median: runs[Math.floor(runs.length / 2)]!, best: runs[0]! };
}

async function createTopics(conn: PipelinedConnection): Promise<void> {
  for (let from = 0; from < TOPICS; from += 50) {
    const names = Array.from({ length: Math.min(50, TOPICS - from) }, (_, i) => topicName(from + i));
    const res = await conn.request(ApiKey.CreateTopics, 5, {
      ...CreateTopicsRequestTypes.defaultCreateTopicsRequest(),
      timeoutMs: 120_000,
      topics: names.map((name) => ({
        ...CreateTopicsRequestTypes.defaultCreatableTopic(),
        name,
        numPartitions: PARTITIONS,
        replicationFactor: 1,
      })),
    });
    for (const t of res.topics) check(`CreateTopics ${t.name}`, t.errorCode);
  }
}

/** One record in partition 0 of each group's topic, then the group's commit at offset 0 there. */
async function createGroups(conn: PipelinedConnection): Promise<void> {
  const record = buildRecordBatch([{ key: null, value: Buffer.from('{"bench":true}') }]);
  let produced = 0;
  await pipeline(
    8,
    (onFrame) => {
      if (produced >= GROUPS) return null;
      const i = produced++;
      conn.send(
        ApiKey.Produce,
        9,
        {
          ...ProduceRequestTypes.defaultProduceRequest(),
          acks: 1,
          timeoutMs: 30_000,
          topicData: [
            { ...ProduceRequestTypes.defaultTopicProduceData(), name: topicName(i), partitionData: [{ index: 0, records: record }] },
          ],
        },
        onFrame,
      );
      return i;
    },
    (frame) => check('Produce', decodeResponse(ApiKey.Produce, 9, frame).body.responses[0]!.partitionResponses[0]!.errorCode),
  );
  // the first FindCoordinator creates __consumer_offsets; commits go through once it is led here
  for (let i = 0; ; i++) {
    const res = await conn.request(ApiKey.FindCoordinator, 3, {
      ...FindCoordinatorRequestTypes.defaultFindCoordinatorRequest(),
      key: 'bench-group-0000',
    });
    if (res.errorCode === ErrorCode.NONE) break;
    if (i > 100) check('FindCoordinator', res.errorCode);
    await new Promise((r) => setTimeout(r, 100));
  }
  let committed = 0;
  await pipeline(
    8,
    (onFrame) => {
      if (committed >= GROUPS) return null;
      const i = committed++;
      conn.send(
        ApiKey.OffsetCommit,
        8,
        {
          ...OffsetCommitRequestTypes.defaultOffsetCommitRequest(),
          groupId: `bench-group-${String(i).padStart(4, '0')}`,
          generationIdOrMemberEpoch: -1,
          memberId: '',
          topics: [
            {
              ...OffsetCommitRequestTypes.defaultOffsetCommitRequestTopic(),
              name: topicName(i),
              partitions: [{ ...OffsetCommitRequestTypes.defaultOffsetCommitRequestPartition(), partitionIndex: 0, committedOffset: 0n }],
            },
          ],
        },
        onFrame,
      );
      return i;
    },
    (frame) => check('OffsetCommit', decodeResponse(ApiKey.OffsetCommit, 8, frame).body.topics[0]!.partitions[0]!.errorCode),
  );
}

export async function run(): Promise<void> {
  ensureConsoleBuild();
  const password = `bench-${Math.random().toString(36).slice(2)}`;
  const broker = await startBrokerProcess({
    ready: 'kafka+healthz',
    overrides: { 'admin.password': password, 'offsets.topic.num.partitions': '10', 'auto.create.topics.enable': 'false' },
  });
  const { adminUrl } = broker;
  let consoleProcess: Awaited<ReturnType<typeof startConsoleProcess>> | null = null;
  try {
    consoleProcess = await startConsoleProcess(adminUrl);
    const login = await fetch(`${adminUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    if (!login.ok) throw new Error(`login failed: HTTP ${login.status}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const api = createTRPCClient<AdminRouter>({ links: [httpLink({ url: `${adminUrl}/trpc`, headers: { cookie } })] });
    const page = async (path: string) => {
      const res = await fetch(`${consoleProcess!.url}${path}`, { headers: { cookie }, redirect: 'manual' });
      if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}`);
      return res.text();
    };
    const measure = async () => ({
      topics: await time(() => api.topics.list.query({ page: 0, pageSize: PAGE })),
      topicsBySize: await time(() => api.topics.list.query({ page: 0, pageSize: PAGE, sort: 'size', direction: 'desc' })),
      groups: await time(() => api.groups.list.query({ page: 0, pageSize: PAGE })),
      topicsPage: await time(() => page('/topics')),
      groupsPage: await time(() => page('/groups')),
      overviewPage: await time(() => page('/')),
    });

    const empty = await measure();
    const conn = await PipelinedConnection.open(broker.port);
    let t0 = performance.now();
    await createTopics(conn);
    const createSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    await createGroups(conn);
    const groupSeconds = (performance.now() - t0) / 1000;
    conn.close();
    const [topicCount, groupCount] = [
      (await api.topics.list.query({ pageSize: 1 })).total,
      (await api.groups.list.query({ pageSize: 1 })).total,
    ];
    if (topicCount !== TOPICS || groupCount !== GROUPS) throw new Error(`set-up made ${topicCount} topics and ${groupCount} groups`);
    const html = await page('/topics');
    if (!html.includes(topicName(0))) throw new Error('the /topics page does not list the first topic');
    const loaded = await measure();

    const rows: Row[] = [];
    const add = (name: string, base: Timing, load: Timing) =>
      rows.push({
        name,
        'empty median ms': base.median,
        'loaded first ms': load.first,
        'loaded median ms': load.median,
        'loaded best ms': load.best,
        'vs empty': load.median / base.median,
      });
    add(`topics.list, first page of ${PAGE} by name (tRPC)`, empty.topics, loaded.topics);
    add(`topics.list, first page of ${PAGE} by size`, empty.topicsBySize, loaded.topicsBySize);
    add(`groups.list, first page of ${PAGE} (tRPC)`, empty.groups, loaded.groups);
    add('GET /topics, server-rendered by the console', empty.topicsPage, loaded.topicsPage);
    add('GET /groups, server-rendered by the console', empty.groupsPage, loaded.groupsPage);
    add("GET /, the overview (every group's lag status)", empty.overviewPage, loaded.overviewPage);
    printTable(
      `The console with ${TOPICS.toLocaleString('en-US')} topics × ${PARTITIONS} partitions and ${GROUPS} consumer groups (baseline: the same calls on the empty cluster; ${RUNS} runs after a first)`,
      rows,
    );
    console.log(
      `set-up: ${TOPICS} topics created in ${createSeconds.toFixed(1)} s (CreateTopics v5, 50 per request); ${GROUPS} groups in ${groupSeconds.toFixed(1)} s`,
    );
    const goal = loaded.topics.first < 1000 && loaded.topics.median < 1000;
    console.log(
      `goal — first page of topics in under a second: ${goal ? 'met' : 'MISSED'} (first call ${loaded.topics.first.toFixed(0)} ms, median ${loaded.topics.median.toFixed(0)} ms; server-rendered /topics median ${loaded.topicsPage.median.toFixed(0)} ms)`,
    );
  } catch (err) {
    console.error(`the broker's last output:\n${broker.output().split('\n').slice(-20).join('\n')}`);
    throw err;
  } finally {
    await consoleProcess?.stop();
    await broker.stop();
  }
}
