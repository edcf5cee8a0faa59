/**
 * Time and timers, injectable so tests can drive retention, segment.ms and delete delays without
 * sleeping (DESIGN.md decision 9). `SystemTime` is the real clock; `MockTime` only moves when told.
 *
 * `runSoon` is not a timer: it runs work at the end of the current event-loop turn (group commit
 * gathers a turn's appends that way), so no clock, real or mock, has to move for it.
 */

export interface Time {
  /** Wall-clock milliseconds since the epoch. */
  milliseconds(): number;
}

export type Cancel = () => void;

export interface Scheduler {
  /** Runs `task` after `delayMs`, then every `periodMs` if given. Errors are the task's to handle. */
  schedule(name: string, task: () => void, delayMs: number, periodMs?: number): Cancel;
  /** Runs `task` once, after the I/O of the current event-loop turn (setImmediate). */
  runSoon(task: () => void): void;
}

export const SystemTime: Time = { milliseconds: () => Date.now() };

export const SystemScheduler: Scheduler = {
  schedule(_name, task, delayMs, periodMs) {
    let timer: NodeJS.Timeout;
    if (periodMs === undefined) {
      timer = setTimeout(task, delayMs);
    } else {
      timer = setTimeout(() => {
        timer = setInterval(task, periodMs);
        timer.unref();
        task();
      }, delayMs);
    }
    // Background work (retention checks, delayed deletes) must never keep the process alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
  runSoon(task) {
    // Not unref'd: it carries appends someone is waiting for.
    setImmediate(task);
  },
};

interface MockTask {
  name: string;
  task: () => void;
  due: number;
  periodMs: number | undefined;
  cancelled: boolean;
}

/**
 * A clock and scheduler that advance only through `sleep`; due tasks run in time order. `runSoon`
 * runs on the real event loop, as appends are real I/O that tests simply await.
 */
export class MockTime implements Time, Scheduler {
  private now: number;
  private tasks: MockTask[] = [];

  constructor(startMs = 1_700_000_000_000) {
    this.now = startMs;
  }

  milliseconds(): number {
    return this.now;
  }

  schedule(name: string, task: () => void, delayMs: number, periodMs?: number): Cancel {
    const t: MockTask = { name, task, due: this.now + delayMs, periodMs, cancelled: false };
    this.tasks.push(t);
    return () => {
      t.cancelled = true;
    };
  }

  runSoon(task: () => void): void {
    setImmediate(task);
  }

  /** Moves the clock forward, running every task that falls due on the way. */
  sleep(ms: number): void {
    const target = this.now + ms;
    for (;;) {
      this.tasks = this.tasks.filter((t) => !t.cancelled);
      const next = this.tasks.filter((t) => t.due <= target).sort((a, b) => a.due - b.due)[0];
      if (next === undefined) break;
      this.now = Math.max(this.now, next.due);
      if (next.periodMs === undefined) next.cancelled = true;
      else next.due += Math.max(1, next.periodMs);
      next.task();
    }
    this.now = target;
  }
}
