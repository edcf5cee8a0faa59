// Group coordinator benchmark, against a tarn broker in a process of its own, through the real
// socket path with our own codecs:
//
//  - commit rate: OffsetCommit v8 (one partition, and ten partitions per request) with 5 requests in
//    flight, each answered once its record batch is in __consumer_offsets and covered by the high
//    watermark. Baseline from the same run: Produce v9 of one small record with acks=-1 to a
//    one-partition topic — the same append-and-wait path without the coordinator — and OffsetFetch
//    (no append at all).
//  - rebalance duration for 10 members on 100 partitions: a Stable group is made to rebalance (the
//    leader rejoins) and every member rejoins at once; the time runs from the trigger until the last
//    member has its assignment from SyncGroup. Baseline: the same with 1 member.
import {
  ApiKey,
  ConsumerProtocolAssignment,
  ConsumerProtocolSubscription,
  CreateTopicsRequestTypes,
  ErrorCode,
  FindCoordinatorRequestTypes,
  JoinGroupRequestTypes,
  OffsetCommitRequestTypes,
  OffsetFetchRequestTypes,
  ProduceRequestTypes,
  SyncGroupRequestTypes,
  Writer,
  buildRecordBatch,
  decodeResponse,
  errorName,
  type ApiKeyNumber,
  type ApiRequestMap,
} from '@tarn/protocol';
import { startBrokerProcess, type BrokerProcess } from '@tarn/broker/testing';
import { PipelinedConnection, pipeline } from './pipelined-connection';
import { fmt, printTable, type Row } from './report';

const SECONDS = Number(process.env.TARN_BENCH_SECONDS ?? 3);
const IN_FLIGHT = 5;
const TOPIC = 'bench-groups';
const PARTITIONS = 100;
const REBALANCES = 7;

function check(what: string, code: number): void {
  if (code !== ErrorCode.NONE) throw new Error(`${what}: ${errorName(code)}`);
}

/** Requests of one kind for `SECONDS`, `IN_FLIGHT` at a time; returns requests per second. */
async function rate<K extends ApiKeyNumber>(
  conn: PipelinedConnection,
  apiKey: K,
  version: number,
  body: (i: number) => ApiRequestMap[K],
  errorOf: (frame: Buffer) => number,
): Promise<number> {
  let sent = 0;
  let answered = 0;
  const t0 = performance.now();
  await pipeline(
    IN_FLIGHT,
    (onFrame) => {
      if (performance.now() - t0 > SECONDS * 1000) return null;
      conn.send(apiKey, version, body(sent), onFrame);
      return sent++;
    },
    (frame) => {
      check(`${apiKey}`, errorOf(frame));
      answered++;
    },
  );
  return answered / ((performance.now() - t0) / 1000);
}

function consumerBytes<T>(codec: { write(w: Writer, v: number, o: T): void }, value: T): Buffer {
  const w = new Writer(256);
  w.int16(0);
  codec.write(w, 0, value);
  return w.toBuffer();
}

/** Range assignment of PARTITIONS partitions over the members, sorted by member id. */
function rangeAssignment(memberIds: string[]): Array<{ memberId: string; assignment: Buffer }> {
  const sorted = [...memberIds].sort();
  const per = Math.floor(PARTITIONS / sorted.length);
  const extra = PARTITIONS % sorted.length;
  let next = 0;
  return sorted.map((memberId, i) => {
    const n = per + (i < extra ? 1 : 0);
    const partitions = Array.from({ length: n }, (_, k) => next + k);
    next += n;
    return {
      memberId,
      assignment: consumerBytes(ConsumerProtocolAssignment, { assignedPartitions: [{ topic: TOPIC, partitions }], userData: null }),
    };
  });
}

interface Member {
  conn: PipelinedConnection;
  memberId: string;
}

const SUBSCRIPTION = consumerBytes(ConsumerProtocolSubscription, {
  topics: [TOPIC],
  userData: null,
  ownedPartitions: [],
  generationId: -1,
  rackId: null,
});

