/**
 * The network fuzzer's view of the broker process — its memory, open files and liveness — and one
 * fuzz connection played against it (see wire-fuzzer.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { ApiKey, decodeResponse, encodeRequest } from '@tarn/protocol';
import { Rng } from './wire-fuzz-rng';
import type { VersionRanges } from './wire-fuzz-seeds';
import type { ConnectionPlan } from './wire-mutator';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
// ---------------------------------------------------------------------------------------------
// Measuring the broker

/** VmRSS of a process in bytes, or null once it is gone. */
export function rssOf(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? null : Number(m[1]) * 1024;
  } catch {
    return null;
  }
}

export function openFdsOf(pid: number): number | null {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return null;
  }
}

const API_VERSIONS_V0 = Buffer.concat(encodeRequest(ApiKey.ApiVersions, 0, 1, 'tarn-fuzz-probe', {} as never));

/**
 * ApiVersions v0 on a fresh connection: milliseconds to the answer, or why there was none
 * ('timeout', 'closed' without an answer, 'refused' or another connect error).
 */
export function probe(port: number, timeoutMs: number): Promise<{ ms: number; frame: Buffer } | { error: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    let buffered = Buffer.alloc(0);
    let done = false;
    const finish = (r: { ms: number; frame: Buffer } | { error: string }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ error: 'timeout' }), timeoutMs);
    socket.on('connect', () => socket.write(API_VERSIONS_V0));
    socket.on('data', (d: Buffer) => {
      buffered = Buffer.concat([buffered, d]);
      if (buffered.length >= 4 && buffered.length >= 4 + buffered.readInt32BE(0)) {
        finish({ ms: performance.now() - started, frame: buffered.subarray(4, 4 + buffered.readInt32BE(0)) });
      }
    });
    socket.on('error', (err: NodeJS.ErrnoException) => finish({ error: err.code === 'ECONNREFUSED' ? 'refused' : err.message }));
    socket.on('close', () => finish({ error: 'closed' }));
  });
}

/** The API versions the broker advertises. */
export async function brokerVersions(port: number): Promise<VersionRanges> {
  const r = await probe(port, 10_000);
  if ('error' in r) throw new Error(`ApiVersions failed: ${r.error}`);
  const decoded = decodeResponse(ApiKey.ApiVersions, 0, r.frame).body;
  return new Map(decoded.apiKeys.map((k) => [k.apiKey, { min: k.minVersion, max: k.maxVersion }]));
}

// ---------------------------------------------------------------------------------------------
// One fuzz connection

export interface ConnectionOutcome {
  responses: number;
  closedByBroker: boolean;
  connectError: string | null;
}

/**
 * Runs a plan: sequential (each frame waits for an answer, a close, or `quietMs` of silence),
 * pipelined (everything written at once, in random-sized writes), or midframe (all but the last
 * frame, then part of it, then the close). The client closes at the end unless the broker did.
 */
export function runConnection(port: number, plan: ConnectionPlan, quietMs: number, maxMs = 10_000): Promise<ConnectionOutcome> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    let responses = 0;
    let closed = false;
    let closedByBroker = false;
    let connectError: string | null = null;
    let connected = false;
    let weClose = false;
    let wake: (() => void) | null = null;
    // response frames are counted, not kept
    const head = Buffer.alloc(4);
    let headFilled = 0;
    let skip = 0;
    socket.on('data', (d: Buffer) => {
      let pos = 0;
      while (pos < d.length) {
        if (skip > 0) {
          const k = Math.min(skip, d.length - pos);
          skip -= k;
          pos += k;
          if (skip === 0) responses++;
          continue;
        }
        const k = Math.min(4 - headFilled, d.length - pos);
        d.copy(head, headFilled, pos, pos + k);
        headFilled += k;
        pos += k;
        if (headFilled === 4) {
          headFilled = 0;
          skip = head.readInt32BE(0);
          if (skip <= 0) {
            responses++;
            skip = 0;
          }
        }
      }
      wake?.();
    });
    socket.on('error', (err) => {
      if (!connected) connectError = err.message;
    });
    socket.on('close', () => {
      closed = true;
      if (!weClose && connected) closedByBroker = true;
      wake?.();
    });
    const deadline = Date.now() + maxMs;
    /** Until `pred`, the close, `quietMs` without data, or the deadline. */
    const waitFor = async (pred: () => boolean): Promise<void> => {
      while (!pred() && !closed && Date.now() < deadline) {
        const before = responses;
        await new Promise<void>((r) => {
          const t = setTimeout(() => {
            wake = null;
            r();
          }, quietMs);
          wake = () => {
            clearTimeout(t);
            wake = null;
            r();
          };
        });
        if (responses === before && !closed) return; // quiet
      }
    };
    const write = (b: Buffer) => {
      if (!closed) socket.write(b);
    };
    socket.on('connect', () => {
      connected = true;
      void (async () => {
        const rng = new Rng(plan.index, 0x5eed);
        if (plan.mode === 'sequential') {
          for (const f of plan.frames) {
            const want = responses + 1;
            write(f.bytes);
            await waitFor(() => responses >= want);
            if (closed) break;
          }
        } else if (plan.mode === 'pipelined') {
          const all = Buffer.concat(plan.frames.map((f) => f.bytes));
          for (let p = 0; p < all.length;) {
            const n = rng.chance(0.5) ? all.length - p : rng.range(1, Math.max(1, all.length - p));
            write(all.subarray(p, p + n));
            p += n;
          }
          await waitFor(() => responses >= plan.frames.length);
        } else {
          for (const f of plan.frames.slice(0, -1)) write(f.bytes);
          write(plan.frames[plan.frames.length - 1]!.bytes.subarray(0, plan.cutAt));
          await sleep(rng.int(20));
        }
        if (!closed) {
          weClose = true;
          if (plan.closeWith === 'reset') socket.resetAndDestroy();
          else socket.end();
          // a FIN leaves the broker to close its side; do not wait for it
          setTimeout(() => socket.destroy(), 1000).unref();
        }
        finish();
      })();
    });
    socket.on('close', () => {
      if (!connected) finish();
    });
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      resolve({ responses, closedByBroker, connectError });
    };
  });
}
