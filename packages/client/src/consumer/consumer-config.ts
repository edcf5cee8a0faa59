/**
 * The consumer's settings under Kafka's names and defaults (ConsumerConfig), on top of the shared
 * client settings. `partition.assignment.strategy` takes Kafka's class names or protocol names;
 * its default is Kafka 3's [RangeAssignor, CooperativeStickyAssignor].
 */
import { clientConfig, type ClientConfig } from '../config/client-config';
import { boolProp, enumProp, intProp, listProp, stringProp, type ClientProperties } from '../config/properties';
import { ConfigError } from '../errors';
import { assignorFor, type PartitionAssignor } from './assignors/index';

export type OffsetResetStrategy = 'earliest' | 'latest' | 'none';
export type IsolationLevel = 'read_uncommitted' | 'read_committed';

export interface ConsumerConfig {
  client: ClientConfig;
  groupId: string | null;
  groupInstanceId: string | null;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxPollIntervalMs: number;
  autoOffsetReset: OffsetResetStrategy;
  enableAutoCommit: boolean;
  autoCommitIntervalMs: number;
  fetchMinBytes: number;
  fetchMaxBytes: number;
  maxPartitionFetchBytes: number;
  fetchMaxWaitMs: number;
  isolationLevel: IsolationLevel;
  maxPollRecords: number;
  assignors: PartitionAssignor[];
  clientRack: string | null;
  checkCrcs: boolean;
  allowAutoCreateTopics: boolean;
  excludeInternalTopics: boolean;
}

export function consumerConfig(props: ClientProperties): ConsumerConfig {
  const client = clientConfig(props);
  const groupId = stringProp(props, 'group.id') ?? null;
  const instance = stringProp(props, 'group.instance.id') ?? null;
  const heartbeatIntervalMs = intProp(props, 'heartbeat.interval.ms', 3000, 1);
  const sessionTimeoutMs = intProp(props, 'session.timeout.ms', 45_000, 1);
  if (heartbeatIntervalMs >= sessionTimeoutMs)
    throw new ConfigError('heartbeat.interval.ms', `must be lower than session.timeout.ms (${sessionTimeoutMs})`);
  const names = listProp(props, 'partition.assignment.strategy', ['range', 'cooperative-sticky']);
  if (names.length === 0) throw new ConfigError('partition.assignment.strategy', 'needs at least one assignor');
  let assignors: PartitionAssignor[];
  try {
    assignors = names.map(assignorFor);
  } catch (err) {
    throw new ConfigError('partition.assignment.strategy', (err as Error).message);
  }
  const enableAutoCommit = boolProp(props, 'enable.auto.commit', groupId !== null);
  if (enableAutoCommit && groupId === null) throw new ConfigError('enable.auto.commit', 'needs a group.id');
  return {
    client,
    groupId: groupId === '' ? null : groupId,
    groupInstanceId: instance === '' ? null : instance,
    sessionTimeoutMs,
    heartbeatIntervalMs,
    maxPollIntervalMs: intProp(props, 'max.poll.interval.ms', 300_000, 1),
    autoOffsetReset: enumProp(props, 'auto.offset.reset', ['earliest', 'latest', 'none'] as const, 'latest'),
    enableAutoCommit,
    autoCommitIntervalMs: intProp(props, 'auto.commit.interval.ms', 5000, 0),
    fetchMinBytes: intProp(props, 'fetch.min.bytes', 1, 0),
    fetchMaxBytes: intProp(props, 'fetch.max.bytes', 52_428_800, 0),
    maxPartitionFetchBytes: intProp(props, 'max.partition.fetch.bytes', 1_048_576, 0),
    fetchMaxWaitMs: intProp(props, 'fetch.max.wait.ms', 500, 0),
    isolationLevel: enumProp(props, 'isolation.level', ['read_uncommitted', 'read_committed'] as const, 'read_uncommitted'),
    maxPollRecords: intProp(props, 'max.poll.records', 500, 1),
    assignors,
    clientRack: stringProp(props, 'client.rack') || null,
    checkCrcs: boolProp(props, 'check.crcs', true),
    allowAutoCreateTopics: boolProp(props, 'allow.auto.create.topics', true),
    excludeInternalTopics: boolProp(props, 'exclude.internal.topics', true),
  };
}
