// Every request and response frame captured between real clients and Apache Kafka 2.1.1
// (shared/kafka-fixtures/wire, README §2) decodes at its version and re-encodes to the same bytes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type ApiKeyNumber, isApiKey } from '../src/generated/api-keys';
import { decodeRequest, encodeRequest } from '../src/wire/request-frame';
import { decodeResponse, encodeResponse } from '../src/wire/response-frame';
import { FIXTURES_DIR, requireDir } from './fixture-paths';

interface Pair {
  client: string;
  seq: number;
  api_key: number;
  api_name: string;
  api_version: number;
  correlation_id: number;
  client_id: string | null;
  request_file: string;
  response_file: string | null;
}

const wireDir = join(requireDir(FIXTURES_DIR), 'wire');
const { pairs } = JSON.parse(readFileSync(join(wireDir, 'index.json'), 'utf8')) as { pairs: Pair[] };

function frameOf(file: string): { whole: Buffer; frame: Buffer } {
  const whole = readFileSync(join(wireDir, file));
  assert.equal(whole.readInt32BE(0), whole.length - 4, `${file}: size prefix`);
  return { whole, frame: whole.subarray(4) };
}

function apiKeyOf(p: Pair): ApiKeyNumber {
  assert.ok(isApiKey(p.api_key), `unknown api key ${p.api_key}`);
  return p.api_key;
}

/**
 * Kafka 2.1.1 answers ApiVersions requests of versions it does not know (v3 here) with a v0 body
 * carrying UNSUPPORTED_VERSION (fixtures README §2.2).
 */
function responseVersion(p: Pair): number {
  return p.api_name === 'ApiVersions' && p.api_version > 2 ? 0 : p.api_version;
}

describe('Kafka 2.1.1 wire fixtures', () => {
  it('has the exchanges the README describes', () => {
    assert.ok(pairs.length >= 180, `only ${pairs.length} pairs in index.json`);
  });

  for (const p of pairs) {
    const label = `${p.request_file.replace(/-request\.bin$/, '')}`;
    it(`${label} request`, () => {
      const { whole, frame } = frameOf(p.request_file);
      const req = decodeRequest(frame);
      assert.equal(req.apiKey, p.api_key);
      assert.equal(req.apiVersion, p.api_version);
      assert.equal(req.correlationId, p.correlation_id);
      assert.equal(req.header.clientId, p.client_id);
      const again = Buffer.concat(encodeRequest(apiKeyOf(p), req.apiVersion, req.correlationId, req.header.clientId, req.body));
      assert.deepEqual(again, whole);
    });
    if (p.response_file === null) continue;
    const responseFile = p.response_file;
    it(`${label} response`, () => {
      const { whole, frame } = frameOf(responseFile);
      const key = apiKeyOf(p);
      const version = responseVersion(p);
      const res = decodeResponse(key, version, frame);
      assert.equal(res.correlationId, p.correlation_id);
      const again = Buffer.concat(encodeResponse(key, version, res.correlationId, res.body));
      assert.deepEqual(again, whole);
    });
  }
});
