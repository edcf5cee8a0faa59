/**
 * The shape of cluster metadata: brokers, topics (with Kafka topic ids), partition assignments,
 * leaders, leader epochs and ISRs. A metadata store keeps it; the broker reads an in-memory image.
 */
import { randomBytes } from 'node:crypto';

export interface BrokerEndpoint {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

/** A broker as registered in the metadata store: how to reach it and whether it is leaving. */
export interface BrokerRegistration extends BrokerEndpoint {
  /** Every advertised listener with its bound port; host and port above are the first one's. */
  listeners?: Array<{ name: string; host: string; port: number }>;
  adminUrl: string;
  state: 'running' | 'shutting-down';
  registeredAtMs: number;
}

export interface PartitionState {
  partition: number;
  replicas: number[];
  isr: number[];
  leader: number;
  leaderEpoch: number;
  /** Bumped on every change of this record; conditional updates compare it (compare-and-swap). */
  partitionEpoch: number;
  /** During a reassignment: replicas being added (catching up) and removed once they have. */
  addingReplicas?: number[];
  removingReplicas?: number[];
  /** Why the last change was made (by the controller or the leader), for every broker's event stream. */
  reason?: string;
}

export interface TopicMetadata {
  name: string;
  topicId: string;
  internal: boolean;
  partitions: PartitionState[];
  /** Topic-level config overrides only; effective values come from LogConfig resolution. */
  configs: Record<string, string>;
}

export const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

/** A random Kafka Uuid in its string form (URL-safe base64, no padding), never starting with '-'. */
export function randomTopicId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-') && id !== ZERO_UUID) return id;
  }
}

/** Kafka's cluster ids are Uuids in the same form. */
export const randomClusterId = randomTopicId;
