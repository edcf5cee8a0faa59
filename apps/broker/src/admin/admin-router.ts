/**
 * The admin API the console calls: queries and mutations over HTTP, subscriptions over WebSocket.
 * The console imports only its type (`import type { AdminRouter } from '@tarn/broker'`).
 */
import { z } from 'zod';
import { authedProcedure, router } from './trpc';
import { aclsRouter } from './routers/acls-router';
import { clusterRouter } from './routers/cluster-router';
import { groupsRouter } from './routers/groups-router';
import { liveRouter } from './routers/live-router';
import { messagesRouter } from './routers/messages-router';
import { topicsRouter } from './routers/topics-router';
import { usersRouter } from './routers/users-router';

export const adminRouter = router({
  me: authedProcedure.query(({ ctx }) => ({ user: ctx.principal.user, via: ctx.principal.via })),
  cluster: clusterRouter,
  topics: topicsRouter,
  messages: messagesRouter,
  groups: groupsRouter,
  live: liveRouter,
  users: usersRouter,
  acls: aclsRouter,
  audit: router({
    list: authedProcedure
      .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }))
      .query(({ ctx, input }) => ctx.admin.audit.list(input.limit)),
  }),
});

export type AdminRouter = typeof adminRouter;
