// Console users (who may log in to the console, kept by the admin API in tarn-users.json; not Kafka
// users): list, create, delete, change a password, map to a Kafka principal. Only operators manage
// them. Every change is audited; no password reaches the answer, the audit log or a log line.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { parseKafkaPrincipal } from '../../security/authorizer';
import { authedProcedure, router } from '../trpc';

const username = z
  .string()
  .min(1, 'Give the user a name.')
  .max(64, 'Names are at most 64 characters.')
  .regex(/^[\w.@-]+$/, 'Letters, digits and . _ @ - only.');
const password = z.string().min(8, 'At least 8 characters.').max(1024, 'Passwords are at most 1024 characters.');

/** `Type:name` as super.users and ACLs write principals (User:alice, User:CN=app,O=acme); null makes an operator. */
const kafkaPrincipal = z
  .string()
  .max(32_767)
  .nullable()
  .superRefine((text, issue) => {
    if (text === null) return;
    try {
      const p = parseKafkaPrincipal(text);
      if (p.principalType === '' || p.name === '') throw new Error('Both the type and the name are needed.');
    } catch (err) {
      issue.addIssue({ code: 'custom', message: `Write a principal as Type:name, e.g. User:alice. ${(err as Error).message}` });
    }
  });

function notFound(user: string): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: `There is no console user ${user}.` });
}

export const consoleUsersRouter = router({
  list: authedProcedure.query(({ ctx }) => {
    ctx.access.requireOperator('list console users');
    return { users: ctx.admin.users.list(), authorizerEnabled: ctx.services.authorization.enabled };
  }),

  create: authedProcedure.input(z.object({ username, password, kafkaPrincipal })).mutation(({ ctx, input }) =>
    ctx.admin.audited(ctx.principal, 'console-user.create', input.username, { kafkaPrincipal: input.kafkaPrincipal }, async () => {
      ctx.access.requireOperator('create console users');
      if (!(await ctx.admin.users.create(input.username, input.password, input.kafkaPrincipal)))
        throw new TRPCError({ code: 'CONFLICT', message: `The console user ${input.username} exists already.` });
      return { username: input.username, kafkaPrincipal: input.kafkaPrincipal };
    }),
  ),

  delete: authedProcedure.input(z.object({ username })).mutation(({ ctx, input }) =>
    ctx.admin.audited(ctx.principal, 'console-user.delete', input.username, undefined, async () => {
      ctx.access.requireOperator('delete console users');
      if (ctx.admin.users.isLastOperator(input.username))
        throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'The last operator cannot be deleted: nobody could manage users.' });
      if (!ctx.admin.users.delete(input.username)) throw notFound(input.username);
      return { deleted: input.username };
    }),
  ),

  setPassword: authedProcedure.input(z.object({ username, password })).mutation(({ ctx, input }) =>
    ctx.admin.audited(ctx.principal, 'console-user.set-password', input.username, undefined, async () => {
      // anyone may change their own password; operators anyone's
      if (ctx.principal.via !== 'session' || ctx.principal.user !== input.username) ctx.access.requireOperator("change others' passwords");
      if (!(await ctx.admin.users.setPassword(input.username, input.password))) throw notFound(input.username);
      return { username: input.username };
    }),
  ),

  /** Maps the user to a Kafka principal (its console actions are then authorized as that principal), or null: an operator. */
  setKafkaPrincipal: authedProcedure.input(z.object({ username, kafkaPrincipal })).mutation(({ ctx, input }) =>
    ctx.admin.audited(ctx.principal, 'console-user.map-principal', input.username, { kafkaPrincipal: input.kafkaPrincipal }, async () => {
      ctx.access.requireOperator('map console users to Kafka principals');
      if (input.kafkaPrincipal !== null && ctx.admin.users.isLastOperator(input.username))
        throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'The last operator cannot be mapped: nobody could manage users.' });
      if (!ctx.admin.users.setKafkaPrincipal(input.username, input.kafkaPrincipal)) throw notFound(input.username);
      return { username: input.username, kafkaPrincipal: input.kafkaPrincipal };
    }),
  ),
});
