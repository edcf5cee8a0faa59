// InitProducerId v0-5 (KIP-98). Without a transactional id: a fresh producer id with epoch 0 for an
// idempotent producer (KIP-679: IdempotentWrite on the cluster, or Write on some topic). With one:
// the transaction coordinator's answer — the id's producer id with its epoch bumped (fencing older
// instances, aborting their open transaction first: CONCURRENT_TRANSACTIONS, retried by the client),
// Write on the transactional id needed. v3 lets a producer pass its current id and epoch (KIP-360);
// v2 is flexible; v4 brought PRODUCER_FENCED, which older versions get as INVALID_PRODUCER_EPOCH.
import { ApiKey, ErrorCode, InitProducerIdResponseTypes, NO_PRODUCER_EPOCH, NO_PRODUCER_ID } from '@tarn/protocol';
import { AclOperation, ResourceType, authorized, authzContext, authorizedOnCluster } from './authorize';
import { defineHandler } from './handler';

const PRODUCER_FENCED_VERSION = 4;

function answer(errorCode: number, producerId = -1n, producerEpoch = -1) {
  return { ...InitProducerIdResponseTypes.defaultInitProducerIdResponse(), errorCode, producerId, producerEpoch };
}

export const initProducerId = defineHandler({
  apiKey: ApiKey.InitProducerId,
  minVersion: 0,
  maxVersion: 5,
  async handle(ctx, req) {
    const transactionalId = req.transactionalId;
    if (transactionalId !== null) {
      if (!authorized(ctx, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, transactionalId))
        return answer(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    } else if (
      !authorizedOnCluster(ctx, AclOperation.IDEMPOTENT_WRITE) &&
      !ctx.services.authorization.allowedOnAny(authzContext(ctx), AclOperation.WRITE, ResourceType.TOPIC)
    ) {
      return answer(ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    }
    // the producer's current id and epoch (v3+): both or neither
    const id = ctx.apiVersion >= 3 ? Number(req.producerId) : NO_PRODUCER_ID;
    const epoch = ctx.apiVersion >= 3 ? req.producerEpoch : NO_PRODUCER_EPOCH;
    if ((id === NO_PRODUCER_ID) !== (epoch === NO_PRODUCER_EPOCH)) return answer(ErrorCode.INVALID_REQUEST);

    if (transactionalId === null) {
      const producerId = await ctx.services.producerIds.generateProducerId();
      return answer(ErrorCode.NONE, BigInt(producerId), 0);
    }
    const expected = id === NO_PRODUCER_ID ? null : { producerId: id, producerEpoch: epoch };
    const r = await ctx.services.transactions.coordinator.handleInitProducerId(transactionalId, req.transactionTimeoutMs, expected);
    const error =
      r.error === ErrorCode.PRODUCER_FENCED && ctx.apiVersion < PRODUCER_FENCED_VERSION ? ErrorCode.INVALID_PRODUCER_EPOCH : r.error;
    return error === ErrorCode.NONE ? answer(ErrorCode.NONE, BigInt(r.producerId), r.producerEpoch) : answer(error);
  },
  errorResponse: (_req, code) => answer(code),
});
