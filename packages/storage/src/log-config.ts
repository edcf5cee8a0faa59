/**
 * Topic-level log configuration with Kafka's property names, defaults, valid ranges and broker-level
 * synonyms (`segment.bytes` ← `log.segment.bytes`, …). A topic's effective value is its own override,
 * else the broker's setting, else Kafka's default. The same table answers DescribeConfigs and
 * validates CreateTopics / AlterConfigs.
 */
import { ErrorCode, KafkaError } from '@tarn/protocol';

export const LONG_MAX = '9223372036854775807';

export type ConfigType = 'int' | 'long' | 'double' | 'boolean' | 'string' | 'list';

export interface TopicConfigDef {
  name: string;
  type: ConfigType;
  default: string;
  /** Broker properties that set this topic config's default, in order of precedence. */
  synonyms: readonly string[];
  /** Broker synonyms expressed in another unit (log.retention.hours …): factor to the topic unit. */
  scaled?: ReadonlyArray<{ name: string; factor: number }>;
  min?: number;
  max?: number;
  oneOf?: readonly string[];
  doc: string;
}

const def = (d: TopicConfigDef): TopicConfigDef => d;

export const TOPIC_CONFIGS: readonly TopicConfigDef[] = [
  def({
    name: 'cleanup.policy',
    type: 'list',
    default: 'delete',
    synonyms: ['log.cleanup.policy'],
    oneOf: ['delete', 'compact'],
    doc: 'delete old segments, compact to the latest value per key, or both',
  }),
  def({
    name: 'compression.type',
    type: 'string',
    default: 'producer',
    synonyms: ['compression.type'],
    oneOf: ['producer', 'uncompressed', 'gzip', 'snappy', 'lz4', 'zstd'],
    doc: 'codec batches are stored with; producer keeps what the client sent',
  }),
  def({
    name: 'delete.retention.ms',
    type: 'long',
    default: '86400000',
    synonyms: ['log.cleaner.delete.retention.ms'],
    min: 0,
    doc: 'how long tombstones survive compaction',
  }),
  def({
    name: 'file.delete.delay.ms',
    type: 'long',
    default: '60000',
    synonyms: ['log.segment.delete.delay.ms'],
    min: 0,
    doc: 'wait between marking a segment .deleted and removing it',
  }),
  def({
    name: 'flush.messages',
    type: 'long',
    default: LONG_MAX,
    synonyms: ['log.flush.interval.messages'],
    min: 1,
    doc: 'fsync after this many messages',
  }),
  def({
    name: 'flush.ms',
    type: 'long',
    default: LONG_MAX,
    synonyms: ['log.flush.interval.ms'],
    min: 0,
    doc: 'fsync when the oldest unflushed message is this old',
  }),
  def({
    name: 'index.interval.bytes',
    type: 'int',
    default: '4096',
    synonyms: ['log.index.interval.bytes'],
    min: 0,
    doc: 'bytes between offset index entries',
  }),
  def({
    name: 'max.compaction.lag.ms',
    type: 'long',
    default: LONG_MAX,
    synonyms: ['log.cleaner.max.compaction.lag.ms'],
    min: 1,
    doc: 'longest a record may stay uncompacted',
  }),
  def({
    name: 'max.message.bytes',
    type: 'int',
    default: '1048588',
    synonyms: ['message.max.bytes'],
    min: 0,
    doc: 'largest record batch accepted',
  }),
  def({
    name: 'message.downconversion.enable',
    type: 'boolean',
    default: 'true',
    synonyms: ['log.message.downconversion.enable'],
    doc: 'answer old fetch versions by down-converting',
  }),
  def({
    name: 'message.timestamp.type',
    type: 'string',
    default: 'CreateTime',
    synonyms: ['log.message.timestamp.type'],
    oneOf: ['CreateTime', 'LogAppendTime'],
    doc: 'keep the producer timestamp or stamp the append time',
  }),
  def({
    name: 'message.timestamp.difference.max.ms',
    type: 'long',
    default: LONG_MAX,
    synonyms: ['log.message.timestamp.difference.max.ms'],
    min: 0,
    doc: 'largest allowed distance between a CreateTime timestamp and the broker clock',
  }),
  def({
    name: 'message.timestamp.before.max.ms',
    type: 'long',
    default: LONG_MAX,
    synonyms: ['log.message.timestamp.before.max.ms'],
    min: 0,
    doc: 'how far in the past a CreateTime timestamp may be',
  }),
  def({
    name: 'message.timestamp.after.max.ms',
    type: 'long',
    default: LONG_MAX,
    synonyms: ['log.message.timestamp.after.max.ms'],
    min: 0,
    doc: 'how far in the future a CreateTime timestamp may be',
  }),
  def({
    name: 'min.cleanable.dirty.ratio',
    type: 'double',
    default: '0.5',
    synonyms: ['log.cleaner.min.cleanable.ratio'],
    min: 0,
    max: 1,
    doc: 'dirty share of the log that triggers compaction',
  }),
  def({
    name: 'min.compaction.lag.ms',
    type: 'long',
    default: '0',
    synonyms: ['log.cleaner.min.compaction.lag.ms'],
    min: 0,
    doc: 'shortest time a record stays uncompacted',
  }),
  def({
    name: 'min.insync.replicas',
    type: 'int',
    default: '1',
    synonyms: ['min.insync.replicas'],
    min: 1,
    doc: 'replicas that must have an acks=all write',
  }),
  def({ name: 'preallocate', type: 'boolean', default: 'false', synonyms: ['log.preallocate'], doc: 'preallocate segment files' }),
  def({
    name: 'retention.bytes',
    type: 'long',
    default: '-1',
    synonyms: ['log.retention.bytes'],
    doc: 'largest a partition may grow before old segments go (-1: no limit)',
  }),
  def({
    name: 'retention.ms',
    type: 'long',
    default: '604800000',
    synonyms: ['log.retention.ms'],
    scaled: [
      { name: 'log.retention.minutes', factor: 60_000 },
      { name: 'log.retention.hours', factor: 3_600_000 },
    ],
    min: -1,
    doc: 'age after which segments are deleted (-1: forever)',
  }),
  def({ name: 'segment.bytes', type: 'int', default: '1073741824', synonyms: ['log.segment.bytes'], min: 14, doc: 'segment file size' }),
  def({
    name: 'segment.index.bytes',
    type: 'int',
    default: '10485760',
    synonyms: ['log.index.size.max.bytes'],
    min: 4,
    doc: 'offset index size',
  }),
  def({
    name: 'segment.jitter.ms',
    type: 'long',
    default: '0',
    synonyms: ['log.roll.jitter.ms'],
    scaled: [{ name: 'log.roll.jitter.hours', factor: 3_600_000 }],
    min: 0,
    doc: 'random jitter subtracted from segment.ms',
  }),
  def({
    name: 'segment.ms',
    type: 'long',
    default: '604800000',
    synonyms: ['log.roll.ms'],
    scaled: [{ name: 'log.roll.hours', factor: 3_600_000 }],
    min: 1,
    doc: 'roll a segment after this long',
  }),
  def({
    name: 'unclean.leader.election.enable',
    type: 'boolean',
    default: 'false',
    synonyms: ['unclean.leader.election.enable'],
    doc: 'allow a replica outside the ISR to become leader',
  }),
];

