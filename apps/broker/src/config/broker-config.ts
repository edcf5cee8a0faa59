/**
 * Broker configuration with Kafka's property names and defaults (`server.properties` plus
 * `--override key=value`). Topic-level defaults (`log.segment.bytes`, `log.retention.hours`, …) are
 * passed through to the log manager, which owns their meaning.
 *
 * tarn-specific settings, where Kafka has no equivalent:
 *   admin.listeners   http://127.0.0.1:9644  the admin HTTP server (health, metrics, console API)
 *   metadata.store    embedded                where cluster metadata lives (embedded | etcd)
 *   etcd.endpoints    http://127.0.0.1:2379   the etcd cluster (metadata.store=etcd), comma-separated
 *   etcd.prefix       /tarn                   key prefix of this tarn cluster in etcd
 *   controlled.shutdown.timeout.ms  15000     how long SIGTERM waits for leaderships to move away
 *   group.lag.sample.interval.ms    10000     how often the console's lag of every committed partition is sampled
 *   admin.username, admin.password            the first console user (else generated and printed once)
 *   admin.api.tokens                          comma-separated API tokens for tools and Prometheus
 *   admin.session.timeout.ms        43200000  how long a console login lasts
 *   scram.bootstrap.users                     SCRAM users created at start-up when missing, as
 *                                             kafka-storage format --add-scram takes them:
 *                                             SCRAM-SHA-512=[name=admin,password=…];…
 *
 * Every property is parsed and validated once, here, into typed sections (an error names the
 * property and why); the rest of the broker reads the sections, never a property by its name.
 * `props` keeps every property as given, for DescribeConfigs and the topic-config defaults.
 */
import { ErrorCode, KafkaError } from '@tarn/protocol';
import { authorizerConfigFromProperties, type AuthorizerConfig } from '../security/authorizer/authorizer-config';
import {
  isSasl,
  tlsSettings,
  type TlsSettings,
  listenerProp,
  listenerSecurity,
  parseBootstrapUsers,
  parseJaasCredentials,
  parseMechanisms,
  parseProtocolMap,
  type BootstrapUser,
  type ListenerSecurity,
  type SaslMechanism,
} from './security-config';

export interface Listener {
  name: string;
  host: string;
  port: number;
}

const DEFAULTS: Readonly<Record<string, string>> = {
  'node.id': '1',
  listeners: 'PLAINTEXT://127.0.0.1:9092',
  'admin.listeners': 'http://127.0.0.1:9644',
  'log.dirs': './data/kafka-logs',
  'num.partitions': '1',
  'default.replication.factor': '1',
  'auto.create.topics.enable': 'true',
  'delete.topic.enable': 'true',
  'socket.request.max.bytes': '104857600',
  'connections.max.idle.ms': '600000',
  'queued.max.requests': '500',
  'metadata.store': 'embedded',
  'offsets.topic.num.partitions': '50',
  // Kafka's default is 3, which a single broker cannot satisfy; a cluster raises it.
  'offsets.topic.replication.factor': '1',
  'offsets.retention.minutes': '10080',
  'offsets.retention.check.interval.ms': '600000',
  'offsets.topic.segment.bytes': '104857600',
  'offsets.commit.timeout.ms': '5000',
  'offsets.commit.required.acks': '-1',
  'offset.metadata.max.bytes': '4096',
  'group.initial.rebalance.delay.ms': '3000',
  'group.min.session.timeout.ms': '6000',
  'group.max.session.timeout.ms': '1800000',
  'group.max.size': '2147483647',
  'producer.id.expiration.ms': '86400000',
  'transactional.id.expiration.ms': '604800000',
  'transaction.state.log.num.partitions': '50',
  // Kafka's default is 3 (min.isr 2), which a single broker cannot satisfy; a cluster raises them.
  'transaction.state.log.replication.factor': '1',
  'transaction.state.log.min.isr': '1',
  'transaction.state.log.segment.bytes': '104857600',
  'transaction.max.timeout.ms': '900000',
  'transaction.abort.timed.out.transaction.cleanup.interval.ms': '10000',
  'transaction.remove.expired.transaction.cleanup.interval.ms': '3600000',
  'transaction.partition.verification.enable': 'true',
  'request.timeout.ms': '30000',
  'max.incremental.fetch.session.cache.slots': '1000',
  'replica.lag.time.max.ms': '30000',
  'replica.fetch.wait.max.ms': '500',
  'replica.socket.timeout.ms': '30000',
  'replica.fetch.max.bytes': '1048576',
  'replica.fetch.response.max.bytes': '10485760',
  'replica.high.watermark.checkpoint.interval.ms': '5000',
  'broker.session.timeout.ms': '9000',
  'auto.leader.rebalance.enable': 'true',
  'leader.imbalance.check.interval.seconds': '300',
  'controlled.shutdown.enable': 'true',
  // tarn: how long a controlled shutdown waits for leaderships to move (Kafka retries 3 × 5 s)
  'controlled.shutdown.timeout.ms': '15000',
  'etcd.endpoints': 'http://127.0.0.1:2379',
  'etcd.prefix': '/tarn',
  'fetch.max.bytes': '57671680',
  'log.level': 'info',
  'group.lag.sample.interval.ms': '10000',
  'admin.api.tokens': '',
  'admin.session.timeout.ms': '43200000',
  'connections.max.reauth.ms': '0',
  'connection.failed.authentication.delay.ms': '100',
};

