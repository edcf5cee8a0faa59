/**
 * tRPC plumbing for the admin API: the request context (the broker and who is calling), procedures
 * that require a principal, and errors that carry the Kafka error code and name to the console
 * (`error.data.kafka`), so a refused change explains itself.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { ErrorCode, KafkaError, errorName } from '@tarn/protocol';
import type { AdminServices } from '../services';
import type { AuditLog } from './audit-log';
import type { ConsoleAccess } from './console-access';
import type { AdminUsers } from './admin-users';
import type { ProduceService } from './produce-service';
import type { Principal } from './sessions';

/** What procedures ask of the admin API itself (AdminApi): audited changes, the audit trail, the console's produce. */
export interface AdminActions {
  audited<T>(principal: Principal, action: string, target: string, details: unknown, fn: () => Promise<T>): Promise<T>;
  readonly audit: AuditLog;
  readonly producer: ProduceService;
  readonly users: AdminUsers;
}

export interface AdminContext {
  services: AdminServices;
  admin: AdminActions;
  principal: Principal | null;
  /** What the caller may do (everything for an operator; the authorizer decides for a mapped user). */
  access: ConsoleAccess;
}

type TRPCCode = ConstructorParameters<typeof TRPCError>[0]['code'];

function trpcCodeFor(code: number): TRPCCode {
  switch (code) {
    case ErrorCode.UNKNOWN_TOPIC_OR_PARTITION:
    case ErrorCode.GROUP_ID_NOT_FOUND:
    case ErrorCode.UNKNOWN_TOPIC_ID:
    case ErrorCode.RESOURCE_NOT_FOUND:
      return 'NOT_FOUND';
    case ErrorCode.TOPIC_ALREADY_EXISTS:
      return 'CONFLICT';
    case ErrorCode.NON_EMPTY_GROUP:
    case ErrorCode.REBALANCE_IN_PROGRESS:
    case ErrorCode.UNKNOWN_MEMBER_ID:
    case ErrorCode.SECURITY_DISABLED:
      return 'PRECONDITION_FAILED';
    case ErrorCode.TOPIC_AUTHORIZATION_FAILED:
    case ErrorCode.GROUP_AUTHORIZATION_FAILED:
    case ErrorCode.CLUSTER_AUTHORIZATION_FAILED:
    case ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED:
      return 'FORBIDDEN';
    case ErrorCode.UNKNOWN_SERVER_ERROR:
    case ErrorCode.KAFKA_STORAGE_ERROR:
      return 'INTERNAL_SERVER_ERROR';
    default:
      return 'BAD_REQUEST';
  }
}

const t = initTRPC.context<AdminContext>().create({
  // no stack traces in answers
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const kafka = cause instanceof KafkaError ? { code: cause.code, name: errorName(cause.code), message: cause.message } : null;
    // invalid input: which field and why, for the console to show next to it
    const issues = cause instanceof ZodError ? cause.issues.map((i) => ({ path: i.path.map(String), message: i.message })) : null;
    return { ...shape, data: { ...shape.data, kafka, issues } };
  },
});

export const router = t.router;

/** Turns KafkaErrors thrown by a procedure into TRPCErrors with a matching HTTP-ish code. */
const kafkaErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof KafkaError) {
    const k = result.error.cause;
    throw new TRPCError({ code: trpcCodeFor(k.code), message: k.message, cause: k });
  }
  return result;
});

export const authedProcedure = t.procedure.use(kafkaErrors).use(({ ctx, next }) => {
  if (ctx.principal === null)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Log in to the tarn console (or send an API token) first.' });
  return next({ ctx: { ...ctx, principal: ctx.principal } });
});
