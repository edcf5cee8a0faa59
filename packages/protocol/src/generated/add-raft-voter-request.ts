// generated — do not edit. Source: shared/kafka-protocol/messages/AddRaftVoterRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * AddRaftVoterRequest (api key 80); versions 0; flexible 0+.
 */
export interface AddRaftVoterRequest {
  /** ClusterId (nullable) */
  clusterId: string | null;
  /** TimeoutMs */
  timeoutMs: number;
  /** The replica id of the voter getting added to the topic partition */
  voterId: number;
  /** The directory id of the voter getting added to the topic partition */
  voterDirectoryId: string;
  /** The endpoints that can be used to communicate with the voter */
  listeners: Listener[];
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

/** Codec for AddRaftVoterRequest: `read` and `write` its body at a given version. */
export const AddRaftVoterRequest = {
  apiKey: 80,
  type: 'request',
  name: 'AddRaftVoter',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readAddRaftVoterRequest,
  write: writeAddRaftVoterRequest,
} as const satisfies ApiMessageCodec<AddRaftVoterRequest>;

function readAddRaftVoterRequest(r: Reader, v: number): AddRaftVoterRequest {
  checkVersion(v, 0, 0, 'AddRaftVoterRequest');
  const o: AddRaftVoterRequest = {
    clusterId: r.compactNullableString(),
    timeoutMs: r.int32(),
    voterId: r.int32(),
    voterDirectoryId: r.uuid(),
    listeners: readArray(r, true, v, readListener),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAddRaftVoterRequest(w: Writer, v: number, o: AddRaftVoterRequest): void {
  checkVersion(v, 0, 0, 'AddRaftVoterRequest');
  w.compactNullableString(o.clusterId);
  w.int32(o.timeoutMs);
  w.int32(o.voterId);
  w.uuid(o.voterDirectoryId);
  writeArray(w, true, v, o.listeners, writeListener);
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

/** AddRaftVoterRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultAddRaftVoterRequest(): AddRaftVoterRequest {
  return {
    clusterId: "",
    timeoutMs: 0,
    voterId: 0,
    voterDirectoryId: ZERO_UUID,
    listeners: [],
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
