/**
 * `tarn consume`: kafka-console-consumer.sh over @tarn/client's Consumer. As a group member with
 * `--group` (offsets committed for what was printed), else assigned to `--partition` or to every
 * partition of the topic with no group. Follows until Ctrl-C, `--max-messages` or `--timeout-ms`
 * without a record; prints "Processed a total of N messages" on stderr at the end, as Kafka does.
 */
import type { Command } from 'commander';
import { Consumer, type TopicPartition } from '@tarn/client';
import { action, type CommandContext } from '../context';
import { CliError } from '../cli-error';
import { clientProperties, collectProperty, readPropertiesFile } from '../client-config';
import { formatRecord, formatterProperties, recordFormat, type PrintFlags } from '../record-format';
import { startPosition, type StartFlags, type StartPosition } from '../start-position';

interface ConsumeFlags extends StartFlags, PrintFlags {
  topic: string;
  group?: string;
  partition?: string;
  format?: string;
  maxMessages?: string;
  timeoutMs?: string;
  isolationLevel?: string;
  consumerProperty?: Record<string, string>;
  'consumer.config'?: string;
  property?: Record<string, string>;
}

export function registerConsume(program: Command): void {
  program
    .command('consume')
    .description('kafka-console-consumer.sh: print records of a topic, as a group member or from assigned partitions')
    .requiredOption('--topic <topic>', 'topic to read')
    .option('--group <group>', 'consume as a member of this group (commits what it prints)')
    .option('--partition <n>', 'read only this partition (no group)')
    .option('--from-beginning', 'start at the earliest offset (a group: where it has no committed offset)')
    .option('--offset <earliest|latest|n>', 'start at this offset')
    .option('--from-timestamp <ms|ISO date>', 'start at the first record at or after this time')
    .option('--from-duration <10m|2h|PT10M>', 'start at the first record at or after this long ago')
    .option('--format <text|json|hex>', 'record format (default text; json with --output json)')
    .option('--print-key', 'print the key before the value')
    .option('--print-headers', 'print the headers')
    .option('--print-partition', 'print the partition')
    .option('--print-offset', 'print the offset')
    .option('--print-timestamp', 'print the timestamp')
    .option('--max-messages <n>', 'exit after this many records')
    .option('--timeout-ms <ms>', 'exit when no record arrives for this long')
    .option('--isolation-level <level>', 'read_uncommitted or read_committed')
    .option('--consumer-property <key=value>', 'any consumer property (repeatable)', collectProperty)
    .option('--consumer.config <file>', 'consumer properties file')
    .option(
      '--property <key=value>',
      "Kafka's formatter settings: print.key, print.value, print.headers, print.partition, print.offset, print.timestamp, key.separator (repeatable)",
      collectProperty,
    )
    .addHelpText('after', '\nExample:\n  tarn consume --topic orders --group billing --from-beginning --max-messages 10 --print-key')
    .action(action<ConsumeFlags>(consume));
}

function count(name: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new CliError(`${name} must be a positive integer, got '${value}'`);
  return n;
}

/** Moves the consumer to the start position on partitions it has just been given. */
async function seekTo(consumer: Consumer, tps: TopicPartition[], start: StartPosition): Promise<void> {
  if (tps.length === 0) return;
  switch (start.type) {
    case 'earliest':
      consumer.seekToBeginning(tps);
      return;
    case 'latest':
      consumer.seekToEnd(tps);
      return;
    case 'offset':
      for (const tp of tps) consumer.seek(tp, start.offset);
      return;
    case 'timestamp': {
      const found = await consumer.offsetsForTimes(tps.map((tp) => ({ ...tp, timestamp: start.timestamp })));
      const none = found.filter((f) => f.result === null);
      for (const f of found) if (f.result !== null) consumer.seek(f, f.result.offset);
      consumer.seekToEnd(none);
      return;
    }
  }
}

async function consume({ options, out }: CommandContext<ConsumeFlags>): Promise<void> {
  const start = startPosition(options);
  const format = recordFormat(options.format, out.json);
  const maxMessages = count('--max-messages', options.maxMessages);
  const timeoutMs = count('--timeout-ms', options.timeoutMs);
  const partition = options.partition === undefined ? null : Number(options.partition);
  if (partition !== null && !(Number.isSafeInteger(partition) && partition >= 0)) {
    throw new CliError(`--partition must be a partition number, got '${options.partition}'`);
  }
  if (options.group !== undefined && partition !== null) throw new CliError('--group and --partition cannot be used together');
  if (start.type === 'offset' && options.group === undefined && partition === null) {
    throw new CliError('--offset with a number needs --partition or --group');
  }
  const overrides: Record<string, string> = {
    'enable.auto.commit': 'false',
    ...readPropertiesFile('--consumer.config', options['consumer.config']),
    ...options.consumerProperty,
  };
  const printFlags = { ...options, ...formatterProperties(options.property ?? {}) };
  if (options.group !== undefined) overrides['group.id'] = options.group;
  if (options.isolationLevel !== undefined) overrides['isolation.level'] = options.isolationLevel;
  if (start.type === 'earliest') overrides['auto.offset.reset'] = 'earliest';
  const consumer = new Consumer(clientProperties(options, overrides));
  const stop = (): void => void (stopped = true);
  let stopped = false;
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let processed = 0;
  const next = new Map<string, TopicPartition & { offset: number }>();
  try {
    if (options.group !== undefined) {
      consumer.subscribe([options.topic], {
        onPartitionsAssigned: (tps) => (start.type === 'default' || start.type === 'earliest' ? undefined : seekTo(consumer, tps, start)),
      });
    } else {
      const all = await consumer.partitionsFor(options.topic);
      const tps = partition === null ? all : all.filter((tp) => tp.partition === partition);
      if (tps.length === 0) throw new CliError(`topic ${options.topic} has no partition ${partition}`);
      consumer.assign(tps);
      await seekTo(consumer, tps, start.type === 'default' ? { type: 'latest' } : start);
    }
    let lastRecordAt = Date.now();
    while (!stopped && (maxMessages === null || processed < maxMessages)) {
      const batch = await consumer.poll(timeoutMs === null ? 500 : Math.min(500, timeoutMs));
      for (const r of batch) {
        out.line(formatRecord(r, format, printFlags));
        next.set(`${r.topic}:${r.partition}`, { topic: r.topic, partition: r.partition, offset: r.offset + 1 });
        if (++processed === maxMessages) break;
      }
      out.flush();
      if (!batch.isEmpty()) lastRecordAt = Date.now();
      else if (timeoutMs !== null && Date.now() - lastRecordAt >= timeoutMs) break;
    }
    // commit exactly what was printed (a poll may have returned more than --max-messages needed)
    if (options.group !== undefined && next.size > 0) await consumer.commitSync([...next.values()]);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await consumer.close();
    out.flush();
    process.stderr.write(`Processed a total of ${processed} messages\n`);
  }
}
