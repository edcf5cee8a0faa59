// Metadata v0-12. v0: an empty topic list means all topics (v1+: null means all, empty means none).
// v1 adds controller id, rack and is_internal; v2 cluster id; v3 throttle time; v4
// allow_auto_topic_creation; v5 offline replicas; v7 leader epochs; v8 authorized operations (only
// when asked for); v9 is flexible; v10 topic ids; v12 topic names nullable.
// Unknown topics are auto-created when auto.create.topics.enable and the request allow it, and
// answered as Kafka answers a topic its AutoTopicCreationManager is creating: LEADER_NOT_AVAILABLE
// with no partitions (Kafka creates asynchronously; clients retry and find the topic on their next
// Metadata). Names that are not legal topic names are answered with INVALID_TOPIC_EXCEPTION.
import { ApiKey, ErrorCode, KafkaError, MetadataResponseTypes } from '@tarn/protocol';
import { ZERO_UUID, type TopicMetadata } from '../metadata/cluster-metadata';
import { validateTopicName } from '../metadata/topic-name';
import { AclOperation, authorizedOnCluster, authorizedTopic } from './authorize';
import { defineHandler } from './handler';

type TopicResponse = MetadataResponseTypes.MetadataResponseTopic;

/** Kafka's "authorized operations" bitfield when no authorizer is configured: everything allowed. */
const ALL_TOPIC_OPERATIONS = [3, 4, 5, 6, 7, 8, 10, 11].reduce((bits, op) => bits | (1 << op), 0); // READ WRITE CREATE DELETE ALTER DESCRIBE DESCRIBE_CONFIGS ALTER_CONFIGS
const NOT_REQUESTED = -2147483648;

/**
 * A partition whose leader is not among the live brokers is answered as Kafka's metadata cache does:
 * LEADER_NOT_AVAILABLE and leader -1. Between a broker's lease expiring and the controller electing
 * a new leader, the leader id would otherwise name a broker missing from the brokers list, and a
 * client that builds one fetcher per listed broker (kafkajs) never fetches that partition again
 * until its next periodic metadata refresh; with the error it retries until a leader is elected.
 */
export function topicResponse(t: TopicMetadata, live: ReadonlySet<number>, includeOps: boolean): TopicResponse {
  return {
    ...MetadataResponseTypes.defaultMetadataResponseTopic(),
    errorCode: ErrorCode.NONE,
    name: t.name,
    topicId: t.topicId,
    isInternal: t.internal,
    partitions: t.partitions.map((p) => {
      const leaderAlive = p.leader >= 0 && live.has(p.leader);
      return {
        ...MetadataResponseTypes.defaultMetadataResponsePartition(),
        errorCode: leaderAlive ? ErrorCode.NONE : ErrorCode.LEADER_NOT_AVAILABLE,
        partitionIndex: p.partition,
        leaderId: leaderAlive ? p.leader : -1,
        leaderEpoch: p.leaderEpoch,
        replicaNodes: p.replicas,
        isrNodes: p.isr,
        offlineReplicas: p.replicas.filter((r) => !live.has(r)),
      };
    }),
    topicAuthorizedOperations: includeOps ? ALL_TOPIC_OPERATIONS : NOT_REQUESTED,
  };
}

function errorTopic(name: string | null, topicId: string, code: number): TopicResponse {
  return {
    ...MetadataResponseTypes.defaultMetadataResponseTopic(),
    errorCode: code,
    name,
    topicId,
    topicAuthorizedOperations: NOT_REQUESTED,
  };
}

export const metadata = defineHandler({
  apiKey: ApiKey.Metadata,
  minVersion: 0,
  maxVersion: 12,
  async handle(ctx, req) {
    const { services, apiVersion } = ctx;
    const includeOps = apiVersion >= 8 && req.includeTopicAuthorizedOperations;
    const brokers = services.liveBrokers(ctx.connection.listenerName);
    const live = new Set(brokers.map((b) => b.nodeId));
    const allTopics = req.topics === null || (apiVersion === 0 && req.topics.length === 0);
    let topics: TopicResponse[];
    const describable = (name: string) => authorizedTopic(ctx, AclOperation.DESCRIBE, name);
    if (allTopics) {
      // only what the principal may describe (Kafka's Metadata filters, rather than fails)
      topics = services.metadata
        .topics()
        .filter((t) => describable(t.name))
        .map((t) => topicResponse(t, live, includeOps));
    } else {
      const autoCreate = services.config.topics.autoCreateTopicsEnable && (apiVersion < 4 || req.allowAutoTopicCreation);
      topics = [];
      for (const rt of req.topics ?? []) {
        if (rt.name === null && apiVersion < 12) {
          // v10-11 carry topic ids but Kafka looks topics up by id only from v12 on
          topics.push(errorTopic('', rt.topicId, ErrorCode.INVALID_REQUEST));
          continue;
        }
        if (rt.name === null) {
          // topic ids are looked up by id (v12+)
          const t = services.metadata.topics().find((x) => x.topicId === rt.topicId);
          if (t !== undefined && !describable(t.name)) topics.push(errorTopic(null, rt.topicId, ErrorCode.TOPIC_AUTHORIZATION_FAILED));
          else topics.push(t ? topicResponse(t, live, includeOps) : errorTopic(null, rt.topicId, ErrorCode.UNKNOWN_TOPIC_ID));
          continue;
        }
        const name = rt.name;
        if (!describable(name)) {
          topics.push(errorTopic(name, ZERO_UUID, ErrorCode.TOPIC_AUTHORIZATION_FAILED));
          continue;
        }
        const existing = services.metadata.topic(name);
        if (existing !== undefined) {
          topics.push(topicResponse(existing, live, includeOps));
          continue;
        }
        try {
          validateTopicName(name);
        } catch {
          topics.push(errorTopic(name, ZERO_UUID, ErrorCode.INVALID_TOPIC_EXCEPTION));
          continue;
        }
        if (!autoCreate) {
          topics.push(errorTopic(name, ZERO_UUID, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
          continue;
        }
        if (!authorizedOnCluster(ctx, AclOperation.CREATE) && !authorizedTopic(ctx, AclOperation.CREATE, name)) {
          topics.push(errorTopic(name, ZERO_UUID, ErrorCode.TOPIC_AUTHORIZATION_FAILED));
          continue;
        }
        try {
          await services.topicAdmin.createTopic({ name, numPartitions: -1, replicationFactor: -1 });
        } catch (err) {
          // a concurrent request created it first, or it cannot be created (Kafka logs that too)
          if (!(err instanceof KafkaError && err.code === ErrorCode.TOPIC_ALREADY_EXISTS)) {
            services.logger.warn({ topic: name, err: err instanceof KafkaError ? err.message : String(err) }, 'cannot auto-create topic');
          }
        }
        topics.push(errorTopic(name, ZERO_UUID, ErrorCode.LEADER_NOT_AVAILABLE));
      }
    }
    return {
      ...MetadataResponseTypes.defaultMetadataResponse(),
      brokers: brokers.map((b) => ({ ...MetadataResponseTypes.defaultMetadataResponseBroker(), ...b })),
      clusterId: services.metadata.clusterId,
      controllerId: services.controllerId(),
      topics,
      clusterAuthorizedOperations: apiVersion >= 8 && apiVersion <= 10 && req.includeClusterAuthorizedOperations ? 0 : NOT_REQUESTED,
    };
  },
  errorResponse: (req, code) => ({
    ...MetadataResponseTypes.defaultMetadataResponse(),
    topics: (req.topics ?? []).map((t) => errorTopic(t.name ?? '', t.topicId, code)),
  }),
});
