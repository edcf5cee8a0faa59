// generated — do not edit. Source: shared/kafka-protocol/messages/FindCoordinatorResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * FindCoordinatorResponse (api key 10); versions 0-6; flexible 3+.
 */
export interface FindCoordinatorResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 1+; ignorable) */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. (versions 0-3) */
  errorCode: number;
  /** The error message, or null if there was no error. (versions 1-3; nullable; ignorable) */
  errorMessage: string | null;
  /** The node id. (versions 0-3) */
  nodeId: number;
  /** The host name. (versions 0-3) */
  host: string;
  /** The port. (versions 0-3) */
  port: number;
  /** Each coordinator result in the response (versions 4+) */
  coordinators: Coordinator[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * Coordinator: versions 4-6.
 */
export interface Coordinator {
  /** The coordinator key. */
  key: string;
  /** The node id. */
  nodeId: number;
  /** The host name. */
  host: string;
  /** The port. */
  port: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. (nullable; ignorable) */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for FindCoordinatorResponse: `read` and `write` its body at a given version. */
export const FindCoordinatorResponse = {
  apiKey: 10,
  type: 'response',
  name: 'FindCoordinator',
  validVersions: { min: 0, max: 6 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readFindCoordinatorResponse,
  write: writeFindCoordinatorResponse,
} as const satisfies ApiMessageCodec<FindCoordinatorResponse>;

function readFindCoordinatorResponse(r: Reader, v: number): FindCoordinatorResponse {
  checkVersion(v, 0, 6, 'FindCoordinatorResponse');
  const flex = v >= 3;
  const o: FindCoordinatorResponse = {
    throttleTimeMs: v >= 1 ? r.int32() : 0,
    errorCode: v <= 3 ? r.int16() : 0,
    errorMessage: v >= 1 && v <= 3 ? (flex ? r.compactNullableString() : r.nullableString()) : "",
    nodeId: v <= 3 ? r.int32() : 0,
    host: v <= 3 ? (flex ? r.compactString() : r.string()) : "",
    port: v <= 3 ? r.int32() : 0,
    coordinators: v >= 4 ? readArray(r, true, v, readCoordinator) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeFindCoordinatorResponse(w: Writer, v: number, o: FindCoordinatorResponse): void {
  checkVersion(v, 0, 6, 'FindCoordinatorResponse');
  const flex = v >= 3;
  if (v >= 1) w.int32(o.throttleTimeMs);
  if (v <= 3) w.int16(o.errorCode);
  else if (o.errorCode !== 0) throw nonDefault('FindCoordinatorResponse.errorCode', v);
  if (v >= 1 && v <= 3) {
    if (flex) w.compactNullableString(o.errorMessage);
    else w.nullableString(o.errorMessage);
  }
  if (v <= 3) w.int32(o.nodeId);
  else if (o.nodeId !== 0) throw nonDefault('FindCoordinatorResponse.nodeId', v);
  if (v <= 3) {
    if (flex) w.compactString(o.host);
    else w.string(o.host);
  } else if (o.host !== "") throw nonDefault('FindCoordinatorResponse.host', v);
  if (v <= 3) w.int32(o.port);
  else if (o.port !== 0) throw nonDefault('FindCoordinatorResponse.port', v);
  if (v >= 4) writeArray(w, true, v, o.coordinators, writeCoordinator);
  else if (o.coordinators.length !== 0) throw nonDefault('FindCoordinatorResponse.coordinators', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'FindCoordinatorResponse', v);
}

function readCoordinator(r: Reader, v: number): Coordinator {
  const o: Coordinator = {
    key: r.compactString(),
    nodeId: r.int32(),
    host: r.compactString(),
    port: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeCoordinator(w: Writer, v: number, o: Coordinator): void {
  w.compactString(o.key);
  w.int32(o.nodeId);
  w.compactString(o.host);
  w.int32(o.port);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** Coordinator with every field at its default (Kafka's no-argument constructor). */
export function defaultCoordinator(): Coordinator {
  return {
    key: "",
    nodeId: 0,
    host: "",
    port: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

/** FindCoordinatorResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultFindCoordinatorResponse(): FindCoordinatorResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    nodeId: 0,
    host: "",
    port: 0,
    coordinators: [],
  };
}
