/**
 * Where commands print: plain aligned columns and colours for a person at a terminal, the same
 * columns without colour when piped (as Kafka's scripts print them), or `--output json` for scripts.
 * Lines are buffered and written in large chunks so a big dump is not one write per line.
 */
import pc from 'picocolors';

export type OutputFormat = 'text' | 'json';

// eslint-disable-next-line no-control-regex -- matching terminal colour codes is the point
const ANSI = /\x1b\[[0-9;]*m/g;

export class Output {
  private pending: string[] = [];
  private pendingBytes = 0;
  readonly color: boolean;
  private readonly paint: ReturnType<typeof pc.createColors>;

  constructor(
    readonly format: OutputFormat,
    private readonly stream: NodeJS.WriteStream = process.stdout,
  ) {
    this.color = format === 'text' && stream.isTTY === true && process.env.NO_COLOR === undefined;
    this.paint = pc.createColors(this.color);
  }

  get json(): boolean {
    return this.format === 'json';
  }

  line(text: string): void {
    this.pending.push(text);
    this.pendingBytes += text.length + 1;
    if (this.pendingBytes >= 1 << 16) this.flush();
  }

  /** One JSON value on one line. */
  jsonLine(value: unknown): void {
    this.line(JSON.stringify(value));
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.stream.write(`${this.pending.join('\n')}\n`);
    this.pending = [];
    this.pendingBytes = 0;
  }

  bold(s: string): string {
    return this.paint.bold(s);
  }
  dim(s: string): string {
    return this.paint.dim(s);
  }
  red(s: string): string {
    return this.paint.red(s);
  }
  green(s: string): string {
    return this.paint.green(s);
  }
  yellow(s: string): string {
    return this.paint.yellow(s);
  }

  /**
   * Columns padded to their widest cell, separated by spaces, headers first (Kafka's scripts print
   * `GROUP TOPIC PARTITION …` this way). `-` stands for a missing value, as in kafka-consumer-groups.sh.
   */
  table(headers: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): void {
    const cells = rows.map((r) => headers.map((_, i) => (r[i] === null || r[i] === undefined ? '-' : String(r[i]))));
    // widths count what shows: colour codes take no column
    const visible = (c: string): number => c.replace(ANSI, '').length;
    const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => visible(r[i]!))));
    const pad = (row: readonly string[]): string =>
      row
        .map((c, i) => (i === row.length - 1 ? c : c + ' '.repeat(widths[i]! - visible(c))))
        .join(' ')
        .trimEnd();
    this.line(this.bold(pad(headers)));
    for (const r of cells) this.line(pad(r));
  }
}