/** The group coordinator's settings (Kafka's GroupConfig and OffsetConfig). */
export interface GroupConfig {
  groupMinSessionTimeoutMs: number;
  groupMaxSessionTimeoutMs: number;
  groupMaxSize: number;
  groupInitialRebalanceDelayMs: number;
  maxMetadataSize: number;
  offsetsRetentionMs: number;
  offsetsRetentionCheckIntervalMs: number;
  offsetsTopicNumPartitions: number;
  offsetsTopicReplicationFactor: number;
  offsetsTopicSegmentBytes: number;
  offsetCommitTimeoutMs: number;
  offsetCommitRequiredAcks: number;
  lagSampleIntervalMs: number;
}

/** The transaction coordinator's settings (Kafka's TransactionConfig). */
export interface TransactionConfig {
  stateLogNumPartitions: number;
  stateLogReplicationFactor: number;
  stateLogMinIsr: number;
  stateLogSegmentBytes: number;
  maxTimeoutMs: number;
  idExpirationMs: number;
  abortTimedOutIntervalMs: number;
  removeExpiredIntervalMs: number;
  /** KIP-890 part 1: a leader checks with the coordinator before a producer's first transactional write to a partition. */
  partitionVerification: boolean;
  /** request.timeout.ms: how long a transaction state write or a marker append may wait for the ISR. */
  requestTimeoutMs: number;
}

export interface TopicDefaults {
  numPartitions: number;
  replicationFactor: number;
  autoCreateTopicsEnable: boolean;
  deleteTopicEnable: boolean;
}

export interface NetworkConfig {
  /** socket.request.max.bytes */
  maxRequestSize: number;
  /** connections.max.idle.ms */
  idleMs: number;
  /** queued.max.requests */
  maxInFlight: number;
}

export interface ReplicationConfig {
  replicaLagTimeMaxMs: number;
  highWatermarkCheckpointIntervalMs: number;
  fetcher: {
    maxWaitMs: number;
    /** replica.socket.timeout.ms: a request to the leader unanswered this long drops the connection. */
    requestTimeoutMs: number;
    maxBytes: number;
    partitionMaxBytes: number;
  };
}

export interface ControllerConfig {
  autoLeaderRebalance: boolean;
  leaderImbalanceCheckIntervalMs: number;
  controlledShutdownEnable: boolean;
  controlledShutdownTimeoutMs: number;
}

/** How this broker reaches the others (replication): a listener of theirs, and its credentials. */
export interface InterBrokerConfig {
  listenerName: string;
  security: ListenerSecurity;
  /** SASL listeners in a cluster: the mechanism and this broker's own login (sasl.jaas.config of that listener). */
  sasl: { mechanism: SaslMechanism; username: string; password: string } | null;
}

export type MetadataStoreConfig = { type: 'embedded' } | { type: 'etcd'; endpoints: string[]; prefix: string; leaseTtlSeconds: number };

export interface AdminConfig {
  username: string | undefined;
  password: string | undefined;
  apiTokens: string[];
  sessionTimeoutMs: number;
}

function invalid(name: string, value: string, why: string): KafkaError {
  return new KafkaError(ErrorCode.INVALID_CONFIG, `Invalid value ${value} for configuration ${name}: ${why}`);
}

