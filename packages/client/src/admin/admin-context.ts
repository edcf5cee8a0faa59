/**
 * How an admin call reaches the right broker and survives the errors Kafka's AdminClient retries:
 * the controller (NOT_CONTROLLER → refresh metadata, ask again), a group's or transactional id's
 * coordinator (NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE → find it again; COORDINATOR_LOAD_IN_PROGRESS
 * → wait), a partition's leader (NOT_LEADER_OR_FOLLOWER, LEADER_NOT_AVAILABLE → refresh). Retries
 * run until the call's deadline (`default.api.timeout.ms`, or the call's `timeoutMs`).
 *
 * Results are per item, as the Java AdminClient's per-topic / per-group futures: `perItem` sends
 * the items still pending, keeps each item's answer, and re-sends only the items whose error is
 * one of those above. An item still failing at the deadline keeps a TimeoutError (cause: its last
 * error); a whole-request failure that cannot be retried becomes every pending item's error.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode, KafkaError as ProtocolKafkaError, type ApiKeyNumber, type ApiResponseMap } from '@tarn/protocol';
import type { Cluster, CoordinatorKeyType, RequestBody } from '../cluster/cluster';
import { withRetries } from '../cluster/retry';
import { backoffMs } from '../config/client-config';
import { isRetriable, KafkaError, TimeoutError } from '../errors';

/** Per-item errors an admin call re-sends for (after finding the controller, coordinator or leader again). */
export const ADMIN_RETRY_CODES: ReadonlySet<number> = new Set<number>([
  ErrorCode.NOT_CONTROLLER,
  ErrorCode.NOT_COORDINATOR,
  ErrorCode.COORDINATOR_NOT_AVAILABLE,
  ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
  ErrorCode.LEADER_NOT_AVAILABLE,
  ErrorCode.NOT_LEADER_OR_FOLLOWER,
  ErrorCode.FENCED_LEADER_EPOCH,
  ErrorCode.UNKNOWN_LEADER_EPOCH,
  ErrorCode.REQUEST_TIMED_OUT,
  ErrorCode.NETWORK_EXCEPTION,
  ErrorCode.BROKER_NOT_AVAILABLE,
  ErrorCode.THROTTLING_QUOTA_EXCEEDED,
]);

const COORDINATOR_MOVED: ReadonlySet<number> = new Set<number>([ErrorCode.NOT_COORDINATOR, ErrorCode.COORDINATOR_NOT_AVAILABLE]);

/** Options every admin call takes. */
export interface AdminCallOptions {
  /** How long the call may take, retries included (default `default.api.timeout.ms`). */
  timeoutMs?: number;
}

/** One item's outcome: its value, or the error Kafka gave for it. */
export interface ItemResult<V> {
  value: V | null;
  error: KafkaError | null;
}

export class AdminContext {
  constructor(readonly cluster: Cluster) {}

  deadline(options: AdminCallOptions = {}): number {
    return Date.now() + (options.timeoutMs ?? this.cluster.config.defaultApiTimeoutMs);
  }

  /** The broker-side timeout to put in a request (timeoutMs fields): what is left of the deadline. */
  remaining(deadline: number): number {
    return Math.max(0, Math.min(2 ** 31 - 1, deadline - Date.now()));
  }

  /** Retries a whole operation on retriable errors until the deadline. */
  retry<T>(what: string, deadline: number, op: () => Promise<T>, onRetry?: (err: unknown) => void | Promise<void>): Promise<T> {
    const c = this.cluster.config;
    return withRetries(op, { what, deadline, backoffMs: c.retryBackoffMs, backoffMaxMs: c.retryBackoffMaxMs, onRetry });
  }

  /** The controller's id, refreshing metadata when none is known. */
  async controller(): Promise<number> {
    if (this.cluster.controllerId < 0) await this.cluster.refreshMetadata([]);
    if (this.cluster.controllerId < 0) throw new KafkaError(ErrorCode.NOT_CONTROLLER, 'no controller known');
    return this.cluster.controllerId;
  }

