// The real Kafka clients that scripts/setup-clients installs into a cache outside the repository
// (see src/testing/native-clients-cache.ts): node-rdkafka (librdkafka 2.12),
// @confluentinc/kafka-javascript (librdkafka 2.15) and @platformatic/kafka.
// The packages' own typings are outside the repository, where tsc cannot see them: the interfaces
// below declare the part of each API that the tests use.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installedNativeClientsDir } from '../src/testing/native-clients-cache';

export { nativeClientsDir, nativeClientsKey, rdkafkaPerformancePath } from '../src/testing/native-clients-cache';

function requireFromCache(name: string): unknown {
  return createRequire(join(installedNativeClientsDir(), 'package.json'))(name);
}

// ---- node-rdkafka and @confluentinc/kafka-javascript's node-rdkafka-compatible API ----

export interface LibrdkafkaError extends Error {
  code: number;
  isRetriable?: boolean;
}
type Callback<T> = (err: LibrdkafkaError | null | undefined, value: T) => void;

/** Header list as these clients carry it: one single-key object per header, in order. */
export type RdkafkaHeaders = Array<Record<string, Buffer | string>>;

export interface RdkafkaMessage {
  topic: string;
  partition: number;
  offset: number;
  key: Buffer | string | null | undefined;
  value: Buffer | null;
  headers?: RdkafkaHeaders;
  timestamp?: number;
  size: number;
}

export interface RdkafkaMetadata {
  orig_broker_id: number;
  brokers: Array<{ id: number; host: string; port: number }>;
  topics: Array<{ name: string; partitions: Array<{ id: number; leader: number; replicas: number[]; isrs: number[] }> }>;
}

export interface RdkafkaDeliveryReport {
  topic: string;
  partition: number;
  offset: number;
  key?: Buffer | string | null;
  opaque?: unknown;
}

export interface RdkafkaTopicPartitionOffset {
  topic: string;
  partition: number;
  offset: number;
}

export interface RdkafkaClient {
  connect(options: { timeout?: number; topic?: string } | undefined, cb: Callback<RdkafkaMetadata>): this;
  disconnect(cb: Callback<unknown>): this;
  isConnected(): boolean;
  getMetadata(options: { topic?: string; allTopics?: boolean; timeout?: number }, cb: Callback<RdkafkaMetadata>): void;
  on(event: 'event.error', listener: (err: LibrdkafkaError) => void): this;
  on(event: 'event.log', listener: (log: { severity: number; fac: string; message: string }) => void): this;
  on(event: 'delivery-report', listener: (err: LibrdkafkaError | null, report: RdkafkaDeliveryReport) => void): this;
  on(event: 'rebalance', listener: (err: LibrdkafkaError, assignment: RdkafkaTopicPartitionOffset[]) => void): this;
  /** Needs offset_commit_cb: true. */
  on(event: 'offset.commit', listener: (err: LibrdkafkaError | null | undefined, offsets: RdkafkaTopicPartitionOffset[]) => void): this;
}

export interface RdkafkaProducer extends RdkafkaClient {
  produce(
    topic: string,
    partition: number | null,
    value: Buffer | null,
    key?: Buffer | string | null,
    timestamp?: number | null,
    opaque?: unknown,
    headers?: RdkafkaHeaders,
  ): unknown;
  setPollInterval(ms: number): this;
  poll(): this;
  flush(timeoutMs: number, cb: (err: LibrdkafkaError | null | undefined) => void): this;
}

export interface RdkafkaConsumer extends RdkafkaClient {
  assign(assignments: Array<{ topic: string; partition: number; offset?: number }>): this;
  subscribe(topics: string[]): this;
  unsubscribe(): this;
  assignments(): Array<{ topic: string; partition: number }>;
  consume(count: number, cb: Callback<RdkafkaMessage[]>): void;
  /** Asynchronous; the result arrives as an 'offset.commit' event. (commitSync blocks the event loop, and with it a broker in the same process.) */
  commit(offsets: RdkafkaTopicPartitionOffset[] | null): this;
  committed(toppars: Array<{ topic: string; partition: number }>, timeoutMs: number, cb: Callback<RdkafkaTopicPartitionOffset[]>): this;
  setDefaultConsumeTimeout(ms: number): void;
}

export interface RdkafkaNewTopic {
  topic: string;
  num_partitions: number;
  replication_factor: number;
  config?: Record<string, string>;
}

export interface RdkafkaAdminClient {
  createTopic(topic: RdkafkaNewTopic, timeoutMs: number, cb: (err: LibrdkafkaError | null | undefined) => void): void;
  deleteTopic(topic: string, timeoutMs: number, cb: (err: LibrdkafkaError | null | undefined) => void): void;
  createPartitions(
    topic: string,
    desiredPartitions: number,
    timeoutMs: number,
    cb: (err: LibrdkafkaError | null | undefined) => void,
  ): void;
  disconnect(): void;
}

