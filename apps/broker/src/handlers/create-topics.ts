// CreateTopics v0-7. v1 adds validate_only and error messages; v2 throttle time; v4 lets
// num_partitions / replication_factor be -1 for the broker defaults; v5 (flexible) returns the
// partition count, replication factor and configs of the created topic; v7 its topic id. As in
// Kafka's broker, -1 means the default at every version (clients such as kafkajs send it at v3). A topic
// named twice in one request fails with INVALID_REQUEST for each occurrence, as in Kafka. A request
// that would create more than 10,000 partitions in all fails whole with POLICY_VIOLATION, as Kafka's
// controller refuses an "excessively large batch operation".
import { ApiKey, CreateTopicsResponseTypes, ErrorCode, errorCodeOf } from '@tarn/protocol';
import { resolveTopicConfigs } from '@tarn/storage';
import { ZERO_UUID } from '../metadata/cluster-metadata';
import { batchSizeError } from '../metadata/topic-admin';
import { AclOperation, authorizedOnCluster, authorizedTopic } from './authorize';
import { defineHandler } from './handler';
import { configSourceCode } from './describe-configs';

type Result = CreateTopicsResponseTypes.CreatableTopicResult;

function result(name: string, code: number, message: string | null): Result {
  return { ...CreateTopicsResponseTypes.defaultCreatableTopicResult(), name, errorCode: code, errorMessage: message, topicId: ZERO_UUID };
}

export const createTopics = defineHandler({
  apiKey: ApiKey.CreateTopics,
  minVersion: 0,
  maxVersion: 7,
  async handle(ctx, req) {
    const { services } = ctx;
    const counts = new Map<string, number>();
    for (const t of req.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
    const requested = req.topics.reduce(
      (sum, t) =>
        sum +
        (t.assignments.length > 0
          ? t.assignments.length
          : t.numPartitions === -1
            ? services.config.topics.numPartitions
            : Math.max(0, t.numPartitions)),
      0,
    );
    const tooLarge = batchSizeError(requested);
    if (tooLarge !== null) {
      return {
        ...CreateTopicsResponseTypes.defaultCreateTopicsResponse(),
        topics: req.topics.map((t) => result(t.name, tooLarge.code, tooLarge.message)),
      };
    }
    const topics: Result[] = [];
    // Kafka: Create on the cluster, or else on the topic itself
    const mayCreateAny = authorizedOnCluster(ctx, AclOperation.CREATE);
    for (const t of req.topics) {
      if (counts.get(t.name)! > 1) {
        topics.push(result(t.name, ErrorCode.INVALID_REQUEST, 'Create topics request from client contains duplicate topic names'));
        continue;
      }
      if (!mayCreateAny && !authorizedTopic(ctx, AclOperation.CREATE, t.name)) {
        topics.push(result(t.name, ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'Authorization failed.'));
        continue;
      }
      try {
        const configs: Record<string, string> = {};
        for (const c of t.configs) {
          if (c.value === null) continue;
          configs[c.name] = c.value;
        }
        const created = await services.topicAdmin.createTopic(
          {
            name: t.name,
            numPartitions: t.numPartitions,
            replicationFactor: t.replicationFactor,
            assignments: t.assignments.map((a) => ({ partition: a.partitionIndex, brokerIds: a.brokerIds })),
            configs,
          },
          { validateOnly: req.validateOnly },
        );
        const r = result(t.name, ErrorCode.NONE, null);
        r.topicId = created.topicId;
        r.numPartitions = created.partitions.length;
        r.replicationFactor = created.partitions[0]?.replicas.length ?? -1;
        r.configs = resolveTopicConfigs(created.configs, services.config.props).map((c) => ({
          ...CreateTopicsResponseTypes.defaultCreatableTopicConfigs(),
          name: c.name,
          value: c.value,
          readOnly: false,
          configSource: configSourceCode(c.source),
          isSensitive: false,
        }));
        topics.push(r);
      } catch (err) {
        topics.push(result(t.name, errorCodeOf(err), (err as Error).message));
      }
    }
    return { ...CreateTopicsResponseTypes.defaultCreateTopicsResponse(), topics };
  },
  errorResponse: (req, code, message) => ({
    ...CreateTopicsResponseTypes.defaultCreateTopicsResponse(),
    topics: req.topics.map((t) => result(t.name, code, message)),
  }),
});
