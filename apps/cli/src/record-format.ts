/**
 * How `tarn consume` prints a record: `text` (the value, or key<TAB>value with --print-key, as
 * kafka-console-consumer.sh's print.key and key.separator), `json` (one object per line with topic,
 * partition, offset, timestamp, key, value and headers) or `hex` (bytes as hex).
 */
import type { ConsumerRecord } from '@tarn/client';
import { CliError } from './cli-error';

export type RecordFormat = 'text' | 'json' | 'hex';

export function recordFormat(value: string | undefined, outputJson: boolean): RecordFormat {
  const f = value ?? (outputJson ? 'json' : 'text');
  if (f !== 'text' && f !== 'json' && f !== 'hex') throw new CliError(`--format must be text, json or hex, not '${f}'`);
  return f;
}

export interface PrintFlags {
  printKey?: boolean;
  printValue?: boolean;
  printHeaders?: boolean;
  printPartition?: boolean;
  printOffset?: boolean;
  printTimestamp?: boolean;
  /** Between the fields (Kafka's key.separator), a tab by default. */
  separator?: string;
}

/** kafka-console-consumer.sh's `--property print.key=true key.separator=…` as PrintFlags. */
export function formatterProperties(props: Record<string, string>): PrintFlags {
  const flags: PrintFlags = {};
  const bool = (name: string): boolean | undefined =>
    props[name] === undefined ? undefined : props[name]!.trim().toLowerCase() === 'true';
  const set = <K extends keyof PrintFlags>(key: K, value: PrintFlags[K] | undefined): void => {
    if (value !== undefined) flags[key] = value;
  };
  set('printKey', bool('print.key'));
  set('printValue', bool('print.value'));
  set('printHeaders', bool('print.headers'));
  set('printPartition', bool('print.partition'));
  set('printOffset', bool('print.offset'));
  set('printTimestamp', bool('print.timestamp'));
  set('separator', props['key.separator']);
  return flags;
}

function text(b: Buffer | null, hex: boolean): string {
  if (b === null) return 'null';
  return hex ? b.toString('hex') : b.toString('utf8');
}

export function formatRecord(r: ConsumerRecord, format: RecordFormat, flags: PrintFlags): string {
  if (format === 'json') {
    return JSON.stringify({
      topic: r.topic,
      partition: r.partition,
      offset: r.offset,
      timestamp: r.timestamp,
      timestampType: r.timestampType,
      key: r.key === null ? null : r.key.toString('utf8'),
      value: r.value === null ? null : r.value.toString('utf8'),
      headers: r.headers.map((h) => ({ key: h.key, value: h.value === null ? null : h.value.toString('utf8') })),
    });
  }
  const hex = format === 'hex';
  // the order of kafka-console-consumer.sh's DefaultMessageFormatter
  const parts: string[] = [];
  if (flags.printTimestamp) parts.push(`${r.timestampType}:${r.timestamp}`);
  if (flags.printPartition) parts.push(`Partition:${r.partition}`);
  if (flags.printOffset) parts.push(`Offset:${r.offset}`);
  if (flags.printHeaders)
    parts.push(r.headers.length === 0 ? 'NO_HEADERS' : r.headers.map((h) => `${h.key}:${text(h.value, hex)}`).join(','));
  if (flags.printKey) parts.push(text(r.key, hex));
  if (flags.printValue !== false) parts.push(text(r.value, hex));
  return parts.join(flags.separator ?? '\t');
}
