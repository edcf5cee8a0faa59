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
 */
import { ErrorCode, KafkaError } from '@tarn/protocol';

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
};

function invalid(name: string, value: string, why: string): KafkaError {
  return new KafkaError(ErrorCode.INVALID_CONFIG, `Invalid value ${value} for configuration ${name}: ${why}`);
}

export class BrokerConfig {
  /** Every property as given (defaults filled in): what DescribeConfigs shows for the broker. */
  readonly props: Readonly<Record<string, string>>;
  readonly nodeId: number;
  readonly listeners: Listener[];
  readonly advertisedListeners: Listener[];
  readonly adminListener: { host: string; port: number };
  readonly logDirs: string[];

  constructor(given: Readonly<Record<string, string>>) {
    const props: Record<string, string> = { ...DEFAULTS, ...given };
    // broker.id is the ZooKeeper-era name of node.id
    if (given['node.id'] === undefined && given['broker.id'] !== undefined) props['node.id'] = given['broker.id'];
    if (given['log.dirs'] === undefined && given['log.dir'] !== undefined) props['log.dirs'] = given['log.dir'];
    this.props = props;
    this.nodeId = this.int('node.id', 0);
    this.listeners = parseListeners('listeners', props['listeners']!);
    this.advertisedListeners = props['advertised.listeners'] ? parseListeners('advertised.listeners', props['advertised.listeners']) : this.listeners;
    const admin = /^https?:\/\/([^:/]+|\[[^\]]+\]):(\d+)\/?$/.exec(props['admin.listeners']!.trim());
    if (admin === null) throw invalid('admin.listeners', props['admin.listeners']!, 'expected http://host:port');
    this.adminListener = { host: admin[1]!, port: Number(admin[2]) };
    this.logDirs = props['log.dirs']!.split(',').map((d) => d.trim()).filter((d) => d !== '');
    if (this.logDirs.length === 0) throw invalid('log.dirs', props['log.dirs']!, 'at least one directory is required');
    for (const name of ['num.partitions', 'default.replication.factor', 'socket.request.max.bytes', 'queued.max.requests', 'offsets.topic.num.partitions']) this.int(name, 1);
    // Kafka's rule: a follower's long poll must never outlast its socket timeout
    const fetchWait = this.int('replica.fetch.wait.max.ms', 0);
    if (this.int('replica.socket.timeout.ms', 1) < fetchWait) throw invalid('replica.socket.timeout.ms', props['replica.socket.timeout.ms']!, `must be at least replica.fetch.wait.max.ms (${fetchWait})`);
  }

  get(name: string): string | undefined {
    return this.props[name];
  }

  int(name: string, min = Number.MIN_SAFE_INTEGER): number {
    const v = this.props[name];
    if (v === undefined || !/^-?\d+$/.test(v.trim())) throw invalid(name, String(v), 'expected an integer');
    const n = Number(v);
    if (n < min) throw invalid(name, v, `value must be at least ${min}`);
    return n;
  }

  bool(name: string): boolean {
    const v = (this.props[name] ?? '').trim().toLowerCase();
    if (v !== 'true' && v !== 'false') throw invalid(name, String(this.props[name]), 'expected true or false');
    return v === 'true';
  }

  /** The listener clients are told about for a given listener name. */
  advertised(name: string): Listener {
    return this.advertisedListeners.find((l) => l.name === name) ?? this.advertisedListeners[0]!;
  }
}

export function parseListeners(name: string, value: string): Listener[] {
  const out = value.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*):\/\/(\[[^\]]*\]|[^:]*):(\d+)$/.exec(s);
    if (m === null) throw invalid(name, value, `'${s}' is not NAME://host:port`);
    return { name: m[1]!.toUpperCase(), host: m[2]!.replace(/^\[|\]$/g, ''), port: Number(m[3]) };
  });
  if (out.length === 0) throw invalid(name, value, 'at least one listener is required');
  for (const l of out) if (l.name !== 'PLAINTEXT') throw invalid(name, value, `security protocol ${l.name} is not supported yet (PLAINTEXT only)`);
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
    } else if (!arg.startsWith('-') && configFile === null) configFile = arg; // kafka-server-start.sh server.properties
    else throw new Error(`unknown argument '${arg}'`);
  }
  return { configFile, overrides };
}