export class BrokerConfig {
  /** Every property as given (defaults filled in): what DescribeConfigs shows for the broker. */
  readonly props: Readonly<Record<string, string>>;
  readonly nodeId: number;
  readonly listeners: Listener[];
  readonly advertisedListeners: Listener[];
  /** admin.listeners: http://host:port, or https://host:port with the broker's ssl.keystore.* (listener name ADMIN for prefixed ones). */
  readonly adminListener: { host: string; port: number; tls: TlsSettings | null };
  readonly logDirs: string[];
  readonly rack: string | null;
  /** cluster.id: a fixed cluster id for a new metadata store (tests, scripted clusters). */
  readonly clusterId: string | undefined;
  readonly logLevel: string;
  readonly topics: TopicDefaults;
  readonly network: NetworkConfig;
  readonly replication: ReplicationConfig;
  readonly controller: ControllerConfig;
  readonly metadataStore: MetadataStoreConfig;
  readonly group: GroupConfig;
  readonly transaction: TransactionConfig;
  /** max.incremental.fetch.session.cache.slots: fetch sessions kept (KIP-227) */
  readonly fetchSessionCacheSlots: number;
  readonly admin: AdminConfig;
  /** The security of each listener, by name (listener.security.protocol.map, ssl.*, sasl.*). */
  readonly listenerSecurity: ReadonlyMap<string, ListenerSecurity>;
  readonly interBroker: InterBrokerConfig;
  /** connections.max.reauth.ms (KIP-368): a SASL session's lifetime; 0 for no limit. */
  readonly connectionsMaxReauthMs: number;
  /** connection.failed.authentication.delay.ms: how long a failed login waits for its answer. */
  readonly failedAuthenticationDelayMs: number;
  /** authorizer.class.name (enabled when set), super.users, allow.everyone.if.no.acl.found. */
  readonly authorizer: { enabled: boolean; config: AuthorizerConfig };
  /** scram.bootstrap.users: SCRAM users created at start-up when missing (brokers, the first admin). */
  readonly scramBootstrapUsers: BootstrapUser[];

