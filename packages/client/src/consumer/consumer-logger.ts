/**
 * Where the consumer reports what Kafka's consumer logs at INFO/WARN and the application may want
 * to see — a truncation detected after a leader change, an offset reset after OFFSET_OUT_OF_RANGE —
 * with Kafka's wording. Silent unless a logger is given (ConsumerOptions.logger; `console` works).
 */
export interface ConsumerLogger {
  info(message: string): void;
  warn(message: string): void;
}

export const SILENT_LOGGER: ConsumerLogger = { info: () => {}, warn: () => {} };
