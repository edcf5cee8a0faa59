/**
 * What kafka-dump-log.sh reports on stderr after the dump, per file (its absolute path): index
 * entries that do not point at the batch they name, time index entries whose timestamp or offset
 * the log does not bear out, and records whose offsets are not consecutive (deep iteration) — in
 * Kafka's order and words.
 */
type Pairs = Map<string, [number, number][]>;

function add(map: Pairs, file: string, pair: [number, number]): void {
  const list = map.get(file);
  if (list === undefined) map.set(file, [pair]);
  else list.push(pair);
}

export class DumpProblems {
  private readonly indexMismatches: Pairs = new Map();
  private readonly timestampMismatches: Pairs = new Map();
  private readonly outOfOrderTimestamps: Pairs = new Map();
  private readonly offsetsNotFound: Pairs = new Map();
  private readonly nonConsecutive: Pairs = new Map();

  indexMismatch(file: string, indexOffset: number, logOffset: number): void {
    add(this.indexMismatches, file, [indexOffset, logOffset]);
  }
  timestampMismatch(file: string, indexTimestamp: number, logTimestamp: number): void {
    add(this.timestampMismatches, file, [indexTimestamp, logTimestamp]);
  }
  outOfOrderTimestamp(file: string, indexTimestamp: number, previous: number): void {
    add(this.outOfOrderTimestamps, file, [indexTimestamp, previous]);
  }
  offsetNotFound(file: string, indexOffset: number, logOffset: number): void {
    add(this.offsetsNotFound, file, [indexOffset, logOffset]);
  }
  nonConsecutiveOffsets(file: string, first: number, next: number): void {
    add(this.nonConsecutive, file, [first, next]);
  }

  report(warn: (line: string) => void): void {
    for (const [file, list] of this.indexMismatches) {
      warn(`Mismatches in :${file}`);
      for (const [i, l] of list) warn(`  Index offset: ${i}, log offset: ${l}`);
    }
    for (const [file, list] of this.timestampMismatches) {
      warn(`Found timestamp mismatch in :${file}`);
      for (const [i, l] of list) warn(`  Index timestamp: ${i}, log timestamp: ${l}`);
    }
    for (const [file, list] of this.outOfOrderTimestamps) {
      warn(`Found out of order timestamp in :${file}`);
      for (const [i, p] of list) warn(`  Index timestamp: ${i}, Previously indexed timestamp: ${p}`);
    }
    for (const list of this.offsetsNotFound.values()) {
      warn('The following indexed offsets are not found in the log.');
      for (const [i, l] of list) warn(`Indexed offset: ${i}, found log offset: ${l}`);
    }
    for (const [file, list] of this.nonConsecutive) {
      warn(`Non-consecutive offsets in ${file}`);
      for (const [a, b] of list) warn(`  ${a} is followed by ${b}`);
    }
  }
}
