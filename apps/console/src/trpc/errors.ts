/**
 * Errors from the admin API as the console shows them. The broker puts the Kafka error behind a
 * refusal in `error.data.kafka` ({code, name, message}); everything else (a bad input, a broker
 * that cannot be reached through the console's proxy) still has a message worth showing.
 */
import { TRPCClientError } from '@trpc/client';
import type { AdminRouter } from '@tarn/broker';

export type AdminError = TRPCClientError<AdminRouter>;

export interface ErrorInfo {
  code?: number;
  name?: string;
  message: string;
}

function isAdminError(err: unknown): err is AdminError {
  return err instanceof TRPCClientError;
}

/** The HTTP status the admin API answered with, when there was an answer. */
export function httpStatusOf(err: unknown): number | null {
  return isAdminError(err) ? (err.data?.httpStatus ?? null) : null;
}

export function isUnauthorized(err: unknown): boolean {
  return isAdminError(err) && (err.data?.code === 'UNAUTHORIZED' || err.data?.httpStatus === 401);
}

/** The Kafka error name (INVALID_CONFIG, …) or null. */
export function kafkaErrorName(err: unknown): string | null {
  return isAdminError(err) ? (err.data?.kafka?.name ?? null) : null;
}

/**
 * Whether the broker's authorizer refused the call (TOPIC_, GROUP_, CLUSTER_…AUTHORIZATION_FAILED):
 * the console user acts as a Kafka principal whose ACLs do not allow it.
 */
export function isAuthorizationFailure(err: unknown): boolean {
  return kafkaErrorName(err)?.endsWith('_AUTHORIZATION_FAILED') === true;
}

export interface InputIssue {
  /** Where in the input: ['strategy', 'offset'], ['name'], … */
  path: string[];
  message: string;
}

/** The zod issues behind a BAD_REQUEST (`error.data.issues`), to put each next to its field. */
export function inputIssues(err: unknown): InputIssue[] {
  if (!isAdminError(err)) return [];
  return (err.data?.issues ?? []).map((i) => ({ path: [...i.path], message: i.message }));
}

/** The first issue whose path starts with `prefix`, as a message for that field. */
export function issueAt(issues: readonly InputIssue[], ...prefix: string[]): string | undefined {
  return issues.find((i) => prefix.every((p, k) => i.path[k] === p))?.message;
}

/** zod refusals arrive as a JSON list of issues in the message; make them one readable line. */
function readableMessage(message: string): string {
  const trimmed = message.trim();
  if (!trimmed.startsWith('[')) return message;
  try {
    const issues = JSON.parse(trimmed) as Array<{ path?: unknown[]; message?: string }>;
    return issues.map((i) => `${(i.path ?? []).join('.') || 'input'}: ${i.message ?? 'invalid'}`).join('; ');
  } catch {
    return message;
  }
}

export function describeError(err: unknown): ErrorInfo {
  if (isAdminError(err)) {
    const kafka = err.data?.kafka;
    if (kafka != null) return { code: kafka.code, name: kafka.name, message: kafka.message };
    const code = err.data?.code;
    if (err.cause !== undefined && err.data === undefined) {
      return { message: `The console could not reach its server (${err.message}). Check that the console and the broker are running.` };
    }
    // a zod refusal has no Kafka name; its issues are the message
    const invalidInput = code === 'BAD_REQUEST' && err.message.trim().startsWith('[');
    return { name: invalidInput ? undefined : code, message: readableMessage(err.message) };
  }
  if (err instanceof Error) return { message: err.message };
  return { message: String(err) };
}

/** Retry only what may succeed later: network failures and 5xx, never refusals. */
export function shouldRetry(failureCount: number, err: unknown): boolean {
  const status = httpStatusOf(err);
  if (status !== null && status < 500) return false;
  return failureCount < 2;
}
