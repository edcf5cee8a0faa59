/**
 * The console's message browser: records of a topic by offset, by timestamp or newest first,
 * decoded for display (key, value and headers as JSON, text or hex, with sizes and the batch's
 * codec). Reads stay below the high watermark, as a consumer's would.
 */
import { ErrorCode, KafkaError, compressionName } from '@tarn/protocol';
import { readLogRecords, type PartitionLog } from '@tarn/storage';
import type { AdminServices } from '../../services';
import { decodeBytes, type DecodedBytes } from './decoded-bytes';

export type Seek = { type: 'offset'; offset: number } | { type: 'timestamp'; timestamp: number } | { type: 'newest' };

export interface BrowseQuery {
  topic: string;
  /** null: every partition */
  partition: number | null;
  seek: Seek;
  limit: number;
}

export interface MessageView {
  partition: number;
  offset: number;
  timestamp: number;
  timestampType: 'CreateTime' | 'LogAppendTime';
  key: DecodedBytes;
  value: DecodedBytes;
  headers: Array<{ key: string; value: DecodedBytes }>;
  compression: string;
  batchSizeBytes: number;
}

function partitionsOf(services: AdminServices, topic: string, partition: number | null): Array<{ partition: number; log: PartitionLog }> {
  const t = services.metadata.topic(topic);
  if (t === undefined) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic '${topic}' does not exist.`);
  const wanted = partition === null ? t.partitions.map((p) => p.partition) : [partition];
  return wanted.map((p) => {
    if (p < 0 || p >= t.partitions.length)
      throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic '${topic}' has no partition ${p} (it has ${t.partitions.length}).`);
    const log = services.logManager.getLog(topic, p);
    if (log === undefined) throw new KafkaError(ErrorCode.NOT_LEADER_OR_FOLLOWER, `Partition ${topic}-${p} is not hosted on this broker.`);
    return { partition: p, log };
  });
}

function view(partition: number, r: ReturnType<typeof readLogRecords> extends Generator<infer R> ? R : never): MessageView {
  const timestampType = r.batch !== null && (r.batch.attributes & 0x08) !== 0 ? 'LogAppendTime' : 'CreateTime';
  return {
    partition,
    offset: r.offset,
    timestamp: r.timestamp,
    timestampType,
    key: decodeBytes(r.key, 2048),
    value: decodeBytes(r.value),
    headers: r.headers.map((h) => ({ key: h.key, value: decodeBytes(h.value, 2048) })),
    compression: compressionName(r.codec),
    batchSizeBytes: r.batchSize,
  };
}

function readFrom(log: PartitionLog, partition: number, from: number, limit: number): MessageView[] {
  const out: MessageView[] = [];
  for (const r of readLogRecords(log, from, { maxOffset: log.highWatermark })) {
    if (r.batch !== null && (r.batch.attributes & 0x20) !== 0) continue; // control records are not messages
    out.push(view(partition, r));
    if (out.length >= limit) break;
  }
  return out;
}

export function browseMessages(services: AdminServices, q: BrowseQuery): { messages: MessageView[] } {
  const parts = partitionsOf(services, q.topic, q.partition);
  let messages: MessageView[] = [];
  for (const { partition, log } of parts) {
    switch (q.seek.type) {
      case 'offset': {
        const offset = q.seek.offset;
        if (offset > log.highWatermark) {
          throw new KafkaError(
            ErrorCode.OFFSET_OUT_OF_RANGE,
            `Offset ${offset} is beyond the end of ${q.topic}-${partition} (high watermark ${log.highWatermark}).`,
          );
        }
        messages.push(...readFrom(log, partition, Math.max(offset, log.logStartOffset), q.limit));
        break;
      }
      case 'timestamp': {
        const found = log.offsetForTimestamp(q.seek.timestamp);
        if (found !== null && found.offset < log.highWatermark) messages.push(...readFrom(log, partition, found.offset, q.limit));
        break;
      }
      case 'newest': {
        const from = Math.max(log.logStartOffset, log.highWatermark - q.limit);
        messages.push(...readFrom(log, partition, from, q.limit));
        break;
      }
    }
  }
  if (q.seek.type === 'newest') messages = messages.sort((a, b) => b.timestamp - a.timestamp || b.offset - a.offset).slice(0, q.limit);
  else messages = messages.sort((a, b) => a.timestamp - b.timestamp || a.partition - b.partition || a.offset - b.offset).slice(0, q.limit);
  return { messages };
}
