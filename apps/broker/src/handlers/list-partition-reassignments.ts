// ListPartitionReassignments v0: partitions with replicas being added or removed.
import { ApiKey, ErrorCode, KafkaError, ListPartitionReassignmentsResponseTypes } from '@tarn/protocol';
import { AclOperation, authorizedOnCluster } from './authorize';
import { defineHandler } from './handler';

export const listPartitionReassignments = defineHandler({
  apiKey: ApiKey.ListPartitionReassignments,
  minVersion: 0,
  maxVersion: 0,
  handle(ctx, req) {
    if (!authorizedOnCluster(ctx, AclOperation.DESCRIBE))
      throw new KafkaError(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    const wanted = req.topics === null ? null : new Map(req.topics.map((t) => [t.name, new Set(t.partitionIndexes)]));
    const topics = ctx.services.metadata
      .topics()
      .filter((t) => wanted === null || wanted.has(t.name))
      .map((t) => ({
        ...ListPartitionReassignmentsResponseTypes.defaultOngoingTopicReassignment(),
        name: t.name,
        partitions: t.partitions
          .filter(
            (p) =>
              (wanted === null || wanted.get(t.name)!.has(p.partition)) &&
              ((p.addingReplicas?.length ?? 0) > 0 || (p.removingReplicas?.length ?? 0) > 0),
          )
          .map((p) => ({
            ...ListPartitionReassignmentsResponseTypes.defaultOngoingPartitionReassignment(),
            partitionIndex: p.partition,
            replicas: p.replicas,
            addingReplicas: p.addingReplicas ?? [],
            removingReplicas: p.removingReplicas ?? [],
          })),
      }))
      .filter((t) => t.partitions.length > 0);
    return { ...ListPartitionReassignmentsResponseTypes.defaultListPartitionReassignmentsResponse(), topics };
  },
  errorResponse: (_req, code, message) => ({
    ...ListPartitionReassignmentsResponseTypes.defaultListPartitionReassignmentsResponse(),
    errorCode: code,
    errorMessage: message,
  }),
});
