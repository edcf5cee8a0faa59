/**
 * Request frames: request header + body, as received after the 4-byte size prefix (decode) or as a
 * whole frame with its prefix (encode).
 *
 * The header version follows from the API key and version (see requestHeaderVersion), so the first
 * eight bytes — api key, api version, correlation id, identical in every header version — are read
 * before anything else. An unknown API or version fails with UnsupportedRequestError carrying them, so
 * the broker can still answer; anything malformed fails with DecodeError. Bytes after the body are
 * ignored, as Kafka ignores them (it parses a body by its schema and never looks further; librdkafka
 * 2.12+ sends a few after some requests): `trailingBytes` says how many there were.
 */
import { apiInfo, API_KEYS, type ApiKeyNumber, type ApiRequestMap, requestHeaderVersion } from '../generated/api-keys';
import { RequestHeader } from '../generated/request-header';
import { DecodeError } from './decode-error';
import { inVersionRange } from './message-codec';
import { Reader } from './reader';
import { finishFrame, startFrame } from './size-prefixed-frame';
import { UnsupportedRequestError } from './unsupported-request-error';

export interface DecodedRequestHeader {
  header: RequestHeader;
  headerVersion: number;
  /** Where the body starts in the frame. */
  bodyOffset: number;
}

/** A decoded request; switching on `apiKey` narrows `body` to that API's request type. */
export type DecodedRequest = {
  [K in ApiKeyNumber]: {
    apiKey: K;
    apiVersion: number;
    correlationId: number;
    header: RequestHeader;
    headerVersion: number;
    body: ApiRequestMap[K];
    /** Bytes that followed the body in the frame (ignored). */
    trailingBytes: number;
  };
}[ApiKeyNumber];

/** Api key, api version and correlation id: the first eight bytes of every request header version. */
export function peekRequestIds(frame: Buffer): { apiKey: number; apiVersion: number; correlationId: number } {
  if (frame.length < 8) throw new DecodeError(`request frame of ${frame.length} bytes is shorter than a request header`);
  return { apiKey: frame.readInt16BE(0), apiVersion: frame.readInt16BE(2), correlationId: frame.readInt32BE(4) };
}

/**
 * Decodes only the request header. For an unknown API key, header v1 is assumed (every API that
 * predates flexible versions uses it); for a known API, the version picks the header version even when
 * the version itself is unsupported, as Kafka does when it answers ApiVersions.
 */
export function decodeRequestHeader(frame: Buffer): DecodedRequestHeader {
  const { apiKey, apiVersion } = peekRequestIds(frame);
  const headerVersion = apiInfo(apiKey) === undefined ? 1 : requestHeaderVersion(apiKey, apiVersion);
  const r = new Reader(frame);
  const header = RequestHeader.read(r, headerVersion);
  return { header, headerVersion, bodyOffset: r.pos };
}

/** Decodes a request frame (without its size prefix). */
export function decodeRequest(frame: Buffer): DecodedRequest {
  const { apiKey, apiVersion, correlationId } = peekRequestIds(frame);
  const info = apiInfo(apiKey);
  if (info === undefined || !inVersionRange(info.validVersions, apiVersion)) {
    throw new UnsupportedRequestError(apiKey, apiVersion, correlationId, info !== undefined);
  }
  const headerVersion = requestHeaderVersion(apiKey, apiVersion);
  const r = new Reader(frame);
  const header = RequestHeader.read(r, headerVersion);
  const body = info.request.read(r, apiVersion);
  const decoded = { apiKey, apiVersion, correlationId, header, headerVersion, body, trailingBytes: r.remaining };
  return decoded as DecodedRequest;
}

/** Encodes a whole request frame, size prefix included, as chunks for a vectored write. */
export function encodeRequest<K extends ApiKeyNumber>(
  apiKey: K,
  apiVersion: number,
  correlationId: number,
  clientId: string | null,
  body: ApiRequestMap[K],
): Buffer[] {
  const info = API_KEYS[apiKey];
  const w = startFrame();
  const header: RequestHeader = { requestApiKey: apiKey, requestApiVersion: apiVersion, correlationId, clientId };
  RequestHeader.write(w, requestHeaderVersion(apiKey, apiVersion), header);
  info.request.write(w, apiVersion, body);
  return finishFrame(w);
}
