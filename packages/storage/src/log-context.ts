/**
 * What a partition log is given by whoever opens it (the log manager, a test, a benchmark): the
 * filesystem, the clock and scheduler, and where its warnings and events go.
 */
import type { FileHandleCache } from './file-handle-cache';
import type { FileSystem } from './file-system';
import type { LogEventListener } from './log-events';
import type { Scheduler, Time } from './time';

export interface LogContext {
  fsys: FileSystem;
  time: Time;
  scheduler: Scheduler;
  warn: (message: string, context?: Record<string, unknown>) => void;
  emit: LogEventListener;
  /** Broker-wide `producer.id.expiration.ms` (Kafka's default when absent). */
  producerIdExpirationMs?: number;
  /** Forces where appends are written (tests): true inline (up to its size limit), false on the thread pool; default inline-writes.ts decides. */
  inlineWrites?: boolean;
  /** Shared bound on open `.log` descriptors (see file-handle-cache.ts). */
  files?: FileHandleCache;
}
