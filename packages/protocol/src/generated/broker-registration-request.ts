// generated — do not edit. Source: shared/kafka-protocol/messages/BrokerRegistrationRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault, ZERO_UUID } from '../wire/field-checks';
import { readArray, readUuidElement, writeArray, writeUuidElement } from '../wire/arrays';

/**
 * BrokerRegistrationRequest (api key 62); versions 0-4; flexible 0+.
 */
export interface BrokerRegistrationRequest {
  /** The broker ID. */
  brokerId: number;
  /** The cluster id of the broker process. */
  clusterId: string;
  /** The incarnation id of the broker process. */
  incarnationId: string;
  /** The listeners of this broker */
  listeners: Listener[];
  /** The features on this broker. Note: in v0-v3, features with MinSupportedVersion = 0 are omitted. */
  features: Feature[];
  /** The rack which this broker is in. (nullable) */
  rack: string | null;
  /** If the required configurations for ZK migration are present, this value is set to true (versions 1+; default false) */
  isMigratingZkBroker: boolean;
  /** Log directories configured in this broker which are available. (versions 2+; ignorable) */
  logDirs: string[];
  /** The epoch before a clean shutdown. (versions 3+; default -1; ignorable) */
  previousBrokerEpoch: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * Listener: versions 0-4.
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
 * Feature: versions 0-4.
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

/** Codec for BrokerRegistrationRequest: `read` and `write` its body at a given version. */
export const BrokerRegistrationRequest = {
  apiKey: 62,
  type: 'request',
  name: 'BrokerRegistration',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readBrokerRegistrationRequest,
  write: writeBrokerRegistrationRequest,
} as const satisfies ApiMessageCodec<BrokerRegistrationRequest>;

function readBrokerRegistrationRequest(r: Reader, v: number): BrokerRegistrationRequest {
  checkVersion(v, 0, 4, 'BrokerRegistrationRequest');
  const o: BrokerRegistrationRequest = {
    brokerId: r.int32(),
    clusterId: r.compactString(),
    incarnationId: r.uuid(),
    listeners: readArray(r, true, v, readListener),
    features: readArray(r, true, v, readFeature),
    rack: r.compactNullableString(),
    isMigratingZkBroker: v >= 1 ? r.bool() : false,
    logDirs: v >= 2 ? readArray(r, true, v, readUuidElement) : [],
    previousBrokerEpoch: v >= 3 ? r.int64() : -1n,
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeBrokerRegistrationRequest(w: Writer, v: number, o: BrokerRegistrationRequest): void {
  checkVersion(v, 0, 4, 'BrokerRegistrationRequest');
  w.int32(o.brokerId);
  w.compactString(o.clusterId);
  w.uuid(o.incarnationId);
  writeArray(w, true, v, o.listeners, writeListener);
  writeArray(w, true, v, o.features, writeFeature);
  w.compactNullableString(o.rack);
  if (v >= 1) w.bool(o.isMigratingZkBroker);
  else if (o.isMigratingZkBroker) throw nonDefault('BrokerRegistrationRequest.isMigratingZkBroker', v);
  if (v >= 2) writeArray(w, true, v, o.logDirs, writeUuidElement);
  if (v >= 3) w.int64(o.previousBrokerEpoch);
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

/** BrokerRegistrationRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultBrokerRegistrationRequest(): BrokerRegistrationRequest {
  return {
    brokerId: 0,
    clusterId: "",
    incarnationId: ZERO_UUID,
    listeners: [],
    features: [],
    rack: "",
    isMigratingZkBroker: false,
    logDirs: [],
    previousBrokerEpoch: -1n,
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
