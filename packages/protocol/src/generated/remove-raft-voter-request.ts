// generated — do not edit. Source: shared/kafka-protocol/messages/RemoveRaftVoterRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';

/**
 * RemoveRaftVoterRequest (api key 81); versions 0; flexible 0+.
 */
export interface RemoveRaftVoterRequest {
  /** ClusterId (nullable) */
  clusterId: string | null;
  /** The replica id of the voter getting removed from the topic partition */
  voterId: number;
  /** The directory id of the voter getting removed from the topic partition */
  voterDirectoryId: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for RemoveRaftVoterRequest: `read` and `write` its body at a given version. */
export const RemoveRaftVoterRequest = {
  apiKey: 81,
  type: 'request',
  name: 'RemoveRaftVoter',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readRemoveRaftVoterRequest,
  write: writeRemoveRaftVoterRequest,
} as const satisfies ApiMessageCodec<RemoveRaftVoterRequest>;

function readRemoveRaftVoterRequest(r: Reader, v: number): RemoveRaftVoterRequest {
  checkVersion(v, 0, 0, 'RemoveRaftVoterRequest');
  const o: RemoveRaftVoterRequest = {
    clusterId: r.compactNullableString(),
    voterId: r.int32(),
    voterDirectoryId: r.uuid(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeRemoveRaftVoterRequest(w: Writer, v: number, o: RemoveRaftVoterRequest): void {
  checkVersion(v, 0, 0, 'RemoveRaftVoterRequest');
  w.compactNullableString(o.clusterId);
  w.int32(o.voterId);
  w.uuid(o.voterDirectoryId);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** RemoveRaftVoterRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultRemoveRaftVoterRequest(): RemoveRaftVoterRequest {
  return {
    clusterId: "",
    voterId: 0,
    voterDirectoryId: ZERO_UUID,
  };
}
