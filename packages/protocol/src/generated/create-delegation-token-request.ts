// generated — do not edit. Source: shared/kafka-protocol/messages/CreateDelegationTokenRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * CreateDelegationTokenRequest (api key 38); versions 0-3; flexible 2+; deprecated 0.
 */
export interface CreateDelegationTokenRequest {
  /** The principal type of the owner of the token. If it's null it defaults to the token request principal. (versions 3+; nullable) */
  ownerPrincipalType: string | null;
  /** The principal name of the owner of the token. If it's null it defaults to the token request principal. (versions 3+; nullable) */
  ownerPrincipalName: string | null;
  /** A list of those who are allowed to renew this token before it expires. */
  renewers: CreatableRenewers[];
  /** The maximum lifetime of the token in milliseconds, or -1 to use the server side default. */
  maxLifetimeMs: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * CreatableRenewers: versions 0-3.
 */
export interface CreatableRenewers {
  /** The type of the Kafka principal. */
  principalType: string;
  /** The name of the Kafka principal. */
  principalName: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for CreateDelegationTokenRequest: `read` and `write` its body at a given version. */
export const CreateDelegationTokenRequest = {
  apiKey: 38,
  type: 'request',
  name: 'CreateDelegationToken',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readCreateDelegationTokenRequest,
  write: writeCreateDelegationTokenRequest,
} as const satisfies ApiMessageCodec<CreateDelegationTokenRequest>;

function readCreateDelegationTokenRequest(r: Reader, v: number): CreateDelegationTokenRequest {
  checkVersion(v, 0, 3, 'CreateDelegationTokenRequest');
  const flex = v >= 2;
  const o: CreateDelegationTokenRequest = {
    ownerPrincipalType: v === 3 ? r.compactNullableString() : "",
    ownerPrincipalName: v === 3 ? r.compactNullableString() : "",
    renewers: readArray(r, flex, v, readCreatableRenewers),
    maxLifetimeMs: r.int64(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreateDelegationTokenRequest(w: Writer, v: number, o: CreateDelegationTokenRequest): void {
  checkVersion(v, 0, 3, 'CreateDelegationTokenRequest');
  const flex = v >= 2;
  if (v === 3) w.compactNullableString(o.ownerPrincipalType);
  else if (o.ownerPrincipalType === null || o.ownerPrincipalType !== "") throw nonDefault('CreateDelegationTokenRequest.ownerPrincipalType', v);
  if (v === 3) w.compactNullableString(o.ownerPrincipalName);
  else if (o.ownerPrincipalName === null || o.ownerPrincipalName !== "") throw nonDefault('CreateDelegationTokenRequest.ownerPrincipalName', v);
  writeArray(w, flex, v, o.renewers, writeCreatableRenewers);
  w.int64(o.maxLifetimeMs);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreateDelegationTokenRequest', v);
}

function readCreatableRenewers(r: Reader, v: number): CreatableRenewers {
  const flex = v >= 2;
  const o: CreatableRenewers = {
    principalType: flex ? r.compactString() : r.string(),
    principalName: flex ? r.compactString() : r.string(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreatableRenewers(w: Writer, v: number, o: CreatableRenewers): void {
  const flex = v >= 2;
  if (flex) w.compactString(o.principalType);
  else w.string(o.principalType);
  if (flex) w.compactString(o.principalName);
  else w.string(o.principalName);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreatableRenewers', v);
}

/** CreatableRenewers with every field at its default (Kafka's no-argument constructor). */
export function defaultCreatableRenewers(): CreatableRenewers {
  return {
    principalType: "",
    principalName: "",
  };
}

/** CreateDelegationTokenRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultCreateDelegationTokenRequest(): CreateDelegationTokenRequest {
  return {
    ownerPrincipalType: "",
    ownerPrincipalName: "",
    renewers: [],
    maxLifetimeMs: 0n,
  };
}
