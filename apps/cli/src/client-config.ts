/**
 * Client properties for a command, as Kafka's tools build them: `--command-config file.properties`
 * (Kafka's client property names: security.protocol, sasl.*, ssl.*, client.id, …), then the
 * command's own `--producer.config`/`--consumer.config` file and `--producer-property`/
 * `--consumer-property key=value` overrides, then `--bootstrap-server`, which wins (Kafka's tools
 * too let it override the files).
 */
import { readFileSync } from 'node:fs';
import { parseProperties, type ClientProperties } from '@tarn/client';
import { CliError } from './cli-error';
import type { GlobalOptions } from './context';

/** `key=value` options collected by commander (repeatable). */
export function collectProperty(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new CliError(`expected key=value, got '${value}'`);
  return { ...previous, [value.slice(0, eq).trim()]: value.slice(eq + 1) };
}

/** A Java .properties file (`--command-config`, `--producer.config`, `--consumer.config`). */
export function readPropertiesFile(option: string, path: string | undefined): Record<string, string> {
  if (path === undefined) return {};
  try {
    return parseProperties(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new CliError(`cannot read ${option} ${path}: ${(err as Error).message}`);
  }
}

export function clientProperties(options: GlobalOptions, overrides: Record<string, string> = {}): ClientProperties {
  const fromFile = readPropertiesFile('--command-config', options.commandConfig);
  const props: Record<string, string> = { 'client.id': 'tarn-cli', ...fromFile, ...overrides };
  if (options.bootstrapServer !== undefined) props['bootstrap.servers'] = options.bootstrapServer;
  if (props['bootstrap.servers'] === undefined) {
    throw new CliError('Missing required option --bootstrap-server (or bootstrap.servers in --command-config)');
  }
  return props;
}
