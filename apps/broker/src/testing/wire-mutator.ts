/**
 * The wire fuzzer's connections: what a fuzz connection sends, as a pure function of (seed,
 * connection index), so a connection that broke the broker is regenerated exactly from those two
 * numbers (`planConnection`).
 *
 * A connection plan is a few frames written one after another (waiting for each answer), all at
 * once (pipelined), or with the last one cut short and the socket closed mid-frame. Most frames
 * are a seed frame (wire-fuzz-seeds.ts) with one to three mutations of its body
 * (wire-fuzz-mutations.ts) and then a framing: the right size prefix, or a zero, negative, too
 * large or too small one, or no structure at all (random bytes). Some frames are sent unchanged,
 * so a connection gets past its first frame.
 */
import { mutateBatch, pickMutation } from './wire-fuzz-mutations';
import { Rng } from './wire-fuzz-rng';
import type { SeedFrame, VersionRanges } from './wire-fuzz-seeds';

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
    const v = rng.chance(0.7)
      ? body.length + rng.range(1, 16)
      : rng.pick([0x7fffffff, 100 * 1024 * 1024, 100 * 1024 * 1024 + 1, body.length * 2 + 64]);
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
  const lines = [
    `connection #${plan.index} (${plan.mode}${plan.mode === 'midframe' ? `, last frame cut at ${plan.cutAt}` : ''}, close by ${plan.closeWith})`,
  ];
  for (const [i, f] of plan.frames.entries()) {
    const h = f.bytes.subarray(0, maxBytes).toString('hex');
    lines.push(`  [${i}] ${f.desc} (${f.bytes.length} bytes) ${h}${f.bytes.length > maxBytes ? '…' : ''}`);
  }
  return lines.join('\n');
}
