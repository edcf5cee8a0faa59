// The exactly-once checker: what the output topic holds, judged two ways. The log itself, read
// read_uncommitted straight from each partition's leader with its control batches, says which
// records are committed, aborted or still open (txn-log-view.ts). A read_committed kafkajs
// consumer in a group of its own says what an application actually gets. From both:
//
//   lost             input ids whose transformed record no read_committed reader returned
//   duplicated       extra copies of an id among what the read_committed reader returned
//   abortedButRead   records the read_committed reader returned that belong to aborted
//                    transactions in the log
//   open             records of transactions that never ended
//   readerMismatch   records the reader returned that the log does not hold as committed (those
//                    of open transactions, say), plus committed records of the log it did not return
//
// All must be zero.
import type { Kafka } from 'kafkajs';
import { eventually } from './cluster-helpers';
import { transform } from './txn-eos-app';
import { viewTransactions, type LogRecord } from './txn-log-view';
import { partitionMetadata, readPartition, withConnection } from './txn-wire';

export interface EosCounts {
  inputs: number;
  committedInLog: number;
  abortedInLog: number;
  readCommitted: number;
  lost: number;
  duplicated: number;
  abortedButRead: number;
  open: number;
  readerMismatch: number;
}

export interface EosCheck {
  counts: EosCounts;
  /** A few examples of each kind of fault, for the failure message. */
  examples: Record<string, string[]>;
}

const at = (partition: number, offset: number): string => `${partition}@${offset}`;

async function readLog(ports: readonly number[], topic: string, partitions: number) {
  const committed = new Map<string, LogRecord & { partition: number }>();
  const aborted = new Map<string, LogRecord & { partition: number }>();
  const open: string[] = [];
  for (let p = 0; p < partitions; p++) {
    let done = false;
    for (const port of ports) {
      const md = await partitionMetadata(port, [topic]);
      const leader = md?.find((m) => m.partition === p)?.leader ?? -1;
      if (md === null || leader < 0) continue;
      const leaderPort = ports[leader - 1]!;
      const batches = await withConnection(leaderPort, (c) => readPartition(c, topic, p), 15_000);
      const view = viewTransactions(batches);
      for (const r of view.committed) committed.set(at(p, r.offset), { ...r, partition: p });
      for (const r of view.aborted) aborted.set(at(p, r.offset), { ...r, partition: p });
      for (const r of view.open) open.push(`${at(p, r.offset)} ${r.value}`);
      done = true;
      break;
    }
    if (!done) throw new Error(`no leader answered for ${topic}-${p}`);
  }
  return { committed, aborted, open };
}

/** What a read_committed kafkajs consumer in a new group returns: `expected` records, then nothing for 1.5 s. */
export async function readCommittedRecords(kafka: Kafka, topic: string, expected: number) {
  const seen: Array<{ partition: number; offset: number; value: string }> = [];
  const consumer = kafka.consumer({ groupId: `eos-checker-${Date.now()}`, readUncommitted: false, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let last = Date.now();
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        seen.push({ partition, offset: Number(message.offset), value: message.value!.toString() });
        last = Date.now();
      },
    });
    // everything committed, then quiet: a record after the last committed one would have come with it
    await eventually(() => seen.length >= expected && Date.now() - last > 1500, 'the read_committed checker to read the output', 90_000);
  } finally {
    await consumer.disconnect();
  }
  return seen;
}

export async function checkExactlyOnce(args: {
  kafka: Kafka;
  /** The brokers' ports, by node id - 1. */
  ports: readonly number[];
  output: string;
  outputPartitions: number;
  inputValues: readonly string[];
}): Promise<EosCheck> {
  const log = await readLog(args.ports, args.output, args.outputPartitions);
  const seen = await readCommittedRecords(args.kafka, args.output, log.committed.size);
  const examples: Record<string, string[]> = {
    lost: [],
    duplicated: [],
    abortedButRead: [],
    open: log.open.slice(0, 5),
    readerMismatch: [],
  };
  const example = (kind: string, text: string) => {
    if (examples[kind]!.length < 5) examples[kind]!.push(text);
  };

  const byValue = new Map<string, string[]>();
  for (const s of seen) byValue.set(s.value, [...(byValue.get(s.value) ?? []), at(s.partition, s.offset)]);
  let lost = 0;
  for (const v of args.inputValues) {
    if (byValue.has(transform(v))) continue;
    lost++;
    example('lost', v);
  }
  let duplicated = 0;
  for (const [value, where] of byValue) {
    if (where.length < 2) continue;
    duplicated += where.length - 1;
    example('duplicated', `${value} at ${where.join(', ')}`);
  }
  let abortedButRead = 0;
  let readerMismatch = 0;
  const returned = new Set<string>();
  for (const s of seen) {
    const key = at(s.partition, s.offset);
    returned.add(key);
    if (log.aborted.has(key) || !log.committed.has(key)) {
      if (log.aborted.has(key)) {
        abortedButRead++;
        example('abortedButRead', `${key} ${s.value}`);
      } else {
        readerMismatch++;
        example('readerMismatch', `returned ${key} ${s.value}, not committed in the log`);
      }
    }
  }
  for (const [key, r] of log.committed) {
    if (returned.has(key)) continue;
    readerMismatch++;
    example('readerMismatch', `committed ${key} ${r.value}, never returned`);
  }
  return {
    counts: {
      inputs: args.inputValues.length,
      committedInLog: log.committed.size,
      abortedInLog: log.aborted.size,
      readCommitted: seen.length,
      lost,
      duplicated,
      abortedButRead,
      open: log.open.length,
      readerMismatch,
    },
    examples,
  };
}
