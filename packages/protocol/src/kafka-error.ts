// Domain code throws KafkaError; only the request dispatcher turns it into an error code on the wire
// (DESIGN.md decision 6).
import { ERRORS, ErrorCode, type ErrorCodeName } from './generated/error-codes';

export class KafkaError extends Error {
  readonly code: number;

  constructor(code: number, message?: string, options?: { cause?: unknown }) {
    super(message ?? ERRORS.get(code)?.message ?? `Kafka error ${code}`, options);
    this.name = `KafkaError(${errorName(code)})`;
    this.code = code;
  }

  get retriable(): boolean {
    return ERRORS.get(this.code)?.retriable ?? false;
  }
}

export function errorName(code: number): ErrorCodeName | `UNKNOWN(${number})` {
  return ERRORS.get(code)?.name ?? `UNKNOWN(${code})`;
}

/** The Kafka error code of any thrown value: KafkaError keeps its own, anything else is UNKNOWN_SERVER_ERROR. */
export function errorCodeOf(err: unknown): number {
  return err instanceof KafkaError ? err.code : ErrorCode.UNKNOWN_SERVER_ERROR;
}
