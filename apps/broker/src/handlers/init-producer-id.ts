// InitProducerId v0-5 for idempotent producers: a fresh producer id with epoch 0 (KIP-98). v3 lets a
// producer pass its current id and epoch (KIP-360); without a transactional id Kafka hands out a
// new id then too. v2 is flexible; v4 and v5 only allow new error codes (PRODUCER_FENCED,
// TRANSACTION_ABORTABLE) that concern transactions. Transactional ids are refused until tarn supports transactions.
import { ApiKey, ErrorCode, InitProducerIdResponseTypes } from '@tarn/protocol';
import { AclOperation, ResourceType, authzContext, authorizedOnCluster } from './authorize';
import { defineHandler } from './handler';

export const initProducerId = defineHandler({
  apiKey: ApiKey.InitProducerId,
  minVersion: 0,
  maxVersion: 5,
  async handle(ctx, req) {
    if (req.transactionalId !== null) {
      ctx.services.logger.info(
        { transactionalId: req.transactionalId, client: ctx.header.clientId },
        'refused a transactional producer: transactions are not supported yet',
      );
      return {
        ...InitProducerIdResponseTypes.defaultInitProducerIdResponse(),
        errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
        producerId: -1n,
        producerEpoch: -1,
      };
    }
    // KIP-679: an idempotent producer needs IdempotentWrite on the cluster, or Write on some topic
    if (
      !authorizedOnCluster(ctx, AclOperation.IDEMPOTENT_WRITE) &&
      !ctx.services.authorization.allowedOnAny(authzContext(ctx), AclOperation.WRITE, ResourceType.TOPIC)
    ) {
      return {
        ...InitProducerIdResponseTypes.defaultInitProducerIdResponse(),
        errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
        producerId: -1n,
        producerEpoch: -1,
      };
    }
    const producerId = await ctx.services.producerIds.generateProducerId();
    return {
      ...InitProducerIdResponseTypes.defaultInitProducerIdResponse(),
      errorCode: ErrorCode.NONE,
      producerId: BigInt(producerId),
      producerEpoch: 0,
    };
  },
  errorResponse: (_req, code) => ({
    ...InitProducerIdResponseTypes.defaultInitProducerIdResponse(),
    errorCode: code,
    producerId: -1n,
    producerEpoch: -1,
  }),
});
