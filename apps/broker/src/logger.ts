/**
 * Structured logs: one JSON line per event with its context (pino), on stdout. `log.level` sets the
 * threshold (trace, debug, info, warn, error, silent).
 */
import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

export function createLogger(level: string, nodeId: number): Logger {
  return pino({ level, base: { node: nodeId }, timestamp: pino.stdTimeFunctions.isoTime });
}
