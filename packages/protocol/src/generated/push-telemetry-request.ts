// generated — do not edit. Source: shared/kafka-protocol/messages/PushTelemetryRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, EMPTY_BYTES, ZERO_UUID } from '../wire/field-checks';

/**
 * PushTelemetryRequest (api key 72); versions 0; flexible 0+.
 */
export interface PushTelemetryRequest {
  /** Unique id for this client instance. */
  clientInstanceId: string;
  /** Unique identifier for the current subscription. */
  subscriptionId: number;
  /** Client is terminating the connection. */
  terminating: boolean;
  /** Compression codec used to compress the metrics. */
  compressionType: number;
  /** Metrics encoded in OpenTelemetry MetricsData v1 protobuf format. */
  metrics: Buffer;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for PushTelemetryRequest: `read` and `write` its body at a given version. */
export const PushTelemetryRequest = {
  apiKey: 72,
  type: 'request',
  name: 'PushTelemetry',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readPushTelemetryRequest,
  write: writePushTelemetryRequest,
} as const satisfies ApiMessageCodec<PushTelemetryRequest>;

function readPushTelemetryRequest(r: Reader, v: number): PushTelemetryRequest {
  checkVersion(v, 0, 0, 'PushTelemetryRequest');
  const o: PushTelemetryRequest = {
    clientInstanceId: r.uuid(),
    subscriptionId: r.int32(),
    terminating: r.bool(),
    compressionType: r.int8(),
    metrics: r.compactBytes(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePushTelemetryRequest(w: Writer, v: number, o: PushTelemetryRequest): void {
  checkVersion(v, 0, 0, 'PushTelemetryRequest');
  w.uuid(o.clientInstanceId);
  w.int32(o.subscriptionId);
  w.bool(o.terminating);
  w.int8(o.compressionType);
  w.compactBytes(o.metrics);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** PushTelemetryRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultPushTelemetryRequest(): PushTelemetryRequest {
  return {
    clientInstanceId: ZERO_UUID,
    subscriptionId: 0,
    terminating: false,
    compressionType: 0,
    metrics: EMPTY_BYTES,
  };
}
