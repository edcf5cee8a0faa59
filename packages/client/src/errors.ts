/**
 * Errors a client caller sees. A broker's answer carrying an error code becomes a `KafkaError` whose
 * `name` is Kafka's error name (`NOT_LEADER_OR_FOLLOWER`), with the wire `code` and whether Kafka
 * classes it as retriable (Errors.java). Failures of the client's own making map onto Kafka's codes
 * too, as the Java client's exceptions do: a broken connection is NETWORK_EXCEPTION (retriable), a
 * request unanswered in `request.timeout.ms` is REQUEST_TIMED_OUT (retriable), so one `retriable`
 * check covers both. Bad configuration is a `ConfigError` (Kafka's ConfigException), never retried.
 */
import { ERRORS, ErrorCode, KafkaError as ProtocolKafkaError, errorName, type ErrorCodeName } from '@tarn/protocol';

export { ErrorCode, errorName, type ErrorCodeName };

export class KafkaError extends ProtocolKafkaError {
  /** Kafka's name of the error, e.g. `NOT_LEADER_OR_FOLLOWER` (also `name`). */
  readonly errorName: string;

  constructor(code: number, message?: string, options?: { cause?: unknown }) {
    const name = errorName(code);
    // the message says what failed; the name (shown first by toString and stack traces) says why
    super(code, message ?? ERRORS.get(code)?.message ?? `Kafka error ${code}`, options);
    this.name = name;
    this.errorName = name;
  }

  /** Kafka's error of this name (`KafkaError.of('NOT_CONTROLLER')`). */
  static of(name: ErrorCodeName, message?: string): KafkaError {
    return new KafkaError(ErrorCode[name], message);
  }
}

/** Throws a KafkaError when `code` is not NONE; `context` says what was asked (topic, group…). */
export function throwIfError(code: number, context: string, errorMessage?: string | null): void {
  if (code !== ErrorCode.NONE) throw new KafkaError(code, errorMessage ? `${context}: ${errorMessage}` : context);
}

/** A broker could not be reached, or its connection broke: retriable, as Kafka's NetworkException. */
export class ConnectionError extends KafkaError {
  constructor(
    message: string,
    readonly broker: string,
    options?: { cause?: unknown },
  ) {
    super(ErrorCode.NETWORK_EXCEPTION, `${broker}: ${message}`, options);
  }
}

/** A request had no answer within `request.timeout.ms` (the connection is closed, as Kafka's NetworkClient does). */
export class RequestTimeoutError extends KafkaError {
  constructor(message: string) {
    super(ErrorCode.REQUEST_TIMED_OUT, message);
  }
}

/** SASL login refused (wrong password, mechanism not enabled): not retriable. */
export class AuthenticationError extends KafkaError {
  constructor(code: number, message: string) {
    super(code, message);
  }
}

/** An operation did not finish within its deadline (`default.api.timeout.ms`, `max.block.ms`…); Kafka's TimeoutException. */
export class TimeoutError extends KafkaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.REQUEST_TIMED_OUT, message, options);
  }
}

/** Invalid client configuration (Kafka's ConfigException): a property's name and why. */
export class ConfigError extends Error {
  constructor(
    readonly property: string,
    message: string,
  ) {
    super(`invalid configuration ${property}: ${message}`);
    this.name = 'ConfigError';
  }
}

/**
 * A call's argument cannot be sent (an offset that is not an integer, a value the request cannot
 * carry): Kafka's IllegalArgumentException, raised before anything is sent, never retried.
 */
export class InvalidArgumentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidArgumentError';
  }
}

/** Throws InvalidArgumentError unless `value` is a safe integer (at least `min`). */
export function requireInteger(value: number, what: string, min = Number.MIN_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < min)
    throw new InvalidArgumentError(`${what} must be an integer${min > Number.MIN_SAFE_INTEGER ? ` of at least ${min}` : ''}, got ${value}`);
  return value;
}

/** Whether an error is worth retrying: a retriable Kafka error (network errors included). */
export function isRetriable(err: unknown): boolean {
  return err instanceof ProtocolKafkaError && err.retriable;
}
