// Messages: browse a topic (by offset, by timestamp, newest first) and produce one record.
import { z } from 'zod';
import { AclOperation, ResourceType } from '../console-access';
import { authedProcedure, router } from '../trpc';
import { browseMessages } from '../views/message-view';

export const messagesRouter = router({
  browse: authedProcedure
    .input(
      z.object({
        topic: z.string().min(1),
        partition: z.number().int().min(0).nullable().default(null),
        seek: z.discriminatedUnion('type', [
          z.object({ type: z.literal('offset'), offset: z.number().int().min(0) }),
          z.object({ type: z.literal('timestamp'), timestamp: z.number().int().min(0) }),
          z.object({ type: z.literal('newest') }),
        ]),
        limit: z.number().int().min(1).max(500).default(50),
      }),
    )
    .query(({ ctx, input }) => {
      ctx.access.require(AclOperation.READ, ResourceType.TOPIC, input.topic);
      return browseMessages(ctx.services, input);
    }),

  produce: authedProcedure
    .input(
      z.object({
        topic: z.string().min(1),
        partition: z.number().int().min(0).nullable().default(null),
        key: z
          .string()
          .max(1 << 20)
          .nullable()
          .default(null),
        value: z
          .string()
          .max(1 << 20)
          .nullable(),
        format: z.enum(['text', 'json']).default('text'),
        headers: z
          .array(z.object({ key: z.string().min(1), value: z.string() }))
          .max(100)
          .default([]),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.admin.audited(
        ctx.principal,
        'message.produce',
        input.topic,
        { partition: input.partition, key: input.key, valueBytes: input.value?.length ?? 0 },
        () => {
          ctx.access.require(AclOperation.WRITE, ResourceType.TOPIC, input.topic);
          return ctx.admin.producer.produce(input);
        },
      ),
    ),
});
