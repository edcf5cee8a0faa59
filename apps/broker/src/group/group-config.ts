/**
 * The group coordinator's settings, read once from the broker's config with Kafka's names and
 * defaults (GroupConfig and OffsetConfig in Kafka). tarn-only settings:
 *   group.lag.sample.interval.ms  10000  how often every committed partition's lag is sampled
 */
import type { BrokerConfig } from '../config/broker-config';

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

export function groupConfigFrom(config: BrokerConfig): GroupConfig {
  const int = (name: string, fallback: number, min = Number.MIN_SAFE_INTEGER): number => (config.get(name) === undefined ? fallback : config.int(name, min));
  return {
    groupMinSessionTimeoutMs: int('group.min.session.timeout.ms', 6000),
    groupMaxSessionTimeoutMs: int('group.max.session.timeout.ms', 1_800_000),
    groupMaxSize: int('group.max.size', 2147483647, 1),
    groupInitialRebalanceDelayMs: int('group.initial.rebalance.delay.ms', 3000, 0),
    maxMetadataSize: int('offset.metadata.max.bytes', 4096, 0),
    offsetsRetentionMs: int('offsets.retention.minutes', 10080, 1) * 60_000,
    offsetsRetentionCheckIntervalMs: int('offsets.retention.check.interval.ms', 600_000, 1),
    offsetsTopicNumPartitions: int('offsets.topic.num.partitions', 50, 1),
    offsetsTopicReplicationFactor: int('offsets.topic.replication.factor', 1, 1),
    offsetsTopicSegmentBytes: int('offsets.topic.segment.bytes', 104_857_600, 1),
    offsetCommitTimeoutMs: int('offsets.commit.timeout.ms', 5000, 1),
    offsetCommitRequiredAcks: int('offsets.commit.required.acks', -1, -1),
    lagSampleIntervalMs: int('group.lag.sample.interval.ms', 10_000, 1),
  };
}
