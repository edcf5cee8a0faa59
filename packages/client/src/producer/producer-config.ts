/**
 * The producer's configuration under Kafka's property names (ProducerConfig.java) and defaults.
 * Values may be numbers/booleans or the strings a `.properties` file gives (`"5"`, `"true"`).
 *
 * Idempotence is on by default (Kafka 3.0+). As Kafka 3.2+ does, when `enable.idempotence` is not
 * set and another setting conflicts with it (`acks` not all, `retries=0`, more than 5 in flight),
 * idempotence is quietly turned off; when it is set to true explicitly the conflict is a ConfigError.
 * `linger.ms` defaults to 5 as in Kafka 4.0 (KIP-1030).
 */
import { compressionTypeOf, type CompressionType } from '@tarn/protocol';
import { ConfigError } from '../errors';
import type { Partitioner } from './partitioner';
import type { Serializer } from './serializers';

export interface ProducerProperties<K = unknown, V = unknown> {
  acks?: 'all' | '-1' | '0' | '1' | -1 | 0 | 1;
  'batch.size'?: number | string;
  'linger.ms'?: number | string;
  'buffer.memory'?: number | string;
  'max.block.ms'?: number | string;
  'compression.type'?: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';
  retries?: number | string;
  'retry.backoff.ms'?: number | string;
  'retry.backoff.max.ms'?: number | string;
  'delivery.timeout.ms'?: number | string;
  'request.timeout.ms'?: number | string;
  'max.in.flight.requests.per.connection'?: number | string;
  'max.request.size'?: number | string;
  'enable.idempotence'?: boolean | 'true' | 'false';
  'transactional.id'?: string | null;
  'transaction.timeout.ms'?: number | string;
  'partitioner.class'?: string | Partitioner;
  'partitioner.ignore.keys'?: boolean | 'true' | 'false';
  'key.serializer'?: Serializer<K>;
  'value.serializer'?: Serializer<V>;
}

export interface ProducerSettings {
  acks: -1 | 0 | 1;
  batchSize: number;
  lingerMs: number;
  bufferMemory: number;
  maxBlockMs: number;
  compression: CompressionType;
  retries: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  deliveryTimeoutMs: number;
  requestTimeoutMs: number;
  maxInFlight: number;
  maxRequestSize: number;
  idempotence: boolean;
  transactionalId: string | null;
  transactionTimeoutMs: number;
  partitionerClass: string | Partitioner | undefined;
  ignoreKeys: boolean;
}

/** The producer properties, so the client's own settings (bootstrap.servers, ssl.*…) can be told apart. */
export const PRODUCER_PROPERTIES = [
  'acks',
  'batch.size',
  'linger.ms',
  'buffer.memory',
  'max.block.ms',
  'compression.type',
  'retries',
  'retry.backoff.ms',
  'retry.backoff.max.ms',
  'delivery.timeout.ms',
  'request.timeout.ms',
  'max.in.flight.requests.per.connection',
  'max.request.size',
  'enable.idempotence',
  'transactional.id',
  'transaction.timeout.ms',
  'partitioner.class',
  'partitioner.ignore.keys',
  'key.serializer',
  'value.serializer',
] as const;

const MAX_INT = 2147483647;

function int(props: Record<string, unknown>, name: string, fallback: number, min: number, max = MAX_INT): number {
  const raw = props[name];
  if (raw === undefined || raw === null) return fallback;
  const n = typeof raw === 'string' ? Number(raw.trim()) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new ConfigError(name, `expected an integer, got ${JSON.stringify(raw)}`);
  if (n < min || n > max) throw new ConfigError(name, `${n} is outside [${min}, ${max}]`);
  return n;
}

function bool(props: Record<string, unknown>, name: string): boolean | undefined {
  const raw = props[name];
  if (raw === undefined || raw === null) return undefined;
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  throw new ConfigError(name, `expected true or false, got ${JSON.stringify(raw)}`);
}

function parseAcks(raw: unknown): -1 | 0 | 1 {
  if (raw === undefined || raw === null || raw === 'all' || raw === -1 || raw === '-1') return -1;
  if (raw === 0 || raw === '0') return 0;
  if (raw === 1 || raw === '1') return 1;
  throw new ConfigError('acks', `expected all, -1, 0 or 1, got ${JSON.stringify(raw)}`);
}

export function parseProducerConfig(properties: ProducerProperties<never, never> | Record<string, unknown>): ProducerSettings {
  const props = properties as Record<string, unknown>;
  const acks = parseAcks(props.acks);
  const retries = int(props, 'retries', MAX_INT, 0);
  const maxInFlight = int(props, 'max.in.flight.requests.per.connection', 5, 1);
  const transactionalId = (props['transactional.id'] as string | null | undefined) ?? null;
  const explicit = bool(props, 'enable.idempotence');
  const conflicts: string[] = [];
  if (acks !== -1) conflicts.push('acks must be all');
  if (retries === 0) conflicts.push('retries must be greater than 0');
  if (maxInFlight > 5) conflicts.push('max.in.flight.requests.per.connection must be at most 5');
  if ((explicit === true || transactionalId !== null) && conflicts.length > 0) {
    throw new ConfigError('enable.idempotence', `idempotence (required by transactions) needs: ${conflicts.join(', ')}`);
  }
  if (transactionalId !== null && explicit === false) {
    throw new ConfigError('enable.idempotence', 'cannot be false with transactional.id set');
  }
  const idempotence = explicit ?? conflicts.length === 0;
  const compressionRaw = props['compression.type'];
  let compression: CompressionType;
  try {
    compression = compressionTypeOf(typeof compressionRaw === 'string' ? compressionRaw : 'none');
  } catch {
    throw new ConfigError('compression.type', `expected none, gzip, snappy, lz4 or zstd, got ${JSON.stringify(compressionRaw)}`);
  }
  const lingerMs = int(props, 'linger.ms', 5, 0);
  const requestTimeoutMs = int(props, 'request.timeout.ms', 30_000, 0);
  const deliveryTimeoutMs = int(props, 'delivery.timeout.ms', 120_000, 0);
  // Kafka refuses a delivery timeout shorter than linger + request timeout: a batch could never make it.
  if (deliveryTimeoutMs < lingerMs + requestTimeoutMs) {
    throw new ConfigError('delivery.timeout.ms', `must be at least linger.ms + request.timeout.ms (${lingerMs + requestTimeoutMs})`);
  }
  return {
    acks,
    batchSize: int(props, 'batch.size', 16_384, 0),
    lingerMs,
    bufferMemory: int(props, 'buffer.memory', 33_554_432, 0, Number.MAX_SAFE_INTEGER),
    maxBlockMs: int(props, 'max.block.ms', 60_000, 0),
    compression,
    retries,
    retryBackoffMs: int(props, 'retry.backoff.ms', 100, 0),
    retryBackoffMaxMs: int(props, 'retry.backoff.max.ms', 1000, 0),
    deliveryTimeoutMs,
    requestTimeoutMs,
    maxInFlight,
    maxRequestSize: int(props, 'max.request.size', 1_048_576, 0),
    idempotence,
    transactionalId,
    transactionTimeoutMs: int(props, 'transaction.timeout.ms', 60_000, 1),
    partitionerClass: props['partitioner.class'] as string | Partitioner | undefined,
    ignoreKeys: bool(props, 'partitioner.ignore.keys') ?? false,
  };
}
