// generated — do not edit. Source: shared/kafka-protocol/messages/AlterUserScramCredentialsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * AlterUserScramCredentialsResponse (api key 51); versions 0; flexible 0+.
 */
export interface AlterUserScramCredentialsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The results for deletions and alterations, one per affected user. */
  results: AlterUserScramCredentialsResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AlterUserScramCredentialsResult: versions 0.
 */
export interface AlterUserScramCredentialsResult {
  /** The user name. */
  user: string;
  /** The error code. */
  errorCode: number;
  /** The error message, if any. (nullable) */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AlterUserScramCredentialsResponse: `read` and `write` its body at a given version. */
export const AlterUserScramCredentialsResponse = {
  apiKey: 51,
  type: 'response',
  name: 'AlterUserScramCredentials',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readAlterUserScramCredentialsResponse,
  write: writeAlterUserScramCredentialsResponse,
} as const satisfies ApiMessageCodec<AlterUserScramCredentialsResponse>;

function readAlterUserScramCredentialsResponse(r: Reader, v: number): AlterUserScramCredentialsResponse {
  checkVersion(v, 0, 0, 'AlterUserScramCredentialsResponse');
  const o: AlterUserScramCredentialsResponse = {
    throttleTimeMs: r.int32(),
    results: readArray(r, true, v, readAlterUserScramCredentialsResult),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAlterUserScramCredentialsResponse(w: Writer, v: number, o: AlterUserScramCredentialsResponse): void {
  checkVersion(v, 0, 0, 'AlterUserScramCredentialsResponse');
  w.int32(o.throttleTimeMs);
  writeArray(w, true, v, o.results, writeAlterUserScramCredentialsResult);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readAlterUserScramCredentialsResult(r: Reader, v: number): AlterUserScramCredentialsResult {
  const o: AlterUserScramCredentialsResult = {
    user: r.compactString(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAlterUserScramCredentialsResult(w: Writer, v: number, o: AlterUserScramCredentialsResult): void {
  w.compactString(o.user);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** AlterUserScramCredentialsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterUserScramCredentialsResponse(): AlterUserScramCredentialsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

/** AlterUserScramCredentialsResult with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterUserScramCredentialsResult(): AlterUserScramCredentialsResult {
  return {
    user: "",
    errorCode: 0,
    errorMessage: "",
  };
}
