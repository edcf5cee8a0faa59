/**
 * Typed events a partition log emits. The broker forwards them to its event bus, where the console
 * picks them up (segments rolling and going away, cleaning, truncation, recovery).
 */

export type SegmentDeleteReason = 'retention.ms' | 'retention.bytes' | 'log-start-offset' | 'compaction' | 'truncation' | 'log-deleted';

export type LogEvent =
  | { type: 'segment-rolled'; topic: string; partition: number; baseOffset: number; previousBaseOffset: number; previousSize: number }
  | { type: 'segment-marked-deleted'; topic: string; partition: number; baseOffset: number; size: number; reason: SegmentDeleteReason }
  | { type: 'segment-deleted'; topic: string; partition: number; baseOffset: number }
  | { type: 'log-start-offset-changed'; topic: string; partition: number; logStartOffset: number }
  | {
      type: 'cleaned';
      topic: string;
      partition: number;
      segments: number;
      bytesBefore: number;
      bytesAfter: number;
      recordsRemoved: number;
      firstDirtyOffset: number;
      endOffset: number;
    }
  | { type: 'truncated'; topic: string; partition: number; fromOffset: number; toOffset: number }
  | {
      type: 'recovered';
      topic: string;
      partition: number;
      segmentsRecovered: number;
      scannedBytes: number;
      truncatedBytes: number;
      durationMs: number;
      logEndOffset: number;
    }
  | { type: 'appended'; topic: string; partition: number; firstOffset: number; lastOffset: number; records: number; bytes: number };

export type LogEventListener = (event: LogEvent) => void;

/** An event as a log raises it; the topic and partition are added on the way out. */
export type LogEventBody = DistributiveOmit<LogEvent, 'topic' | 'partition'>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
