// generated — do not edit. Source: shared/kafka-protocol/messages/VotersRecord.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { MessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * VotersRecord (data); versions 0; flexible 0+.
 */
export interface VotersRecord {
  /** The version of the voters record */
  version: number;
  /** Voters */
  voters: Voter[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * Endpoint: versions 0.
 */
export interface Endpoint {
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

/**
 * Voter: versions 0.
 */
export interface Voter {
  /** The replica id of the voter in the topic partition */
  voterId: number;
  /** The directory id of the voter in the topic partition */
  voterDirectoryId: string;
  /** The endpoint that can be used to communicate with the voter */
  endpoints: Endpoint[];
  /** The range of versions of the protocol that the replica supports */
  kRaftVersionFeature: KRaftVersionFeature;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for VotersRecord: `read` and `write` its body at a given version. */
export const VotersRecord = {
  type: 'data',
  name: 'VotersRecord',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readVotersRecord,
  write: writeVotersRecord,
} as const satisfies MessageCodec<VotersRecord>;

function readVotersRecord(r: Reader, v: number): VotersRecord {
  checkVersion(v, 0, 0, 'VotersRecord');
  const o: VotersRecord = {
    version: r.int16(),
    voters: readArray(r, true, v, readVoter),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeVotersRecord(w: Writer, v: number, o: VotersRecord): void {
  checkVersion(v, 0, 0, 'VotersRecord');
  w.int16(o.version);
  writeArray(w, true, v, o.voters, writeVoter);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readEndpoint(r: Reader, v: number): Endpoint {
  const o: Endpoint = {
    name: r.compactString(),
    host: r.compactString(),
    port: r.uint16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeEndpoint(w: Writer, v: number, o: Endpoint): void {
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

function readVoter(r: Reader, v: number): Voter {
  const o: Voter = {
    voterId: r.int32(),
    voterDirectoryId: r.uuid(),
    endpoints: readArray(r, true, v, readEndpoint),
    kRaftVersionFeature: readKRaftVersionFeature(r, v),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeVoter(w: Writer, v: number, o: Voter): void {
  w.int32(o.voterId);
  w.uuid(o.voterDirectoryId);
  writeArray(w, true, v, o.endpoints, writeEndpoint);
  writeKRaftVersionFeature(w, v, o.kRaftVersionFeature);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** Endpoint with every field at its default (Kafka's no-argument constructor). */
export function defaultEndpoint(): Endpoint {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

/** KRaftVersionFeature with every field at its default (Kafka's no-argument constructor). */
export function defaultKRaftVersionFeature(): KRaftVersionFeature {
  return {
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

/** Voter with every field at its default (Kafka's no-argument constructor). */
export function defaultVoter(): Voter {
  return {
    voterId: 0,
    voterDirectoryId: ZERO_UUID,
    endpoints: [],
    kRaftVersionFeature: defaultKRaftVersionFeature(),
  };
}

/** VotersRecord with every field at its default (Kafka's no-argument constructor). */
export function defaultVotersRecord(): VotersRecord {
  return {
    version: 0,
    voters: [],
  };
}
