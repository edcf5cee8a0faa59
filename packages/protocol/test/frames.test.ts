// Frame helpers: header versions, unsupported APIs and versions, and typed request dispatch.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiKey, requestHeaderVersion, responseHeaderVersion } from '../src/generated/api-keys';
import { DecodeError } from '../src/wire/decode-error';
import { decodeRequest, decodeRequestHeader, encodeRequest } from '../src/wire/request-frame';
import { decodeResponse, encodeResponse } from '../src/wire/response-frame';
import { UnsupportedRequestError } from '../src/wire/unsupported-request-error';

const withoutPrefix = (chunks: Buffer[]): Buffer => {
  const whole = Buffer.concat(chunks);
  assert.equal(whole.readInt32BE(0), whole.length - 4);
  return whole.subarray(4);
};

describe('frames', () => {
  it('pick header versions as Kafka does', () => {
    assert.equal(requestHeaderVersion(ApiKey.ControlledShutdown, 0), 0);
    assert.equal(requestHeaderVersion(ApiKey.ControlledShutdown, 1), 1);
    assert.equal(requestHeaderVersion(ApiKey.Produce, 8), 1);
    assert.equal(requestHeaderVersion(ApiKey.Produce, 9), 2);
    assert.equal(responseHeaderVersion(ApiKey.Produce, 9), 1);
    assert.equal(responseHeaderVersion(ApiKey.Fetch, 11), 0);
    assert.equal(responseHeaderVersion(ApiKey.ApiVersions, 3), 0, 'ApiVersions responses always use header v0');
    assert.equal(requestHeaderVersion(ApiKey.ApiVersions, 3), 2);
  });

  it('decode a flexible request with its v2 header and narrow the body by api key', () => {
    const frame = withoutPrefix(
      encodeRequest(ApiKey.Heartbeat, 4, 42, 'client', { groupId: 'g', generationId: 3, memberId: 'm', groupInstanceId: null }),
    );
    const req = decodeRequest(frame);
    assert.equal(req.headerVersion, 2);
    assert.equal(req.correlationId, 42);
    assert.equal(req.header.clientId, 'client');
    if (req.apiKey !== ApiKey.Heartbeat) assert.fail('wrong api');
    assert.equal(req.body.generationId, 3);
  });

  it('report unknown api keys and unsupported versions with their ids', () => {
    const frame = Buffer.from('03e7 0000 0000002a ffff'.replace(/ /g, ''), 'hex');
    assert.throws(
      () => decodeRequest(frame),
      (e: unknown) => e instanceof UnsupportedRequestError && e.apiKey === 999 && e.correlationId === 42 && !e.knownApi,
    );
    // ApiVersions v7 from some future client: header v2 (client id + tagged fields), body unknown.
    const future = Buffer.from('0012 0007 00000005 0003 636c69 00 ff ff'.replace(/ /g, ''), 'hex');
    assert.throws(
      () => decodeRequest(future),
      (e: unknown) => e instanceof UnsupportedRequestError && e.apiKey === 18 && e.apiVersion === 7 && e.knownApi,
    );
    const header = decodeRequestHeader(future);
    assert.equal(header.headerVersion, 2);
    assert.equal(header.header.clientId, 'cli');
    assert.equal(header.bodyOffset, 14);
  });

  it('reject truncated frames with DecodeError and ignore trailing bytes, as Kafka does', () => {
    const frame = withoutPrefix(encodeRequest(ApiKey.ListGroups, 0, 1, null, { statesFilter: [], typesFilter: [] }));
    assert.throws(() => decodeRequest(frame.subarray(0, 7)), DecodeError);
    assert.throws(() => decodeRequest(frame.subarray(0, frame.length - 1)), DecodeError);
    assert.equal(decodeRequest(frame).trailingBytes, 0);
    const padded = decodeRequest(Buffer.concat([frame, Buffer.from([0, 1, 2])]));
    assert.equal(padded.apiKey, ApiKey.ListGroups);
    assert.equal(padded.trailingBytes, 3);
  });

  it('encode responses with their header and decode them back', () => {
    const body = { throttleTimeMs: 0, errorCode: 0, groups: [{ groupId: 'g', protocolType: 'consumer', groupState: '', groupType: '' }] };
    for (const version of [0, 3]) {
      const chunks = encodeResponse(ApiKey.ListGroups, version, 7, body);
      const res = decodeResponse(ApiKey.ListGroups, version, withoutPrefix(chunks));
      assert.equal(res.correlationId, 7);
      assert.equal(res.body.groups[0]?.groupId, 'g');
    }
  });
});
