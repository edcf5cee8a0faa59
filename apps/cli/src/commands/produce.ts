/**
 * `tarn produce`: kafka-console-producer.sh. One record per line of stdin (or `--file`); with
 * `--key-separator` the text before the first separator is the key (Kafka's parse.key=true and
 * key.separator). `--headers k:v,k2:v2` adds the same headers to every record; `--parse-headers`
 * reads them per line as Kafka's parse.headers=true does (`k:v,k2:v2<TAB>…` before the key or value).
 */
import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { Producer, type RecordMetadata } from '@tarn/client';
import { action, type CommandContext } from '../context';
import { CliError } from '../cli-error';
import { clientProperties, collectProperty, readPropertiesFile } from '../client-config';
import { SendWindow } from '../send-window';
import { boundedLines } from '../line-reader';

interface ProduceFlags {
  topic: string;
  file?: string;
  keySeparator?: string;
  headers?: string;
  parseHeaders?: boolean;
  partition?: string;
  compression?: string;
  acks?: string;
  producerProperty?: Record<string, string>;
  'producer.config'?: string;
  property?: Record<string, string>;
}

type Header = { key: string; value: string | null };

/** `k:v,k2:v2` → headers; a header without `:` has a null value (Kafka's console producer). */
function parseHeaderList(text: string): Header[] {
  if (text === '') return [];
  return text.split(',').map((h) => {
    const i = h.indexOf(':');
    return i < 0 ? { key: h, value: null } : { key: h.slice(0, i), value: h.slice(i + 1) };
  });
}

export function registerProduce(program: Command): void {
  program
    .command('produce')
    .description('kafka-console-producer.sh: send each line of stdin (or --file) as a record')
    .requiredOption('--topic <topic>', 'topic to produce to')
    .option('--file <path>', 'read lines from this file instead of stdin')
    .option('--key-separator <sep>', 'split each line into key<sep>value')
    .option('--headers <k:v,...>', 'headers added to every record')
    .option('--parse-headers', "read headers per line: 'k:v,k2:v2<TAB>' before the key or value")
    .option('--partition <n>', 'send every record to this partition')
    .option('--compression <codec>', 'compression.type: none, gzip, snappy, lz4, zstd')
    .option('--acks <acks>', 'acks: 0, 1 or all')
    .option('--producer-property <key=value>', 'any producer property (repeatable)', collectProperty)
    .option('--producer.config <file>', 'producer properties file')
    .option('--property <key=value>', "Kafka's line reader settings: parse.key, key.separator, parse.headers (repeatable)", collectProperty)
    .addHelpText('after', "\nExample:\n  printf 'k1:hello\\nk2:world\\n' | tarn produce --topic orders --key-separator :")
    .action(action<ProduceFlags>(produce));
}

async function produce({ options, out }: CommandContext<ProduceFlags>): Promise<void> {
  const overrides: Record<string, string> = {
    ...readPropertiesFile('--producer.config', options['producer.config']),
    ...options.producerProperty,
  };
  // kafka-console-producer.sh's --property parse.key=true key.separator=… parse.headers=true
  const reader = options.property ?? {};
  if (reader['parse.key'] === 'true') options.keySeparator ??= reader['key.separator'] ?? '\t';
  if (reader['parse.headers'] === 'true') options.parseHeaders = true;
  if (options.compression !== undefined) overrides['compression.type'] = options.compression;
  if (options.acks !== undefined) overrides.acks = options.acks;
  let partition: number | undefined;
  if (options.partition !== undefined) {
    partition = Number(options.partition);
    if (!Number.isSafeInteger(partition) || partition < 0)
      throw new CliError(`--partition must be a partition number, got '${options.partition}'`);
  }
  const staticHeaders = options.headers === undefined ? [] : parseHeaderList(options.headers);
  const input = options.file === undefined ? process.stdin : createReadStream(options.file);
  const opened = new Promise<void>((resolve, reject) => {
    input.once('error', reject);
    if (options.file === undefined) resolve();
    else input.once('open', () => resolve());
  });
  await opened.catch((err: Error) => {
    throw new CliError(`cannot read ${options.file}: ${err.message}`);
  });
  const producer = await Producer.create({ ...clientProperties(options, overrides) });
  const window = new SendWindow(10_000);
  const partitions = new Map<number, { first: number; last: number; count: number }>();
  let lineNumber = 0;
  try {
    const maxLineBytes = Number(overrides['max.request.size'] ?? 1_048_576);
    const lines = boundedLines(input, Number.isSafeInteger(maxLineBytes) && maxLineBytes > 0 ? maxLineBytes : 1_048_576);
    // kafka-console-producer.sh's prompt, for a person typing (on stderr: stdout stays for --output json)
    const prompt =
      input === process.stdin && process.stdin.isTTY === true ? (): boolean => process.stderr.write('>') : (): boolean => false;
    prompt();
    for await (const raw of lines) {
      prompt();
      lineNumber++;
      let line = raw;
      let headers = staticHeaders;
      if (options.parseHeaders) {
        const tab = line.indexOf('\t');
        if (tab < 0) throw new CliError(`No headers delimiter found on line number ${lineNumber}: '${line}'`);
        headers = [...staticHeaders, ...parseHeaderList(line.slice(0, tab))];
        line = line.slice(tab + 1);
      }
      let key: string | null = null;
      if (options.keySeparator !== undefined) {
        const i = line.indexOf(options.keySeparator);
        if (i < 0) throw new CliError(`No key separator found on line number ${lineNumber}: '${line}'`);
        key = line.slice(0, i);
        line = line.slice(i + options.keySeparator.length);
      }
      if (window.error !== null) break;
      await window.acquire();
      producer.send({ topic: options.topic, key, value: line, partition, headers }, (err, md: RecordMetadata | null) => {
        if (md !== null) {
          const p = partitions.get(md.partition) ?? { first: md.offset, last: md.offset, count: 0 };
          p.first = Math.min(p.first, md.offset);
          p.last = Math.max(p.last, md.offset);
          p.count++;
          partitions.set(md.partition, p);
        }
        window.release(err);
      });
    }
  } finally {
    // lines read before a bad one are delivered, as Kafka's blocking send would have appended them
    await window.drain();
    await producer.close();
  }
  if (window.error !== null) throw window.error;
  const records = [...partitions.values()].reduce((n, p) => n + p.count, 0);
  const perPartition = [...partitions.entries()].sort((a, b) => a[0] - b[0]).map(([p, v]) => ({ partition: p, ...v }));
  if (out.json) out.jsonLine({ topic: options.topic, records, partitions: perPartition });
  else if (process.stderr.isTTY) process.stderr.write(`${records} records produced to ${options.topic}\n`);
}
