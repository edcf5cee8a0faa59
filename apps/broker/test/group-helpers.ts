// Test support for the group coordinator tests: a writable copy of the Kafka fixture log dir, and
// consumer-protocol payloads for byte-level JoinGroup/SyncGroup exchanges.
import { chmodSync, cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ApiKey,
  ConsumerProtocolAssignment,
  ConsumerProtocolSubscription,
  HeartbeatRequestTypes,
  JoinGroupRequestTypes,
  OffsetCommitRequestTypes,
  OffsetFetchRequestTypes,
  SyncGroupRequestTypes,
  Writer,
  decodeResponse,
} from '@tarn/protocol';
import { tempDir, type TestConnection } from './helpers';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export function fixturesDir(): string {
  const dir = process.env.TARN_KAFKA_FIXTURES ?? resolve(repoRoot, '../shared/kafka-fixtures');
  if (!existsSync(join(dir, 'log-dir'))) throw new Error(`Kafka fixtures not found at ${dir} (set TARN_KAFKA_FIXTURES)`);
  return dir;
}

function makeWritable(path: string): void {
  chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
  if (statSync(path).isDirectory()) for (const n of readdirSync(path)) makeWritable(join(path, n));
}

/** A writable copy of the log dir Kafka 2.1.1 wrote (the originals are read-only). */
export function copyFixtureLogDir(): string {
  const dest = join(tempDir('tarn-group-fixture-'), 'log-dir');
  cpSync(join(fixturesDir(), 'log-dir'), dest, { recursive: true });
  makeWritable(dest);
  return dest;
}

/** A consumer-protocol Subscription (version 0) for the given topics. */
export function subscription(topics: string[]): Buffer {
  const w = new Writer(64);
  w.int16(0);
  ConsumerProtocolSubscription.write(w, 0, { topics, userData: null, ownedPartitions: [], generationId: -1, rackId: null });
  return w.toBuffer();
}

/** A consumer-protocol Assignment (version 0). */
export function assignment(byTopic: Record<string, number[]>): Buffer {
  const w = new Writer(64);
  w.int16(0);
  ConsumerProtocolAssignment.write(w, 0, {
    assignedPartitions: Object.entries(byTopic).map(([topic, partitions]) => ({ topic, partitions })),
    userData: null,
  });
  return w.toBuffer();
}

export async function until<T>(what: string, fn: () => T | undefined | false | null, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false && v !== null) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface JoinOptions {
  memberId?: string;
  groupInstanceId?: string | null;
  protocolType?: string;
  protocols?: Array<{ name: string; metadata: Buffer }>;
  sessionTimeoutMs?: number;
  rebalanceTimeoutMs?: number;
}

/** JoinGroup may park for a whole rebalance timeout: wait up to `timeoutMs` for the answer. */
export async function joinGroup(c: TestConnection, version: number, groupId: string, o: JoinOptions = {}, timeoutMs = 20_000) {
  const id = c.sendRequest(ApiKey.JoinGroup, version, {
    ...JoinGroupRequestTypes.defaultJoinGroupRequest(),
    groupId,
    sessionTimeoutMs: o.sessionTimeoutMs ?? 6000,
    rebalanceTimeoutMs: o.rebalanceTimeoutMs ?? 10_000,
    memberId: o.memberId ?? '',
    groupInstanceId: o.groupInstanceId ?? null,
    protocolType: o.protocolType ?? 'consumer',
    protocols: o.protocols ?? [{ name: 'range', metadata: subscription(['t']) }],
  });
  const decoded = decodeResponse(ApiKey.JoinGroup, version, await c.readFrame(timeoutMs));
  if (decoded.correlationId !== id) throw new Error(`correlation id ${decoded.correlationId}, expected ${id}`);
  return decoded.body;
}

export function syncGroup(
  c: TestConnection,
  version: number,
  groupId: string,
  generationId: number,
  memberId: string,
  assignments: Array<{ memberId: string; assignment: Buffer }> = [],
  groupInstanceId: string | null = null,
) {
  return c.request(ApiKey.SyncGroup, version, {
    ...SyncGroupRequestTypes.defaultSyncGroupRequest(),
    groupId,
    generationId,
    memberId,
    groupInstanceId,
    protocolType: version >= 5 ? 'consumer' : null,
    protocolName: version >= 5 ? 'range' : null,
    assignments,
  });
}

export function heartbeat(
  c: TestConnection,
  version: number,
  groupId: string,
  generationId: number,
  memberId: string,
  groupInstanceId: string | null = null,
) {
  return c.request(ApiKey.Heartbeat, version, {
    ...HeartbeatRequestTypes.defaultHeartbeatRequest(),
    groupId,
    generationId,
    memberId,
    groupInstanceId,
  });
}

export function commit(
  c: TestConnection,
  version: number,
  groupId: string,
  generationId: number,
  memberId: string,
  topic: string,
  partitions: Array<{ partition: number; offset: number; metadata?: string }>,
) {
  return c.request(ApiKey.OffsetCommit, version, {
    ...OffsetCommitRequestTypes.defaultOffsetCommitRequest(),
    groupId,
    generationIdOrMemberEpoch: generationId,
    memberId,
    topics: [
      {
        ...OffsetCommitRequestTypes.defaultOffsetCommitRequestTopic(),
        name: topic,
        partitions: partitions.map((p) => ({
          ...OffsetCommitRequestTypes.defaultOffsetCommitRequestPartition(),
          partitionIndex: p.partition,
          committedOffset: BigInt(p.offset),
          committedMetadata: p.metadata ?? '',
        })),
      },
    ],
  });
}

export async function fetchOffsets(
  c: TestConnection,
  groupId: string,
  topic: string,
  partitions: number[],
): Promise<Array<[number, number, string]>> {
  const res = await c.request(ApiKey.OffsetFetch, 7, {
    ...OffsetFetchRequestTypes.defaultOffsetFetchRequest(),
    groupId,
    topics: [{ ...OffsetFetchRequestTypes.defaultOffsetFetchRequestTopic(), name: topic, partitionIndexes: partitions }],
  });
  return res.topics.flatMap((t) =>
    t.partitions.map((p): [number, number, string] => [p.partitionIndex, Number(p.committedOffset), p.metadata ?? '']),
  );
}
