// generated — do not edit. Source: shared/kafka-protocol/messages/AddRaftVoterResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * AddRaftVoterResponse (api key 80); versions 0; flexible 0+.
 */
export interface AddRaftVoterResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error */
  errorCode: number;
  /** The error message, or null if there was no error. (nullable; ignorable) */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AddRaftVoterResponse: `read` and `write` its body at a given version. */
export const AddRaftVoterResponse = {
  apiKey: 80,
  type: 'response',
  name: 'AddRaftVoter',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readAddRaftVoterResponse,
  write: writeAddRaftVoterResponse,
} as const satisfies ApiMessageCodec<AddRaftVoterResponse>;

function readAddRaftVoterResponse(r: Reader, v: number): AddRaftVoterResponse {
  checkVersion(v, 0, 0, 'AddRaftVoterResponse');
  const o: AddRaftVoterResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAddRaftVoterResponse(w: Writer, v: number, o: AddRaftVoterResponse): void {
  checkVersion(v, 0, 0, 'AddRaftVoterResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** AddRaftVoterResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultAddRaftVoterResponse(): AddRaftVoterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
  };
}
