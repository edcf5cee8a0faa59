// generated — do not edit. Source: shared/kafka-protocol/messages/CreateDelegationTokenResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, EMPTY_BYTES, nonDefault } from '../wire/field-checks';

/**
 * CreateDelegationTokenResponse (api key 38); versions 0-3; flexible 2+.
 */
export interface CreateDelegationTokenResponse {
  /** The top-level error, or zero if there was no error. */
  errorCode: number;
  /** The principal type of the token owner. */
  principalType: string;
  /** The name of the token owner. */
  principalName: string;
  /** The principal type of the requester of the token. (versions 3+) */
  tokenRequesterPrincipalType: string;
  /** The principal type of the requester of the token. (versions 3+) */
  tokenRequesterPrincipalName: string;
  /** When this token was generated. */
  issueTimestampMs: bigint;
  /** When this token expires. */
  expiryTimestampMs: bigint;
  /** The maximum lifetime of this token. */
  maxTimestampMs: bigint;
  /** The token UUID. */
  tokenId: string;
  /** HMAC of the delegation token. */
  hmac: Buffer;
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for CreateDelegationTokenResponse: `read` and `write` its body at a given version. */
export const CreateDelegationTokenResponse = {
  apiKey: 38,
  type: 'response',
  name: 'CreateDelegationToken',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readCreateDelegationTokenResponse,
  write: writeCreateDelegationTokenResponse,
} as const satisfies ApiMessageCodec<CreateDelegationTokenResponse>;

function readCreateDelegationTokenResponse(r: Reader, v: number): CreateDelegationTokenResponse {
  checkVersion(v, 0, 3, 'CreateDelegationTokenResponse');
  const flex = v >= 2;
  const o: CreateDelegationTokenResponse = {
    errorCode: r.int16(),
    principalType: flex ? r.compactString() : r.string(),
    principalName: flex ? r.compactString() : r.string(),
    tokenRequesterPrincipalType: v === 3 ? r.compactString() : "",
    tokenRequesterPrincipalName: v === 3 ? r.compactString() : "",
    issueTimestampMs: r.int64(),
    expiryTimestampMs: r.int64(),
    maxTimestampMs: r.int64(),
    tokenId: flex ? r.compactString() : r.string(),
    hmac: flex ? r.compactBytes() : r.bytes(),
    throttleTimeMs: r.int32(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreateDelegationTokenResponse(w: Writer, v: number, o: CreateDelegationTokenResponse): void {
  checkVersion(v, 0, 3, 'CreateDelegationTokenResponse');
  const flex = v >= 2;
  w.int16(o.errorCode);
  if (flex) w.compactString(o.principalType);
  else w.string(o.principalType);
  if (flex) w.compactString(o.principalName);
  else w.string(o.principalName);
  if (v === 3) w.compactString(o.tokenRequesterPrincipalType);
  else if (o.tokenRequesterPrincipalType !== "") throw nonDefault('CreateDelegationTokenResponse.tokenRequesterPrincipalType', v);
  if (v === 3) w.compactString(o.tokenRequesterPrincipalName);
  else if (o.tokenRequesterPrincipalName !== "") throw nonDefault('CreateDelegationTokenResponse.tokenRequesterPrincipalName', v);
  w.int64(o.issueTimestampMs);
  w.int64(o.expiryTimestampMs);
  w.int64(o.maxTimestampMs);
  if (flex) w.compactString(o.tokenId);
  else w.string(o.tokenId);
  if (flex) w.compactBytes(o.hmac);
  else w.bytes(o.hmac);
  w.int32(o.throttleTimeMs);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreateDelegationTokenResponse', v);
}

/** CreateDelegationTokenResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultCreateDelegationTokenResponse(): CreateDelegationTokenResponse {
  return {
    errorCode: 0,
    principalType: "",
    principalName: "",
    tokenRequesterPrincipalType: "",
    tokenRequesterPrincipalName: "",
    issueTimestampMs: 0n,
    expiryTimestampMs: 0n,
    maxTimestampMs: 0n,
    tokenId: "",
    hmac: EMPTY_BYTES,
    throttleTimeMs: 0,
  };
}
