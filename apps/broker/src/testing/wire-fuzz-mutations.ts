/**
 * What the wire fuzzer does to a seed frame's body (wire-mutator.ts picks one to three of these per
 * frame): bit flips; boundary bytes; int16 / int32 / varint boundary values at random, sometimes
 * aligned, positions — lying lengths and counts; truncation; random bytes appended; a splice of two
 * frames; a duplicated region; another API version or key in the header; a record batch changed
 * inside with its CRC-32C recomputed, so the change reaches the batch validator instead of
 * stopping at the checksum. Each says what it did, so a failing frame reads as a recipe.
 */
import { crc32 } from 'node:zlib';
import { writeBatchCrc } from '@tarn/protocol';
import type { Rng } from './wire-fuzz-rng';
import type { SeedFrame, VersionRanges } from './wire-fuzz-seeds';

const BOUNDARY_BYTES = [0x00, 0xff, 0x7f, 0x80, 0x01, 0xfe];
const BOUNDARY_INT16 = [0, 1, -1, 0x7f, 0x80, 0xff, 0x7fff, -0x8000, 0x7ffe, 0x100];
const BOUNDARY_INT32 = [
  0, 1, -1, 0x7f, 0x80, 0xff, 0xffff, 0x7fff, 0x8000, 0x10000, 0x7fffffff, -0x80000000, 0x7ffffffe, 0x3fffffff, 0x1000000,
];
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

export interface MutationContext {
  seed: SeedFrame;
  seeds: readonly SeedFrame[];
  versions: VersionRanges;
}

export type Mutation = (rng: Rng, body: Buffer, ctx: MutationContext) => { body: Buffer; desc: string };

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
      const v =
        roll < 6 && range !== undefined
          ? rng.range(range.min, range.max + 1)
          : roll < 8
            ? rng.range(0, 20)
            : rng.pick([-1, 0x7fff, -0x8000, 0x100]);
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
export function mutateBatch(rng: Rng, body: Buffer, seed: SeedFrame): { body: Buffer; desc: string } | null {
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

export function pickMutation(rng: Rng): Mutation {
  let r = rng.int(TOTAL_WEIGHT);
  for (const m of MUTATIONS) {
    if (r < m.weight) return m.apply;
    r -= m.weight;
  }
  return MUTATIONS[0]!.apply;
}
