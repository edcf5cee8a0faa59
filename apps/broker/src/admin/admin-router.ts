/**
 * The admin API the console calls: queries and mutations over HTTP, subscriptions over WebSocket.
 * The console imports only its type (`import type { AdminRouter } from '@tarn/broker'`).
 */
import { z } from 'zod';
import { AclOperation } from './console-access';
import { authedProcedure, router } from './trpc';
import { aclsRouter } from './routers/acls-router';
import { clusterRouter } from './routers/cluster-router';
import { consoleUsersRouter } from './routers/console-users-router';
import { groupsRouter } from './routers/groups-router';
import { liveRouter } from './routers/live-router';
import { messagesRouter } from './routers/messages-router';
import { topicsRouter } from './routers/topics-router';
import { transactionsRouter } from './routers/transactions-router';
import { usersRouter } from './routers/users-router';

export const adminRouter = router({
  me: authedProcedure.query(({ ctx }) => ({
    user: ctx.principal.user,
    via: ctx.principal.via,
    /** The Kafka principal the console user acts as; null for an operator. */
    kafkaPrincipal: ctx.access.kafkaPrincipal,
    operator: ctx.access.isOperator,
  })),
  cluster: clusterRouter,
  topics: topicsRouter,
  messages: messagesRouter,
  groups: groupsRouter,
  live: liveRouter,
  users: usersRouter,
  consoleUsers: consoleUsersRouter,
  transactions: transactionsRouter,
  acls: aclsRouter,
  audit: router({
    list: authedProcedure.input(z.object({ limit: z.number().int().min(1).max(500).default(100) })).query(({ ctx, input }) => {
      ctx.access.requireOnCluster(AclOperation.DESCRIBE);
      return ctx.admin.audit.list(input.limit);
    }),
  }),
});

export type AdminRouter = typeof adminRouter;