export const TOPIC_CONFIG_BY_NAME: ReadonlyMap<string, TopicConfigDef> = new Map(TOPIC_CONFIGS.map((d) => [d.name, d]));

/** Parsed, typed view of a topic's effective configuration. */
export interface LogConfig {
  cleanupPolicy: { compact: boolean; delete: boolean };
  compressionType: string;
  deleteRetentionMs: number;
  fileDeleteDelayMs: number;
  flushMessages: number;
  flushMs: number;
  indexIntervalBytes: number;
  maxCompactionLagMs: number;
  maxMessageBytes: number;
  messageDownconversionEnable: boolean;
  messageTimestampType: 'CreateTime' | 'LogAppendTime';
  messageTimestampBeforeMaxMs: number;
  messageTimestampAfterMaxMs: number;
  minCleanableDirtyRatio: number;
  minCompactionLagMs: number;
  minInsyncReplicas: number;
  preallocate: boolean;
  retentionBytes: number;
  retentionMs: number;
  segmentBytes: number;
  segmentIndexBytes: number;
  segmentJitterMs: number;
  segmentMs: number;
  uncleanLeaderElectionEnable: boolean;
}

function invalid(name: string, value: string, why: string): KafkaError {
  return new KafkaError(ErrorCode.INVALID_CONFIG, `Invalid value ${value} for configuration ${name}: ${why}`);
}

/** Checks one value against its definition; returns it normalised. Throws INVALID_CONFIG. */
export function validateTopicConfig(name: string, value: string): string {
  const d = TOPIC_CONFIG_BY_NAME.get(name);
  if (d === undefined) throw new KafkaError(ErrorCode.INVALID_CONFIG, `Unknown topic config name: ${name}`);
  const v = value.trim();
  switch (d.type) {
    case 'int':
    case 'long': {
      if (!/^-?\d+$/.test(v)) throw invalid(name, value, `Not a number of type ${d.type.toUpperCase()}`);
      const n = Number(v);
      if (d.type === 'int' && (n > 2147483647 || n < -2147483648)) throw invalid(name, value, 'Not a number of type INT');
      if (d.type === 'long' && BigInt(v) > 9223372036854775807n) throw invalid(name, value, 'Not a number of type LONG');
      if (d.min !== undefined && n < d.min) throw invalid(name, value, `Value must be at least ${d.min}`);
      if (d.max !== undefined && n > d.max) throw invalid(name, value, `Value must be no more than ${d.max}`);
      return v;
    }
    case 'double': {
      const n = Number(v);
      if (v === '' || !Number.isFinite(n)) throw invalid(name, value, 'Not a number of type DOUBLE');
      if (d.min !== undefined && n < d.min) throw invalid(name, value, `Value must be at least ${d.min}`);
      if (d.max !== undefined && n > d.max) throw invalid(name, value, `Value must be no more than ${d.max}`);
      return v;
    }
    case 'boolean': {
      const b = v.toLowerCase();
      if (b !== 'true' && b !== 'false') throw invalid(name, value, 'Expected value to be either true or false');
      return b;
    }
    case 'list': {
      const items = v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      for (const item of items) {
        if (d.oneOf && !d.oneOf.includes(item)) throw invalid(name, value, `String must be one of: ${d.oneOf.join(', ')}`);
      }
      return items.join(',');
    }
    case 'string':
      if (d.oneOf && !d.oneOf.includes(v)) throw invalid(name, value, `String must be one of: ${d.oneOf.join(', ')}`);
      return v;
  }
}

