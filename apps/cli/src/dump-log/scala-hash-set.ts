/**
 * The iteration order of a Scala 2.11 `mutable.HashSet` (FlatHashTable: open addressing, linear
 * probing, a byteswap32-improved hash rotated by the table's seed). Kafka 2.1's transaction-log
 * decoder prints a transaction's partitions as such a set (`Set(fx-gzip-0, fx-snappy-0, …)`), so
 * reproducing kafka-dump-log.sh's text line for line needs the same order, not the stored one.
 */

/** java.lang.String.hashCode over UTF-16 code units. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** org.apache.kafka.common.TopicPartition.hashCode */
export function topicPartitionHashCode(topic: string, partition: number): number {
  return (Math.imul(31, 31 + partition) + javaStringHashCode(topic)) | 0;
}

function reverseBytes(v: number): number {
  return ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
}

/** scala.util.hashing.byteswap32 */
function byteswap32(v: number): number {
  return Math.imul(reverseBytes(Math.imul(v, 0x9e3775cd)), 0x9e3775cd);
}

function bitCount(v: number): number {
  let n = 0;
  for (let x = v >>> 0; x !== 0; x >>>= 1) n += x & 1;
  return n;
}

const INITIAL_CAPACITY = 32;
const LOAD_FACTOR = 450; // per mille, FlatHashTable.defaultLoadFactor

/** Elements of `items` (deduplicated by `key`) in the order a Scala 2.11 mutable.HashSet iterates them. */
export function scalaHashSetOrder<T>(items: readonly T[], hash: (item: T) => number, key: (item: T) => string): T[] {
  let table: ({ item: T; hash: number; key: string } | null)[] = new Array(INITIAL_CAPACITY).fill(null);
  let size = 0;
  const index = (hcode: number): number => {
    const seed = bitCount(table.length - 1);
    const improved = byteswap32(hcode);
    const rotation = seed % 32;
    const rotated = rotation === 0 ? improved : (improved >>> rotation) | (improved << (32 - rotation));
    const ones = table.length - 1;
    return (rotated >>> (32 - bitCount(ones))) & ones;
  };
  const put = (entry: { item: T; hash: number; key: string }): boolean => {
    let h = index(entry.hash);
    for (let cur = table[h]; cur != null; cur = table[h]) {
      if (cur.key === entry.key) return false;
      h = (h + 1) % table.length;
    }
    table[h] = entry;
    return true;
  };
  for (const item of items) {
    if (!put({ item, hash: hash(item), key: key(item) })) continue;
    size++;
    if (size >= Math.floor((table.length * LOAD_FACTOR) / 1000)) {
      const old = table;
      table = new Array(old.length * 2).fill(null);
      for (const e of old) if (e !== null) put(e);
    }
  }
  return table.filter((e) => e !== null).map((e) => e!.item);
}
