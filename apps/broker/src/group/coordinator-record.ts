/**
 * The records of `__consumer_offsets`, in Kafka's encoding (shared/kafka-protocol/coordinator-records),
 * so Kafka, Burrow and kafka-consumer-groups read what tarn writes and tarn reads what Kafka wrote:
 *
 *   key   = int16 version + struct: 0/1 → OffsetCommitKey(group, topic, partition),
 *                                   2   → GroupMetadataKey(group); newer versions are other record
 *                                         kinds (KIP-848) that a classic coordinator skips
 *   value = int16 version + struct, or null: a tombstone deleting the key
 *
 * Value versions written are those of Kafka 3.x (inter-broker protocol 2.3+): OffsetCommitValue v3
 * (with leader epoch) or v1 when the commit carries an explicit expire timestamp (OffsetCommit v2-4
 * with a retention time), and GroupMetadataValue v3 (with group instance ids).
 */
import {
  GroupMetadataKey,
  GroupMetadataValue,
  OffsetCommitKey,
  OffsetCommitValue,
  Reader,
  Writer,
  type GroupMetadataValueTypes,
  type MessageCodec,
} from '@tarn/protocol';
import type { OffsetAndMetadata } from './offset-and-metadata';

export type GroupMetadataRecordValue = GroupMetadataValueTypes.GroupMetadataValue;

export type CoordinatorRecordKey =
  | { kind: 'offset'; group: string; topic: string; partition: number }
  | { kind: 'group'; group: string }
  | { kind: 'unknown'; version: number };

const OFFSET_VALUE_VERSION = 3;
const OFFSET_VALUE_VERSION_WITH_EXPIRY = 1;
const GROUP_VALUE_VERSION = 3;

function encode<T>(codec: MessageCodec<T>, version: number, value: T): Buffer {
  const w = new Writer(128);
  w.int16(version);
  codec.write(w, version, value);
  return w.toBuffer();
}

export function offsetCommitKey(group: string, topic: string, partition: number): Buffer {
  return encode(OffsetCommitKey, 1, { group, topic, partition });
}

export function groupMetadataKey(group: string): Buffer {
  return encode(GroupMetadataKey, 2, { group });
}

export function offsetCommitValue(om: OffsetAndMetadata): Buffer {
  const version = om.expireTimestamp !== null ? OFFSET_VALUE_VERSION_WITH_EXPIRY : OFFSET_VALUE_VERSION;
  return encode(OffsetCommitValue, version, {
    offset: om.offset,
    leaderEpoch: om.leaderEpoch,
    metadata: om.metadata,
    commitTimestamp: BigInt(om.commitTimestamp),
    expireTimestamp: BigInt(om.expireTimestamp ?? -1),
  });
}

export function groupMetadataValue(value: GroupMetadataRecordValue): Buffer {
  return encode(GroupMetadataValue, GROUP_VALUE_VERSION, value);
}

export function decodeKey(key: Buffer): CoordinatorRecordKey {
  const r = new Reader(key);
  const version = r.int16();
  if (version === 0 || version === 1) return { kind: 'offset', ...OffsetCommitKey.read(r, version) };
  if (version === 2) return { kind: 'group', group: GroupMetadataKey.read(r, version).group };
  return { kind: 'unknown', version };
}

export function decodeOffsetCommitValue(value: Buffer): OffsetAndMetadata {
  const r = new Reader(value);
  const version = r.int16();
  const v = OffsetCommitValue.read(r, Math.min(version, OffsetCommitValue.validVersions.max));
  return {
    offset: v.offset,
    leaderEpoch: v.leaderEpoch,
    metadata: v.metadata,
    commitTimestamp: Number(v.commitTimestamp),
    expireTimestamp: version === 1 ? Number(v.expireTimestamp) : null,
  };
}

export function decodeGroupMetadataValue(value: Buffer): GroupMetadataRecordValue {
  const r = new Reader(value);
  const version = r.int16();
  return GroupMetadataValue.read(r, Math.min(version, GroupMetadataValue.validVersions.max));
}
