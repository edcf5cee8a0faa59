// generated — do not edit. Source: shared/kafka-protocol/messages/ControllerRegistrationRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ControllerRegistrationRequest (api key 70); versions 0; flexible 0+.
 */
export interface ControllerRegistrationRequest {
  /** The ID of the controller to register. */
  controllerId: number;
  /** The controller incarnation ID, which is unique to each process run. */
  incarnationId: string;
  /** Set if the required configurations for ZK migration are present. */
  zkMigrationReady: boolean;
  /** The listeners of this controller */
  listeners: Listener[];
  /** The features on this controller */
  features: Feature[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * Listener: versions 0.
 */
export interface Listener {
  /** The name of the endpoint. */
  name: string;
  /** The hostname. */
  host: string;
  /** The port. */
  port: number;
  /** The security protocol. */
  securityProtocol: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * Feature: versions 0.
 */
export interface Feature {
  /** The feature name. */
  name: string;
  /** The minimum supported feature level. */
  minSupportedVersion: number;
  /** The maximum supported feature level. */
  maxSupportedVersion: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ControllerRegistrationRequest: `read` and `write` its body at a given version. */
export const ControllerRegistrationRequest = {
  apiKey: 70,
  type: 'request',
  name: 'ControllerRegistration',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readControllerRegistrationRequest,
  write: writeControllerRegistrationRequest,
} as const satisfies ApiMessageCodec<ControllerRegistrationRequest>;

function readControllerRegistrationRequest(r: Reader, v: number): ControllerRegistrationRequest {
  checkVersion(v, 0, 0, 'ControllerRegistrationRequest');
  const o: ControllerRegistrationRequest = {
    controllerId: r.int32(),
    incarnationId: r.uuid(),
    zkMigrationReady: r.bool(),
    listeners: readArray(r, true, v, readListener),
    features: readArray(r, true, v, readFeature),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeControllerRegistrationRequest(w: Writer, v: number, o: ControllerRegistrationRequest): void {
  checkVersion(v, 0, 0, 'ControllerRegistrationRequest');
  w.int32(o.controllerId);
  w.uuid(o.incarnationId);
  w.bool(o.zkMigrationReady);
  writeArray(w, true, v, o.listeners, writeListener);
  writeArray(w, true, v, o.features, writeFeature);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readListener(r: Reader, v: number): Listener {
  const o: Listener = {
    name: r.compactString(),
    host: r.compactString(),
    port: r.uint16(),
    securityProtocol: r.int16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeListener(w: Writer, v: number, o: Listener): void {
  w.compactString(o.name);
  w.compactString(o.host);
  w.uint16(o.port);
  w.int16(o.securityProtocol);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readFeature(r: Reader, v: number): Feature {
  const o: Feature = {
    name: r.compactString(),
    minSupportedVersion: r.int16(),
    maxSupportedVersion: r.int16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeFeature(w: Writer, v: number, o: Feature): void {
  w.compactString(o.name);
  w.int16(o.minSupportedVersion);
  w.int16(o.maxSupportedVersion);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** ControllerRegistrationRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultControllerRegistrationRequest(): ControllerRegistrationRequest {
  return {
    controllerId: 0,
    incarnationId: ZERO_UUID,
    zkMigrationReady: false,
    listeners: [],
    features: [],
  };
}

/** Feature with every field at its default (Kafka's no-argument constructor). */
export function defaultFeature(): Feature {
  return {
    name: "",
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

/** Listener with every field at its default (Kafka's no-argument constructor). */
export function defaultListener(): Listener {
  return {
    name: "",
    host: "",
    port: 0,
    securityProtocol: 0,
  };
}
