/**
 * Consumer status from a sliding window of commits, in the spirit of Burrow's evaluator. Each
 * partition keeps its last few commits as (offset, lag at commit time, commit time); with the lag
 * now it is:
 *
 *   OK      lag is 0 now, or anywhere in the window (the consumer caught up recently), or none of below
 *   STOP    lag > 0 and the last commit is older than the window's whole span: commits stopped
 *   REWIND  lag > 0 and the committed offset went backwards inside the window (e.g. a reset)
 *   STALL   lag > 0, commits keep coming but the offset does not move
 *   WARN    lag > 0 and it never decreased across the window while growing overall
 *
 * `complete` tells whether the window is full; a partial window still evaluates (with ≥ 2 commits
 * for the trend rules), so a fresh consumer is not reported as silent.
 */
export type LagStatus = 'OK' | 'WARN' | 'STALL' | 'STOP' | 'REWIND';

export interface LagSample {
  offset: number;
  lag: number;
  timeMs: number;
}

export interface LagEvaluation {
  status: LagStatus;
  complete: boolean;
}

export const DEFAULT_LAG_WINDOW = 10;

export class LagEvaluator {
  constructor(readonly windowSize = DEFAULT_LAG_WINDOW) {}

  /** Appends to a bounded window (oldest dropped). */
  push(window: LagSample[], sample: LagSample): void {
    window.push(sample);
    if (window.length > this.windowSize) window.splice(0, window.length - this.windowSize);
  }

  evaluate(window: readonly LagSample[], currentLag: number, nowMs: number): LagEvaluation {
    const complete = window.length >= this.windowSize;
    if (currentLag <= 0 || window.length === 0 || window.some((s) => s.lag === 0)) return { status: 'OK', complete };
    const first = window[0]!;
    const last = window[window.length - 1]!;
    if (window.length >= 2 && nowMs - last.timeMs > last.timeMs - first.timeMs) return { status: 'STOP', complete };
    if (window.length < 2) return { status: 'OK', complete };
    for (let i = 1; i < window.length; i++) if (window[i]!.offset < window[i - 1]!.offset) return { status: 'REWIND', complete };
    if (window.every((s) => s.offset === first.offset)) return { status: 'STALL', complete };
    let decreased = false;
    for (let i = 1; i < window.length; i++) if (window[i]!.lag < window[i - 1]!.lag) decreased = true;
    if (!decreased && currentLag > first.lag) return { status: 'WARN', complete };
    return { status: 'OK', complete };
  }

  /** The worst of several statuses (a group's status is its worst partition's). */
  static worst(statuses: Iterable<LagStatus>): LagStatus {
    const rank: Record<LagStatus, number> = { OK: 0, WARN: 1, REWIND: 2, STALL: 3, STOP: 4 };
    let out: LagStatus = 'OK';
    for (const s of statuses) if (rank[s] > rank[out]) out = s;
    return out;
  }
}
