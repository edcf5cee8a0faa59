/**
 * Formatters for what the console shows: bytes (binary units, as Kafka's configs are), counts,
 * rates, durations, timestamps. Pure functions, deterministic for a given locale-free input, so
 * server and client render the same text (no hydration mismatches): numbers use a fixed `en-US`
 * grouping and times are shown in UTC unless a time zone is passed.
 */

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;
const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1536 → "1.5 KiB"; below 1 KiB the exact count; null/negative → "—". */
export function formatBytes(bytes: number | null | undefined, fractionDigits = 1): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let unit = 0;
  let v = bytes;
  while (v >= 1024 && unit < BYTE_UNITS.length - 1) {
    v /= 1024;
    unit++;
  }
  const digits = v >= 100 ? 0 : fractionDigits;
  return `${v.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/** Integer with thousands separators: 1234567 → "1,234,567". */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return grouping.format(n);
}

/** Short form for chart axes and dense places: 1234 → "1.2k", 2_500_000 → "2.5M". */
export function formatCompact(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  const units: Array<[number, string]> = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, suffix] of units) {
    if (abs >= size) {
      const v = n / size;
      return `${Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1).replace(/\.0$/, '')}${suffix}`;
    }
  }
  return abs < 10 && !Number.isInteger(n) ? n.toFixed(1) : String(Math.round(n));
}

/** Records per second: "1.2k rec/s". */
export function formatRecordRate(perSecond: number): string {
  return `${formatCompact(perSecond)} rec/s`;
}

/** Bytes per second: "1.5 MiB/s". */
export function formatByteRate(perSecond: number): string {
  return `${formatBytes(perSecond)}/s`;
}

/** A share as a percentage: 0.1234 → "12.3%". */
export function formatPercent(fraction: number, fractionDigits = 1): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(fractionDigits)}%`;
}

/** A duration in the two largest units: 93_784_000 → "1d 2h", 61_000 → "1m 1s", 450 → "450 ms". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const parts: Array<[number, string]> = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'm'],
    [1000, 's'],
  ];
  const out: string[] = [];
  let rest = Math.floor(ms);
  for (const [size, suffix] of parts) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || out.length > 0) out.push(`${n}${suffix}`);
    if (out.length === 2) break;
  }
  return out.filter((p) => !p.startsWith('0')).join(' ') || '0s';
}

/**
 * A Kafka config value in milliseconds, readable: "604800000" → "7d", Long.MAX → "never".
 * Returns null when the value is not a plain duration worth annotating.
 */
export function describeMillis(value: string): string | null {
  if (value === '9223372036854775807') return 'never';
  if (value === '-1') return 'unlimited';
  if (!/^\d+$/.test(value)) return null;
  const n = Number(value);
  if (n < 1000) return null;
  return formatDuration(n);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * Epoch milliseconds as "2024-05-01 12:34:56.789" (UTC by default; pass `local: true` for the
 * viewer's zone once on the client). Kafka's "no timestamp" (-1) and null → "—".
 */
export function formatTimestamp(ms: number | null | undefined, options: { local?: boolean; millis?: boolean } = {}): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  const d = new Date(ms);
  const local = options.local === true;
  const y = local ? d.getFullYear() : d.getUTCFullYear();
  const mo = (local ? d.getMonth() : d.getUTCMonth()) + 1;
  const da = local ? d.getDate() : d.getUTCDate();
  const h = local ? d.getHours() : d.getUTCHours();
  const mi = local ? d.getMinutes() : d.getUTCMinutes();
  const s = local ? d.getSeconds() : d.getUTCSeconds();
  const msPart = options.millis === false ? '' : `.${pad(local ? d.getMilliseconds() : d.getUTCMilliseconds(), 3)}`;
  return `${y}-${pad(mo)}-${pad(da)} ${pad(h)}:${pad(mi)}:${pad(s)}${msPart}${local ? '' : ' UTC'}`;
}

/** Clock time for chart axes: "12:34:56" (UTC unless local). */
export function formatClock(ms: number, local = false): string {
  const d = new Date(ms);
  return local
    ? `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
    : `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** "3s ago", "5m ago", "2h ago", "in 4s" relative to `now`. */
export function formatRelative(ms: number, now: number): string {
  const diff = now - ms;
  const abs = Math.abs(diff);
  let text: string;
  if (abs < 1000) return 'just now';
  if (abs < 60_000) text = `${Math.floor(abs / 1000)}s`;
  else if (abs < 3_600_000) text = `${Math.floor(abs / 60_000)}m`;
  else if (abs < 86_400_000) text = `${Math.floor(abs / 3_600_000)}h`;
  else text = `${Math.floor(abs / 86_400_000)}d`;
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

/** Index entries per MiB of segment data; null for an empty segment. */
export function indexDensity(indexEntries: number, sizeBytes: number): number | null {
  if (sizeBytes <= 0) return null;
  return indexEntries / (sizeBytes / (1024 * 1024));
}

/** Sorted partition numbers as ranges: [0, 1, 2, 5, 7, 8] → "0–2, 5, 7–8". */
export function formatPartitionRanges(partitions: readonly number[]): string {
  const sorted = [...new Set(partitions)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/** Partitions by topic, as consumer assignments read: { orders: [0, 1, 2] } → "orders[0–2]". */
export function formatAssignment(byTopic: Readonly<Record<string, readonly number[]>>): string {
  const topics = Object.keys(byTopic)
    .filter((t) => (byTopic[t]?.length ?? 0) > 0)
    .sort();
  return topics.length === 0 ? '—' : topics.map((t) => `${t}[${formatPartitionRanges(byTopic[t]!)}]`).join(', ');
}
