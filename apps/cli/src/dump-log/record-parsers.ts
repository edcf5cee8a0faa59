/**
 * How `--print-data-log` renders a record's key and value, as Kafka 2.1's DumpLogSegments parsers
 * do: the default decodes both as UTF-8 strings; `--transaction-log-decoder` and `--offsets-decoder`
 * decode `__transaction_state` and `__consumer_offsets` records into Kafka's one-line summaries. A
 * record without a value prints neither key nor payload (Kafka's parsers return (None, None)).
 */
import {
  ConsumerProtocolAssignment,
  GroupMetadataKey,
  GroupMetadataValue,
  OffsetCommitKey,
  OffsetCommitValue,
  Reader,
  TransactionLogKey,
  TransactionLogValue,
} from '@tarn/protocol';
import { scalaHashSetOrder, topicPartitionHashCode } from './scala-hash-set';

export interface ParsedRecord {
  key?: string;
  payload?: string;
}

export interface RecordParser {
  parse(key: Buffer | null, value: Buffer | null): ParsedRecord;
}

export const stringParser: RecordParser = {
  parse(key, value) {
    if (value === null) return {};
    return key === null ? { payload: value.toString('utf8') } : { key: key.toString('utf8'), payload: value.toString('utf8') };
  },
};

/** Kafka's TransactionState names by their stored id. */
const TXN_STATES = ['Empty', 'Ongoing', 'PrepareCommit', 'PrepareAbort', 'CompleteCommit', 'CompleteAbort', 'Dead', 'PrepareEpochFence'];

function versioned(buf: Buffer): { r: Reader; version: number } {
  const r = new Reader(buf);
  return { r, version: r.int16() };
}

export const transactionLogParser: RecordParser = {
  parse(key, value) {
    if (value === null || key === null) return {};
    const k = versioned(key);
    const transactionalId = TransactionLogKey.read(k.r, Math.min(k.version, TransactionLogKey.validVersions.max)).transactionalId;
    const v = versioned(value);
    const txn = TransactionLogValue.read(v.r, Math.min(v.version, TransactionLogValue.validVersions.max));
    const state = TXN_STATES[txn.transactionStatus] ?? `UNKNOWN(${txn.transactionStatus})`;
    // Kafka skips the partitions of an Empty transaction and keeps them in a Scala HashSet
    const stored =
      state === 'Empty' ? [] : (txn.transactionPartitions ?? []).flatMap((t) => t.partitionIds.map((p) => ({ topic: t.topic, p })));
    const partitions = scalaHashSetOrder(
      stored,
      (tp) => topicPartitionHashCode(tp.topic, tp.p),
      (tp) => `${tp.topic}-${tp.p}`,
    ).map((tp) => `${tp.topic}-${tp.p}`);
    return {
      key: `transactionalId=${transactionalId}`,
      payload:
        `producerId:${txn.producerId},producerEpoch:${txn.producerEpoch},state=${state},` +
        `partitions=Set(${partitions.join(', ')}),txnLastUpdateTimestamp=${txn.transactionLastUpdateTimestampMs},` +
        `txnTimeoutMs=${txn.transactionTimeoutMs}`,
    };
  },
};

/** Scala's "%X".format(BigInt(1, bytes)): upper-case hex without leading zeros, "" for no bytes. */
function hex(bytes: Buffer | null): string {
  if (bytes === null || bytes.length === 0) return '';
  return BigInt(`0x${bytes.toString('hex')}`)
    .toString(16)
    .toUpperCase();
}

function describeAssignment(protocolType: string, memberId: string, assignment: Buffer): string {
  if (protocolType !== 'consumer') return `${memberId}=${hex(assignment)}`;
  if (assignment.length === 0) return `${memberId}=[]`;
  const { r, version } = versioned(assignment);
  const a = ConsumerProtocolAssignment.read(r, Math.min(version, ConsumerProtocolAssignment.validVersions.max));
  const partitions = `[${a.assignedPartitions.flatMap((t) => t.partitions.map((p) => `${t.topic}-${p}`)).join(', ')}]`;
  const userData = hex(a.userData);
  return userData === '' ? `${memberId}=${partitions}` : `${memberId}=${partitions}:${userData}`;
}

/**
 * Kafka 2.1's OffsetsMessageParser output. Unlike 2.1 (whose decoder throws on the group records of
 * an Empty group, see shared/kafka-fixtures/README.md), a group with no protocol prints
 * `"protocol":null` and an empty assignment.
 */
export const offsetsParser: RecordParser = {
  parse(key, value) {
    if (value === null) return {};
    if (key === null) throw new Error('Failed to decode message using offset topic decoder (message had a missing key)');
    const k = versioned(key);
    if (k.version === 0 || k.version === 1) {
      const ok = OffsetCommitKey.read(k.r, k.version);
      const v = versioned(value);
      const om = OffsetCommitValue.read(v.r, Math.min(v.version, OffsetCommitValue.validVersions.max));
      return {
        key: `offset::${ok.group}:${ok.topic}:${ok.partition}`,
        payload: om.metadata === '' ? String(om.offset) : `${om.offset}:${om.metadata}`,
      };
    }
    if (k.version === 2) {
      const groupId = GroupMetadataKey.read(k.r, k.version).group;
      const v = versioned(value);
      const g = GroupMetadataValue.read(v.r, Math.min(v.version, GroupMetadataValue.validVersions.max));
      const assignment = `{${g.members.map((m) => describeAssignment(g.protocolType, m.memberId, m.assignment)).join(',')}}`;
      return {
        key: JSON.stringify({ metadata: groupId }),
        payload: JSON.stringify({ protocolType: g.protocolType, protocol: g.protocol, generationId: g.generation, assignment }),
      };
    }
    throw new Error('Failed to decode message using offset topic decoder (message had an invalid key)');
  },
};
