/**
 * Where commands print: plain aligned columns and colours for a person at a terminal, the same
 * columns without colour when piped (as Kafka's scripts print them), or `--output json` for scripts.
 * Lines are buffered and written in large chunks so a big dump is not one write per line.
 */
import pc from 'picocolors';

export type OutputFormat = 'text' | 'json';

export class Output {
  private pending: string[] = [];
  private pendingBytes = 0;
  readonly color: boolean;

  constructor(
    readonly format: OutputFormat,
    private readonly stream: NodeJS.WriteStream = process.stdout,
  ) {
    this.color = format === 'text' && stream.isTTY === true && process.env.NO_COLOR === undefined;
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
    return this.color ? pc.bold(s) : s;
  }
  dim(s: string): string {
    return this.color ? pc.dim(s) : s;
  }
  red(s: string): string {
    return this.color ? pc.red(s) : s;
  }
  green(s: string): string {
    return this.color ? pc.green(s) : s;
  }
  yellow(s: string): string {
    return this.color ? pc.yellow(s) : s;
  }

  /**
   * Columns padded to their widest cell, separated by spaces, headers first (Kafka's scripts print
   * `GROUP TOPIC PARTITION …` this way). `-` stands for a missing value, as in kafka-consumer-groups.sh.
   */
  table(headers: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): void {
    const cells = rows.map((r) => headers.map((_, i) => (r[i] === null || r[i] === undefined ? '-' : String(r[i]))));
    const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
    const pad = (row: readonly string[]): string =>
      row
        .map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!)))
        .join(' ')
        .trimEnd();
    this.line(this.bold(pad(headers)));
    for (const r of cells) this.line(pad(r));
  }
}
