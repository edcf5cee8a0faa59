/**
 * Retrying an operation on retriable errors until a deadline, with exponential backoff
 * (`retry.backoff.ms` up to `retry.backoff.max.ms`), as Kafka's admin client and consumer do for
 * NOT_CONTROLLER, NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS, LEADER_NOT_AVAILABLE, network
 * errors… A non-retriable error is thrown at once; running out of time throws a TimeoutError whose
 * cause is the last error.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffMs } from '../config/client-config';
import { isRetriable, TimeoutError } from '../errors';

export interface RetryOptions {
  /** Epoch ms after which no new attempt starts. */
  deadline: number;
  backoffMs: number;
  backoffMaxMs: number;
  /** What the operation is, for the timeout's message. */
  what: string;
  /** Called before each retry with the error that caused it (refresh metadata, forget a coordinator…). */
  onRetry?: (err: unknown, attempt: number) => void | Promise<void>;
  /** Which errors to retry (default: retriable Kafka errors). */
  retriable?: (err: unknown) => boolean;
}

export async function withRetries<T>(op: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const retriable = options.retriable ?? isRetriable;
  for (let attempt = 0; ; attempt++) {
    try {
      return await op(attempt);
    } catch (err) {
      if (!retriable(err)) throw err;
      const wait = backoffMs(attempt, options.backoffMs, options.backoffMaxMs);
      if (Date.now() + wait >= options.deadline)
        throw new TimeoutError(`${options.what} did not succeed before the deadline; last error ${String(err)}`, {
          cause: err,
        });
      await options.onRetry?.(err, attempt);
      await sleep(wait);
    }
  }
}
