// Replication benchmark, one run: produce throughput on a three-broker cluster (separate processes,
// etcd) for RF=1 acks=1 against RF=3 acks=all with min.insync.replicas=2 (and the ratio), then the
// time from SIGKILL of a partition leader to the first acknowledged acks=all write on the new leader,
// against the lease TTL (broker.session.timeout.ms) that bounds failure detection.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ApiKey,
  CreateTopicsRequestTypes,
  ErrorCode,
  MetadataRequestTypes,
  ProduceRequestTypes,
  buildRecordBatch,
  decodeResponse,
  errorName,
} from '@tarn/protocol';
import { startBrokerProcess, startEtcd, type BrokerProcess } from '@tarn/broker/testing';
import { PipelinedConnection, pipeline, type FrameHandler } from './pipelined-connection';
import { summarizeCpuProfiles, type Phase } from './cpu-profile-summary';
import { printTable, type Row } from './report';
import { batchOf } from './storage';

const MiB = 1024 * 1024;
const VOLUME = Number(process.env.TARN_BENCH_REPLICATION_MIB ?? 192) * MiB;
const LEASE_MS = 3000;
/** Produce requests in flight; Kafka's producer default is 5. */
const WINDOW = Number(process.env.TARN_BENCH_WINDOW ?? 5);
/** Rounds of each produce phase; the median is reported. */
const ROUNDS = Number(process.env.TARN_BENCH_REPLICATION_ROUNDS ?? 3);

/** CPU time a process has used, in ms: user and system (kernel), every thread; Linux's /proc, 0 elsewhere. */
function cpuMs(pid: number): { user: number; sys: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd on
    return { user: Number(fields[11]) * 10, sys: Number(fields[12]) * 10 }; // utime, stime in 100 Hz clock ticks
  } catch {
    return { user: 0, sys: 0 };
  }
}

/** Runs `fn` and says how much CPU the broker processes used per MiB produced, and the kernel's share. */
async function withCpu<T extends { mib: number }>(
  brokers: Map<number, BrokerProcess>,
  fn: () => Promise<T>,
): Promise<T & { cpuMsPerMib: number; sysShare: number }> {
  const before = [...brokers.values()].map((b) => cpuMs(b.pid));
  const result = await fn();
  let user = 0;
  let sys = 0;
  [...brokers.values()].forEach((b, i) => {
    const now = cpuMs(b.pid);
    user += now.user - before[i]!.user;
    sys += now.sys - before[i]!.sys;
  });
  return { ...result, cpuMsPerMib: (user + sys) / result.mib, sysShare: sys / Math.max(1, user + sys) };
}

/** A raw-replica-node.mjs process (see there): the floor every replica of every byte costs. */
async function startRawNode(dir: string, followerPorts: number[]): Promise<{ port: number; pid: number; stop: () => void }> {
  const script = fileURLToPath(new URL('./raw-replica-node.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, dir, ...followerPorts.map(String)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (b: Buffer) => resolve(Number(b.toString().trim())));
    child.once('exit', (code) => reject(new Error(`raw replica node exited with ${code}`)));
  });
  return { port, pid: child.pid!, stop: () => child.kill('SIGKILL') };
}

