// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeClusterResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DescribeClusterResponse (api key 60); versions 0-1; flexible 0+.
 */
export interface DescribeClusterResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top-level error code, or 0 if there was no error */
  errorCode: number;
  /** The top-level error message, or null if there was no error. (nullable; default null) */
  errorMessage: string | null;
  /** The endpoint type that was described. 1=brokers, 2=controllers. (versions 1+; default 1) */
  endpointType: number;
  /** The cluster ID that responding broker belongs to. */
  clusterId: string;
  /** The ID of the controller broker. (default -1) */
  controllerId: number;
  /** Each broker in the response. */
  brokers: DescribeClusterBroker[];
  /** 32-bit bitfield to represent authorized operations for this cluster. (default -2147483648) */
  clusterAuthorizedOperations: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribeClusterBroker: versions 0-1.
 */
export interface DescribeClusterBroker {
  /** The broker ID. */
  brokerId: number;
  /** The broker hostname. */
  host: string;
  /** The broker port. */
  port: number;
  /** The rack of the broker, or null if it has not been assigned to a rack. (nullable; default null) */
  rack: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeClusterResponse: `read` and `write` its body at a given version. */
export const DescribeClusterResponse = {
  apiKey: 60,
  type: 'response',
  name: 'DescribeCluster',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDescribeClusterResponse,
  write: writeDescribeClusterResponse,
} as const satisfies ApiMessageCodec<DescribeClusterResponse>;

function readDescribeClusterResponse(r: Reader, v: number): DescribeClusterResponse {
  checkVersion(v, 0, 1, 'DescribeClusterResponse');
  const o: DescribeClusterResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    endpointType: v === 1 ? r.int8() : 1,
    clusterId: r.compactString(),
    controllerId: r.int32(),
    brokers: readArray(r, true, v, readDescribeClusterBroker),
    clusterAuthorizedOperations: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeClusterResponse(w: Writer, v: number, o: DescribeClusterResponse): void {
  checkVersion(v, 0, 1, 'DescribeClusterResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  if (v === 1) w.int8(o.endpointType);
  else if (o.endpointType !== 1) throw nonDefault('DescribeClusterResponse.endpointType', v);
  w.compactString(o.clusterId);
  w.int32(o.controllerId);
  writeArray(w, true, v, o.brokers, writeDescribeClusterBroker);
  w.int32(o.clusterAuthorizedOperations);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readDescribeClusterBroker(r: Reader, v: number): DescribeClusterBroker {
  const o: DescribeClusterBroker = {
    brokerId: r.int32(),
    host: r.compactString(),
    port: r.int32(),
    rack: r.compactNullableString(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeClusterBroker(w: Writer, v: number, o: DescribeClusterBroker): void {
  w.int32(o.brokerId);
  w.compactString(o.host);
  w.int32(o.port);
  w.compactNullableString(o.rack);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** DescribeClusterBroker with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeClusterBroker(): DescribeClusterBroker {
  return {
    brokerId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

/** DescribeClusterResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeClusterResponse(): DescribeClusterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    endpointType: 1,
    clusterId: "",
    controllerId: -1,
    brokers: [],
    clusterAuthorizedOperations: -2147483648,
  };
}
