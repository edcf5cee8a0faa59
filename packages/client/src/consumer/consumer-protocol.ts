/**
 * Kafka's ConsumerProtocol: the bytes a consumer puts in JoinGroup's protocol metadata (its
 * Subscription) and the leader puts in SyncGroup (each member's Assignment), both an int16 version
 * followed by the struct. We write version 3 (owned partitions, generation, rack) as Kafka 3.x
 * does, and read every version; a newer version is read as the newest we know, since newer
 * versions only append fields (Kafka's rule too). Generated codecs from @tarn/protocol do the
 * field work.
 */
import { ConsumerProtocolAssignment, ConsumerProtocolSubscription, DecodeError, Reader, Writer } from '@tarn/protocol';
import { compareStrings, compareTopicThenPartition } from './assignors/types';
import type { Subscription, TopicPartition } from './assignors/types';

export const CONSUMER_PROTOCOL_TYPE = 'consumer';
export const CONSUMER_PROTOCOL_VERSION = 3;

/** Partitions grouped by topic in sorted order, as Kafka's serializer writes them. */
function groupByTopic(partitions: readonly TopicPartition[]): { topic: string; partitions: number[] }[] {
  const out: { topic: string; partitions: number[] }[] = [];
  for (const tp of [...partitions].sort(compareTopicThenPartition)) {
    const last = out[out.length - 1];
    if (last !== undefined && last.topic === tp.topic) last.partitions.push(tp.partition);
    else out.push({ topic: tp.topic, partitions: [tp.partition] });
  }
  return out;
}

function flatten(groups: readonly { topic: string; partitions: readonly number[] }[]): TopicPartition[] {
  return groups.flatMap((g) => g.partitions.map((partition) => ({ topic: g.topic, partition })));
}

export function encodeSubscription(s: Omit<Subscription, 'groupInstanceId'>, version = CONSUMER_PROTOCOL_VERSION): Buffer {
  const w = new Writer(128);
  w.int16(version);
  ConsumerProtocolSubscription.write(w, version, {
    topics: [...s.topics].sort(compareStrings),
    userData: s.userData,
    ownedPartitions: groupByTopic(s.ownedPartitions),
    generationId: s.generationId ?? -1,
    rackId: s.rackId,
  });
  return w.toBuffer();
}

/** Reads any version's subscription; throws DecodeError on bytes that are not one. */
export function decodeSubscription(bytes: Buffer, groupInstanceId: string | null = null): Subscription & { version: number } {
  const r = new Reader(bytes);
  const version = readVersion(r, 'subscription');
  const s = ConsumerProtocolSubscription.read(r, Math.min(version, ConsumerProtocolSubscription.validVersions.max));
  return {
    version,
    // A topic listed twice would make two members look equally subscribed when they are not.
    topics: [...new Set(s.topics)],
    userData: s.userData,
    ownedPartitions: flatten(s.ownedPartitions),
    generationId: s.generationId < 0 ? null : s.generationId,
    rackId: s.rackId === null || s.rackId === '' ? null : s.rackId,
    groupInstanceId,
  };
}

export interface Assignment {
  readonly partitions: readonly TopicPartition[];
  readonly userData: Buffer | null;
}

export function encodeAssignment(a: Assignment, version = CONSUMER_PROTOCOL_VERSION): Buffer {
  const w = new Writer(128);
  w.int16(version);
  ConsumerProtocolAssignment.write(w, version, { assignedPartitions: groupByTopic(a.partitions), userData: a.userData });
  return w.toBuffer();
}

/** An empty buffer is an empty assignment (what a coordinator sends a member the leader left out). */
export function decodeAssignment(bytes: Buffer): Assignment & { version: number } {
  if (bytes.length === 0) return { version: 0, partitions: [], userData: null };
  const r = new Reader(bytes);
  const version = readVersion(r, 'assignment');
  const a = ConsumerProtocolAssignment.read(r, Math.min(version, ConsumerProtocolAssignment.validVersions.max));
  return { version, partitions: flatten(a.assignedPartitions), userData: a.userData };
}

function readVersion(r: Reader, what: string): number {
  const version = r.int16();
  if (version < 0) throw new DecodeError(`consumer protocol ${what}: negative version ${version}`);
  return version;
}