/** The same 1 MiB batches, the same window, through raw nodes: one alone (RF=1) or a leader and two followers (RF=3). */
async function rawThroughput(replicas: 1 | 3): Promise<{ mibPerSec: number; mib: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'tarn-bench-raw-'));
  const followers = replicas === 3 ? [await startRawNode(dir, []), await startRawNode(dir, [])] : [];
  const leader = await startRawNode(
    dir,
    followers.map((f) => f.port),
  );
  try {
    const { batch } = batchOf(MiB, Date.now());
    const frame = Buffer.alloc(4 + batch.length);
    frame.writeInt32BE(batch.length);
    batch.copy(frame, 4);
    const total = Math.max(1, Math.round(VOLUME / batch.length));
    const socket = connect(leader.port, '127.0.0.1');
    socket.setNoDelay(true);
    await new Promise<void>((r) => socket.once('connect', () => r()));
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      let sent = 0;
      let answered = 0;
      const send = () => {
        while (sent < total && sent - answered < WINDOW) {
          socket.write(frame);
          sent++;
        }
      };
      socket.on('data', (b: Buffer) => {
        answered += b.length;
        if (answered >= total) resolve();
        else send();
      });
      send();
    });
    const seconds = (performance.now() - t0) / 1000;
    socket.destroy();
    return { mibPerSec: (total * batch.length) / MiB / seconds, mib: (total * batch.length) / MiB };
  } finally {
    for (const n of [leader, ...followers]) n.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function leaderOf(brokers: Map<number, BrokerProcess>, topic: string): Promise<number> {
  for (const b of brokers.values()) {
    try {
      const c = await PipelinedConnection.open(b.port);
      const md = await c.request(ApiKey.Metadata, 9, {
        ...MetadataRequestTypes.defaultMetadataRequest(),
        topics: [{ ...MetadataRequestTypes.defaultMetadataRequestTopic(), name: topic }],
        allowAutoTopicCreation: false,
      });
      c.close();
      const leader = md.topics[0]?.partitions[0]?.leaderId ?? -1;
      if (leader > 0 && brokers.has(leader)) return leader;
    } catch {
      // try the next broker
    }
  }
  return -1;
}

async function produceThroughput(
  broker: BrokerProcess,
  topic: string,
  acks: number,
): Promise<{ recordsPerSec: number; mibPerSec: number; mib: number }> {
  const { batch, records } = batchOf(MiB, Date.now());
  const conn = await PipelinedConnection.open(broker.port);
  const body = {
    ...ProduceRequestTypes.defaultProduceRequest(),
    acks,
    timeoutMs: 30_000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name: topic,
        partitionData: [{ ...ProduceRequestTypes.defaultPartitionProduceData(), index: 0, records: batch }],
      },
    ],
  };
  const total = Math.max(1, Math.round(VOLUME / batch.length));
  let sent = 0;
  const issue = (onFrame: FrameHandler) => {
    if (sent >= total) return null;
    sent++;
    conn.send(ApiKey.Produce, 9, body, onFrame);
    return true;
  };
  const check = (frame: Buffer) => {
    const p = decodeResponse(ApiKey.Produce, 9, frame).body.responses[0]!.partitionResponses[0]!;
    if (p.errorCode !== ErrorCode.NONE) throw new Error(`produce ${topic}: ${errorName(p.errorCode)} ${p.errorMessage ?? ''}`);
  };
  const t0 = performance.now();
  await pipeline(WINDOW, issue, check);
  const seconds = (performance.now() - t0) / 1000;
  conn.close();
  return {
    recordsPerSec: (total * records) / seconds,
    mibPerSec: (total * batch.length) / MiB / seconds,
    mib: (total * batch.length) / MiB,
  };
}

/** SIGKILLs the leader, then measures until an acks=all write succeeds on a new leader. */
async function failover(brokers: Map<number, BrokerProcess>, topic: string): Promise<number> {
  const victim = await leaderOf(brokers, topic);
  const killed = brokers.get(victim)!;
  killed.signal('SIGKILL');
  const t0 = performance.now();
  brokers.delete(victim);
  // out of the map, so the bench's cleanup would not reach its log dir: removed once it has died
  void killed.exited.then(() => killed.stop());
  const records = buildRecordBatch([{ value: 'after failover' }]);
  for (;;) {
    const leader = await leaderOf(brokers, topic);
    if (leader > 0) {
      try {
        const c = await PipelinedConnection.open(brokers.get(leader)!.port);
        const res = await c.request(ApiKey.Produce, 9, {
          ...ProduceRequestTypes.defaultProduceRequest(),
          acks: -1,
          timeoutMs: 5000,
          topicData: [
            {
              ...ProduceRequestTypes.defaultTopicProduceData(),
              name: topic,
              partitionData: [{ ...ProduceRequestTypes.defaultPartitionProduceData(), index: 0, records }],
            },
          ],
        });
        c.close();
        if (res.responses[0]!.partitionResponses[0]!.errorCode === ErrorCode.NONE) return performance.now() - t0;
      } catch {
        // not yet
      }
    }
    await new Promise((r) => setTimeout(r, 20));
    if (performance.now() - t0 > 60_000) throw new Error('no write succeeded within 60 s of the kill');
  }
}

