/**
 * Response frames: response header (the correlation id, plus tagged fields in header v1) + body. The
 * response version is always the request's; the header version follows from it (responseHeaderVersion:
 * ApiVersions responses always use header v0).
 */
import { API_KEYS, type ApiKeyNumber, type ApiResponseMap, responseHeaderVersion } from '../generated/api-keys';
import { ResponseHeader } from '../generated/response-header';
import { Reader } from './reader';
import { finishFrame, startFrame } from './size-prefixed-frame';

export interface DecodedResponse<K extends ApiKeyNumber> {
  correlationId: number;
  header: ResponseHeader;
  body: ApiResponseMap[K];
}

/**
 * Encodes a whole response frame, size prefix included, as chunks for a vectored write. `records`
 * buffers in the body are referenced by the chunks, not copied.
 */
export function encodeResponse<K extends ApiKeyNumber>(
  apiKey: K,
  apiVersion: number,
  correlationId: number,
  body: ApiResponseMap[K],
): Buffer[] {
  const info = API_KEYS[apiKey];
  const w = startFrame();
  ResponseHeader.write(w, responseHeaderVersion(apiKey, apiVersion), { correlationId });
  info.response.write(w, apiVersion, body);
  return finishFrame(w);
}

/** Decodes a response frame (without its size prefix) to the request's API and version. */
export function decodeResponse<K extends ApiKeyNumber>(apiKey: K, apiVersion: number, frame: Buffer): DecodedResponse<K> {
  const info = API_KEYS[apiKey];
  const r = new Reader(frame);
  const header = ResponseHeader.read(r, responseHeaderVersion(apiKey, apiVersion));
  const body = info.response.read(r, apiVersion);
  r.expectEnd(`${info.name} v${apiVersion} response`);
  return { correlationId: header.correlationId, header, body };
}
