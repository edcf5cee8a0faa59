/**
 * Hand-made hostile frames the wire fuzzer's test sends beside the random ones, and the raw
 * exchange they go through: a zero and a negative size prefix, Produce requests whose compressed
 * batch inflates to hundreds of MiB (gzip, zstd, lz4, a snappy block announcing 4 GiB, a magic-1
 * gzip wrapper), a Metadata request announcing 2^31-1 topics; and what the fuzzer found: a topic
 * with a huge partition count, a JoinGroup naming one protocol twice, a batch whose max timestamp
 * is Long.MAX_VALUE.
 */
import { connect } from 'node:net';
import { crc32, gzipSync } from 'node:zlib';
import {
  ApiKey,
  CompressionType,
  CreatePartitionsRequestTypes,
  CreateTopicsRequestTypes,
  FetchRequestTypes,
  FindCoordinatorRequestTypes,
  JoinGroupRequestTypes,
  ProduceRequestTypes,
  buildLegacyWrapper,
  buildRecordBatch,
  compress,
  encodeRequest,
  writeBatchCrc,
  type ApiKeyNumber,
  type ApiRequestMap,
} from '@tarn/protocol';

export interface Exchange {
  /** Response frames (without their size prefix), in order. */
  responses: Buffer[];
  /** The broker closed the connection (before we did). */
  closedByBroker: boolean;
  /** Set when the connection could not be made. */
  connectError: string | null;
}

/**
 * Writes `bytes` on a fresh connection, then collects response frames until `expect` of them came,
 * the broker closed the connection, or `timeoutMs` passed; then closes it.
 */
export function exchange(port: number, bytes: Buffer | Buffer[], options: { expect?: number; timeoutMs?: number } = {}): Promise<Exchange> {
  const expect = options.expect ?? 1;
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const responses: Buffer[] = [];
    let buffered = Buffer.alloc(0);
    let done = false;
    let connected = false;
    const finish = (closedByBroker: boolean, connectError: string | null = null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ responses, closedByBroker, connectError });
    };
    const timer = setTimeout(() => finish(false), options.timeoutMs ?? 10_000);
    socket.on('connect', () => {
      connected = true;
      for (const b of Array.isArray(bytes) ? bytes : [bytes]) socket.write(b);
    });
    socket.on('data', (d: Buffer) => {
      buffered = Buffer.concat([buffered, d]);
      while (buffered.length >= 4 && buffered.length >= 4 + buffered.readInt32BE(0)) {
        const size = buffered.readInt32BE(0);
        responses.push(buffered.subarray(4, 4 + size));
        buffered = buffered.subarray(4 + size);
      }
      if (responses.length >= expect) finish(false);
    });
    socket.on('error', (err) => {
      if (!connected) finish(false, err.message);
    });
    socket.on('close', () => finish(true));
  });
}

/** A whole request frame (size prefix included) from our codecs. */
export function requestFrame<K extends ApiKeyNumber>(
  apiKey: K,
  version: number,
  body: ApiRequestMap[K],
  correlationId = 1,
  clientId = 'tarn-fuzz',
): Buffer {
  return Buffer.concat(encodeRequest(apiKey, version, correlationId, clientId, body));
}

/** `00 00 00 00`: a frame of size zero. */
export function zeroSizeFrame(): Buffer {
  return Buffer.alloc(4);
}

/** A negative size prefix followed by a few bytes. */
export function negativeSizeFrame(size = -1): Buffer {
  const b = Buffer.alloc(12);
  b.writeInt32BE(size, 0);
  return b;
}

/**
 * A Metadata v1 request (header v1) announcing `count` topics but carrying none: the reader must
 * compare the count with the bytes left before it allocates anything.
 */
export function metadataHugeTopicCount(count = 0x7fffffff): Buffer {
  const clientId = Buffer.from('tarn-fuzz');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4);
  let p = body.writeInt16BE(ApiKey.Metadata, 0);
  p = body.writeInt16BE(1, p);
  p = body.writeInt32BE(7, p);
  p = body.writeInt16BE(clientId.length, p);
  p += clientId.copy(body, p);
  body.writeInt32BE(count, p);
  const prefix = Buffer.alloc(4);
  prefix.writeInt32BE(body.length, 0);
  return Buffer.concat([prefix, body]);
}

/** The same at a flexible version (v9: header v2, compact array count as an unsigned varint). */
export function metadataHugeCompactTopicCount(): Buffer {
  const clientId = Buffer.from('tarn-fuzz');
  const head = Buffer.alloc(2 + 2 + 4 + 2);
  let p = head.writeInt16BE(ApiKey.Metadata, 0);
  p = head.writeInt16BE(9, p);
  p = head.writeInt32BE(7, p);
  head.writeInt16BE(clientId.length, p);
  // header tagged fields (0), then topics: compact array of length 0x7ffffffe (+1 encoded)
  const tail = Buffer.from([0x00, 0xff, 0xff, 0xff, 0xff, 0x07]);
  const body = Buffer.concat([head, clientId, tail]);
  const prefix = Buffer.alloc(4);
  prefix.writeInt32BE(body.length, 0);
  return Buffer.concat([prefix, body]);
}

