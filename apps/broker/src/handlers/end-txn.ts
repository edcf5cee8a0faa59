// EndTxn v0-4 (KIP-98): commit or abort the producer's transaction. Answered once PrepareCommit /
// PrepareAbort is in __transaction_state; the markers follow from the coordinator. Write on the
// transactional id. PRODUCER_FENCED reaches versions below 2 as INVALID_PRODUCER_EPOCH; v3 is flexible.
import { ApiKey, ErrorCode } from '@tarn/protocol';
import { AclOperation, ResourceType, authorized } from './authorize';
import { defineHandler } from './handler';

const PRODUCER_FENCED_VERSION = 2;

function answer(errorCode: number) {
  return { throttleTimeMs: 0, errorCode, producerId: -1n, producerEpoch: -1 };
}

export const endTxn = defineHandler({
  apiKey: ApiKey.EndTxn,
  minVersion: 0,
  maxVersion: 4,
  async handle(ctx, req) {
    if (!authorized(ctx, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, req.transactionalId))
      return answer(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    let error = await ctx.services.transactions.coordinator.endTransaction(
      req.transactionalId,
      Number(req.producerId),
      req.producerEpoch,
      req.committed ? 'COMMIT' : 'ABORT',
      true,
    );
    if (error === ErrorCode.PRODUCER_FENCED && ctx.apiVersion < PRODUCER_FENCED_VERSION) error = ErrorCode.INVALID_PRODUCER_EPOCH;
    return answer(error);
  },
  errorResponse: (_req, code) => answer(code),
});
