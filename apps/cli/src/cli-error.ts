/**
 * Expected failures of a command (bad arguments, a missing file, a Kafka error from the broker) are
 * printed as one line, `Error: <Kafka error NAME>: message`, with a non-zero exit code and no stack
 * trace; only a bug (anything else) shows its stack, and only with TARN_DEBUG set.
 */
import { errorName } from '@tarn/protocol';

/** A failure of the command's own (usage, files): printed as `Error: message`, exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** @tarn/client's errors that carry no Kafka error code of their own (Kafka's IllegalStateException…). */
const CLIENT_ERRORS = new Set(['ProducerStateError', 'TransactionAbortableError', 'SerializationError']);

interface CodedError extends Error {
  code: number;
}

function isKafkaError(err: unknown): err is CodedError {
  return err instanceof Error && typeof (err as Partial<CodedError>).code === 'number';
}

/** The one line printed for `err`, and the exit code. */
export function describeError(err: unknown): { line: string; exitCode: number; expected: boolean } {
  if (err instanceof CliError) return { line: `Error: ${err.message}`, exitCode: err.exitCode, expected: true };
  if (isKafkaError(err)) {
    const name = errorName(err.code);
    // @tarn/client's messages already start with the name; @tarn/protocol's do not
    const message = err.message.startsWith(`${name}`) ? err.message : `${name}: ${err.message}`;
    return { line: `Error: ${message}`, exitCode: 1, expected: true };
  }
  if (err instanceof Error && err.name === 'ConfigError') return { line: `Error: ${err.message}`, exitCode: 1, expected: true };
  if (err instanceof Error && CLIENT_ERRORS.has(err.name)) {
    // the client's own typed failures: their name, and the Kafka error that caused them
    const cause = isKafkaError(err.cause) ? `: ${describeError(err.cause).line.slice('Error: '.length)}` : '';
    return { line: `Error: ${err.name}: ${err.message}${cause}`, exitCode: 1, expected: true };
  }
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && err instanceof Error) return { line: `Error: ${err.message}`, exitCode: 1, expected: true };
  return { line: `Error: ${err instanceof Error ? err.message : String(err)}`, exitCode: 1, expected: false };
}

/** `NAME: message` of an error, as in the `Error: …` line (for errors listed inside another message). */
export function errorText(err: unknown): string {
  return describeError(err).line.slice('Error: '.length);
}
