// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeUserScramCredentialsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DescribeUserScramCredentialsResponse (api key 50); versions 0; flexible 0+.
 */
export interface DescribeUserScramCredentialsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The message-level error code, 0 except for user authorization or infrastructure issues. */
  errorCode: number;
  /** The message-level error message, if any. (nullable) */
  errorMessage: string | null;
  /** The results for descriptions, one per user. */
  results: DescribeUserScramCredentialsResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * CredentialInfo: versions 0.
 */
export interface CredentialInfo {
  /** The SCRAM mechanism. */
  mechanism: number;
  /** The number of iterations used in the SCRAM credential. */
  iterations: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribeUserScramCredentialsResult: versions 0.
 */
export interface DescribeUserScramCredentialsResult {
  /** The user name. */
  user: string;
  /** The user-level error code. */
  errorCode: number;
  /** The user-level error message, if any. (nullable) */
  errorMessage: string | null;
  /** The mechanism and related information associated with the user's SCRAM credentials. */
  credentialInfos: CredentialInfo[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeUserScramCredentialsResponse: `read` and `write` its body at a given version. */
export const DescribeUserScramCredentialsResponse = {
  apiKey: 50,
  type: 'response',
  name: 'DescribeUserScramCredentials',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDescribeUserScramCredentialsResponse,
  write: writeDescribeUserScramCredentialsResponse,
} as const satisfies ApiMessageCodec<DescribeUserScramCredentialsResponse>;

function readDescribeUserScramCredentialsResponse(r: Reader, v: number): DescribeUserScramCredentialsResponse {
  checkVersion(v, 0, 0, 'DescribeUserScramCredentialsResponse');
  const o: DescribeUserScramCredentialsResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    results: readArray(r, true, v, readDescribeUserScramCredentialsResult),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeUserScramCredentialsResponse(w: Writer, v: number, o: DescribeUserScramCredentialsResponse): void {
  checkVersion(v, 0, 0, 'DescribeUserScramCredentialsResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeArray(w, true, v, o.results, writeDescribeUserScramCredentialsResult);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readCredentialInfo(r: Reader, v: number): CredentialInfo {
  const o: CredentialInfo = {
    mechanism: r.int8(),
    iterations: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeCredentialInfo(w: Writer, v: number, o: CredentialInfo): void {
  w.int8(o.mechanism);
  w.int32(o.iterations);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readDescribeUserScramCredentialsResult(r: Reader, v: number): DescribeUserScramCredentialsResult {
  const o: DescribeUserScramCredentialsResult = {
    user: r.compactString(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    credentialInfos: readArray(r, true, v, readCredentialInfo),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeUserScramCredentialsResult(w: Writer, v: number, o: DescribeUserScramCredentialsResult): void {
  w.compactString(o.user);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeArray(w, true, v, o.credentialInfos, writeCredentialInfo);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** CredentialInfo with every field at its default (Kafka's no-argument constructor). */
export function defaultCredentialInfo(): CredentialInfo {
  return {
    mechanism: 0,
    iterations: 0,
  };
}

/** DescribeUserScramCredentialsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeUserScramCredentialsResponse(): DescribeUserScramCredentialsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    results: [],
  };
}

/** DescribeUserScramCredentialsResult with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeUserScramCredentialsResult(): DescribeUserScramCredentialsResult {
  return {
    user: "",
    errorCode: 0,
    errorMessage: "",
    credentialInfos: [],
  };
}
