/**
 * The wire fuzzer's inputs: real-client request frames (shared/kafka-fixtures/wire, README §2) and
 * what it does to them. Everything is a pure function of (seed, connection index), so a connection
 * that broke the broker is regenerated exactly from those two numbers (`planConnection`).
 *
 * A connection plan is a few frames written one after another (waiting for each answer), all at
 * once (pipelined), or with the last one cut short and the socket closed mid-frame. Most frames
 * are a fixture frame with one to three mutations of its body (bit flips; boundary bytes; int16 /
 * int32 / varint boundary values at random, sometimes aligned, positions — lying lengths and
 * counts; truncation; random bytes appended; a splice of two frames; a duplicated region; another
 * API version or key in the header; a record batch changed inside with its CRC-32C recomputed, so
 * the change reaches the batch validator) and then a framing: the right size prefix, or a zero,
 * negative, too large or too small one, or no structure at all (random bytes). Some frames are
 * sent unchanged, so a connection gets past its first frame.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { ApiKey, decodeRequest, encodeRequest, writeBatchCrc, type ApiKeyNumber, type ApiRequestMap } from '@tarn/protocol';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** sfc32 seeded through splitmix32 from (seed, stream): independent streams per connection. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** 0 <= n < max (max >= 1). */
  int(max: number): number {
    return max <= 1 ? 0 : Math.floor((this.u32() / 2 ** 32) * max);
  }

  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.u32() / 2 ** 32 < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  bytes(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) out[i] = this.u32() & 0xff;
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Seed frames

export interface BatchLocation {
  /** Offset of the batch (its baseOffset field) in the frame body. */
  pos: number;
  size: number;
  magic: number;
}

