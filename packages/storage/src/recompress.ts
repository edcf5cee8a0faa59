/**
 * A topic's `compression.type` other than `producer` makes the broker store batches with that
 * codec, re-compressing what clients sent in another one (Kafka's LogValidator does the same).
 * Offsets deltas, timestamps, headers and producer fields are kept; it runs before validation, so
 * the rebuilt batch is checked like any other. Only topics that ask for it pay for it.
 */
import {
  CONTROL_FLAG_MASK,
  ATTRIBUTES_OFFSET,
  buildRecordBatch,
  compressionTypeOf,
  decodeRecordBatches,
  isTransactional,
  timestampTypeOf,
  CompressionType,
} from '@tarn/protocol';

/** The target codec for a topic's compression.type, or null for `producer`. */
export function targetCodec(compressionType: string): number | null {
  if (compressionType === 'producer') return null;
  return compressionType === 'uncompressed' ? CompressionType.NONE : compressionTypeOf(compressionType);
}

export function recompressIfNeeded(records: Buffer, compressionType: string): Buffer {
  const target = targetCodec(compressionType);
  if (target === null || records.length <= ATTRIBUTES_OFFSET + 2) return records;
  // the common case (one batch already in the target codec) costs one read of the attributes
  if ((records.readInt16BE(ATTRIBUTES_OFFSET) & 7) === target && records.readInt32BE(8) + 12 === records.length) return records;
  const batches = [...decodeRecordBatches(records)];
  const out = batches.map(({ header: h, records: rs }) => {
    const keep = (h.attributes & 7) === target || (h.attributes & CONTROL_FLAG_MASK) !== 0;
    return buildRecordBatch(rs, {
      baseOffset: h.baseOffset,
      partitionLeaderEpoch: h.partitionLeaderEpoch,
      compression: keep ? h.attributes & 7 : target,
      timestampType: timestampTypeOf(h.attributes),
      logAppendTime: h.maxTimestamp,
      producerId: h.producerId,
      producerEpoch: h.producerEpoch,
      baseSequence: h.baseSequence,
      isTransactional: isTransactional(h.attributes),
      isControl: (h.attributes & CONTROL_FLAG_MASK) !== 0,
      offsetDeltas: rs.map((r) => r.offset - h.baseOffset),
      lastOffsetDelta: h.lastOffsetDelta,
    });
  });
  return out.length === 1 ? out[0]! : Buffer.concat(out);
}
