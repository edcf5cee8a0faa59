/**
 * Owns the log directories (`log.dirs`): opens every `<topic>-<partition>` directory at start-up,
 * creates and deletes partition logs, and runs the background tasks — retention checks, time-based
 * flushes, checkpoint writes, delayed deletes and (through LogCleaner) compaction.
 *
 * Per log dir, as Kafka keeps them: `recovery-point-offset-checkpoint`, `log-start-offset-checkpoint`,
 * `replication-offset-checkpoint` (high watermarks) and, after a clean shutdown,
 * `.kafka_cleanshutdown`, whose presence lets the next start skip recovery.
 *
 * Broker properties read here besides topic-config defaults: the background task intervals and
 * `producer.id.expiration.ms` (how long an idle idempotent producer's state is kept).
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import { MalformedCheckpointError, readOffsetCheckpoint, writeOffsetCheckpoint } from './checkpoint-file';
import { nodeFileSystem, writeFileAtomically, writeFileAtomicallyInBackground, type FileSystem } from './file-system';
import { buildLogConfig, type LogConfig } from './log-config';
import type { LogEvent, LogEventListener } from './log-events';
import { FileHandleCache } from './file-handle-cache';
import { LogCleaner, type CleanResult, type CleanerHooks } from './log-cleaner';
import type { LogContext } from './log-context';
import { PartitionLog } from './partition-log';
import { DEFAULT_PRODUCER_ID_EXPIRATION_CHECK_INTERVAL_MS, DEFAULT_PRODUCER_ID_EXPIRATION_MS } from './producer-state-manager';
import { SystemScheduler, SystemTime, type Cancel, type Scheduler, type Time } from './time';

export const RECOVERY_POINT_CHECKPOINT = 'recovery-point-offset-checkpoint';
export const LOG_START_OFFSET_CHECKPOINT = 'log-start-offset-checkpoint';
export const REPLICATION_OFFSET_CHECKPOINT = 'replication-offset-checkpoint';
export const CLEANER_OFFSET_CHECKPOINT = 'cleaner-offset-checkpoint';
export const CLEAN_SHUTDOWN_FILE = '.kafka_cleanshutdown';
const DELETE_DIR_SUFFIX = '-delete';
/** How long one event-loop turn may spend closing and renaming deleted logs (see deleteLog). */
const RETIRE_BUDGET_MS = 10;
const PARTITION_DIR = /^(.+)-(\d+)$/;

export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
}

export interface LogManagerOptions {
  logDirs: string[];
  /** Broker properties: supply topic-config defaults (log.segment.bytes …) and intervals. */
  brokerConfig?: Readonly<Record<string, string>>;
  /** A topic's own config overrides. */
  topicOverrides?: (topic: string) => Readonly<Record<string, string>>;
  fsys?: FileSystem;
  time?: Time;
  scheduler?: Scheduler;
  logger?: Logger;
}

const silentLogger: Logger = { info: () => {}, warn: () => {} };

function brokerLong(props: Readonly<Record<string, string>>, name: string, dflt: number): number {
  const v = props[name];
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new KafkaError(ErrorCode.INVALID_CONFIG, `Invalid value ${v} for configuration ${name}`);
  return n;
}

export class LogManager {
  readonly logDirs: string[];
  private readonly logs = new Map<string, PartitionLog>();
  private readonly listeners = new Set<LogEventListener>();
  private readonly ctx: LogContext;
  private readonly fsys: FileSystem;
  private readonly time: Time;
  private readonly scheduler: Scheduler;
  private readonly logger: Logger;
  private readonly brokerConfig: Readonly<Record<string, string>>;
  private readonly topicOverrides: (topic: string) => Readonly<Record<string, string>>;
  private readonly tasks: Cancel[] = [];
  private started = false;
  readonly cleaner: LogCleaner;
  readonly files: FileHandleCache;
  /** First dirty offset per compacted log ("topic-partition"), as in cleaner-offset-checkpoint. */
  private readonly cleanerCheckpoints = new Map<string, number>();
  /** Deleted logs whose files are still to be closed and renamed away (see deleteLog). */
  private readonly retiring = new Map<string, PartitionLog>();
  private retireScheduled = false;

