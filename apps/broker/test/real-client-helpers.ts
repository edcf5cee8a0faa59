// What the real-client suites (librdkafka-clients, platformatic-kafka) share: the records they
// produce, the broker-side view of what was stored and committed, and a deadline helper.
import { readLogRecords } from '@tarn/storage';
import type { Broker } from '../src/index';

export const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type Codec = (typeof CODECS)[number];
/** The codec bits of a record batch's attributes. */
export const CODEC_ID: Record<Codec, number> = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 };

export interface TestRecord {
  partition: number;
  key: string | null;
  value: string;
  /** In order; names may repeat (Kafka keeps every header, in order). */
  headers: Array<[string, string]>;
}

/**
 * `count` records over `partitions` partitions: every tenth without a key, values long and repetitive
 * enough that every codec shrinks them (librdkafka sends a batch uncompressed when compression
 * does not pay), headers with a non-ASCII value and (unless the client keeps headers in a Map) a
 * repeated name.
 */
export function testRecords(label: string, count: number, partitions: number, options: { duplicateHeaders?: boolean } = {}): TestRecord[] {
  const duplicates: Array<[string, string]> =
    options.duplicateHeaders === false
      ? []
      : [
          ['dup', 'first'],
          ['dup', 'second'],
        ];
  return Array.from({ length: count }, (_, i) => ({
    partition: i % partitions,
    key: i % 10 === 0 ? null : `${label}-key-${i}`,
    value: `${label} value ${i} ` + 'the quick brown fox jumps over the lazy dog '.repeat(4),
    headers: [['index', String(i)], ...duplicates, ['label', `${label} ✓`]],
  }));
}

/** Records of one partition in produce order. */
export function inPartition<T extends { partition: number }>(records: T[], partition: number): T[] {
  return records.filter((r) => r.partition === partition);
}

/** What the broker stored in topic/partition: records with their batch's codec and producer id. */
export function storedRecords(
  broker: Broker,
  topic: string,
  partition: number,
): Array<{ offset: number; key: string | null; value: string | null; codec: number; producerId: number }> {
  const log = broker.logManager.getLog(topic, partition);
  if (log === undefined) throw new Error(`no log for ${topic}-${partition}`);
  return [...readLogRecords(log, 0)].map((r) => ({
    offset: r.offset,
    key: r.key?.toString() ?? null,
    value: r.value?.toString() ?? null,
    codec: r.codec,
    producerId: r.batch?.producerId ?? -1,
  }));
}

/** The group's committed offsets as the broker's coordinator has them: partition → offset. */
export function committedOffsets(broker: Broker, group: string, topic: string): Map<number, number> {
  return new Map(
    broker.groupCoordinator
      .handleFetchOffsets(group, false, null)
      .partitions.filter((p) => p.tp.topic === topic)
      .map((p) => [p.tp.partition, Number(p.data.offset)]),
  );
}

/** Rejects after `ms` with a message saying what was being waited for. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Retries `check` (which throws while its condition does not hold) every 50 ms for up to `ms`. */
export async function eventually(ms: number, what: string, check: () => void): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`${what}: still failing after ${ms} ms: ${(err as Error).message}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