export async function run(): Promise<void> {
  const etcd = await startEtcd();
  const brokers = new Map<number, BrokerProcess>();
  // TARN_BENCH_CPU_PROF=<dir>: profile the three brokers and summarize per phase (the failover is skipped)
  const cpuProfDir = process.env.TARN_BENCH_CPU_PROF;
  if (cpuProfDir !== undefined) mkdirSync(cpuProfDir, { recursive: true });
  const phases: Phase[] = [];
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const startNs = process.hrtime.bigint();
    const result = await fn();
    phases.push({ name, startNs, endNs: process.hrtime.bigint() });
    return result;
  };
  try {
    for (const id of [1, 2, 3]) {
      brokers.set(
        id,
        await startBrokerProcess({
          cpuProfDir,
          overrides: {
            'node.id': String(id),
            'metadata.store': 'etcd',
            'etcd.endpoints': etcd.endpoint,
            'broker.session.timeout.ms': String(LEASE_MS),
            'replica.fetch.wait.max.ms': '100',
            'replica.fetch.max.bytes': String(4 * MiB),
            'admin.password': 'bench',
          },
        }),
      );
    }
    const first = brokers.get(1)!;
    const admin = await PipelinedConnection.open(first.port);
    for (;;) {
      const md = await admin.request(ApiKey.Metadata, 9, { ...MetadataRequestTypes.defaultMetadataRequest(), topics: [] });
      if (md.brokers.length === 3 && md.controllerId > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const created = await admin.request(ApiKey.CreateTopics, 5, {
      ...CreateTopicsRequestTypes.defaultCreateTopicsRequest(),
      topics: [
        { ...CreateTopicsRequestTypes.defaultCreatableTopic(), name: 'rf1', numPartitions: 1, replicationFactor: 1 },
        {
          ...CreateTopicsRequestTypes.defaultCreatableTopic(),
          name: 'rf3',
          numPartitions: 1,
          replicationFactor: 3,
          configs: [{ name: 'min.insync.replicas', value: '2' }],
        },
      ],
    });
    for (const t of created.topics)
      if (t.errorCode !== ErrorCode.NONE) throw new Error(`CreateTopics ${t.name}: ${errorName(t.errorCode)}`);
    admin.close();
    await new Promise((r) => setTimeout(r, 1000)); // followers open their replicas
    const rf1Leader = brokers.get(await leaderOf(brokers, 'rf1'))!;
    const rf3Leader = brokers.get(await leaderOf(brokers, 'rf3'))!;
    // the two alternate ROUNDS times (this machine's figures vary run to run); the median round of each is shown
    const rf1Runs: Array<Awaited<ReturnType<typeof produceThroughput>> & { cpuMsPerMib: number; sysShare: number }> = [];
    const rf3Runs: typeof rf1Runs = [];
    for (let round = 0; round < ROUNDS; round++) {
      rf1Runs.push(await phase('RF=1 acks=1', () => withCpu(brokers, () => produceThroughput(rf1Leader, 'rf1', 1))));
      rf3Runs.push(await phase('RF=3 acks=all', () => withCpu(brokers, () => produceThroughput(rf3Leader, 'rf3', -1))));
    }
    const median = (runs: typeof rf1Runs) => [...runs].sort((a, b) => a.mibPerSec - b.mibPerSec)[Math.floor(runs.length / 2)]!;
    const [rf1, rf3] = [median(rf1Runs), median(rf3Runs)];
    const range = (runs: typeof rf1Runs) =>
      `${Math.min(...runs.map((r) => r.mibPerSec)).toFixed(0)}–${Math.max(...runs.map((r) => r.mibPerSec)).toFixed(0)}`;
    const rows: Row[] = [
      {
        name: 'RF=1, acks=1 (1 MiB batches of 100-byte records)',
        'records/s': rf1.recordsPerSec,
        'MiB/s': rf1.mibPerSec,
        'MiB/s range': range(rf1Runs),
        'brokers CPU ms/MiB': rf1.cpuMsPerMib,
        'of it kernel': `${(rf1.sysShare * 100).toFixed(0)} %`,
        'vs RF=1': 1,
      },
      {
        name: 'RF=3, acks=all, min.insync.replicas=2',
        'records/s': rf3.recordsPerSec,
        'MiB/s': rf3.mibPerSec,
        'MiB/s range': range(rf3Runs),
        'brokers CPU ms/MiB': rf3.cpuMsPerMib,
        'of it kernel': `${(rf3.sysShare * 100).toFixed(0)} %`,
        'vs RF=1': rf3.recordsPerSec / rf1.recordsPerSec,
        goal: '≥ 0.5',
      },
    ];
    printTable(
      `replication: produce on a 3-broker cluster (three broker processes and etcd on this machine), median of ${ROUNDS} rounds`,
      rows,
    );
    // the floor on this machine: what the copies alone allow (each replica receives and writes every byte)
    const rawRuns: Array<{ rf1: number; rf3: number }> = [];
    for (let round = 0; round < ROUNDS; round++)
      rawRuns.push({ rf1: (await rawThroughput(1)).mibPerSec, rf3: (await rawThroughput(3)).mibPerSec });
    const mid = <T>(xs: T[], key: (x: T) => number) => [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)]!;
    const [raw1, raw3] = [mid(rawRuns, (r) => r.rf1).rf1, mid(rawRuns, (r) => r.rf3).rf3];
    printTable(
      'replication floor: the same batches through bare Node processes (socket in → file, forwarded to followers over loopback; no protocol, no validation)',
      [
        { name: 'raw RF=1 (one process)', 'MiB/s': raw1, 'vs raw RF=1': 1, 'tarn vs raw': rf1.mibPerSec / raw1 },
        {
          name: 'raw RF=3 (leader pushes to two followers, answers when all wrote)',
          'MiB/s': raw3,
          'vs raw RF=1': raw3 / raw1,
          'tarn vs raw': rf3.mibPerSec / raw3,
        },
      ],
    );
    if (cpuProfDir !== undefined) {
      for (const b of brokers.values()) await b.stop();
      summarizeCpuProfiles(cpuProfDir, phases);
      return;
    }
    const ms = await failover(brokers, 'rf3');
    printTable('replication: failover', [
      {
        name: 'SIGKILL of the leader → first acks=all write acknowledged by the new leader',
        ms,
        'lease TTL + 1 s': LEASE_MS + 1000,
        'within goal': ms <= LEASE_MS + 1000 ? 'yes' : 'no',
      },
    ]);
  } finally {
    for (const b of brokers.values()) await b.stop().catch(() => {});
    await etcd.stop();
  }
}