export type RdkafkaConfig = Record<string, string | number | boolean | ((...args: never[]) => unknown)>;

export interface RdkafkaModule {
  Producer: new (conf: RdkafkaConfig, topicConf?: RdkafkaConfig) => RdkafkaProducer;
  KafkaConsumer: new (conf: RdkafkaConfig, topicConf?: RdkafkaConfig) => RdkafkaConsumer;
  AdminClient: { create(conf: RdkafkaConfig): RdkafkaAdminClient };
  librdkafkaVersion: string;
  features: string[];
}

// Both addons load a librdkafka.so.1 through their RUNPATH; in one process the second would run
// the first one's librdkafka, so a process gets one of them only.
let librdkafkaAddon: string | null = null;

function loadLibrdkafkaAddon(name: string): RdkafkaModule {
  if (librdkafkaAddon !== null && librdkafkaAddon !== name) {
    throw new Error(`${librdkafkaAddon} is loaded in this process: ${name} would run its librdkafka; use a test file of its own`);
  }
  librdkafkaAddon = name;
  return requireFromCache(name) as RdkafkaModule;
}

export function loadNodeRdkafka(): RdkafkaModule {
  return loadLibrdkafkaAddon('node-rdkafka');
}

/** @confluentinc/kafka-javascript's node-rdkafka-compatible API (its top-level exports). */
export function loadConfluentKafkaJavascript(): RdkafkaModule {
  return loadLibrdkafkaAddon('@confluentinc/kafka-javascript');
}

/** @confluentinc/kafka-javascript's KafkaJS-compatible API (its `KafkaJS` export). */
export interface KafkaJSHeaders {
  [name: string]: Buffer | string | Array<Buffer | string> | undefined;
}

export interface KafkaJSMessage {
  key: Buffer | null;
  value: Buffer | null;
  headers?: KafkaJSHeaders;
  offset: string;
}

export interface KafkaJSProducer {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  send(record: {
    topic: string;
    messages: Array<{ key?: string | null; value: string; partition?: number; headers?: KafkaJSHeaders }>;
  }): Promise<Array<{ topicName: string; partition: number; errorCode: number; baseOffset?: string }>>;
}

export interface KafkaJSConsumer {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  subscribe(subscription: { topics: string[] }): Promise<void>;
  run(config: { eachMessage: (payload: { topic: string; partition: number; message: KafkaJSMessage }) => Promise<void> }): Promise<void>;
  commitOffsets(offsets: Array<{ topic: string; partition: number; offset: string }>): Promise<void>;
}

export interface KafkaJSAdmin {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  createTopics(options: {
    topics: Array<{
      topic: string;
      numPartitions?: number;
      replicationFactor?: number;
      configEntries?: Array<{ name: string; value: string }>;
    }>;
  }): Promise<boolean>;
  fetchTopicMetadata(options: {
    topics: string[];
  }): Promise<Array<{ name: string; partitions: Array<{ partitionId: number; leader: number; replicas: number[]; isr: number[] }> }>>;
  fetchOffsets(options: {
    groupId: string;
    topics: string[];
  }): Promise<Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>>;
  deleteTopics(options: { topics: string[] }): Promise<void>;
  listTopics(): Promise<string[]>;
}

export interface ConfluentKafkaJSModule {
  Kafka: new (config: { kafkaJS: { brokers: string[]; clientId?: string; logLevel?: number } }) => {
    producer(config?: { kafkaJS?: { compression?: string; idempotent?: boolean; acks?: number } }): KafkaJSProducer;
    consumer(config: {
      kafkaJS: { groupId: string; fromBeginning?: boolean; autoCommit?: boolean; sessionTimeout?: number };
    }): KafkaJSConsumer;
    admin(): KafkaJSAdmin;
  };
  logLevel: { NOTHING: number; ERROR: number; WARN: number; INFO: number; DEBUG: number };
  CompressionTypes: { None: string; GZIP: string; SNAPPY: string; LZ4: string; ZSTD: string };
}

export function loadConfluentKafkaJS(): ConfluentKafkaJSModule {
  return (loadLibrdkafkaAddon('@confluentinc/kafka-javascript') as RdkafkaModule & { KafkaJS: ConfluentKafkaJSModule }).KafkaJS;
}

// ---- @platformatic/kafka ----

export type PlatformaticCompression = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

export interface PlatformaticBaseOptions {
  clientId: string;
  bootstrapBrokers: string[];
  timeout?: number;
  retries?: number;
  retryDelay?: number;
  autocreateTopics?: boolean;
}

export interface PlatformaticMessageToProduce {
  topic: string;
  partition?: number;
  key?: string;
  value?: string;
  headers?: Map<string, string> | Record<string, string>;
}

export interface PlatformaticProduceResult {
  offsets?: Array<{ topic: string; partition: number; offset: bigint }>;
}