export type ConfigSource = 'TOPIC_CONFIG' | 'STATIC_BROKER_CONFIG' | 'DEFAULT_CONFIG';

export interface ResolvedConfig {
  name: string;
  value: string;
  source: ConfigSource;
  /** The broker property that supplied the value, for STATIC_BROKER_CONFIG. */
  synonym?: string;
}

/** A topic config's default on this broker: its broker synonym if set, else Kafka's default. */
export function brokerDefaultFor(d: TopicConfigDef, broker: Readonly<Record<string, string>>): ResolvedConfig {
  for (const s of d.synonyms) {
    const v = broker[s];
    if (v !== undefined) return { name: d.name, value: validateTopicConfig(d.name, v), source: 'STATIC_BROKER_CONFIG', synonym: s };
  }
  for (const s of d.scaled ?? []) {
    const v = broker[s.name];
    if (v !== undefined) {
      const n = Number(v);
      if (!Number.isFinite(n)) throw invalid(s.name, v, 'Not a number');
      const value = n < 0 ? String(n) : String(n * s.factor);
      return { name: d.name, value: validateTopicConfig(d.name, value), source: 'STATIC_BROKER_CONFIG', synonym: s.name };
    }
  }
  return { name: d.name, value: d.default, source: 'DEFAULT_CONFIG' };
}

/** Every topic config with its effective value and where it came from. */
export function resolveTopicConfigs(
  overrides: Readonly<Record<string, string>>,
  broker: Readonly<Record<string, string>> = {},
): ResolvedConfig[] {
  return TOPIC_CONFIGS.map((d) => {
    const o = overrides[d.name];
    return o !== undefined ? { name: d.name, value: validateTopicConfig(d.name, o), source: 'TOPIC_CONFIG' } : brokerDefaultFor(d, broker);
  });
}

/** Builds the typed LogConfig; throws INVALID_CONFIG for unknown names or bad values. */
export function buildLogConfig(overrides: Readonly<Record<string, string>> = {}, broker: Readonly<Record<string, string>> = {}): LogConfig {
  for (const name of Object.keys(overrides)) validateTopicConfig(name, overrides[name]!);
  const v = new Map(resolveTopicConfigs(overrides, broker).map((c) => [c.name, c.value]));
  const num = (name: string): number => Number(v.get(name));
  const bool = (name: string): boolean => v.get(name) === 'true';
  const policy = (v.get('cleanup.policy') ?? '').split(',');
  return {
    cleanupPolicy: { compact: policy.includes('compact'), delete: policy.includes('delete') },
    compressionType: v.get('compression.type')!,
    deleteRetentionMs: num('delete.retention.ms'),
    fileDeleteDelayMs: num('file.delete.delay.ms'),
    flushMessages: num('flush.messages'),
    flushMs: num('flush.ms'),
    indexIntervalBytes: num('index.interval.bytes'),
    maxCompactionLagMs: num('max.compaction.lag.ms'),
    maxMessageBytes: num('max.message.bytes'),
    messageDownconversionEnable: bool('message.downconversion.enable'),
    messageTimestampType: v.get('message.timestamp.type') as LogConfig['messageTimestampType'],
    messageTimestampBeforeMaxMs: Math.min(num('message.timestamp.before.max.ms'), num('message.timestamp.difference.max.ms')),
    messageTimestampAfterMaxMs: Math.min(num('message.timestamp.after.max.ms'), num('message.timestamp.difference.max.ms')),
    minCleanableDirtyRatio: num('min.cleanable.dirty.ratio'),
    minCompactionLagMs: num('min.compaction.lag.ms'),
    minInsyncReplicas: num('min.insync.replicas'),
    preallocate: bool('preallocate'),
    retentionBytes: num('retention.bytes'),
    retentionMs: num('retention.ms'),
    segmentBytes: num('segment.bytes'),
    segmentIndexBytes: num('segment.index.bytes'),
    segmentJitterMs: num('segment.jitter.ms'),
    segmentMs: num('segment.ms'),
    uncleanLeaderElectionEnable: bool('unclean.leader.election.enable'),
  };
}
