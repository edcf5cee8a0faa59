// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeUserScramCredentialsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readNullableArray, writeNullableArray } from '../wire/arrays';

/**
 * DescribeUserScramCredentialsRequest (api key 50); versions 0; flexible 0+.
 */
export interface DescribeUserScramCredentialsRequest {
  /** The users to describe, or null/empty to describe all users. (nullable) */
  users: UserName[] | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * UserName: versions 0.
 */
export interface UserName {
  /** The user name. */
  name: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeUserScramCredentialsRequest: `read` and `write` its body at a given version. */
export const DescribeUserScramCredentialsRequest = {
  apiKey: 50,
  type: 'request',
  name: 'DescribeUserScramCredentials',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDescribeUserScramCredentialsRequest,
  write: writeDescribeUserScramCredentialsRequest,
} as const satisfies ApiMessageCodec<DescribeUserScramCredentialsRequest>;

function readDescribeUserScramCredentialsRequest(r: Reader, v: number): DescribeUserScramCredentialsRequest {
  checkVersion(v, 0, 0, 'DescribeUserScramCredentialsRequest');
  const o: DescribeUserScramCredentialsRequest = {
    users: readNullableArray(r, true, v, readUserName),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeUserScramCredentialsRequest(w: Writer, v: number, o: DescribeUserScramCredentialsRequest): void {
  checkVersion(v, 0, 0, 'DescribeUserScramCredentialsRequest');
  writeNullableArray(w, true, v, o.users, writeUserName);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readUserName(r: Reader, v: number): UserName {
  const o: UserName = {
    name: r.compactString(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeUserName(w: Writer, v: number, o: UserName): void {
  w.compactString(o.name);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** DescribeUserScramCredentialsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeUserScramCredentialsRequest(): DescribeUserScramCredentialsRequest {
  return {
    users: [],
  };
}

/** UserName with every field at its default (Kafka's no-argument constructor). */
export function defaultUserName(): UserName {
  return {
    name: "",
  };
}
