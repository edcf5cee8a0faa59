// Version ranges as the schema language writes them ("0+", "3-5", "7", "none"), after Kafka's
// org.apache.kafka.message.Versions, plus the version tests the emitters print into generated code.

/** Short.MAX_VALUE: the upper end of an open range such as "9+". */
export const MAX_VERSION = 0x7fff;

export class Versions {
  static readonly NONE = new Versions(1, 0);
  static readonly ALL = new Versions(0, MAX_VERSION);

  private constructor(
    readonly lo: number,
    readonly hi: number,
  ) {}

  static of(lo: number, hi: number): Versions {
    return lo > hi ? Versions.NONE : new Versions(lo, hi);
  }

  /** Parses a schema version string; `fallback` is returned when the string is absent. */
  static parse(text: string | undefined, fallback: Versions): Versions {
    if (text === undefined) return fallback;
    const s = text.trim();
    if (s === 'none') return Versions.NONE;
    let m = /^(\d+)\+$/.exec(s);
    if (m) return Versions.of(Number(m[1]), MAX_VERSION);
    m = /^(\d+)-(\d+)$/.exec(s);
    if (m) return Versions.of(Number(m[1]), Number(m[2]));
    m = /^(\d+)$/.exec(s);
    if (m) return Versions.of(Number(m[1]), Number(m[1]));
    throw new Error(`invalid version range ${JSON.stringify(text)}`);
  }

  get empty(): boolean {
    return this.lo > this.hi;
  }

  contains(v: number): boolean {
    return v >= this.lo && v <= this.hi;
  }

  /** Whether every version of `other` is in this range. */
  covers(other: Versions): boolean {
    return other.empty || (!this.empty && this.lo <= other.lo && other.hi <= this.hi);
  }

  intersect(other: Versions): Versions {
    return Versions.of(Math.max(this.lo, other.lo), Math.min(this.hi, other.hi));
  }

  /** This range minus `other`; the result must be contiguous (it is for every schema). */
  subtract(other: Versions): Versions {
    if (this.empty || other.empty || other.hi < this.lo || other.lo > this.hi) return this;
    if (other.lo <= this.lo) return Versions.of(other.hi + 1, this.hi);
    if (other.hi >= this.hi) return Versions.of(this.lo, other.lo - 1);
    throw new Error(`subtracting ${other} from ${this} leaves a hole`);
  }

  equals(other: Versions): boolean {
    return (this.empty && other.empty) || (this.lo === other.lo && this.hi === other.hi);
  }

  toString(): string {
    if (this.empty) return 'none';
    if (this.hi === MAX_VERSION) return `${this.lo}+`;
    return this.lo === this.hi ? `${this.lo}` : `${this.lo}-${this.hi}`;
  }
}

/**
 * A version test as printed into generated code: `true` / `false` when the answer is the same for
 * every version in `within`, else a TypeScript condition on `v` (e.g. `v >= 3`).
 */
export type VersionTest = boolean | string;

export function versionTest(range: Versions, within: Versions, v = 'v'): VersionTest {
  if (within.empty || range.covers(within)) return true;
  const both = range.intersect(within);
  if (both.empty) return false;
  const parts: string[] = [];
  if (both.lo > within.lo) parts.push(both.lo === both.hi ? `${v} === ${both.lo}` : `${v} >= ${both.lo}`);
  if (both.hi < within.hi && both.lo !== both.hi) parts.push(`${v} <= ${both.hi}`);
  if (both.lo === both.hi && parts.length === 0) parts.push(`${v} === ${both.lo}`);
  return parts.join(' && ');
}

/** The test for "not in `range`", within `within`. */
export function versionTestNot(range: Versions, within: Versions, v = 'v'): VersionTest {
  const t = versionTest(range, within, v);
  if (typeof t === 'boolean') return !t;
  const both = range.intersect(within);
  const parts: string[] = [];
  if (both.lo > within.lo) parts.push(`${v} < ${both.lo}`);
  if (both.hi < within.hi) parts.push(`${v} > ${both.hi}`);
  return parts.join(' || ');
}

/** `a && b` over version tests, simplified. */
export function andTest(a: VersionTest, b: VersionTest): VersionTest {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  return `${paren(a)} && ${paren(b)}`;
}

function paren(t: string): string {
  return t.includes('||') ? `(${t})` : t;
}
