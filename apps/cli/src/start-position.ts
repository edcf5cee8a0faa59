/**
 * Where `tarn consume` starts: `--from-beginning`, `--offset earliest|latest|N`, `--from-timestamp`
 * (epoch ms or an ISO date) or `--from-duration 10m` (that long ago). Durations take Kafka-tool style
 * units (ms, s, m, h, d), or ISO-8601 (PT10M) as kafka-consumer-groups.sh --by-duration does.
 */
import { parseIsoDuration } from '@tarn/client';
import { CliError } from './cli-error';

export type StartPosition =
  | { type: 'default' }
  | { type: 'earliest' }
  | { type: 'latest' }
  | { type: 'offset'; offset: number }
  | { type: 'timestamp'; timestamp: number };

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(value: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value.trim());
  if (m !== null) return Math.round(Number(m[1]) * UNITS[m[2]!]!);
  try {
    return parseIsoDuration(value);
  } catch {
    throw new CliError(`--from-duration expects a duration like 10m, 90s, 2h, 1d or PT10M, got '${value}'`);
  }
}

export function parseTimestamp(value: string): number {
  if (/^\d+$/.test(value.trim())) return Number(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new CliError(`--from-timestamp expects epoch milliseconds or an ISO date, got '${value}'`);
  return ms;
}

export interface StartFlags {
  fromBeginning?: boolean;
  offset?: string;
  fromTimestamp?: string;
  fromDuration?: string;
}

export function startPosition(flags: StartFlags, now = Date.now()): StartPosition {
  const given = [flags.fromBeginning, flags.offset, flags.fromTimestamp, flags.fromDuration].filter((x) => x !== undefined && x !== false);
  if (given.length > 1) throw new CliError('give only one of --from-beginning, --offset, --from-timestamp, --from-duration');
  if (flags.fromBeginning) return { type: 'earliest' };
  if (flags.fromTimestamp !== undefined) return { type: 'timestamp', timestamp: parseTimestamp(flags.fromTimestamp) };
  if (flags.fromDuration !== undefined) return { type: 'timestamp', timestamp: now - parseDuration(flags.fromDuration) };
  if (flags.offset !== undefined) {
    const o = flags.offset.trim().toLowerCase();
    if (o === 'earliest') return { type: 'earliest' };
    if (o === 'latest') return { type: 'latest' };
    if (!/^\d+$/.test(o)) throw new CliError(`--offset expects earliest, latest or a non-negative offset, got '${flags.offset}'`);
    return { type: 'offset', offset: Number(o) };
  }
  return { type: 'default' };
}
