// Runs inside a worker (see decoder-fuzz.test.ts), so a hang can be cut off and the heap is capped.
// Throws random and mutated request frames at decodeRequest and reports anything that is not a clean
// success, DecodeError or UnsupportedRequestError, along with the slowest decode.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { API_KEYS, type ApiInfo } from '../src/generated/api-keys';
import { DecodeError } from '../src/wire/decode-error';
import { decodeRequest } from '../src/wire/request-frame';
import { UnsupportedRequestError } from '../src/wire/unsupported-request-error';

interface FuzzInput {
  wireDir: string;
  requestFiles: string[];
  iterations: number;
  seed: number;
}

export interface FuzzReport {
  decodes: number;
  ok: number;
  decodeErrors: number;
  unsupported: number;
  failures: string[];
  slowestMs: number;
  slowestFrame: string;
}

const input = workerData as FuzzInput;

// Decoding must never allocate buffers (it returns subarrays); catch any attempt to allocate a big one.
const MAX_ALLOCATION = 1 << 20;
for (const name of ['alloc', 'allocUnsafe', 'allocUnsafeSlow'] as const) {
  const original = Buffer[name].bind(Buffer) as (size: number, ...rest: unknown[]) => Buffer;
  (Buffer as unknown as Record<string, unknown>)[name] = (size: number, ...rest: unknown[]): Buffer => {
    if (size > MAX_ALLOCATION) throw new Error(`decoder allocated a ${size}-byte buffer`);
    return original(size, ...rest);
  };
}

// mulberry32: a small deterministic PRNG, so any failure is reproducible from the seed.
let state = input.seed >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const randInt = (n: number): number => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[randInt(items.length)]!;

const seeds = input.requestFiles.map((f) => readFileSync(join(input.wireDir, f)).subarray(4));
const apis = Object.values(API_KEYS) as ApiInfo[];
const HUGE: readonly number[][] = [
  [0x7f, 0xff],
  [0xff, 0xff],
  [0x7f, 0xff, 0xff, 0xff],
  [0xff, 0xff, 0xff, 0xfe],
  [0x80, 0x00, 0x00, 0x00],
  [0xff, 0xff, 0xff, 0xff, 0x0f],
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
];

function mutate(seed: Buffer): Buffer {
  const b = Buffer.from(seed);
  switch (randInt(6)) {
    case 0: {
      // bit flips, sparing the api key and version half the time so bodies get exercised
      const from = random() < 0.5 ? 4 : 0;
      for (let i = randInt(4) + 1; i > 0; i--) {
        const at = from + randInt(Math.max(1, b.length - from));
        if (at < b.length) b[at]! ^= 1 << randInt(8);
      }
      return b;
    }
    case 1:
      return b.subarray(0, randInt(b.length));
    case 2: {
      // a length or count field set huge (or negative)
      const huge = pick(HUGE);
      const at = 8 + randInt(Math.max(1, b.length - 8));
      for (let i = 0; i < huge.length && at + i < b.length; i++) b[at + i] = huge[i]!;
      return b;
    }
    case 3: {
      const at = randInt(b.length + 1);
      return Buffer.concat([b.subarray(0, at), Buffer.from(pick(HUGE)), b.subarray(at)]);
    }
    case 4: {
      const at = randInt(b.length);
      return Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + randInt(8))]);
    }
    default: {
      // a valid-looking header (known api, valid version) followed by random bytes
      const api = pick(apis);
      const version = api.validVersions.min + randInt(api.validVersions.max - api.validVersions.min + 1);
      const body = Buffer.from(Array.from({ length: randInt(64) }, () => (random() < 0.3 ? 0 : randInt(256))));
      const head = Buffer.alloc(8);
      head.writeInt16BE(api.apiKey, 0);
      head.writeInt16BE(version, 2);
      head.writeInt32BE(randInt(1000), 4);
      return Buffer.concat([head, body]);
    }
  }
}

function randomFrame(): Buffer {
  return Buffer.from(Array.from({ length: randInt(48) }, () => randInt(256)));
}

const report: FuzzReport = { decodes: 0, ok: 0, decodeErrors: 0, unsupported: 0, failures: [], slowestMs: 0, slowestFrame: '' };
for (let i = 0; i < input.iterations; i++) {
  const frame = i % 10 === 0 ? randomFrame() : mutate(pick(seeds));
  const started = performance.now();
  try {
    decodeRequest(frame);
    report.ok++;
  } catch (e) {
    if (e instanceof DecodeError) report.decodeErrors++;
    else if (e instanceof UnsupportedRequestError) report.unsupported++;
    else if (report.failures.length < 10) report.failures.push(`${String(e)} for frame ${frame.toString('hex')}`);
  }
  const ms = performance.now() - started;
  if (ms > report.slowestMs) {
    report.slowestMs = ms;
    report.slowestFrame = frame.toString('hex').slice(0, 200);
  }
  report.decodes++;
}
parentPort!.postMessage(report);
