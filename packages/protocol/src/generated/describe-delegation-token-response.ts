// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeDelegationTokenResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, EMPTY_BYTES, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DescribeDelegationTokenResponse (api key 41); versions 0-3; flexible 2+.
 */
export interface DescribeDelegationTokenResponse {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The tokens. */
  tokens: DescribedDelegationToken[];
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribedDelegationTokenRenewer: versions 0-3.
 */
export interface DescribedDelegationTokenRenewer {
  /** The renewer principal type */
  principalType: string;
  /** The renewer principal name */
  principalName: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribedDelegationToken: versions 0-3.
 */
export interface DescribedDelegationToken {
  /** The token principal type. */
  principalType: string;
  /** The token principal name. */
  principalName: string;
  /** The principal type of the requester of the token. (versions 3+) */
  tokenRequesterPrincipalType: string;
  /** The principal type of the requester of the token. (versions 3+) */
  tokenRequesterPrincipalName: string;
  /** The token issue timestamp in milliseconds. */
  issueTimestamp: bigint;
  /** The token expiry timestamp in milliseconds. */
  expiryTimestamp: bigint;
  /** The token maximum timestamp length in milliseconds. */
  maxTimestamp: bigint;
  /** The token ID. */
  tokenId: string;
  /** The token HMAC. */
  hmac: Buffer;
  /** Those who are able to renew this token before it expires. */
  renewers: DescribedDelegationTokenRenewer[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeDelegationTokenResponse: `read` and `write` its body at a given version. */
export const DescribeDelegationTokenResponse = {
  apiKey: 41,
  type: 'response',
  name: 'DescribeDelegationToken',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readDescribeDelegationTokenResponse,
  write: writeDescribeDelegationTokenResponse,
} as const satisfies ApiMessageCodec<DescribeDelegationTokenResponse>;

function readDescribeDelegationTokenResponse(r: Reader, v: number): DescribeDelegationTokenResponse {
  checkVersion(v, 0, 3, 'DescribeDelegationTokenResponse');
  const flex = v >= 2;
  const o: DescribeDelegationTokenResponse = {
    errorCode: r.int16(),
    tokens: readArray(r, flex, v, readDescribedDelegationToken),
    throttleTimeMs: r.int32(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeDelegationTokenResponse(w: Writer, v: number, o: DescribeDelegationTokenResponse): void {
  checkVersion(v, 0, 3, 'DescribeDelegationTokenResponse');
  const flex = v >= 2;
  w.int16(o.errorCode);
  writeArray(w, flex, v, o.tokens, writeDescribedDelegationToken);
  w.int32(o.throttleTimeMs);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeDelegationTokenResponse', v);
}

function readDescribedDelegationTokenRenewer(r: Reader, v: number): DescribedDelegationTokenRenewer {
  const flex = v >= 2;
  const o: DescribedDelegationTokenRenewer = {
    principalType: flex ? r.compactString() : r.string(),
    principalName: flex ? r.compactString() : r.string(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribedDelegationTokenRenewer(w: Writer, v: number, o: DescribedDelegationTokenRenewer): void {
  const flex = v >= 2;
  if (flex) w.compactString(o.principalType);
  else w.string(o.principalType);
  if (flex) w.compactString(o.principalName);
  else w.string(o.principalName);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribedDelegationTokenRenewer', v);
}

function readDescribedDelegationToken(r: Reader, v: number): DescribedDelegationToken {
  const flex = v >= 2;
  const o: DescribedDelegationToken = {
    principalType: flex ? r.compactString() : r.string(),
    principalName: flex ? r.compactString() : r.string(),
    tokenRequesterPrincipalType: v === 3 ? r.compactString() : "",
    tokenRequesterPrincipalName: v === 3 ? r.compactString() : "",
    issueTimestamp: r.int64(),
    expiryTimestamp: r.int64(),
    maxTimestamp: r.int64(),
    tokenId: flex ? r.compactString() : r.string(),
    hmac: flex ? r.compactBytes() : r.bytes(),
    renewers: readArray(r, flex, v, readDescribedDelegationTokenRenewer),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribedDelegationToken(w: Writer, v: number, o: DescribedDelegationToken): void {
  const flex = v >= 2;
  if (flex) w.compactString(o.principalType);
  else w.string(o.principalType);
  if (flex) w.compactString(o.principalName);
  else w.string(o.principalName);
  if (v === 3) w.compactString(o.tokenRequesterPrincipalType);
  else if (o.tokenRequesterPrincipalType !== "") throw nonDefault('DescribedDelegationToken.tokenRequesterPrincipalType', v);
  if (v === 3) w.compactString(o.tokenRequesterPrincipalName);
  else if (o.tokenRequesterPrincipalName !== "") throw nonDefault('DescribedDelegationToken.tokenRequesterPrincipalName', v);
  w.int64(o.issueTimestamp);
  w.int64(o.expiryTimestamp);
  w.int64(o.maxTimestamp);
  if (flex) w.compactString(o.tokenId);
  else w.string(o.tokenId);
  if (flex) w.compactBytes(o.hmac);
  else w.bytes(o.hmac);
  writeArray(w, flex, v, o.renewers, writeDescribedDelegationTokenRenewer);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribedDelegationToken', v);
}

/** DescribeDelegationTokenResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeDelegationTokenResponse(): DescribeDelegationTokenResponse {
  return {
    errorCode: 0,
    tokens: [],
    throttleTimeMs: 0,
  };
}

/** DescribedDelegationToken with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribedDelegationToken(): DescribedDelegationToken {
  return {
    principalType: "",
    principalName: "",
    tokenRequesterPrincipalType: "",
    tokenRequesterPrincipalName: "",
    issueTimestamp: 0n,
    expiryTimestamp: 0n,
    maxTimestamp: 0n,
    tokenId: "",
    hmac: EMPTY_BYTES,
    renewers: [],
  };
}

/** DescribedDelegationTokenRenewer with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribedDelegationTokenRenewer(): DescribedDelegationTokenRenewer {
  return {
    principalType: "",
    principalName: "",
  };
}
