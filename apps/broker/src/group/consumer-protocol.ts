/**
 * The "consumer" protocol's embedded payloads (Kafka's ConsumerProtocol): a member's subscription in
 * JoinGroup metadata and its assignment in SyncGroup, each an int16 version followed by the struct.
 * The coordinator only reads them (for OffsetDelete's subscribed-topic check, rebalance history and
 * the console); a payload that does not parse is reported as null, never an error — the broker just
 * relays these bytes between clients.
 */
import { ConsumerProtocolAssignment, ConsumerProtocolSubscription, Reader } from '@tarn/protocol';

export const CONSUMER_PROTOCOL_TYPE = 'consumer';

/** topic → sorted partitions */
export type PartitionsByTopic = Record<string, number[]>;

function read<T>(bytes: Buffer, codec: { validVersions: { max: number }; read(r: Reader, v: number): T }): T | null {
  if (bytes.length < 2) return null;
  try {
    const r = new Reader(bytes);
    const version = r.int16();
    if (version < 0) return null;
    // Newer versions only append fields, so the newest version we know reads their prefix.
    return codec.read(r, Math.min(version, codec.validVersions.max));
  } catch {
    return null;
  }
}

export function decodeSubscriptionTopics(metadata: Buffer): string[] | null {
  return read(metadata, ConsumerProtocolSubscription)?.topics ?? null;
}

export function decodeAssignment(assignment: Buffer): PartitionsByTopic | null {
  const a = read(assignment, ConsumerProtocolAssignment);
  if (a === null) return null;
  const out: PartitionsByTopic = {};
  for (const tp of a.assignedPartitions) out[tp.topic] = [...(out[tp.topic] ?? []), ...tp.partitions].sort((x, y) => x - y);
  return out;
}