const MIB = 1024 * 1024;
const bombCache = new Map<string, Buffer>();

/**
 * `inflated` zero bytes compressed with `codec`, cheaply: gzip and zstd as concatenated members /
 * frames of 1 MiB each (both decoders read them as one stream, as Kafka's do), lz4 as one frame,
 * snappy as a raw block whose header announces `inflated` bytes but which holds only a few.
 */
export function compressedZeros(codec: number, inflated: number): Buffer {
  const key = `${codec}:${inflated}`;
  const cached = bombCache.get(key);
  if (cached !== undefined) return cached;
  let out: Buffer;
  const mib = Buffer.alloc(MIB);
  switch (codec) {
    case CompressionType.GZIP: {
      const member = gzipSync(mib, { level: 9 });
      out = Buffer.concat(Array.from({ length: Math.ceil(inflated / MIB) }, () => member));
      break;
    }
    case CompressionType.ZSTD: {
      const frame = compress(CompressionType.ZSTD, mib);
      out = Buffer.concat(Array.from({ length: Math.ceil(inflated / MIB) }, () => frame));
      break;
    }
    case CompressionType.LZ4:
      out = compress(CompressionType.LZ4, Buffer.alloc(inflated));
      break;
    case CompressionType.SNAPPY: {
      // varint length, then a literal of 8 bytes: the announced length is a lie
      const len: number[] = [];
      for (let v = inflated; ;) {
        if (v < 0x80) {
          len.push(v);
          break;
        }
        len.push((v & 0x7f) | 0x80);
        v = Math.floor(v / 128);
      }
      out = Buffer.from([...len, 0x1c, 0, 0, 0, 0, 0, 0, 0, 0]);
      break;
    }
    default:
      throw new Error(`no bomb for codec ${codec}`);
  }
  bombCache.set(key, out);
  return out;
}

/** A v2 record batch (one record claimed) around an already compressed payload, CRC valid. */
export function batchAround(payload: Buffer, codec: number, now = Date.now()): Buffer {
  const batch = Buffer.alloc(61 + payload.length);
  batch.writeBigInt64BE(0n, 0); // baseOffset
  batch.writeInt32BE(batch.length - 12, 8); // batchLength
  batch.writeInt32BE(-1, 12); // partitionLeaderEpoch
  batch.writeInt8(2, 16); // magic
  batch.writeInt16BE(codec, 21); // attributes
  batch.writeInt32BE(0, 23); // lastOffsetDelta
  batch.writeBigInt64BE(BigInt(now), 27); // baseTimestamp
  batch.writeBigInt64BE(BigInt(now), 35); // maxTimestamp
  batch.writeBigInt64BE(-1n, 43); // producerId
  batch.writeInt16BE(-1, 51); // producerEpoch
  batch.writeInt32BE(-1, 53); // baseSequence
  batch.writeInt32BE(1, 57); // records count
  payload.copy(batch, 61);
  writeBatchCrc(batch, 0, batch.length);
  return batch;
}

/** A Produce request (acks 1) putting `records` on partition 0 of `topic`. */
export function produceFrame(topic: string, records: Buffer, version = 7): Buffer {
  return requestFrame(ApiKey.Produce, version, {
    ...ProduceRequestTypes.defaultProduceRequest(),
    acks: 1,
    timeoutMs: 10_000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name: topic,
        partitionData: [{ ...ProduceRequestTypes.defaultPartitionProduceData(), index: 0, records }],
      },
    ],
  });
}

/** A Fetch request for partition 0 of `topic` from offset 0 (v0-3 are answered down-converted to magic 0/1). */
export function fetchFrame(topic: string, version: number, maxBytes = 16 * 1024 * 1024): Buffer {
  return requestFrame(ApiKey.Fetch, version, {
    ...FetchRequestTypes.defaultFetchRequest(),
    maxBytes,
    topics: [
      {
        ...FetchRequestTypes.defaultFetchTopic(),
        topic,
        partitions: [{ ...FetchRequestTypes.defaultFetchPartition(), partition: 0, fetchOffset: 0n, partitionMaxBytes: maxBytes }],
      },
    ],
  });
}