  constructor(given: Readonly<Record<string, string>>) {
    const props: Record<string, string> = { ...DEFAULTS, ...given };
    // broker.id is the ZooKeeper-era name of node.id
    if (given['node.id'] === undefined && given['broker.id'] !== undefined) props['node.id'] = given['broker.id'];
    if (given['log.dirs'] === undefined && given['log.dir'] !== undefined) props['log.dirs'] = given['log.dir'];
    this.props = props;
    const int = (name: string, min = Number.MIN_SAFE_INTEGER) => this.int(name, min);
    const bool = (name: string) => this.bool(name);
    const str = (name: string): string | undefined => props[name];
    this.nodeId = int('node.id', 0);
    this.listeners = parseListeners('listeners', props['listeners']!);
    this.advertisedListeners = props['advertised.listeners']
      ? parseListeners('advertised.listeners', props['advertised.listeners'])
      : this.listeners;
    const admin = /^(https?):\/\/([^:/]+|\[[^\]]+\]):(\d+)\/?$/.exec(props['admin.listeners']!.trim());
    if (admin === null) throw invalid('admin.listeners', props['admin.listeners']!, 'expected http://host:port or https://host:port');
    this.adminListener = {
      host: admin[2]!,
      port: Number(admin[3]),
      tls: admin[1] === 'https' ? { ...tlsSettings(props, 'ADMIN'), clientAuth: 'none' } : null,
    };
    const protocols = parseProtocolMap(str('listener.security.protocol.map'));
    this.listenerSecurity = new Map(this.listeners.map((l) => [l.name, listenerSecurity(props, l.name, protocols)]));
    for (const a of this.advertisedListeners) {
      if (!this.listenerSecurity.has(a.name))
        throw invalid('advertised.listeners', props['advertised.listeners']!, `${a.name} is not one of the listeners`);
    }
    this.interBroker = this.interBrokerConfig(props);
    this.connectionsMaxReauthMs = int('connections.max.reauth.ms', 0);
    this.failedAuthenticationDelayMs = int('connection.failed.authentication.delay.ms', 0);
    this.scramBootstrapUsers = parseBootstrapUsers(str('scram.bootstrap.users'));
    this.authorizer = { enabled: (str('authorizer.class.name') ?? '').trim() !== '', config: authorizerConfigFromProperties(props) };
    this.logDirs = props['log.dirs']!.split(',')
      .map((d) => d.trim())
      .filter((d) => d !== '');
    if (this.logDirs.length === 0) throw invalid('log.dirs', props['log.dirs']!, 'at least one directory is required');
    this.rack = str('broker.rack') ?? null;
    this.clusterId = str('cluster.id');
    this.logLevel = str('log.level')!;
    this.topics = {
      numPartitions: int('num.partitions', 1),
      replicationFactor: int('default.replication.factor', 1),
      autoCreateTopicsEnable: bool('auto.create.topics.enable'),
      deleteTopicEnable: bool('delete.topic.enable'),
    };
    this.network = {
      maxRequestSize: int('socket.request.max.bytes', 1),
      idleMs: int('connections.max.idle.ms', -1),
      maxInFlight: int('queued.max.requests', 1),
    };
    // Kafka's rule: a follower's long poll must never outlast its socket timeout
    const fetchWait = int('replica.fetch.wait.max.ms', 0);
    if (int('replica.socket.timeout.ms', 1) < fetchWait)
      throw invalid(
        'replica.socket.timeout.ms',
        props['replica.socket.timeout.ms']!,
        `must be at least replica.fetch.wait.max.ms (${fetchWait})`,
      );
    this.replication = {
      replicaLagTimeMaxMs: int('replica.lag.time.max.ms', 1),
      highWatermarkCheckpointIntervalMs: int('replica.high.watermark.checkpoint.interval.ms', 1),
      fetcher: {
        maxWaitMs: fetchWait,
        requestTimeoutMs: int('replica.socket.timeout.ms', 1),
        maxBytes: int('replica.fetch.response.max.bytes', 1),
        partitionMaxBytes: int('replica.fetch.max.bytes', 1),
      },
    };
    this.controller = {
      autoLeaderRebalance: bool('auto.leader.rebalance.enable'),
      leaderImbalanceCheckIntervalMs: int('leader.imbalance.check.interval.seconds', 1) * 1000,
      controlledShutdownEnable: bool('controlled.shutdown.enable'),
      controlledShutdownTimeoutMs: int('controlled.shutdown.timeout.ms', 0),
    };
    const store = str('metadata.store')!;
    if (store !== 'embedded' && store !== 'etcd') throw invalid('metadata.store', store, 'expected embedded or etcd');
    this.metadataStore =
      store === 'embedded'
        ? { type: 'embedded' }
        : {
            type: 'etcd',
            endpoints: str('etcd.endpoints')!
              .split(',')
              .map((e) => e.trim())
              .filter((e) => e !== ''),
            prefix: str('etcd.prefix')!,
            leaseTtlSeconds: Math.max(1, Math.round(int('broker.session.timeout.ms', 1000) / 1000)),
          };
    this.group = {
      groupMinSessionTimeoutMs: int('group.min.session.timeout.ms'),
      groupMaxSessionTimeoutMs: int('group.max.session.timeout.ms'),
      groupMaxSize: int('group.max.size', 1),
      groupInitialRebalanceDelayMs: int('group.initial.rebalance.delay.ms', 0),
      maxMetadataSize: int('offset.metadata.max.bytes', 0),
      offsetsRetentionMs: int('offsets.retention.minutes', 1) * 60_000,
      offsetsRetentionCheckIntervalMs: int('offsets.retention.check.interval.ms', 1),
      offsetsTopicNumPartitions: int('offsets.topic.num.partitions', 1),
      offsetsTopicReplicationFactor: int('offsets.topic.replication.factor', 1),
      offsetsTopicSegmentBytes: int('offsets.topic.segment.bytes', 1),
      offsetCommitTimeoutMs: int('offsets.commit.timeout.ms', 1),
      offsetCommitRequiredAcks: int('offsets.commit.required.acks', -1),
      lagSampleIntervalMs: int('group.lag.sample.interval.ms', 1),
    };
    this.fetchSessionCacheSlots = int('max.incremental.fetch.session.cache.slots', 0);
    this.transaction = {
      stateLogNumPartitions: int('transaction.state.log.num.partitions', 1),
      stateLogReplicationFactor: int('transaction.state.log.replication.factor', 1),
      stateLogMinIsr: int('transaction.state.log.min.isr', 1),
      stateLogSegmentBytes: int('transaction.state.log.segment.bytes', 1),
      maxTimeoutMs: int('transaction.max.timeout.ms', 1),
      idExpirationMs: int('transactional.id.expiration.ms', 1),
      abortTimedOutIntervalMs: int('transaction.abort.timed.out.transaction.cleanup.interval.ms', 1),
      removeExpiredIntervalMs: int('transaction.remove.expired.transaction.cleanup.interval.ms', 1),
      partitionVerification: bool('transaction.partition.verification.enable'),
      requestTimeoutMs: int('request.timeout.ms', 1),
    };
    this.admin = {
      username: str('admin.username'),
      password: str('admin.password'),
      apiTokens: str('admin.api.tokens')!
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
      sessionTimeoutMs: int('admin.session.timeout.ms', 1),
    };
  }

  /** inter.broker.listener.name (else the listener named by security.inter.broker.protocol, as Kafka). */
  private interBrokerConfig(props: Readonly<Record<string, string>>): InterBrokerConfig {
    const given = props['inter.broker.listener.name'];
    // A single node never fetches from another broker: without a setting, its first listener will do.
    const fallback = props['metadata.store'] !== 'etcd' && !this.listenerSecurity.has('PLAINTEXT') ? this.listeners[0]!.name : 'PLAINTEXT';
    const listenerName = (given ?? props['security.inter.broker.protocol'] ?? fallback).toUpperCase();
    const security = this.listenerSecurity.get(listenerName);
    if (security === undefined) {
      throw invalid(
        given !== undefined ? 'inter.broker.listener.name' : 'security.inter.broker.protocol',
        listenerName,
        `no listener of that name among ${[...this.listenerSecurity.keys()].join(', ')}`,
      );
    }
    if (!isSasl(security.protocol)) return { listenerName, security, sasl: null };
    const mechanism = parseMechanisms(
      'sasl.mechanism.inter.broker.protocol',
      props['sasl.mechanism.inter.broker.protocol'] ?? security.saslMechanisms[0]!,
    )[0]!;
    const jaasName = `${mechanism.toLowerCase()}.sasl.jaas.config`;
    const jaas = listenerProp(props, listenerName, jaasName) ?? listenerProp(props, listenerName, 'sasl.jaas.config');
    // a single node never fetches from another broker: its login is needed in a cluster only
    if (jaas === undefined && props['metadata.store'] !== 'etcd') return { listenerName, security, sasl: null };
    if (jaas === undefined) {
      throw invalid(
        `listener.name.${listenerName.toLowerCase()}.${jaasName}`,
        'null',
        `the inter-broker listener ${listenerName} uses SASL: give this broker's login (username="…" password="…")`,
      );
    }
    return { listenerName, security, sasl: { mechanism, ...parseJaasCredentials('sasl.jaas.config', jaas) } };
  }

  private int(name: string, min: number): number {
    const v = this.props[name];
    if (v === undefined || !/^-?\d+$/.test(v.trim())) throw invalid(name, String(v), 'expected an integer');
    const n = Number(v);
    if (n < min) throw invalid(name, v, `value must be at least ${min}`);
    return n;
  }

  private bool(name: string): boolean {
    const v = (this.props[name] ?? '').trim().toLowerCase();
    if (v !== 'true' && v !== 'false') throw invalid(name, String(this.props[name]), 'expected true or false');
    return v === 'true';
  }
}

