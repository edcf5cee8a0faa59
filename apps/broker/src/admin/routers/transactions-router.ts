// Transactions in the console: the cluster's transactional ids with their state, age and partitions,
// the partitions held back by an open transaction (LSO below the high watermark) and whether it is
// hanging, and aborting — an ongoing transaction by fencing its producer through the coordinator, a
// hanging one by writing its ABORT marker (KIP-664). Mapped console users see the ids they may
// Describe and the topics they may Describe; fencing needs Write on the transactional id (what
// InitProducerId needs), a marker ClusterAction (what WriteTxnMarkers needs). Aborts are audited.
import { z } from 'zod';
import { AclOperation, ResourceType } from '../console-access';
import { authedProcedure, router } from '../trpc';

export const transactionsRouter = router({
  overview: authedProcedure.query(async ({ ctx }) => {
    const now = Date.now();
    const o = await ctx.services.transactions.overview.overview(now);
    const topicVisible = (topic: string) => ctx.access.allows(AclOperation.DESCRIBE, ResourceType.TOPIC, topic);
    return {
      nowMs: now,
      maxTimeoutMs: o.maxTimeoutMs,
      unreachable: o.unreachable,
      transactions: o.transactions
        .filter((t) => ctx.access.allows(AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, t.transactionalId))
        .map((t) => ({
          ...t,
          ageMs: t.startedAtMs === null ? null : now - t.startedAtMs,
          partitions: t.partitions.filter((tp) => topicVisible(tp.topic)),
        })),
      partitions: o.partitions
        .filter((p) => topicVisible(p.topic))
        .map((p) => ({
          ...p,
          // how long the LSO has been held: since the oldest open transaction's last write
          stuckForMs: Math.max(0, ...p.open.map((x) => now - x.lastTimestamp)),
        })),
    };
  }),

  /** Fences the id's producer and aborts its ongoing transaction. */
  abort: authedProcedure
    .input(
      z.object({ transactionalId: z.string().min(1), coordinator: z.number().int(), timeoutMs: z.number().int().min(1).default(60_000) }),
    )
    .mutation(({ ctx, input }) =>
      ctx.admin.audited(ctx.principal, 'transaction.abort', input.transactionalId, { coordinator: input.coordinator }, async () => {
        ctx.access.require(AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, input.transactionalId);
        await ctx.services.transactions.overview.abortOngoing(input.transactionalId, input.coordinator, input.timeoutMs);
        return { aborted: input.transactionalId };
      }),
    ),

  /** Writes the ABORT marker of a hanging transaction on one partition. */
  abortHanging: authedProcedure
    .input(
      z.object({
        topic: z.string().min(1),
        partition: z.number().int().min(0),
        producerId: z.number().int().min(0),
        producerEpoch: z.number().int().min(0),
        coordinatorEpoch: z.number().int(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.admin.audited(ctx.principal, 'transaction.abort-hanging', `${input.topic}-${input.partition}`, input, async () => {
        ctx.access.requireOnCluster(AclOperation.CLUSTER_ACTION);
        await ctx.services.transactions.overview.abortHanging(
          { topic: input.topic, partition: input.partition },
          input.producerId,
          input.producerEpoch,
          input.coordinatorEpoch,
        );
        return { aborted: `${input.topic}-${input.partition}`, producerId: input.producerId };
      }),
    ),
});