  /** A request to the controller; a NOT_CONTROLLER or network error refreshes metadata before the caller retries. */
  async toController<K extends ApiKeyNumber>(apiKey: K, body: RequestBody<K>): Promise<ApiResponseMap[K]> {
    try {
      return await this.cluster.request(await this.controller(), apiKey, body);
    } catch (err) {
      if (isRetriable(err)) await this.cluster.refreshMetadata([]).catch(() => {});
      throw err;
    }
  }

  /** A request to a coordinator; a network error forgets the coordinator before the caller retries. */
  async toCoordinator<K extends ApiKeyNumber>(
    type: CoordinatorKeyType,
    key: string,
    apiKey: K,
    body: RequestBody<K>,
  ): Promise<ApiResponseMap[K]> {
    const id = await this.cluster.findCoordinator(type, key);
    try {
      return await this.cluster.request(id, apiKey, body);
    } catch (err) {
      if (isRetriable(err)) this.cluster.invalidateCoordinator(type, key);
      throw err;
    }
  }

  /** After a coordinator error for `key`: forget the coordinator when it moved or went away. */
  coordinatorError(type: CoordinatorKeyType, key: string, code: number): void {
    if (COORDINATOR_MOVED.has(code)) this.cluster.invalidateCoordinator(type, key);
  }

  /**
   * Sends the pending items with `send`, keeps each item's result, re-sends the items whose error
   * is in `retryCodes` until the deadline. `beforeRetry` runs before each re-send (refresh metadata…).
   */
  async perItem<V>(
    what: string,
    keys: readonly string[],
    deadline: number,
    send: (keys: string[]) => Promise<Map<string, ItemResult<V>>>,
    options: { retryCodes?: ReadonlySet<number>; beforeRetry?: (failed: Map<string, KafkaError>) => void | Promise<void> } = {},
  ): Promise<Map<string, ItemResult<V>>> {
    const retryCodes = options.retryCodes ?? ADMIN_RETRY_CODES;
    const results = new Map<string, ItemResult<V>>();
    let pending = [...new Set(keys)];
    for (let attempt = 0; pending.length > 0; attempt++) {
      const failed = new Map<string, KafkaError>();
      let answers: Map<string, ItemResult<V>>;
      try {
        answers = await send(pending);
      } catch (err) {
        const e = asKafkaError(err);
        answers = new Map(pending.map((k) => [k, { value: null, error: e }]));
      }
      for (const key of pending) {
        const r = answers.get(key) ?? { value: null, error: new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, `no answer for ${key}`) };
        if (r.error !== null && (retryCodes.has(r.error.code) || (r.error.retriable && r.error.code === ErrorCode.NETWORK_EXCEPTION)))
          failed.set(key, r.error);
        else results.set(key, r);
      }
      if (failed.size === 0) break;
      const wait = backoffMs(attempt, this.cluster.config.retryBackoffMs, this.cluster.config.retryBackoffMaxMs);
      if (Date.now() + wait >= deadline) {
        for (const [key, err] of failed)
          results.set(key, {
            value: null,
            error: new TimeoutError(`${what} for ${key} timed out; last error ${String(err)}`, { cause: err }),
          });
        break;
      }
      await options.beforeRetry?.(failed);
      await sleep(wait);
      pending = [...failed.keys()];
    }
    return results;
  }
}

/**
 * A thrown Kafka error as this client's KafkaError, to become an item's error. Anything else (a bad
 * argument, a bug) is not an item's outcome: it is thrown on, and the call fails with it.
 */
export function asKafkaError(err: unknown): KafkaError {
  if (err instanceof KafkaError) return err;
  if (err instanceof ProtocolKafkaError) return new KafkaError(err.code, err.message, { cause: err });
  throw err;
}

/** The error of a per-item answer, or null for NONE. */
export function itemError(code: number, context: string, message?: string | null): KafkaError | null {
  if (code === ErrorCode.NONE) return null;
  return new KafkaError(code, message ? `${context}: ${message}` : context);
}
