// generated — do not edit. Source: shared/kafka-protocol/messages/PushTelemetryResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * PushTelemetryResponse (api key 72); versions 0; flexible 0+.
 */
export interface PushTelemetryResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for PushTelemetryResponse: `read` and `write` its body at a given version. */
export const PushTelemetryResponse = {
  apiKey: 72,
  type: 'response',
  name: 'PushTelemetry',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readPushTelemetryResponse,
  write: writePushTelemetryResponse,
} as const satisfies ApiMessageCodec<PushTelemetryResponse>;

function readPushTelemetryResponse(r: Reader, v: number): PushTelemetryResponse {
  checkVersion(v, 0, 0, 'PushTelemetryResponse');
  const o: PushTelemetryResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePushTelemetryResponse(w: Writer, v: number, o: PushTelemetryResponse): void {
  checkVersion(v, 0, 0, 'PushTelemetryResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** PushTelemetryResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultPushTelemetryResponse(): PushTelemetryResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}