async function join(m: Member, groupId: string) {
  const res = await m.conn.request(ApiKey.JoinGroup, 7, {
    ...JoinGroupRequestTypes.defaultJoinGroupRequest(),
    groupId,
    sessionTimeoutMs: 30_000,
    rebalanceTimeoutMs: 30_000,
    memberId: m.memberId,
    protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: SUBSCRIPTION }],
  });
  if (res.errorCode === ErrorCode.MEMBER_ID_REQUIRED) {
    m.memberId = res.memberId;
    return join(m, groupId);
  }
  check('JoinGroup', res.errorCode);
  m.memberId = res.memberId;
  return res;
}

/** Joins and syncs until it holds an assignment, rejoining when the group moved on meanwhile. */
async function joinAndSync(m: Member, groupId: string): Promise<number> {
  for (;;) {
    const j = await join(m, groupId);
    const assignments = j.leader === m.memberId ? rangeAssignment(j.members.map((x) => x.memberId)) : [];
    const res = await m.conn.request(ApiKey.SyncGroup, 5, {
      ...SyncGroupRequestTypes.defaultSyncGroupRequest(),
      groupId,
      generationId: j.generationId,
      memberId: m.memberId,
      protocolType: 'consumer',
      protocolName: 'range',
      assignments,
    });
    if (res.errorCode === ErrorCode.REBALANCE_IN_PROGRESS) continue;
    check('SyncGroup', res.errorCode);
    if (res.assignment.length === 0) throw new Error('a member got no assignment');
    return j.generationId;
  }
}

/**
 * Every member joins at once; the leader assigns; every member syncs. Members that finished an
 * older generation (the group formed in steps) rejoin, as a client learns from its next heartbeat,
 * until all hold assignments of one generation.
 */
async function rebalance(members: Member[], groupId: string): Promise<void> {
  let generations = await Promise.all(members.map((m) => joinAndSync(m, groupId)));
  for (;;) {
    const latest = Math.max(...generations);
    const behind = members.map((m, i) => [m, i] as const).filter(([, i]) => generations[i]! < latest);
    if (behind.length === 0) return;
    const again = await Promise.all(behind.map(([m]) => joinAndSync(m, groupId)));
    generations = generations.map((g, i) => again[behind.findIndex(([, j]) => j === i)] ?? g);
    if (again.some((g) => g > latest)) generations = await Promise.all(members.map((m) => joinAndSync(m, groupId)));
  }
}

async function rebalanceMs(broker: BrokerProcess, size: number): Promise<{ first: number; median: number; best: number }> {
  const groupId = `bench-rebalance-${size}`;
  const members: Member[] = [];
  for (let i = 0; i < size; i++) members.push({ conn: await PipelinedConnection.open(broker.port), memberId: '' });
  const t0 = performance.now();
  await rebalance(members, groupId);
  const first = performance.now() - t0;
  const times: number[] = [];
  for (let r = 0; r < REBALANCES; r++) {
    const t = performance.now();
    await rebalance(members, groupId); // the leader's JoinGroup starts it; the others' complete the join phase
    times.push(performance.now() - t);
  }
  for (const m of members) m.conn.close();
  times.sort((a, b) => a - b);
  return { first, median: times[Math.floor(times.length / 2)]!, best: times[0]! };
}

