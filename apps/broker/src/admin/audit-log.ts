/**
 * Every change made through the admin API (create/delete topic, config edits, produce, offset
 * resets), one JSON line each in `tarn-audit.log` in the first log dir: who, what, on what, outcome.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AuditEntry {
  time: string;
  user: string;
  action: string;
  target: string;
  details?: unknown;
  result: 'ok' | 'error';
  error?: string;
}

export class AuditLog {
  private readonly path: string;
  private recent: AuditEntry[] = [];

  constructor(dir: string) {
    this.path = join(dir, 'tarn-audit.log');
    if (existsSync(this.path)) {
      this.recent = readFileSync(this.path, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .slice(-500)
        .map((l) => JSON.parse(l) as AuditEntry);
    }
  }

  record(entry: Omit<AuditEntry, 'time'>): void {
    const full = { time: new Date().toISOString(), ...entry };
    appendFileSync(this.path, JSON.stringify(full) + '\n');
    this.recent.push(full);
    if (this.recent.length > 500) this.recent.shift();
  }

  /** Newest first. */
  list(limit: number): AuditEntry[] {
    return this.recent.slice(-limit).reverse();
  }
}