export interface PlatformaticProducer {
  send(options: {
    messages: PlatformaticMessageToProduce[];
    compression?: PlatformaticCompression;
    acks?: number;
    idempotent?: boolean;
  }): Promise<PlatformaticProduceResult>;
  close(force?: boolean): Promise<void>;
}

export interface PlatformaticMessage {
  topic: string;
  partition: number;
  offset: bigint;
  key: string;
  value: string;
  headers: Map<string, string>;
  commit(): void | Promise<void>;
}

export interface PlatformaticMessagesStream extends AsyncIterable<PlatformaticMessage> {
  on(event: 'data', listener: (message: PlatformaticMessage) => void): this;
  on(event: 'error', listener: (err: Error) => void): this;
  close(): Promise<void>;
}

export interface PlatformaticConsumer {
  consume(options: {
    topics: string[];
    mode?: 'latest' | 'earliest' | 'committed' | 'manual';
    fallbackMode?: 'latest' | 'earliest' | 'fail';
    autocommit?: boolean | number;
    offsets?: Array<{ topic: string; partition: number; offset: bigint }>;
    maxWaitTime?: number;
    sessionTimeout?: number;
    heartbeatInterval?: number;
  }): Promise<PlatformaticMessagesStream>;
  commit(options: { offsets: Array<{ topic: string; partition: number; offset: bigint; leaderEpoch: number }> }): Promise<void>;
  listCommittedOffsets(options: { topics: Array<{ topic: string; partitions: number[] }> }): Promise<Map<string, bigint[]>>;
  close(force?: boolean): Promise<void>;
}

export interface PlatformaticConfigEntry {
  name: string;
  value: string | null;
  readOnly?: boolean;
  configSource?: number;
  isDefault?: boolean;
}

export interface PlatformaticAdmin {
  createTopics(options: {
    topics: string[];
    partitions?: number;
    replicas?: number;
    configs?: Array<{ name: string; value: string }>;
  }): Promise<Array<{ id: string; name: string; partitions: number; replicas: number; configuration: Record<string, string | null> }>>;
  listTopics(options?: { includeInternals?: boolean }): Promise<string[]>;
  metadata(options: { topics: string[]; forceUpdate?: boolean }): Promise<{
    topics: Map<string, { id: string; partitions: Array<{ leader: number; replicas: number[]; isr: number[] }>; partitionsCount: number }>;
  }>;
  createPartitions(options: { topics: Array<{ name: string; count: number; assignments: null }> }): Promise<void>;
  describeConfigs(options: {
    resources: Array<{ resourceType: number; resourceName: string; configurationKeys?: string[] | null }>;
    includeSynonyms?: boolean;
  }): Promise<Array<{ resourceType: number; resourceName: string; configs: PlatformaticConfigEntry[] }>>;
  alterConfigs(options: {
    resources: Array<{ resourceType: number; resourceName: string; configs: Array<{ name: string; value: string | null }> }>;
  }): Promise<void>;
  incrementalAlterConfigs(options: {
    resources: Array<{
      resourceType: number;
      resourceName: string;
      configs: Array<{ name: string; configOperation: number; value: string | null }>;
    }>;
  }): Promise<void>;
  deleteTopics(options: { topics: string[] }): Promise<void>;
  close(): Promise<void>;
}

interface StringSerde {
  key: unknown;
  value: unknown;
  headerKey: unknown;
  headerValue: unknown;
}

export interface PlatformaticKafkaModule {
  Producer: new (
    options: PlatformaticBaseOptions & {
      serializers?: StringSerde;
      compression?: PlatformaticCompression;
      acks?: number;
      idempotent?: boolean;
    },
  ) => PlatformaticProducer;
  Consumer: new (
    options: PlatformaticBaseOptions & {
      groupId: string;
      deserializers?: StringSerde;
      sessionTimeout?: number;
      heartbeatInterval?: number;
      maxWaitTime?: number;
    },
  ) => PlatformaticConsumer;
  Admin: new (options: PlatformaticBaseOptions) => PlatformaticAdmin;
  stringSerializers: StringSerde;
  stringDeserializers: StringSerde;
  ProduceAcks: { ALL: number; NO_RESPONSE: number; LEADER: number };
  ConfigResourceTypes: { TOPIC: number };
  IncrementalAlterConfigOperationTypes: { SET: number; DELETE: number };
  /** The client's codec table (mutable: a Node without zlib zstd can be given one). */
  compressionsAlgorithms: Record<
    PlatformaticCompression,
    {
      available: boolean;
      compressSync(data: Buffer | { buffer: Buffer }): Buffer;
      decompressSync(data: Buffer | { buffer: Buffer }): Buffer;
    }
  >;
  version: string;
}

/** @platformatic/kafka is an ES module: loaded with import() from the cache's resolution of it. */
export async function loadPlatformaticKafka(): Promise<PlatformaticKafkaModule> {
  const require = createRequire(join(installedNativeClientsDir(), 'package.json'));
  return (await import(pathToFileURL(require.resolve('@platformatic/kafka')).href)) as PlatformaticKafkaModule;
}
