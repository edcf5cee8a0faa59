/**
 * The wire fuzzer's seed frames: the real-client request frames in shared/kafka-fixtures/wire
 * (README §2), each with the record batches a Produce carries located (so a mutation can change a
 * batch and keep its CRC valid), and the same requests re-encoded at the newest version the broker
 * serves.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiKey, decodeRequest, encodeRequest, type ApiKeyNumber, type ApiRequestMap } from '@tarn/protocol';

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
      for (let pos = 0; pos + 17 <= records.length;) {
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
      const chunks = encodeRequest(
        s.apiKey as ApiKeyNumber,
        range.max,
        decoded.correlationId,
        decoded.header.clientId ?? null,
        decoded.body as ApiRequestMap[ApiKeyNumber],
      );
      const frame = Buffer.concat(chunks);
      seen.add(key);
      out.push(seedOf(`${s.name}@v${range.max}`, Buffer.from(frame.subarray(4))));
    } catch {
      // a field the newer version requires and the old body lacks: skip it
    }
  }
  return out;
}
