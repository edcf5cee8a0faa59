// AddOffsetsToTxn v0-4 (KIP-98): a transactional producer about to commit a group's offsets in its
// transaction (sendOffsetsToTransaction) adds the group's __consumer_offsets partition to the
// transaction, so the commit marker reaches the pending offsets there. Write on the transactional id
// and Read on the group. PRODUCER_FENCED reaches versions below 2 as INVALID_PRODUCER_EPOCH.
import { ApiKey, ErrorCode } from '@tarn/protocol';
import { GROUP_METADATA_TOPIC_NAME } from '../metadata/topic-name';
import { AclOperation, ResourceType, authorized, authorizedGroup } from './authorize';
import { defineHandler } from './handler';

const PRODUCER_FENCED_VERSION = 2;

export const addOffsetsToTxn = defineHandler({
  apiKey: ApiKey.AddOffsetsToTxn,
  minVersion: 0,
  maxVersion: 4,
  async handle(ctx, req) {
    const answer = (errorCode: number) => ({ throttleTimeMs: 0, errorCode });
    if (!authorized(ctx, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, req.transactionalId))
      return answer(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    if (!authorizedGroup(ctx, AclOperation.READ, req.groupId)) return answer(ErrorCode.GROUP_AUTHORIZATION_FAILED);
    const groups = ctx.services.groupCoordinator;
    await groups.offsetsTopic.ensure();
    const partition = { topic: GROUP_METADATA_TOPIC_NAME, partition: groups.partitionFor(req.groupId) };
    let error = await ctx.services.transactions.coordinator.handleAddPartitions(
      req.transactionalId,
      Number(req.producerId),
      req.producerEpoch,
      [partition],
    );
    if (error === ErrorCode.PRODUCER_FENCED && ctx.apiVersion < PRODUCER_FENCED_VERSION) error = ErrorCode.INVALID_PRODUCER_EPOCH;
    return answer(error);
  },
  errorResponse: (_req, code) => ({ throttleTimeMs: 0, errorCode: code }),
});
