// AlterPartitionReassignments v0: move partitions to new replica sets (the new replicas fetch and
// catch up; the switch happens once they are in the ISR), or cancel a pending move with null.
import { AlterPartitionReassignmentsResponseTypes, ApiKey, ErrorCode, KafkaError } from '@tarn/protocol';
import { AclOperation, authorizedOnCluster } from './authorize';
import { defineHandler } from './handler';

const CODES = {
  NO_REASSIGNMENT_IN_PROGRESS: ErrorCode.NO_REASSIGNMENT_IN_PROGRESS,
  INVALID_REPLICA_ASSIGNMENT: ErrorCode.INVALID_REPLICA_ASSIGNMENT,
  CONCURRENT_CHANGE: ErrorCode.REQUEST_TIMED_OUT,
} as const;

export const alterPartitionReassignments = defineHandler({
  apiKey: ApiKey.AlterPartitionReassignments,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, req) {
    if (!authorizedOnCluster(ctx, AclOperation.ALTER))
      throw new KafkaError(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    const { services } = ctx;
    const responses = [];
    for (const t of req.topics) {
      const partitions = [];
      for (const rp of t.partitions) {
        const state = services.metadata.topic(t.name)?.partitions[rp.partitionIndex];
        const error = state === undefined ? null : await services.controller.reassign(t.name, state, rp.replicas);
        partitions.push({
          ...AlterPartitionReassignmentsResponseTypes.defaultReassignablePartitionResponse(),
          partitionIndex: rp.partitionIndex,
          errorCode: state === undefined ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : error === null ? ErrorCode.NONE : CODES[error],
          errorMessage: state === undefined ? `Topic '${t.name}' has no partition ${rp.partitionIndex}` : error,
        });
      }
      responses.push({ ...AlterPartitionReassignmentsResponseTypes.defaultReassignableTopicResponse(), name: t.name, partitions });
    }
    return { ...AlterPartitionReassignmentsResponseTypes.defaultAlterPartitionReassignmentsResponse(), responses };
  },
  errorResponse: (_req, code, message) => ({
    ...AlterPartitionReassignmentsResponseTypes.defaultAlterPartitionReassignmentsResponse(),
    errorCode: code,
    errorMessage: message,
  }),
});