/**
 * The environment's console credentials (TARN_ADMIN_USER, TARN_ADMIN_PASSWORD, TARN_ADMIN_TOKEN)
 * as properties, where the properties do not set them: read by main.ts, the one place that
 * looks at the environment.
 */
export function adminPropsFromEnv(env: NodeJS.ProcessEnv, props: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  if (props['admin.username'] === undefined && env.TARN_ADMIN_USER) out['admin.username'] = env.TARN_ADMIN_USER;
  if (props['admin.password'] === undefined && env.TARN_ADMIN_PASSWORD) out['admin.password'] = env.TARN_ADMIN_PASSWORD;
  if (env.TARN_ADMIN_TOKEN)
    out['admin.api.tokens'] = [props['admin.api.tokens'] ?? '', env.TARN_ADMIN_TOKEN].filter((t) => t !== '').join(',');
  return out;
}

export function parseListeners(name: string, value: string): Listener[] {
  const out = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const m = /^([A-Za-z_][A-Za-z0-9_]*):\/\/(\[[^\]]*\]|[^:]*):(\d+)$/.exec(s);
      if (m === null) throw invalid(name, value, `'${s}' is not NAME://host:port`);
      return { name: m[1]!.toUpperCase(), host: m[2]!.replace(/^\[|\]$/g, ''), port: Number(m[3]) };
    });
  if (out.length === 0) throw invalid(name, value, 'at least one listener is required');
  const names = out.map((l) => l.name);
  if (new Set(names).size !== names.length) throw invalid(name, value, 'each listener needs a name of its own');
  return out;
}

/** `--config file` and repeated `--override key=value`, as kafka-server-start.sh takes them. */
export function parseCommandLine(argv: readonly string[]): { configFile: string | null; overrides: Record<string, string> } {
  let configFile: string | null = null;
  const overrides: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--config' || arg === '-c') configFile = value();
    else if (arg === '--override') {
      const kv = value();
      const eq = kv.indexOf('=');
      if (eq <= 0) throw new Error(`--override expects key=value, got '${kv}'`);
      overrides[kv.slice(0, eq).trim()] = kv.slice(eq + 1).trim();
    } else if (!arg.startsWith('-') && configFile === null)
      configFile = arg; // kafka-server-start.sh server.properties
    else throw new Error(`unknown argument '${arg}'`);
  }
  return { configFile, overrides };
}
