/**
 * Live tail of a topic: records as they become visible (high watermark moves), filtered by
 * partition and by a substring of the key or value, delivered in small batches about ten times a
 * second. A browser cannot render tens of thousands of records a second, so each subscriber gets at
 * most `maxPerSecond`; the rest are counted, not read, and reported as skipped.
 */
import type { AdminServices } from '../../services';
import type { Partition } from '../../replica/partition';
import { decodeBytes, type DecodedBytes } from '../views/decoded-bytes';

export interface TailOptions {
  topic: string;
  partitions: number[] | null;
  /** Substring matched against the decoded key and value. */
  filter: string;
  maxPerSecond: number;
}

export interface TailRecord {
  partition: number;
  offset: number;
  timestamp: number;
  key: DecodedBytes;
  value: DecodedBytes;
  headers: Array<{ key: string; value: DecodedBytes }>;
}

export interface TailBatch {
  records: TailRecord[];
  /** Records not delivered because of the rate limit since the previous batch. */
  skipped: number;
  /** Records that did not match the filter since the previous batch. */
  filteredOut: number;
  /** Next offset per partition: where the tail stands. */
  positions: Record<number, number>;
}

const TICK_MS = 100;

function sleep(ms: number, signal: AbortSignal | undefined, wake: { fn: (() => void) | null }): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      wake.fn = null;
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    wake.fn = done;
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function* tailTopic(services: AdminServices, options: TailOptions, signal?: AbortSignal): AsyncGenerator<TailBatch> {
  const topic = services.metadata.topic(options.topic);
  if (topic === undefined) return;
  const wanted = options.partitions ?? topic.partitions.map((p) => p.partition);
  const partitions = wanted
    .map((p) => services.replicaManager.getPartition(options.topic, p))
    .filter((p): p is Partition => p !== undefined);
  const positions: Record<number, number> = {};
  for (const p of partitions) positions[p.partition] = p.highWatermark;
  const wake: { fn: (() => void) | null } = { fn: null };
  let dirty = false;
  const unsubscribe = partitions.map((p) =>
    p.onDataChange(() => {
      dirty = true;
    }),
  );
  const needle = options.filter.toLowerCase();
  const perTick = Math.max(1, Math.round((options.maxPerSecond * TICK_MS) / 1000));
  let rotation = 0;
  try {
    while (signal?.aborted !== true) {
      await sleep(TICK_MS, signal, wake);
      if (!dirty) continue;
      dirty = false;
      const batch: TailBatch = { records: [], skipped: 0, filteredOut: 0, positions };
      // share the tick's budget among the partitions that have news, starting at a rotating one
      const busy = partitions.filter((p) => p.highWatermark > positions[p.partition]!);
      const share = Math.max(1, Math.ceil(perTick / Math.max(1, busy.length)));
      rotation = (rotation + 1) % Math.max(1, busy.length);
      for (const p of [...busy.slice(rotation), ...busy.slice(0, rotation)]) {
        const hw = p.highWatermark;
        let pos = positions[p.partition]!;
        const budget = Math.min(share, perTick - batch.records.length);
        if (budget <= 0) {
          batch.skipped += hw - pos;
          positions[p.partition] = hw;
          continue;
        }
        let taken = 0;
        for (const r of p.records(pos, { maxOffset: hw })) {
          pos = r.offset + 1;
          if (r.batch !== null && (r.batch.attributes & 0x20) !== 0) continue;
          const key = decodeBytes(r.key, 512);
          const value = decodeBytes(r.value, 2048);
          if (needle !== '' && !`${key.text ?? ''}\u0000${value.text ?? ''}`.toLowerCase().includes(needle)) {
            batch.filteredOut++;
            continue;
          }
          batch.records.push({
            partition: p.partition,
            offset: r.offset,
            timestamp: r.timestamp,
            key,
            value,
            headers: r.headers.map((h) => ({ key: h.key, value: decodeBytes(h.value, 256) })),
          });
          if (++taken >= budget) break;
        }
        // whatever is left beyond the budget is skipped, not read
        batch.skipped += Math.max(0, hw - pos);
        positions[p.partition] = hw;
      }
      yield { ...batch, positions: { ...positions } };
    }
  } finally {
    for (const u of unsubscribe) u();
  }
}