  constructor(options: LogManagerOptions) {
    this.logDirs = options.logDirs;
    this.fsys = options.fsys ?? nodeFileSystem;
    this.time = options.time ?? SystemTime;
    this.scheduler = options.scheduler ?? SystemScheduler;
    this.logger = options.logger ?? silentLogger;
    this.brokerConfig = options.brokerConfig ?? {};
    this.topicOverrides = options.topicOverrides ?? (() => ({}));
    // tarn: a bound on open segment files, so tens of thousands of partitions fit the open-file limit
    this.files = new FileHandleCache(brokerLong(this.brokerConfig, 'log.open.files.max', 8192));
    this.ctx = {
      fsys: this.fsys,
      time: this.time,
      scheduler: this.scheduler,
      warn: (m, c) => this.logger.warn(m, c),
      emit: (e) => this.emit(e),
      files: this.files,
      producerIdExpirationMs: brokerLong(this.brokerConfig, 'producer.id.expiration.ms', DEFAULT_PRODUCER_ID_EXPIRATION_MS),
    };
    this.cleaner = new LogCleaner(this.fsys, this.time, undefined, this.files);
  }

  onEvent(listener: LogEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: LogEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.logger.warn('log event listener failed', { event: event.type, error: String(err) });
      }
    }
  }

  logConfigFor(topic: string, overrides?: Readonly<Record<string, string>>): LogConfig {
    return buildLogConfig(overrides ?? this.topicOverrides(topic), this.brokerConfig);
  }

  private static key(topic: string, partition: number): string {
    return `${topic}-${partition}`;
  }

  /** Opens every partition directory in every log dir, recovering what needs it. */
  startup(): void {
    for (const dir of this.logDirs) {
      this.fsys.mkdirSync(dir, { recursive: true });
      const cleanShutdownPath = join(dir, CLEAN_SHUTDOWN_FILE);
      const hadCleanShutdown = this.fsys.existsSync(cleanShutdownPath);
      const recoveryPoints = this.readCheckpoint(join(dir, RECOVERY_POINT_CHECKPOINT));
      const logStartOffsets = this.readCheckpoint(join(dir, LOG_START_OFFSET_CHECKPOINT));
      const highWatermarks = this.readCheckpoint(join(dir, REPLICATION_OFFSET_CHECKPOINT));
      for (const [key, offset] of this.readCheckpoint(join(dir, CLEANER_OFFSET_CHECKPOINT))) this.cleanerCheckpoints.set(key, offset);
      for (const name of this.fsys.readdirSync(dir).sort()) {
        const path = join(dir, name);
        if (!this.fsys.statSync(path).isDirectory()) continue;
        if (name.endsWith(DELETE_DIR_SUFFIX)) {
          this.fsys.rmSync(path, { recursive: true, force: true });
          continue;
        }
        const m = PARTITION_DIR.exec(name);
        if (m === null) continue;
        const [topic, partition] = [m[1]!, Number(m[2])];
        const key = LogManager.key(topic, partition);
        if (this.logs.has(key)) throw new KafkaError(ErrorCode.KAFKA_STORAGE_ERROR, `duplicate log directories for ${key}`);
        const log = PartitionLog.open(this.ctx, {
          dir: path,
          topic,
          partition,
          config: this.logConfigFor(topic),
          recoveryPoint: recoveryPoints.get(key) ?? 0,
          logStartOffset: logStartOffsets.get(key) ?? 0,
          hadCleanShutdown,
        });
        log.updateHighWatermark(highWatermarks.get(key) ?? log.logEndOffset);
        this.logs.set(key, log);
      }
      // From now on a crash is not a clean shutdown.
      if (hadCleanShutdown) this.fsys.unlinkSync(cleanShutdownPath);
    }
    this.logger.info('log manager started', { logDirs: this.logDirs, partitions: this.logs.size });
  }

  private readCheckpoint(path: string): Map<string, number> {
    try {
      return readOffsetCheckpoint(this.fsys, path);
    } catch (err) {
      if (!(err instanceof MalformedCheckpointError)) throw err;
      this.logger.warn('ignoring a malformed checkpoint file; affected logs are fully recovered', { path, error: err.message });
      return new Map();
    }
  }

  /** Starts the periodic tasks (retention, flush, checkpoints). */
  startBackgroundTasks(): void {
    if (this.started) return;
    this.started = true;
    const b = this.brokerConfig;
    const every = (name: string, ms: number, task: () => void): void => {
      if (!Number.isFinite(ms) || ms <= 0 || ms > 2 ** 31 - 1) return;
      this.tasks.push(this.scheduler.schedule(name, () => this.guard(name, task), ms, ms));
    };
    every('log-retention', brokerLong(b, 'log.retention.check.interval.ms', 300_000), () => this.cleanupLogs());
    every('log-flusher', brokerLong(b, 'log.flush.scheduler.interval.ms', Number.POSITIVE_INFINITY), () => this.flushDirtyLogs());
    every('recovery-point-checkpoint', brokerLong(b, 'log.flush.offset.checkpoint.interval.ms', 60_000), () =>
      this.checkpointRecoveryPoints(true),
    );
    if (b['log.cleaner.enable'] !== 'false') every('log-cleaner', brokerLong(b, 'log.cleaner.backoff.ms', 15_000), () => this.cleanLogs());
    every('log-start-offset-checkpoint', brokerLong(b, 'log.flush.start.offset.checkpoint.interval.ms', 60_000), () =>
      this.checkpointLogStartOffsets(true),
    );
    every(
      'producer-id-expiration',
      brokerLong(b, 'producer.id.expiration.check.interval.ms', DEFAULT_PRODUCER_ID_EXPIRATION_CHECK_INTERVAL_MS),
      () => this.removeExpiredProducers(),
    );
  }

  private guard(name: string, task: () => void): void {
    try {
      task();
    } catch (err) {
      this.logger.warn('background task failed', { task: name, error: String(err) });
    }
  }

  getLog(topic: string, partition: number): PartitionLog | undefined {
    return this.logs.get(LogManager.key(topic, partition));
  }

  allLogs(): PartitionLog[] {
    return [...this.logs.values()];
  }

  /** The log dir holding the fewest partitions gets the next one (Kafka's nextLogDirs). */
  private nextLogDir(): string {
    if (this.logDirs.length === 1) return this.logDirs[0]!;
    const counts = new Map(this.logDirs.map((d) => [d, 0]));
    for (const log of this.logs.values()) {
      const parent = log.dir.slice(0, log.dir.lastIndexOf('/'));
      counts.set(parent, (counts.get(parent) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => a[1] - b[1])[0]![0];
  }

  getOrCreateLog(topic: string, partition: number, overrides?: Readonly<Record<string, string>>): PartitionLog {
    const existing = this.getLog(topic, partition);
    if (existing !== undefined) return existing;
    // A topic deleted and at once created again: the old log's files must be out of the way first.
    const retiring = this.retiring.get(LogManager.key(topic, partition));
    if (retiring !== undefined) this.retire(retiring);
    const config = this.logConfigFor(topic, overrides);
    let log: PartitionLog;
    try {
      log = PartitionLog.open(this.ctx, { dir: PartitionLog.dirFor(this.nextLogDir(), topic, partition), topic, partition, config });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EMFILE' || code === 'ENFILE') {
        throw new KafkaError(
          ErrorCode.KAFKA_STORAGE_ERROR,
          `cannot open the log of ${topic}-${partition}: too many open files (${code}); every partition keeps its active segment open — raise the open-file limit (ulimit -n)`,
          { cause: err },
        );
      }
      if (code !== undefined)
        throw new KafkaError(ErrorCode.KAFKA_STORAGE_ERROR, `cannot create the log of ${topic}-${partition}: ${(err as Error).message}`, {
          cause: err,
        });
      throw err;
    }
    this.logs.set(LogManager.key(topic, partition), log);
    return log;
  }

  /** Applies changed topic configs to the open logs of that topic (they take effect live). */
  updateTopicConfig(topic: string, overrides: Readonly<Record<string, string>>): void {
    const config = this.logConfigFor(topic, overrides);
    for (const log of this.logs.values()) if (log.topic === topic) log.updateConfig(config);
  }

  /**
   * Kafka renames a deleted log's directory to `<dir>.<uuid>-delete` and removes it later. The log
   * leaves this manager at once; closing its files and renaming its directory — a few file
   * operations each, seconds for a topic of 10,000 partitions — happen in turns of a few
   * milliseconds, so that deleting a large topic never keeps other clients waiting.
   */
  deleteLog(topic: string, partition: number): void {
    const key = LogManager.key(topic, partition);
    const log = this.logs.get(key);
    if (log === undefined) return;
    this.logs.delete(key);
    this.cleanerCheckpoints.delete(key);
    this.retiring.set(key, log);
    this.scheduleRetire();
  }

  private scheduleRetire(): void {
    if (this.retireScheduled) return;
    this.retireScheduled = true;
    this.scheduler.schedule(
      'retire-deleted-logs',
      () => {
        this.retireScheduled = false;
        const until = performance.now() + RETIRE_BUDGET_MS;
        for (const log of this.retiring.values()) {
          if (performance.now() >= until) break;
          this.retire(log);
        }
        if (this.retiring.size > 0) this.scheduleRetire();
      },
      0,
    );
  }

  private retire(log: PartitionLog): void {
    const key = LogManager.key(log.topic, log.partition);
    this.retiring.delete(key);
    this.guard(`delete-log ${key}`, () => {
      log.closeFds();
      const doomed = `${log.dir}.${randomUUID().replaceAll('-', '')}${DELETE_DIR_SUFFIX}`;
      this.fsys.renameSync(log.dir, doomed);
      this.scheduler.schedule(
        `delete-log ${key}`,
        () => this.guard(`delete-log ${key}`, () => this.fsys.rmSync(doomed, { recursive: true, force: true })),
        log.config.fileDeleteDelayMs,
      );
    });
  }

  /** Retention: delete what retention.ms, retention.bytes and log start offsets allow. */
  cleanupLogs(): number {
    let deleted = 0;
    for (const log of this.logs.values()) {
      if (!log.isClosed) deleted += log.deleteOldSegments();
    }
    return deleted;
  }

  /**
   * One cleaner round: every compacted log whose dirty ratio reached min.cleanable.dirty.ratio (or
   * whose oldest dirty segment passed max.compaction.lag.ms) is cleaned.
   */
  cleanLogs(hooks?: CleanerHooks): CleanResult[] {
    const results: CleanResult[] = [];
    const now = this.time.milliseconds();
    for (const log of this.logs.values()) {
      if (log.isClosed || !log.config.cleanupPolicy.compact) continue;
      const key = LogManager.key(log.topic, log.partition);
      const firstDirty = Math.max(this.cleanerCheckpoints.get(key) ?? 0, log.logStartOffset);
      const firstDirtySegment = log.segments.find((s, i) => (log.segments[i + 1]?.baseOffset ?? log.logEndOffset) > firstDirty);
      const overdue =
        firstDirtySegment !== undefined &&
        firstDirtySegment.size > 0 &&
        now - firstDirtySegment.largestTimestamp > log.config.maxCompactionLagMs;
      if (!overdue && this.cleaner.dirtyRatio(log, firstDirty) < log.config.minCleanableDirtyRatio) continue;
      const result = this.cleaner.clean(log, firstDirty, hooks);
      if (result === null) continue;
      this.cleanerCheckpoints.set(key, result.endOffset);
      this.checkpointCleanerOffsets();
      this.emit({
        type: 'cleaned',
        topic: log.topic,
        partition: log.partition,
        segments: result.segmentsCleaned,
        bytesBefore: result.bytesBefore,
        bytesAfter: result.bytesAfter,
        recordsRemoved: result.recordsRemoved,
        firstDirtyOffset: result.firstDirtyOffset,
        endOffset: result.endOffset,
      });
      this.logger.info('cleaned log', { topic: log.topic, partition: log.partition, ...result });
      results.push(result);
    }
    return results;
  }

  checkpointCleanerOffsets(): void {
    this.writeCheckpoint(CLEANER_OFFSET_CHECKPOINT, (l) => this.cleanerCheckpoints.get(LogManager.key(l.topic, l.partition)), true, false);
  }

  /** Forgets idempotent producers idle longer than producer.id.expiration.ms, in every open log. */
  removeExpiredProducers(): number {
    let removed = 0;
    for (const log of this.logs.values()) if (!log.isClosed) removed += log.removeExpiredProducers();
    return removed;
  }

  flushDirtyLogs(): void {
    for (const log of this.logs.values()) if (!log.isClosed) log.maybeFlushByTime();
  }

  private logsByDir(): Map<string, PartitionLog[]> {
    const out = new Map<string, PartitionLog[]>(this.logDirs.map((d) => [d, []]));
    for (const log of this.logs.values()) {
      const parent = log.dir.slice(0, log.dir.lastIndexOf('/'));
      out.get(parent)?.push(log);
    }
    return out;
  }

  private writeCheckpoint(file: string, value: (log: PartitionLog) => number | undefined, skipMissing: boolean, background: boolean): void {
    for (const [dir, logs] of this.logsByDir()) {
      const entries = logs
        .map((l) => ({ topic: l.topic, partition: l.partition, offset: value(l) }))
        .filter((e): e is { topic: string; partition: number; offset: number } => e.offset !== undefined || !skipMissing);
      writeOffsetCheckpoint(this.fsys, join(dir, file), entries, background ? this.writeInBackground : writeFileAtomically);
    }
  }

  /** Periodic checkpoints go to disk in the background; the shutdown's final ones are written at once. */
  checkpointRecoveryPoints(background = false): void {
    this.writeCheckpoint(RECOVERY_POINT_CHECKPOINT, (l) => l.recoveryPoint, false, background);
  }

  checkpointLogStartOffsets(background = false): void {
    this.writeCheckpoint(LOG_START_OFFSET_CHECKPOINT, (l) => l.logStartOffset, false, background);
  }

  checkpointHighWatermarks(background = false): void {
    this.writeCheckpoint(REPLICATION_OFFSET_CHECKPOINT, (l) => l.highWatermark, false, background);
  }

  private readonly writeInBackground = (fsys: FileSystem, path: string, data: string): void =>
    writeFileAtomicallyInBackground(fsys, path, data, (err) => {
      if (err !== null) this.logger.warn('could not write a checkpoint', { path, error: String(err) });
    });

  /** Clean shutdown: flush and close every log, write the checkpoints and the clean-shutdown marker. */
  async shutdown(): Promise<void> {
    for (const cancel of this.tasks.splice(0)) cancel();
    for (const log of this.retiring.values()) this.retire(log);
    for (const log of this.logs.values()) {
      try {
        await log.close();
      } catch (err) {
        this.logger.warn('error closing log', { topic: log.topic, partition: log.partition, error: String(err) });
      }
    }
    this.checkpointRecoveryPoints();
    this.checkpointLogStartOffsets();
    this.checkpointHighWatermarks();
    for (const dir of this.logDirs) writeFileAtomically(this.fsys, join(dir, CLEAN_SHUTDOWN_FILE), '');
    this.logger.info('log manager shut down cleanly', { partitions: this.logs.size });
  }
}