export interface SeedFrame {
  /** e.g. `kafkajs/012-Produce-v7`, or `kafkajs/002-Metadata-v6@v12` for a re-encoded one. */
  name: string;
  apiKey: number;
  apiVersion: number;
  /** The frame without its size prefix: request header + body. */
  body: Buffer;
  /** Record batches / legacy messages inside (Produce), for mutations that keep the CRC valid. */
  batches: BatchLocation[];
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** `../shared/kafka-fixtures` next to the repository (TARN_KAFKA_FIXTURES overrides). */
export function fixturesDir(): string {
  const dir = process.env.TARN_KAFKA_FIXTURES ?? resolve(REPO_ROOT, '../shared/kafka-fixtures');
  if (!existsSync(join(dir, 'wire'))) throw new Error(`Kafka fixtures not found at ${dir} (set TARN_KAFKA_FIXTURES)`);
  return dir;
}

function locateBatches(body: Buffer): BatchLocation[] {
  if (body.readInt16BE(0) !== ApiKey.Produce) return [];
  let decoded;
  try {
    decoded = decodeRequest(body);
  } catch {
    return [];
  }
  if (decoded.apiKey !== ApiKey.Produce) return [];
  const out: BatchLocation[] = [];
  for (const t of decoded.body.topicData) {
    for (const p of t.partitionData) {
      const records = p.records;
      // decoded byte fields are views of the body: their offset in it is where the batch sits
      if (records === null || records.buffer !== body.buffer) continue;
      const base = records.byteOffset - body.byteOffset;
      for (let pos = 0; pos + 17 <= records.length; ) {
        const size = records.readInt32BE(pos + 8) + 12;
        if (size < 26 || pos + size > records.length) break;
        out.push({ pos: base + pos, size, magic: records.readInt8(pos + 16) });
        pos += size;
      }
    }
  }
  return out;
}

function seedOf(name: string, body: Buffer): SeedFrame {
  return { name, apiKey: body.readInt16BE(0), apiVersion: body.readInt16BE(2), body, batches: locateBatches(body) };
}

/** Every `wire/<client>/NNN-<Api>-v<N>-request.bin`, in a stable order. */
export function loadSeedFrames(dir = fixturesDir()): SeedFrame[] {
  const wire = join(dir, 'wire');
  const seeds: SeedFrame[] = [];
  for (const client of readdirSync(wire).sort()) {
    if (client === 'pcap' || !statSync(join(wire, client)).isDirectory()) continue;
    for (const file of readdirSync(join(wire, client)).sort()) {
      if (!file.endsWith('-request.bin')) continue;
      const frame = readFileSync(join(wire, client, file));
      if (frame.length < 12 || frame.readInt32BE(0) !== frame.length - 4) continue;
      const body = Buffer.from(frame.subarray(4));
      seeds.push(seedOf(`${client}/${file.replace(/-request\.bin$/, '')}`, body));
    }
  }
  if (seeds.length === 0) throw new Error(`no request frames under ${wire}`);
  return seeds;
}

export type VersionRanges = Map<number, { min: number; max: number }>;

/**
 * The fixtures are Kafka 2.1.1-era (no flexible versions). Each is also re-encoded at the highest
 * version the broker serves for its API, so compact strings, compact arrays and tagged fields get
 * fuzzed too. Requests that do not re-encode are skipped.
 */
export function deriveSeeds(seeds: readonly SeedFrame[], versions: VersionRanges): SeedFrame[] {
  const out: SeedFrame[] = [];
  const seen = new Set<string>();
  for (const s of seeds) {
    const range = versions.get(s.apiKey);
    if (range === undefined || range.max <= s.apiVersion) continue;
    const key = `${s.name.split('/')[0]}/${s.apiKey}`;
    if (seen.has(key)) continue;
    try {
      const decoded = decodeRequest(s.body);
      const chunks = encodeRequest(s.apiKey as ApiKeyNumber, range.max, decoded.correlationId, decoded.header.clientId ?? null, decoded.body as ApiRequestMap[ApiKeyNumber]);
      const frame = Buffer.concat(chunks);
      seen.add(key);
      out.push(seedOf(`${s.name}@v${range.max}`, Buffer.from(frame.subarray(4))));
    } catch {
      // a field the newer version requires and the old body lacks: skip it
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Mutations

const BOUNDARY_BYTES = [0x00, 0xff, 0x7f, 0x80, 0x01, 0xfe];
const BOUNDARY_INT16 = [0, 1, -1, 0x7f, 0x80, 0xff, 0x7fff, -0x8000, 0x7ffe, 0x100];
const BOUNDARY_INT32 = [0, 1, -1, 0x7f, 0x80, 0xff, 0xffff, 0x7fff, 0x8000, 0x10000, 0x7fffffff, -0x80000000, 0x7ffffffe, 0x3fffffff, 0x1000000];
/** Unsigned varints (compact lengths are length + 1): small, boundary, huge, and one that never ends. */
const BOUNDARY_VARINTS: readonly number[][] = [
  [0x00],
  [0x01],
  [0x7f],
  [0x80, 0x01],
  [0xff, 0xff, 0x03],
  [0xff, 0xff, 0xff, 0x7f],
  [0xff, 0xff, 0xff, 0xff, 0x07],
  [0xff, 0xff, 0xff, 0xff, 0x0f],
  [0x80, 0x80, 0x80, 0x80, 0x80],
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
];

interface MutationContext {
  seed: SeedFrame;
  seeds: readonly SeedFrame[];
  versions: VersionRanges;
}

type Mutation = (rng: Rng, body: Buffer, ctx: MutationContext) => { body: Buffer; desc: string };

const hex = (n: number, width: number): string => (n >>> 0).toString(16).padStart(width, '0');

/** A position to write `width` bytes at: anywhere, or aligned to `width`, or in the header. */
function position(rng: Rng, length: number, width: number): number {
  if (length <= width) return 0;
  const roll = rng.int(10);
  if (roll < 4) return Math.floor(rng.int(length - width + 1) / width) * width;
  if (roll < 5) return Math.min(length - width, 8 + rng.int(16));
  return rng.int(length - width + 1);
}

const MUTATIONS: Array<{ weight: number; name: string; apply: Mutation }> = [
  {
    weight: 14,
    name: 'bitflip',
    apply(rng, body) {
      const out = Buffer.from(body);
      const flips: string[] = [];
      for (let i = rng.range(1, 4); i > 0 && out.length > 0; i--) {
        const p = rng.int(out.length);
        const bit = rng.int(8);
        out[p]! ^= 1 << bit;
        flips.push(`${p}.${bit}`);
      }
      return { body: out, desc: `bitflip@${flips.join(',')}` };
    },
  },
  {
    weight: 10,
    name: 'byte',
    apply(rng, body) {
      const out = Buffer.from(body);
      if (out.length === 0) return { body: out, desc: 'byte(empty)' };
      const p = rng.int(out.length);
      const v = rng.pick(BOUNDARY_BYTES);
      out[p] = v;
      return { body: out, desc: `byte@${p}=${hex(v, 2)}` };
    },
  },
  {
    weight: 10,
    name: 'int16',
    apply(rng, body) {
      const out = Buffer.from(body);
      if (out.length < 2) return { body: out, desc: 'int16(short)' };
      const p = position(rng, out.length, 2);
      const v = rng.pick(BOUNDARY_INT16);
      out.writeUInt16BE(v & 0xffff, p);
      return { body: out, desc: `i16@${p}=${hex(v & 0xffff, 4)}` };
    },
  },
  {
    weight: 14,
    name: 'int32',
    apply(rng, body) {
      const out = Buffer.from(body);
      if (out.length < 4) return { body: out, desc: 'int32(short)' };
      const p = position(rng, out.length, 4);
      // a length that lies by a little (remaining ± 1) is the most interesting of all
      const remaining = out.length - p - 4;
      const v = rng.chance(0.25) ? remaining + rng.range(-2, 2) : rng.pick(BOUNDARY_INT32);
      out.writeUInt32BE(v >>> 0, p);
      return { body: out, desc: `i32@${p}=${hex(v, 8)}` };
    },
  },
  {
    weight: 6,
    name: 'varint',
    apply(rng, body) {
      const v = Buffer.from(rng.pick(BOUNDARY_VARINTS));
      const p = rng.int(Math.max(1, body.length));
      const out = Buffer.from(body);
      // overwrite (keeps the length) or insert
      if (rng.chance(0.5) && p + v.length <= out.length) {
        v.copy(out, p);
        return { body: out, desc: `uvarint@${p}=${v.toString('hex')}` };
      }
      return { body: Buffer.concat([body.subarray(0, p), v, body.subarray(p)]), desc: `uvarint+@${p}=${v.toString('hex')}` };
    },
  },
  {
    weight: 8,
    name: 'truncate',
    apply(rng, body) {
      const n = rng.chance(0.3) ? rng.int(Math.min(body.length, 12)) : rng.int(Math.max(1, body.length));
      return { body: body.subarray(0, n), desc: `trunc@${n}` };
    },
  },
  {
    weight: 5,
    name: 'extend',
    apply(rng, body) {
      const n = rng.chance(0.9) ? rng.range(1, 64) : rng.range(65, 8192);
      return { body: Buffer.concat([body, rng.bytes(n)]), desc: `ext+${n}` };
    },
  },
  {
    weight: 6,
    name: 'splice',
    apply(rng, body, ctx) {
      const other = rng.pick(ctx.seeds);
      const i = rng.int(body.length + 1);
      const j = rng.int(other.body.length + 1);
      return { body: Buffer.concat([body.subarray(0, i), other.body.subarray(j)]), desc: `splice@${i}<${other.name}#${j}` };
    },
  },
  {
    weight: 6,
    name: 'duplicate',
    apply(rng, body) {
      if (body.length === 0) return { body, desc: 'dup(empty)' };
      const i = rng.int(body.length);
      const n = rng.range(1, Math.min(64, body.length - i));
      const region = body.subarray(i, i + n);
      const times = rng.chance(0.8) ? rng.range(1, 4) : rng.range(5, Math.max(5, Math.floor(65536 / n)));
      const at = rng.chance(0.5) ? i + n : rng.int(body.length + 1);
      const copies = Buffer.concat(Array.from({ length: times }, () => region));
      return { body: Buffer.concat([body.subarray(0, at), copies, body.subarray(at)]), desc: `dup[${i}+${n}]x${times}@${at}` };
    },
  },
  {
    weight: 6,
    name: 'version',
    apply(rng, body, ctx) {
      const out = Buffer.from(body);
      if (out.length < 4) return { body: out, desc: 'version(short)' };
      const range = ctx.versions.get(out.readInt16BE(0));
      const roll = rng.int(10);
      const v = roll < 6 && range !== undefined ? rng.range(range.min, range.max + 1) : roll < 8 ? rng.range(0, 20) : rng.pick([-1, 0x7fff, -0x8000, 0x100]);
      out.writeInt16BE(v, 2);
      return { body: out, desc: `version=${v}` };
    },
  },
  {
    weight: 4,
    name: 'apikey',
    apply(rng, body, ctx) {
      const out = Buffer.from(body);
      if (out.length < 4) return { body: out, desc: 'apikey(short)' };
      const keys = [...ctx.versions.keys()];
      const roll = rng.int(10);
      const k = roll < 6 && keys.length > 0 ? rng.pick(keys) : roll < 9 ? rng.range(0, 80) : rng.pick([-1, 0x7fff, -0x8000]);
      out.writeInt16BE(k, 0);
      // the version that key speaks, sometimes, so the body is decoded as another API
      const range = ctx.versions.get(k);
      if (range !== undefined && rng.chance(0.7)) out.writeInt16BE(rng.range(range.min, range.max), 2);
      return { body: out, desc: `apikey=${k}v${out.readInt16BE(2)}` };
    },
  },
  {
    weight: 2,
    name: 'clientid',
    apply(rng, body) {
      const out = Buffer.from(body);
      if (out.length < 10) return { body: out, desc: 'clientid(short)' };
      const v = rng.pick([-1, -2, 0, 0x7fff, 1, out.length - 10, out.length - 9]);
      out.writeInt16BE(Math.max(-0x8000, Math.min(0x7fff, v)), 8);
      return { body: out, desc: `clientid.len=${v}` };
    },
  },
  {
    weight: 2,
    name: 'random-body',
    apply(rng, body) {
      const n = rng.range(0, 256);
      // keep the api key and version half the time, so the body decoder sees garbage
      const head = rng.chance(0.5) ? body.subarray(0, Math.min(8, body.length)) : Buffer.alloc(0);
      return { body: Buffer.concat([head, rng.bytes(n)]), desc: `random-body(${head.length}+${n})` };
    },
  },
];

/** A mutation inside one record batch of a Produce frame, the CRC recomputed so it gets past the check. */
function mutateBatch(rng: Rng, body: Buffer, seed: SeedFrame): { body: Buffer; desc: string } | null {
  if (seed.batches.length === 0) return null;
  const b = rng.pick(seed.batches);
  // an earlier mutation may have moved or cut the batch
  if (b.pos + b.size > body.length || body.length !== seed.body.length) return null;
  const out = Buffer.from(body);
  let desc: string;
  if (b.magic === 2) {
    // a header field (attributes 21, lastOffsetDelta 23, timestamps, producer fields, count 57) or the records
    const fields = [21, 23, 27, 35, 43, 51, 53, 57];
    const p = rng.chance(0.5) ? b.pos + rng.pick(fields) : b.pos + 61 + rng.int(Math.max(1, b.size - 61));
    if (p >= b.pos + b.size) return null;
    if (rng.chance(0.5) && p + 4 <= b.pos + b.size) {
      const v = rng.pick(BOUNDARY_INT32);
      out.writeUInt32BE(v >>> 0, p);
      desc = `batch@${b.pos}+${p - b.pos}:i32=${hex(v, 8)}`;
    } else if (rng.chance(0.5)) {
      out[p] = rng.pick(BOUNDARY_BYTES);
      desc = `batch@${b.pos}+${p - b.pos}:byte=${hex(out[p]!, 2)}`;
    } else {
      out[p]! ^= 1 << rng.int(8);
      desc = `batch@${b.pos}+${p - b.pos}:flip`;
    }
    writeBatchCrc(out, b.pos, b.size);
  } else {
    // a magic 0/1 message: offset 8, size 4, crc 4 (CRC-32 over magic..end)
    const start = b.pos + 16;
    const p = start + rng.int(Math.max(1, b.size - 16));
    if (p >= b.pos + b.size) return null;
    if (rng.chance(0.5) && p + 4 <= b.pos + b.size) out.writeUInt32BE(rng.pick(BOUNDARY_INT32) >>> 0, p);
    else out[p]! ^= 1 << rng.int(8);
    out.writeUInt32BE(crc32(out.subarray(start, b.pos + b.size)) >>> 0, b.pos + 12);
    desc = `legacy@${b.pos}+${p - b.pos}`;
  }
  return { body: out, desc: `${desc}+crc` };
}

const TOTAL_WEIGHT = MUTATIONS.reduce((s, m) => s + m.weight, 0);

function pickMutation(rng: Rng): Mutation {
  let r = rng.int(TOTAL_WEIGHT);
  for (const m of MUTATIONS) {
    if (r < m.weight) return m.apply;
    r -= m.weight;
  }
  return MUTATIONS[0]!.apply;
}

export interface PlannedFrame {
  /** What was done, e.g. `kcat/004-Produce-v7 | i32@40=7fffffff | prefix ok`. */
  desc: string;
  /** The bytes written, size prefix (or whatever stands in for it) included. */
  bytes: Buffer;
}

/** One fuzzed frame: a seed, 0-3 body mutations, a framing. */
export function fuzzFrame(rng: Rng, seeds: readonly SeedFrame[], versions: VersionRanges, mutate = true): PlannedFrame {
  const seed = rng.pick(seeds);
  const parts = [seed.name];
  let body = seed.body;
  if (mutate) {
    const ctx = { seed, seeds, versions };
    const n = rng.chance(0.6) ? 1 : rng.range(2, 3);
    for (let i = 0; i < n; i++) {
      const batch = seed.batches.length > 0 && rng.chance(0.3) ? mutateBatch(rng, body, seed) : null;
      const m = batch ?? pickMutation(rng)(rng, body, ctx);
      body = m.body;
      parts.push(m.desc);
    }
  }
  let bytes: Buffer;
  const roll = mutate ? rng.int(100) : 0;
  const prefix = (n: number) => {
    const p = Buffer.allocUnsafe(4);
    p.writeUInt32BE(n >>> 0, 0);
    return p;
  };
  if (roll < 84) {
    bytes = Buffer.concat([prefix(body.length), body]);
    parts.push('prefix ok');
  } else if (roll < 87) {
    bytes = rng.chance(0.5) ? prefix(0) : Buffer.concat([prefix(0), body]);
    parts.push(`prefix 0${bytes.length > 4 ? ' + body' : ''}`);
  } else if (roll < 90) {
    const v = rng.pick([-1, -0x80000000, -body.length, -rng.range(2, 1 << 30)]);
    bytes = Buffer.concat([prefix(v), body]);
    parts.push(`prefix ${v}`);
  } else if (roll < 94) {
    const v = rng.chance(0.7) ? body.length + rng.range(1, 16) : rng.pick([0x7fffffff, 100 * 1024 * 1024, 100 * 1024 * 1024 + 1, body.length * 2 + 64]);
    bytes = Buffer.concat([prefix(v), body]);
    parts.push(`prefix ${v} > ${body.length}`);
  } else if (roll < 97) {
    const v = Math.max(0, body.length - rng.range(1, Math.max(1, Math.min(body.length, 32))));
    bytes = Buffer.concat([prefix(v), body]);
    parts.push(`prefix ${v} < ${body.length}`);
  } else {
    bytes = rng.bytes(rng.range(1, 64));
    parts.length = 0;
    parts.push(`random ${bytes.length} bytes`);
  }
  return { desc: parts.join(' | '), bytes };
}

export type ConnectionMode = 'sequential' | 'pipelined' | 'midframe';

export interface ConnectionPlan {
  index: number;
  mode: ConnectionMode;
  frames: PlannedFrame[];
  /** midframe: how many bytes of the last frame are written before the close. */
  cutAt: number;
  /** How the client ends the connection: RST or FIN. */
  closeWith: 'reset' | 'end';
}

/** The plan of connection `index` under `seed`: deterministic, independent of every other connection. */
export function planConnection(seed: number, index: number, seeds: readonly SeedFrame[], versions: VersionRanges): ConnectionPlan {
  const rng = new Rng(seed, index);
  const roll = rng.int(100);
  const mode: ConnectionMode = roll < 45 ? 'sequential' : roll < 85 ? 'pipelined' : 'midframe';
  const r = rng.int(10);
  const count = r < 4 ? 1 : r < 8 ? rng.range(2, 4) : rng.range(5, 12);
  const frames: PlannedFrame[] = [];
  for (let i = 0; i < count; i++) frames.push(fuzzFrame(rng, seeds, versions, !rng.chance(0.3)));
  const last = frames[frames.length - 1]!;
  const cutAt = rng.int(Math.max(1, last.bytes.length));
  return { index, mode, frames, cutAt, closeWith: rng.chance(0.7) ? 'reset' : 'end' };
}

/** One line per frame, with its bytes in hex (the first `maxBytes`). */
export function describePlan(plan: ConnectionPlan, maxBytes = 96): string {
  const lines = [`connection #${plan.index} (${plan.mode}${plan.mode === 'midframe' ? `, last frame cut at ${plan.cutAt}` : ''}, close by ${plan.closeWith})`];
  for (const [i, f] of plan.frames.entries()) {
    const h = f.bytes.subarray(0, maxBytes).toString('hex');
    lines.push(`  [${i}] ${f.desc} (${f.bytes.length} bytes) ${h}${f.bytes.length > maxBytes ? '…' : ''}`);
  }
  return lines.join('\n');
}
