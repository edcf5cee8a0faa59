/**
 * Leader epoch → start offset (Kafka's LeaderEpochFileCache, KIP-101), persisted to the partition's
 * `leader-epoch-checkpoint` on every change. Followers ask "where does epoch E end?" to find the
 * point where their log diverges from the leader's and truncate there.
 */
import { join } from 'node:path';
import { readLeaderEpochCheckpoint, writeLeaderEpochCheckpoint, type EpochEntry } from './checkpoint-file';
import type { FileSystem } from './file-system';

export const LEADER_EPOCH_CHECKPOINT_FILENAME = 'leader-epoch-checkpoint';
export const UNDEFINED_EPOCH = -1;
export const UNDEFINED_EPOCH_OFFSET = -1;

export class LeaderEpochCache {
  private epochs: EpochEntry[];
  private readonly path: string;

  constructor(
    private readonly fsys: FileSystem,
    dir: string,
  ) {
    this.path = join(dir, LEADER_EPOCH_CHECKPOINT_FILENAME);
    this.epochs = readLeaderEpochCheckpoint(fsys, this.path);
  }

  get entries(): readonly EpochEntry[] {
    return this.epochs;
  }

  get latestEpoch(): number {
    return this.epochs.at(-1)?.epoch ?? UNDEFINED_EPOCH;
  }

  /** The epoch in force at `offset` (the entry with the greatest start offset <= offset). */
  epochForOffset(offset: number): number {
    let epoch = UNDEFINED_EPOCH;
    for (const e of this.epochs) if (e.startOffset <= offset) epoch = e.epoch;
    return epoch;
  }

  /**
   * Records that `epoch` starts at `startOffset`. Entries it contradicts (a later or equal epoch,
   * or a start at or after this one) go, as in Kafka.
   */
  assign(epoch: number, startOffset: number): void {
    if (epoch < 0) return;
    const last = this.epochs.at(-1);
    if (last !== undefined && last.epoch === epoch && last.startOffset <= startOffset) return;
    const kept = this.epochs.filter((e) => e.epoch < epoch && e.startOffset < startOffset);
    this.epochs = [...kept, { epoch, startOffset }];
    this.flush();
  }

  /**
   * OffsetForLeaderEpoch: the largest epoch <= `requestedEpoch` and the offset where it ends (the
   * start of the next epoch, or the log end offset for the latest epoch).
   */
  endOffsetFor(requestedEpoch: number, logEndOffset: number): { epoch: number; endOffset: number } {
    if (requestedEpoch === UNDEFINED_EPOCH) return { epoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET };
    if (requestedEpoch === this.latestEpoch) return { epoch: requestedEpoch, endOffset: logEndOffset };
    const higher = this.epochs.find((e) => e.epoch > requestedEpoch);
    if (higher === undefined) return { epoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET };
    const floor = this.epochs.filter((e) => e.epoch <= requestedEpoch).at(-1);
    return { epoch: floor?.epoch ?? requestedEpoch, endOffset: higher.startOffset };
  }

  /** Drops epochs starting at or after `endOffset` (the log was truncated there). */
  truncateFromEnd(endOffset: number): void {
    const kept = this.epochs.filter((e) => e.startOffset < endOffset);
    if (kept.length === this.epochs.length) return;
    this.epochs = kept;
    this.flush();
  }

  /** The log now starts at `startOffset`: earlier epochs go, the one in force moves up to it. */
  truncateFromStart(startOffset: number): void {
    const before = this.epochs.filter((e) => e.startOffset <= startOffset);
    if (before.length === 0 || (before.length === 1 && before[0]!.startOffset === startOffset)) return;
    const current = before.at(-1)!;
    this.epochs = [{ epoch: current.epoch, startOffset }, ...this.epochs.filter((e) => e.startOffset > startOffset)];
    this.flush();
  }

  clear(): void {
    this.epochs = [];
    this.flush();
  }

  private flush(): void {
    writeLeaderEpochCheckpoint(this.fsys, this.path, this.epochs);
  }
}