/** CreateTopics v3 for topics with `numPartitions` partitions each and the given configs. */
export function createTopicsFrame(
  topics: ReadonlyArray<{ name: string; numPartitions: number; configs?: Record<string, string> }>,
  version = 3,
): Buffer {
  return requestFrame(ApiKey.CreateTopics, version, {
    ...CreateTopicsRequestTypes.defaultCreateTopicsRequest(),
    timeoutMs: 30_000,
    topics: topics.map((t) => ({
      ...CreateTopicsRequestTypes.defaultCreatableTopic(),
      name: t.name,
      numPartitions: t.numPartitions,
      replicationFactor: 1,
      configs: Object.entries(t.configs ?? {}).map(([name, value]) => ({
        ...CreateTopicsRequestTypes.defaultCreatableTopicConfig(),
        name,
        value,
      })),
    })),
  });
}

/** CreatePartitions v1: grow `topic` to `count` partitions. */
export function createPartitionsFrame(topic: string, count: number): Buffer {
  return requestFrame(ApiKey.CreatePartitions, 1, {
    ...CreatePartitionsRequestTypes.defaultCreatePartitionsRequest(),
    timeoutMs: 30_000,
    topics: [{ ...CreatePartitionsRequestTypes.defaultCreatePartitionsTopic(), name: topic, count, assignments: null }],
  });
}

/** FindCoordinator v0 for a group (answered once __consumer_offsets is ready). */
export function findCoordinatorFrame(group: string): Buffer {
  return requestFrame(ApiKey.FindCoordinator, 0, { ...FindCoordinatorRequestTypes.defaultFindCoordinatorRequest(), key: group });
}

/** JoinGroup v3 (no member id yet, consumer protocol type) offering these protocol names, in order. */
export function joinGroupFrame(group: string, protocols: readonly string[], sessionTimeoutMs = 10_000): Buffer {
  return requestFrame(ApiKey.JoinGroup, 3, {
    ...JoinGroupRequestTypes.defaultJoinGroupRequest(),
    groupId: group,
    sessionTimeoutMs,
    rebalanceTimeoutMs: sessionTimeoutMs,
    memberId: '',
    protocolType: 'consumer',
    protocols: protocols.map((name) => ({ ...JoinGroupRequestTypes.defaultJoinGroupRequestProtocol(), name, metadata: Buffer.alloc(0) })),
  });
}

/** A Produce v2 request with one magic-1 gzip wrapper message whose inner message set is `inflated` zero bytes. */
export function legacyGzipBombFrame(topic: string, inflated: number): Buffer {
  // compressLegacy of the real zeros would take seconds; the wrapper is built around concatenated
  // gzip members instead, exactly as buildLegacyWrapper lays it out
  const wrapper = buildLegacyWrapper(Buffer.alloc(0), 1, CompressionType.GZIP, 0, 0, Date.now());
  const payload = compressedZeros(CompressionType.GZIP, inflated);
  // wrapper: offset 8, size 4, crc 4, magic 1, attributes 1, timestamp 8, key -1 (4), value length 4, value
  const head = wrapper.subarray(0, 8 + 4 + 4 + 1 + 1 + 8 + 4);
  const message = Buffer.concat([head, Buffer.alloc(4), payload]);
  message.writeInt32BE(message.length - 12, 8);
  message.writeInt32BE(payload.length, head.length);
  message.writeUInt32BE(crc32Of(message.subarray(16)), 12);
  return produceFrame(topic, message, 2);
}

/** CRC-32 (IEEE), what magic 0/1 messages carry (node:zlib's, Node >= 20.15). */
function crc32Of(data: Buffer): number {
  return crc32(data) >>> 0;
}

/** Kafka's answer to a Produce of one partition: its error code (after the correlation id). */
export function produceErrorCode(response: Buffer): number {
  // response header v0 (correlation id), then responses: array(1) of name, array(1) of partition
  let p = 4;
  p += 4; // topics count
  const nameLength = response.readInt16BE(p);
  p += 2 + nameLength;
  p += 4; // partitions count
  p += 4; // index
  return response.readInt16BE(p);
}

/**
 * An uncompressed v2 batch of one record with a `valueBytes`-byte value whose max timestamp is
 * `maxTimestamp` (int64; CRC valid). Kafka stores any long there (message.timestamp.after.max.ms is
 * Long.MAX_VALUE by default).
 */
export function batchWithMaxTimestamp(maxTimestamp: bigint, valueBytes: number, now = Date.now()): Buffer {
  const batch = buildRecordBatch([{ key: null, value: Buffer.alloc(valueBytes, 0x61), timestamp: now }], { now });
  batch.writeBigInt64BE(maxTimestamp, 35);
  writeBatchCrc(batch, 0, batch.length);
  return batch;
}

export const BOMB_CODECS: ReadonlyArray<{ name: string; codec: number; inflated: number }> = [
  { name: 'gzip', codec: CompressionType.GZIP, inflated: 768 * MIB },
  { name: 'zstd', codec: CompressionType.ZSTD, inflated: 1024 * MIB },
  { name: 'lz4', codec: CompressionType.LZ4, inflated: 200 * MIB },
  { name: 'snappy', codec: CompressionType.SNAPPY, inflated: 2 ** 32 - 1 },
];
