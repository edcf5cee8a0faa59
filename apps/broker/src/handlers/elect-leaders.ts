// ElectLeaders v0-2: preferred (0) or unclean (1, v1+) leader elections for the given partitions, or
// for every partition when the list is null. v1 adds the election type and a top-level error code;
// v2 is flexible. Results per partition use Kafka's codes: ELECTION_NOT_NEEDED,
// PREFERRED_LEADER_NOT_AVAILABLE, ELIGIBLE_LEADERS_NOT_AVAILABLE, UNKNOWN_TOPIC_OR_PARTITION.
import { ApiKey, KafkaError, ElectLeadersResponseTypes, ErrorCode } from '@tarn/protocol';
import type { ElectionResult } from '../controller/controller';
import { AclOperation, authorizedOnCluster } from './authorize';
import { defineHandler } from './handler';

const CODES: Record<NonNullable<ElectionResult['error']>, number> = {
  ELECTION_NOT_NEEDED: ErrorCode.ELECTION_NOT_NEEDED,
  ELIGIBLE_LEADERS_NOT_AVAILABLE: ErrorCode.ELIGIBLE_LEADERS_NOT_AVAILABLE,
  PREFERRED_LEADER_NOT_AVAILABLE: ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE,
  UNKNOWN_TOPIC_OR_PARTITION: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  CONCURRENT_CHANGE: ErrorCode.REQUEST_TIMED_OUT,
};

export const electLeaders = defineHandler({
  apiKey: ApiKey.ElectLeaders,
  minVersion: 0,
  maxVersion: 2,
  async handle(ctx, req) {
    if (!authorizedOnCluster(ctx, AclOperation.ALTER))
      throw new KafkaError(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    const { services } = ctx;
    const type = ctx.apiVersion >= 1 && req.electionType === 1 ? 'unclean' : 'preferred';
    const wanted =
      req.topicPartitions ?? services.metadata.topics().map((t) => ({ topic: t.name, partitions: t.partitions.map((p) => p.partition) }));
    const replicaElectionResults = [];
    for (const t of wanted) {
      const partitionResult = [];
      for (const partition of t.partitions) {
        const state = services.metadata.topic(t.topic)?.partitions[partition];
        const error = state === undefined ? 'UNKNOWN_TOPIC_OR_PARTITION' : await services.controller.elect(t.topic, state, type);
        partitionResult.push({
          ...ElectLeadersResponseTypes.defaultPartitionResult(),
          partitionId: partition,
          errorCode: error === null ? ErrorCode.NONE : CODES[error],
          errorMessage: error === null ? null : error === 'CONCURRENT_CHANGE' ? 'the partition changed meanwhile; retry' : null,
        });
      }
      replicaElectionResults.push({ ...ElectLeadersResponseTypes.defaultReplicaElectionResult(), topic: t.topic, partitionResult });
    }
    return { ...ElectLeadersResponseTypes.defaultElectLeadersResponse(), replicaElectionResults };
  },
  errorResponse: (_req, code) => ({ ...ElectLeadersResponseTypes.defaultElectLeadersResponse(), errorCode: code }),
});
