// generated — do not edit. Source: shared/kafka-protocol/messages/GetTelemetrySubscriptionsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, readCompactStringElement, readInt8Element, writeArray, writeCompactStringElement, writeInt8Element } from '../wire/arrays';

/**
 * GetTelemetrySubscriptionsResponse (api key 71); versions 0; flexible 0+.
 */
export interface GetTelemetrySubscriptionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Assigned client instance id if ClientInstanceId was 0 in the request, else 0. */
  clientInstanceId: string;
  /** Unique identifier for the current subscription set for this client instance. */
  subscriptionId: number;
  /** Compression types that broker accepts for the PushTelemetryRequest. */
  acceptedCompressionTypes: number[];
  /** Configured push interval, which is the lowest configured interval in the current subscription set. */
  pushIntervalMs: number;
  /** The maximum bytes of binary data the broker accepts in PushTelemetryRequest. */
  telemetryMaxBytes: number;
  /** Flag to indicate monotonic/counter metrics are to be emitted as deltas or cumulative values */
  deltaTemporality: boolean;
  /** Requested metrics prefix string match. Empty array: No metrics subscribed, Array[0] empty string: All metrics subscribed. */
  requestedMetrics: string[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for GetTelemetrySubscriptionsResponse: `read` and `write` its body at a given version. */
export const GetTelemetrySubscriptionsResponse = {
  apiKey: 71,
  type: 'response',
  name: 'GetTelemetrySubscriptions',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readGetTelemetrySubscriptionsResponse,
  write: writeGetTelemetrySubscriptionsResponse,
} as const satisfies ApiMessageCodec<GetTelemetrySubscriptionsResponse>;

function readGetTelemetrySubscriptionsResponse(r: Reader, v: number): GetTelemetrySubscriptionsResponse {
  checkVersion(v, 0, 0, 'GetTelemetrySubscriptionsResponse');
  const o: GetTelemetrySubscriptionsResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    clientInstanceId: r.uuid(),
    subscriptionId: r.int32(),
    acceptedCompressionTypes: readArray(r, true, v, readInt8Element),
    pushIntervalMs: r.int32(),
    telemetryMaxBytes: r.int32(),
    deltaTemporality: r.bool(),
    requestedMetrics: readArray(r, true, v, readCompactStringElement),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeGetTelemetrySubscriptionsResponse(w: Writer, v: number, o: GetTelemetrySubscriptionsResponse): void {
  checkVersion(v, 0, 0, 'GetTelemetrySubscriptionsResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.uuid(o.clientInstanceId);
  w.int32(o.subscriptionId);
  writeArray(w, true, v, o.acceptedCompressionTypes, writeInt8Element);
  w.int32(o.pushIntervalMs);
  w.int32(o.telemetryMaxBytes);
  w.bool(o.deltaTemporality);
  writeArray(w, true, v, o.requestedMetrics, writeCompactStringElement);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** GetTelemetrySubscriptionsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultGetTelemetrySubscriptionsResponse(): GetTelemetrySubscriptionsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    clientInstanceId: ZERO_UUID,
    subscriptionId: 0,
    acceptedCompressionTypes: [],
    pushIntervalMs: 0,
    telemetryMaxBytes: 0,
    deltaTemporality: false,
    requestedMetrics: [],
  };
}
