/**
 * KIP-951 leader discovery (Produce v10+, Fetch v16+): when a partition answers
 * NOT_LEADER_OR_FOLLOWER or FENCED_LEADER_EPOCH, Kafka adds the leader it knows (id and epoch) to
 * that partition's answer and the leader's endpoint to the response's node_endpoints, so the client
 * can move without a Metadata round trip.
 */
import { ErrorCode } from '@tarn/protocol';
import type { BrokerEndpoint } from '../metadata/cluster-metadata';
import type { RequestContext } from './handler';

export interface LeaderIdAndEpoch {
  leaderId: number;
  leaderEpoch: number;
}

const UNKNOWN: LeaderIdAndEpoch = { leaderId: -1, leaderEpoch: -1 };

export class LeaderHints {
  private readonly endpoints = new Map<number, BrokerEndpoint>();

  constructor(private readonly ctx: RequestContext) {}

  /** Whether a partition answered with `errorCode` gets a hint. */
  static wanted(errorCode: number): boolean {
    return errorCode === ErrorCode.NOT_LEADER_OR_FOLLOWER || errorCode === ErrorCode.FENCED_LEADER_EPOCH;
  }

  /** The partition's leader as this broker's metadata knows it; its endpoint joins nodeEndpoints(). */
  currentLeader(topic: string, partition: number): LeaderIdAndEpoch {
    const state = this.ctx.services.metadata.topic(topic)?.partitions[partition];
    if (state === undefined || state.leader < 0) return UNKNOWN;
    const endpoint = this.ctx.services.liveBrokers(this.ctx.connection.listenerName).find((b) => b.nodeId === state.leader);
    if (endpoint === undefined) return UNKNOWN;
    this.endpoints.set(endpoint.nodeId, endpoint);
    return { leaderId: state.leader, leaderEpoch: state.leaderEpoch };
  }

  nodeEndpoints(): BrokerEndpoint[] {
    return [...this.endpoints.values()];
  }
}