export async function run(): Promise<void> {
  const broker = await startBrokerProcess({ overrides: { 'group.initial.rebalance.delay.ms': '0', 'offsets.topic.num.partitions': '50' } });
  try {
    const conn = await PipelinedConnection.open(broker.port);
    const created = await conn.request(ApiKey.CreateTopics, 5, {
      ...CreateTopicsRequestTypes.defaultCreateTopicsRequest(),
      topics: [
        { ...CreateTopicsRequestTypes.defaultCreatableTopic(), name: TOPIC, numPartitions: PARTITIONS, replicationFactor: 1 },
        { ...CreateTopicsRequestTypes.defaultCreatableTopic(), name: 'bench-groups-produce', numPartitions: 1, replicationFactor: 1 },
      ],
    });
    for (const t of created.topics) check(`CreateTopics ${t.name}`, t.errorCode);
    check(
      'FindCoordinator',
      (
        await conn.request(ApiKey.FindCoordinator, 3, {
          ...FindCoordinatorRequestTypes.defaultFindCoordinatorRequest(),
          key: 'bench-commits',
        })
      ).errorCode,
    );

    const record = buildRecordBatch([{ key: null, value: Buffer.alloc(8, 'c') }]);
    const produceRate = await rate(
      conn,
      ApiKey.Produce,
      9,
      () => ({
        ...ProduceRequestTypes.defaultProduceRequest(),
        acks: -1,
        timeoutMs: 30_000,
        topicData: [
          {
            ...ProduceRequestTypes.defaultTopicProduceData(),
            name: 'bench-groups-produce',
            partitionData: [{ index: 0, records: record }],
          },
        ],
      }),
      (f) => decodeResponse(ApiKey.Produce, 9, f).body.responses[0]!.partitionResponses[0]!.errorCode,
    );
    const commitBody = (partitions: number) => (i: number) => ({
      ...OffsetCommitRequestTypes.defaultOffsetCommitRequest(),
      groupId: 'bench-commits',
      topics: [
        {
          ...OffsetCommitRequestTypes.defaultOffsetCommitRequestTopic(),
          name: TOPIC,
          partitions: Array.from({ length: partitions }, (_, p) => ({
            ...OffsetCommitRequestTypes.defaultOffsetCommitRequestPartition(),
            partitionIndex: p,
            committedOffset: BigInt(i),
          })),
        },
      ],
    });
    const commitError = (f: Buffer) => decodeResponse(ApiKey.OffsetCommit, 8, f).body.topics[0]!.partitions[0]!.errorCode;
    const commit1 = await rate(conn, ApiKey.OffsetCommit, 8, commitBody(1), commitError);
    const commit10 = await rate(conn, ApiKey.OffsetCommit, 8, commitBody(10), commitError);
    const fetchRate = await rate(
      conn,
      ApiKey.OffsetFetch,
      7,
      () => ({
        ...OffsetFetchRequestTypes.defaultOffsetFetchRequest(),
        groupId: 'bench-commits',
        topics: [{ ...OffsetFetchRequestTypes.defaultOffsetFetchRequestTopic(), name: TOPIC, partitionIndexes: [0] }],
      }),
      (f) => decodeResponse(ApiKey.OffsetFetch, 7, f).body.errorCode,
    );
    conn.close();
    const rows: Row[] = [
      { name: 'Produce 1 record, acks=-1 (baseline)', 'requests/s': produceRate, 'partition commits/s': Number.NaN, 'vs baseline': 1 },
      { name: 'OffsetCommit v8, 1 partition', 'requests/s': commit1, 'partition commits/s': commit1, 'vs baseline': commit1 / produceRate },
      {
        name: 'OffsetCommit v8, 10 partitions',
        'requests/s': commit10,
        'partition commits/s': commit10 * 10,
        'vs baseline': commit10 / produceRate,
      },
      {
        name: 'OffsetFetch v7, 1 partition (no append)',
        'requests/s': fetchRate,
        'partition commits/s': Number.NaN,
        'vs baseline': fetchRate / produceRate,
      },
    ];
    printTable(
      `Offset commits through the socket (${IN_FLIGHT} in flight, ${SECONDS} s each)`,
      rows.map((r) => ({
        ...r,
        'partition commits/s': Number.isNaN(r['partition commits/s'] as number) ? '' : fmt(r['partition commits/s'] as number),
      })),
    );

    const one = await rebalanceMs(broker, 1);
    const ten = await rebalanceMs(broker, 10);
    printTable(
      `Rebalance of a consumer group on ${PARTITIONS} partitions (JoinGroup v7 + SyncGroup v5, range assignment; ${REBALANCES} rebalances)`,
      [
        {
          name: '1 member (baseline)',
          'first join ms': one.first,
          'rebalance median ms': one.median,
          'rebalance best ms': one.best,
          'vs baseline': 1,
        },
        {
          name: '10 members',
          'first join ms': ten.first,
          'rebalance median ms': ten.median,
          'rebalance best ms': ten.best,
          'vs baseline': ten.median / one.median,
        },
      ],
    );
  } finally {
    await broker.stop();
  }
}
