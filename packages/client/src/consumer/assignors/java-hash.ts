/**
 * Java's iteration order, emulated. Kafka's sticky assignors walk `HashMap`s and `HashSet`s, and
 * which member keeps a partition (or which partition moves) depends on that order; to produce the
 * very assignment Kafka's Java client computes for the same input, we iterate in the same order:
 * buckets ascending (`(n - 1) & (h ^ (h >>> 16))`), insertion order within a bucket, with the table
 * growing as `java.util.HashMap` grows it (JDK 8–18 sizing rules).
 */

/** `String.hashCode()`: s[0]*31^(n-1) + … over UTF-16 code units, in int32 arithmetic. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** `TopicPartition.hashCode()`: 31 * (31 + partition) + topic.hashCode(). */
export function topicPartitionHash(topic: string, partition: number): number {
  return (Math.imul(31, (31 + partition) | 0) + javaStringHash(topic)) | 0;
}

/** `HashMap.tableSizeFor`: the next power of two ≥ cap (1 for cap ≤ 1). */
export function tableSizeFor(cap: number): number {
  let n = 1;
  while (n < cap) n *= 2;
  return Math.min(n, 1 << 30);
}

interface Entry<K, V> {
  readonly key: K;
  readonly hash: number;
  value: V;
}

/**
 * A map iterating in `java.util.HashMap`'s order. Keys are compared through `id` (a string), hashed
 * through `hash` (the Java `hashCode()` of the key).
 */
export class JavaHashMap<K, V> {
  private readonly entries = new Map<string, Entry<K, V>>();
  private capacity = 0;
  private threshold: number;

  /** `initialCapacity` as Java's `new HashMap<>(n)`; omitted, the default table of 16. */
  constructor(
    private readonly id: (k: K) => string,
    private readonly hash: (k: K) => number,
    initialCapacity?: number,
  ) {
    this.threshold = initialCapacity === undefined ? 0 : tableSizeFor(initialCapacity);
  }

  static ofStrings<V>(initialCapacity?: number): JavaHashMap<string, V> {
    return new JavaHashMap<string, V>((k) => k, javaStringHash, initialCapacity);
  }

  /** `new HashMap<>(Map)` / `new HashSet<>(Collection)` pre-sizing (JDK 8–18: s / 0.75 + 1). */
  presize(size: number, minimum = 0): this {
    if (this.capacity === 0 && size > 0) {
      const t = Math.max(Math.floor(size / 0.75 + 1), minimum);
      if (t > this.threshold) this.threshold = tableSizeFor(t);
    }
    return this;
  }

  get size(): number {
    return this.entries.size;
  }

  has(k: K): boolean {
    return this.entries.has(this.id(k));
  }

  get(k: K): V | undefined {
    return this.entries.get(this.id(k))?.value;
  }

  set(k: K, v: V): this {
    const key = this.id(k);
    const e = this.entries.get(key);
    if (e !== undefined) {
      e.value = v;
      return this;
    }
    if (this.capacity === 0) this.resize();
    const h = spread(this.hash(k));
    // A bin growing past 8 entries in a table smaller than 64 makes Java resize instead of treeify.
    if (this.capacity < 64 && this.binSize(h) >= 8) this.resize();
    this.entries.set(key, { key: k, hash: h, value: v });
    if (this.entries.size > this.threshold) this.resize();
    return this;
  }

  delete(k: K): boolean {
    return this.entries.delete(this.id(k));
  }

  clear(): void {
    this.entries.clear();
  }

  /** Entries in Java's iteration order. */
  *[Symbol.iterator](): IterableIterator<[K, V]> {
    const mask = this.capacity - 1;
    const ordered = [...this.entries.values()];
    // Stable sort: within one bucket, insertion order (Java appends to the bin's list).
    ordered.sort((a, b) => (a.hash & mask) - (b.hash & mask));
    for (const e of ordered) yield [e.key, e.value];
  }

  keys(): K[] {
    return [...this].map(([k]) => k);
  }

  values(): V[] {
    return [...this].map(([, v]) => v);
  }

  private binSize(h: number): number {
    if (this.capacity === 0) return 0;
    const mask = this.capacity - 1;
    let n = 0;
    for (const e of this.entries.values()) if ((e.hash & mask) === (h & mask)) n++;
    return n;
  }

  private resize(): void {
    if (this.capacity === 0) {
      this.capacity = this.threshold > 0 ? this.threshold : 16;
    } else {
      this.capacity *= 2;
    }
    this.threshold = Math.floor(this.capacity * 0.75);
  }
}

function spread(h: number): number {
  return (h ^ (h >>> 16)) | 0;
}

/** The keys of `keys` (inserted in this order into a default `HashMap`) in Java's iteration order. */
export function javaHashOrder(keys: Iterable<string>): string[] {
  const m = JavaHashMap.ofStrings<true>();
  for (const k of keys) m.set(k, true);
  return m.keys();
}
