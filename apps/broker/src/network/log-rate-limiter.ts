/**
 * Keeps a flood of one kind of log line (connections closed for bad input, say) from filling the
 * disk: at most `perWindow` lines every `windowMs`; the lines dropped are counted and reported in one
 * line when the next window opens.
 */
import type { Logger } from '../logger';

export class LogRateLimiter {
  private windowStart = 0;
  private logged = 0;
  private suppressed = 0;

  constructor(
    private readonly perWindow = 20,
    private readonly windowMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  log(logger: Logger, fields: Record<string, unknown>, message: string): void {
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      if (this.suppressed > 0) {
        logger.warn({ suppressed: this.suppressed, windowMs: this.windowMs }, `${this.suppressed} more '${message}' lines were not logged`);
      }
      this.windowStart = now;
      this.logged = 0;
      this.suppressed = 0;
    }
    if (this.logged < this.perWindow) {
      this.logged++;
      logger.info(fields, message);
    } else {
      this.suppressed++;
    }
  }
}
