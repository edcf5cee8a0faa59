// Property test: for every schema (requests, responses, headers, data and coordinator records) at every
// valid version, arbitrary values encode, decode to a deep-equal value, and re-encode to the same bytes.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { loadMessage, type MessageSpec } from '../codegen/schema';
import * as generated from '../src/generated/index';
import type { MessageCodec } from '../src/wire/message-codec';
import { Reader } from '../src/wire/reader';
import { Writer } from '../src/wire/writer';
import { requireDir, SCHEMAS_DIR } from './fixture-paths';
import { messageArbitrary } from './schema-arbitrary';

const NUM_RUNS = Number(process.env['FC_RUNS'] ?? 25);

const specs: MessageSpec[] = ['messages', 'coordinator-records'].flatMap((sub) => {
  const dir = join(requireDir(SCHEMAS_DIR), sub);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadMessage(join(dir, f), `kafka-protocol/${sub}/${f}`));
});

function codecOf(spec: MessageSpec): MessageCodec<unknown> {
  const codec = (generated as Record<string, unknown>)[spec.name] as MessageCodec<unknown> | undefined;
  assert.ok(codec !== undefined && typeof codec.read === 'function', `no generated codec for ${spec.name}`);
  return codec;
}

function encode(codec: MessageCodec<unknown>, version: number, value: unknown): Buffer {
  const w = new Writer(64);
  codec.write(w, version, value);
  return w.toBuffer();
}

describe('generated codecs round-trip arbitrary values', () => {
  it('covers every schema', () => {
    assert.ok(specs.length >= 190, `only ${specs.length} schemas found`);
  });

  for (const spec of specs) {
    it(`${spec.name} v${spec.validVersions}`, () => {
      const codec = codecOf(spec);
      assert.deepEqual(codec.validVersions, { min: spec.validVersions.lo, max: spec.validVersions.hi });
      for (let v = spec.validVersions.lo; v <= spec.validVersions.hi; v++) {
        fc.assert(
          fc.property(messageArbitrary(spec, v), (value) => {
            const bytes = encode(codec, v, value);
            const r = new Reader(bytes);
            const decoded = codec.read(r, v);
            assert.equal(r.remaining, 0, `v${v}: ${r.remaining} bytes left after decoding`);
            assert.deepStrictEqual(decoded, value, `v${v}: decoded value differs`);
            assert.deepEqual(encode(codec, v, decoded), bytes, `v${v}: re-encoding differs`);
          }),
          { numRuns: NUM_RUNS },
        );
      }
    });
  }
});
