/**
 * The producer's own failures, as Kafka's client exceptions: fencing and a failed transaction are
 * typed so an application can tell "close this producer" from "abort and go on".
 */
import { ErrorCode, KafkaError } from '../errors';

/**
 * Another producer with the same transactional.id (a newer epoch) took over, or the broker fenced this
 * epoch: fatal, as Kafka's ProducerFencedException — the only way on is to close this producer.
 */
export class ProducerFencedError extends KafkaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.PRODUCER_FENCED, message, options);
    this.name = 'ProducerFencedError';
  }
}

/** An operation the producer's state does not allow (Kafka's IllegalStateException), e.g. a send before initTransactions(). */
export class ProducerStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProducerStateError';
  }
}

/** A send failed inside a transaction, which must now be aborted (Kafka's abortable errors); `cause` says why. */
export class TransactionAbortableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransactionAbortableError';
  }
}
