// generated — do not edit. Source: shared/kafka-protocol/messages/UpdateRaftVoterResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, type TaggedFieldWrite, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * UpdateRaftVoterResponse (api key 82); versions 0; flexible 0+.
 */
export interface UpdateRaftVoterResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error */
  errorCode: number;
  /** CurrentLeader (tagged 0+ as tag 0) */
  currentLeader: CurrentLeader;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * CurrentLeader: versions 0.
 */
export interface CurrentLeader {
  /** The replica id of the current leader or -1 if the leader is unknown (default -1) */
  leaderId: number;
  /** The latest known leader epoch (default -1) */
  leaderEpoch: number;
  /** The node's hostname */
  host: string;
  /** The node's port */
  port: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for UpdateRaftVoterResponse: `read` and `write` its body at a given version. */
export const UpdateRaftVoterResponse = {
  apiKey: 82,
  type: 'response',
  name: 'UpdateRaftVoter',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readUpdateRaftVoterResponse,
  write: writeUpdateRaftVoterResponse,
} as const satisfies ApiMessageCodec<UpdateRaftVoterResponse>;

function readUpdateRaftVoterResponse(r: Reader, v: number): UpdateRaftVoterResponse {
  checkVersion(v, 0, 0, 'UpdateRaftVoterResponse');
  const o: UpdateRaftVoterResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    currentLeader: defaultCurrentLeader(),
  };
  readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        o.currentLeader = readCurrentLeader(t, v);
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writeUpdateRaftVoterResponse(w: Writer, v: number, o: UpdateRaftVoterResponse): void {
  checkVersion(v, 0, 0, 'UpdateRaftVoterResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  const tags: TaggedFieldWrite[] = [];
  const tag0 = o.currentLeader;
  if (!isDefaultCurrentLeader(tag0)) tags.push([0, (tw) => writeCurrentLeader(tw, v, tag0)]);
  writeTaggedFields(w, tags, o.unknownTaggedFields);
}

function readCurrentLeader(r: Reader, v: number): CurrentLeader {
  const o: CurrentLeader = {
    leaderId: r.int32(),
    leaderEpoch: r.int32(),
    host: r.compactString(),
    port: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeCurrentLeader(w: Writer, v: number, o: CurrentLeader): void {
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  w.compactString(o.host);
  w.int32(o.port);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** CurrentLeader with every field at its default (Kafka's no-argument constructor). */
export function defaultCurrentLeader(): CurrentLeader {
  return {
    leaderId: -1,
    leaderEpoch: -1,
    host: "",
    port: 0,
  };
}

/** UpdateRaftVoterResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultUpdateRaftVoterResponse(): UpdateRaftVoterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    currentLeader: defaultCurrentLeader(),
  };
}

function isDefaultCurrentLeader(o: CurrentLeader): boolean {
  return !(
    o.leaderId !== -1 ||
    o.leaderEpoch !== -1 ||
    o.host !== "" ||
    o.port !== 0 ||
    (o.unknownTaggedFields !== undefined && o.unknownTaggedFields.length > 0)
  );
}
