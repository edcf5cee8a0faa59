// generated — do not edit. Source: shared/kafka-protocol/messages/UpdateRaftVoterRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * UpdateRaftVoterRequest (api key 82); versions 0; flexible 0+.
 */
export interface UpdateRaftVoterRequest {
  /** ClusterId (nullable) */
  clusterId: string | null;
  /** The current leader epoch of the partition, -1 for unknown leader epoch */
  currentLeaderEpoch: number;
  /** The replica id of the voter getting updated in the topic partition */
  voterId: number;
  /** The directory id of the voter getting updated in the topic partition */
  voterDirectoryId: string;
  /** The endpoint that can be used to communicate with the leader */
  listeners: Listener[];
  /** The range of versions of the protocol that the replica supports */
  kRaftVersionFeature: KRaftVersionFeature;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * Listener: versions 0.
 */
export interface Listener {
  /** The name of the endpoint */
  name: string;
  /** The hostname */
  host: string;
  /** The port */
  port: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * KRaftVersionFeature: versions 0.
 */
export interface KRaftVersionFeature {
  /** The minimum supported KRaft protocol version */
  minSupportedVersion: number;
  /** The maximum supported KRaft protocol version */
  maxSupportedVersion: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for UpdateRaftVoterRequest: `read` and `write` its body at a given version. */
export const UpdateRaftVoterRequest = {
  apiKey: 82,
  type: 'request',
  name: 'UpdateRaftVoter',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readUpdateRaftVoterRequest,
  write: writeUpdateRaftVoterRequest,
} as const satisfies ApiMessageCodec<UpdateRaftVoterRequest>;

function readUpdateRaftVoterRequest(r: Reader, v: number): UpdateRaftVoterRequest {
  checkVersion(v, 0, 0, 'UpdateRaftVoterRequest');
  const o: UpdateRaftVoterRequest = {
    clusterId: r.compactNullableString(),
    currentLeaderEpoch: r.int32(),
    voterId: r.int32(),
    voterDirectoryId: r.uuid(),
    listeners: readArray(r, true, v, readListener),
    kRaftVersionFeature: readKRaftVersionFeature(r, v),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeUpdateRaftVoterRequest(w: Writer, v: number, o: UpdateRaftVoterRequest): void {
  checkVersion(v, 0, 0, 'UpdateRaftVoterRequest');
  w.compactNullableString(o.clusterId);
  w.int32(o.currentLeaderEpoch);
  w.int32(o.voterId);
  w.uuid(o.voterDirectoryId);
  writeArray(w, true, v, o.listeners, writeListener);
  writeKRaftVersionFeature(w, v, o.kRaftVersionFeature);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readListener(r: Reader, v: number): Listener {
  const o: Listener = {
    name: r.compactString(),
    host: r.compactString(),
    port: r.uint16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeListener(w: Writer, v: number, o: Listener): void {
  w.compactString(o.name);
  w.compactString(o.host);
  w.uint16(o.port);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readKRaftVersionFeature(r: Reader, v: number): KRaftVersionFeature {
  const o: KRaftVersionFeature = {
    minSupportedVersion: r.int16(),
    maxSupportedVersion: r.int16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeKRaftVersionFeature(w: Writer, v: number, o: KRaftVersionFeature): void {
  w.int16(o.minSupportedVersion);
  w.int16(o.maxSupportedVersion);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** KRaftVersionFeature with every field at its default (Kafka's no-argument constructor). */
export function defaultKRaftVersionFeature(): KRaftVersionFeature {
  return {
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
  };
}

/** UpdateRaftVoterRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultUpdateRaftVoterRequest(): UpdateRaftVoterRequest {
  return {
    clusterId: "",
    currentLeaderEpoch: 0,
    voterId: 0,
    voterDirectoryId: ZERO_UUID,
    listeners: [],
    kRaftVersionFeature: defaultKRaftVersionFeature(),
  };
}
