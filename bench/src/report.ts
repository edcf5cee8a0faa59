// Printing benchmark figures: one aligned table per benchmark, every ratio against a baseline
// measured in the same run.

export interface Row {
  name: string;
  [column: string]: string | number;
}

export function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (Math.abs(n) >= 1e4) return `${(n / 1e3).toFixed(1)} k`;
  if (Math.abs(n) < 10) return n.toFixed(Math.max(digits, 2));
  return n.toFixed(digits);
}

export function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (typeof v === 'number' ? fmt(v) : String(v ?? ''));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  console.log(columns.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows)
    console.log(
      columns.map((c, i) => (typeof r[c] === 'number' ? cell(r[c]).padStart(widths[i]!) : cell(r[c]).padEnd(widths[i]!))).join('  '),
    );
}

/** Best of `runs` timings of `fn` in milliseconds (the least disturbed run). */
export async function bestOf(runs: number, fn: () => Promise<void> | void): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}
