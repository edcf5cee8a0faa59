// Topics: paged list, detail with partitions, segments, create/delete, configs (every change audited).
import { z } from 'zod';
import { describeSegments, TOPIC_CONFIGS } from '@tarn/storage';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import { AclOperation, ResourceType } from '../console-access';
import { authedProcedure, router } from '../trpc';
import { listTopics, topicDetail } from '../views/topic-view';

const topicName = z.string().min(1).max(249);

export const topicsRouter = router({
  /** Every topic config with its type, default, valid values and doc (for forms). */
  configDefinitions: authedProcedure.query(() =>
    TOPIC_CONFIGS.map((d) => ({
      name: d.name,
      type: d.type,
      default: d.default,
      oneOf: d.oneOf ?? null,
      min: d.min ?? null,
      max: d.max ?? null,
      doc: d.doc,
    })),
  ),

  list: authedProcedure
    .input(
      z.object({
        page: z.number().int().min(0).default(0),
        pageSize: z.number().int().min(1).max(500).default(50),
        sort: z.enum(['name', 'partitions', 'size', 'messages']).default('name'),
        direction: z.enum(['asc', 'desc']).default('asc'),
        search: z.string().max(249).default(''),
        includeInternal: z.boolean().default(false),
      }),
    )
    // like Metadata: only the topics the caller may describe
    .query(({ ctx, input }) => listTopics(ctx.services, input, (t) => ctx.access.allows(AclOperation.DESCRIBE, ResourceType.TOPIC, t))),

  get: authedProcedure.input(z.object({ name: topicName })).query(({ ctx, input }) => {
    ctx.access.require(AclOperation.DESCRIBE, ResourceType.TOPIC, input.name);
    return topicDetail(ctx.services, input.name);
  }),

  segments: authedProcedure.input(z.object({ topic: topicName, partition: z.number().int().min(0) })).query(({ ctx, input }) => {
    ctx.access.require(AclOperation.DESCRIBE, ResourceType.TOPIC, input.topic);
    const log = ctx.services.logManager.getLog(input.topic, input.partition);
    if (log === undefined)
      throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `${input.topic}-${input.partition} is not hosted on this broker.`);
    return {
      topic: input.topic,
      partition: input.partition,
      logStartOffset: log.logStartOffset,
      highWatermark: log.highWatermark,
      logEndOffset: log.logEndOffset,
      segmentBytes: log.config.segmentBytes,
      segments: describeSegments(log),
    };
  }),

  create: authedProcedure
    .input(
      z.object({
        name: topicName,
        partitions: z.number().int().min(1).max(10_000),
        replicationFactor: z.number().int().min(1).max(32).default(1),
        configs: z.record(z.string(), z.string()).default({}),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.admin.audited(ctx.principal, 'topic.create', input.name, input, async () => {
        // CreateTopics: Create on the cluster, or else on the topic
        if (!ctx.access.allowsOnCluster(AclOperation.CREATE)) ctx.access.require(AclOperation.CREATE, ResourceType.TOPIC, input.name);
        const t = await ctx.services.topicAdmin.createTopic({
          name: input.name,
          numPartitions: input.partitions,
          replicationFactor: input.replicationFactor,
          configs: input.configs,
        });
        return { name: t.name, topicId: t.topicId, partitions: t.partitions.length };
      }),
    ),

  delete: authedProcedure.input(z.object({ name: topicName })).mutation(({ ctx, input }) =>
    ctx.admin.audited(ctx.principal, 'topic.delete', input.name, undefined, async () => {
      ctx.access.require(AclOperation.DELETE, ResourceType.TOPIC, input.name);
      await ctx.services.topicAdmin.deleteTopic(input.name);
      return { deleted: input.name };
    }),
  ),

  updateConfigs: authedProcedure
    .input(z.object({ name: topicName, set: z.record(z.string(), z.string()).default({}), remove: z.array(z.string()).default([]) }))
    .mutation(({ ctx, input }) =>
      ctx.admin.audited(ctx.principal, 'topic.configs', input.name, { set: input.set, remove: input.remove }, async () => {
        ctx.access.require(AclOperation.ALTER_CONFIGS, ResourceType.TOPIC, input.name);
        const ops = [
          ...Object.entries(input.set).map(([name, value]) => ({ name, op: 'set' as const, value })),
          ...input.remove.map((name) => ({ name, op: 'delete' as const, value: null })),
        ];
        await ctx.services.topicAdmin.incrementalAlterConfigs(input.name, ops, false);
        return topicDetail(ctx.services, input.name).configs;
      }),
    ),
});
