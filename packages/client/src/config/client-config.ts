/**
 * The settings every client (producer, consumer, admin) shares, read from Kafka's property names
 * with Kafka's defaults (CommonClientConfigs). librdkafka's spellings are accepted where they differ
 * (`sasl.mechanisms`, `sasl.username`/`sasl.password`), since `--command-config` files written for
 * kcat or confluent-kafka use them.
 */
import { ConfigError } from '../errors';
import { intProp, stringProp, type ClientProperties } from './properties';
import { securityFromProperties, type SecurityConfig } from './security-config';

export interface BrokerAddress {
  host: string;
  port: number;
}

export interface ClientConfig {
  bootstrapServers: BrokerAddress[];
  clientId: string;
  /** request.timeout.ms: a request unanswered this long fails and its connection is closed. */
  requestTimeoutMs: number;
  /** socket.connection.setup.timeout.ms: TCP + TLS handshake. */
  connectionSetupTimeoutMs: number;
  /** reconnect.backoff.ms / reconnect.backoff.max.ms: exponential backoff between attempts to one broker. */
  reconnectBackoffMs: number;
  reconnectBackoffMaxMs: number;
  /** retry.backoff.ms / retry.backoff.max.ms: between retries of a failed operation. */
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  /** metadata.max.age.ms: cached metadata older than this is refreshed before use. */
  metadataMaxAgeMs: number;
  /** default.api.timeout.ms: how long an admin (or blocking consumer) call may retry. */
  defaultApiTimeoutMs: number;
  /** connections.max.idle.ms: a connection unused this long is closed (before the broker's own idle limit closes it under a request). */
  connectionsMaxIdleMs: number;
  /** receive.message.max.bytes (librdkafka's name): a response frame larger than this is refused, not allocated. */
  receiveMessageMaxBytes: number;
  security: SecurityConfig;
  /** Every property as given, for the producer's, consumer's and admin's own settings. */
  properties: ClientProperties;
}

export function clientConfig(props: ClientProperties): ClientConfig {
  const servers = stringProp(props, 'bootstrap.servers') ?? stringProp(props, 'metadata.broker.list');
  if (servers === undefined || servers.trim() === '') throw new ConfigError('bootstrap.servers', 'is required');
  return {
    bootstrapServers: parseBootstrapServers(servers),
    clientId: stringProp(props, 'client.id', 'tarn'),
    requestTimeoutMs: intProp(props, 'request.timeout.ms', 30_000, 1),
    connectionSetupTimeoutMs: intProp(props, 'socket.connection.setup.timeout.ms', 10_000, 1),
    reconnectBackoffMs: intProp(props, 'reconnect.backoff.ms', 50, 0),
    reconnectBackoffMaxMs: intProp(props, 'reconnect.backoff.max.ms', 1000, 0),
    retryBackoffMs: intProp(props, 'retry.backoff.ms', 100, 0),
    retryBackoffMaxMs: intProp(props, 'retry.backoff.max.ms', 1000, 0),
    metadataMaxAgeMs: intProp(props, 'metadata.max.age.ms', 300_000, 0),
    defaultApiTimeoutMs: intProp(props, 'default.api.timeout.ms', 60_000, 0),
    connectionsMaxIdleMs: intProp(props, 'connections.max.idle.ms', 540_000, 1),
    receiveMessageMaxBytes: intProp(props, 'receive.message.max.bytes', 100_000_000, 1000),
    security: securityFromProperties(props),
    properties: props,
  };
}

/** `host:port,host:port`, `[::1]:9092`, optionally `PLAINTEXT://host:port`; a missing port is 9092 (librdkafka's default). */
export function parseBootstrapServers(value: string): BrokerAddress[] {
  const out: BrokerAddress[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim().replace(/^[A-Za-z_]+:\/\//, '');
    if (entry === '') continue;
    const m = /^(?:\[([^\]]+)\]|([^:]+))(?::(\d+))?$/.exec(entry);
    const port = m?.[3] === undefined ? 9092 : Number(m[3]);
    if (m === null || port < 1 || port > 65535)
      throw new ConfigError('bootstrap.servers', `cannot parse ${JSON.stringify(raw.trim())} as host:port`);
    out.push({ host: m[1] ?? m[2]!, port });
  }
  if (out.length === 0) throw new ConfigError('bootstrap.servers', 'no server given');
  return out;
}

/** Exponential backoff with ±20% jitter (Kafka's ExponentialBackoff), for reconnects and retries alike. */
export function backoffMs(attempt: number, initialMs: number, maxMs: number): number {
  if (initialMs <= 0) return 0;
  const base = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt));
  return Math.max(0, Math.round(base * (0.8 + Math.random() * 0.4)));
}
