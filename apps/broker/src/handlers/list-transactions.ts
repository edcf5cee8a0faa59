// ListTransactions v0-1 (KIP-664, kafka-transactions.sh list): the transactional ids this broker
// coordinates that the principal may describe, filtered by state and producer id, and (v1, KIP-994)
// by having run longer than duration_filter milliseconds.
import { ApiKey } from '@tarn/protocol';
import { transactionStateName } from '../transaction/transaction-state';
import { AclOperation, ResourceType, authorized } from './authorize';
import { defineHandler } from './handler';

export const listTransactions = defineHandler({
  apiKey: ApiKey.ListTransactions,
  minVersion: 0,
  maxVersion: 1,
  async handle(ctx, req) {
    const r = ctx.services.transactions.coordinator.list(
      req.stateFilters,
      req.producerIdFilters.map(Number),
      ctx.apiVersion >= 1 ? Number(req.durationFilter) : -1,
    );
    return {
      throttleTimeMs: 0,
      errorCode: r.error,
      unknownStateFilters: r.unknownStateFilters,
      transactionStates: r.transactions
        .filter((t) => authorized(ctx, AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, t.transactionalId))
        .map((t) => ({
          transactionalId: t.transactionalId,
          producerId: BigInt(t.producerId),
          transactionState: transactionStateName(t.state),
        })),
    };
  },
  errorResponse: (_req, code) => ({ throttleTimeMs: 0, errorCode: code, unknownStateFilters: [], transactionStates: [] }),
});
