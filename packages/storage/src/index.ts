/**
 * What the rest of the repository uses of the storage package: the log manager and partition logs,
 * their events, reading records and describing segments, topic configuration, and the injectable
 * clock, scheduler and filesystem. Everything else (segments, indexes, loading, cleaning, producer
 * state) is imported by path inside this package only.
 */
export { LogManager, type LogManagerOptions, type Logger } from './log-manager';
export { PartitionLog, type AppendOptions, type OpenLogArgs } from './partition-log';
export type { LogContext } from './log-context';
export type { LogAppendInfo } from './append-queue';
export type { FetchDataInfo } from './local-log';
export type { FileSlice } from './log-segment';
export type { AppendOrigin } from './log-validator';
export type { ActiveProducer, OngoingTransaction } from './producer-state-manager';
export type { AbortedTxn } from './transaction-index';
export { buildEndTxnMarkerBatch, type ControlRecordType, type EndTxnMarkerBatchArgs } from './end-transaction-marker';
export type { TimestampLookup } from './timestamp-lookup';
export type { LogEvent, LogEventListener, SegmentDeleteReason } from './log-events';

export { readLogRecords, type LogRecord, type ReadRecordsOptions } from './record-reader';
// read by `tarn dump-log` (apps/cli) to print a producer snapshot as kafka-dump-log.sh does
export { decodeProducerSnapshot, CorruptSnapshotError, type ProducerSnapshotEntry } from './producer-snapshot-file';
export { describeSegments, type SegmentInfo, type SegmentStatus } from './segment-info';

export {
  TOPIC_CONFIGS,
  TOPIC_CONFIG_BY_NAME,
  brokerDefaultFor,
  buildLogConfig,
  resolveTopicConfigs,
  validateTopicConfig,
  type ConfigSource,
  type ConfigType,
  type LogConfig,
  type ResolvedConfig,
  type TopicConfigDef,
} from './log-config';

export { MockTime, SystemScheduler, SystemTime, type Cancel, type Scheduler, type Time } from './time';
export { nodeFileSystem, writeFileAtomically, type FileSystem } from './file-system';
