// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeDelegationTokenRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readNullableArray, writeNullableArray } from '../wire/arrays';

/**
 * DescribeDelegationTokenRequest (api key 41); versions 0-3; flexible 2+; deprecated 0.
 */
export interface DescribeDelegationTokenRequest {
  /** Each owner that we want to describe delegation tokens for, or null to describe all tokens. (nullable) */
  owners: DescribeDelegationTokenOwner[] | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribeDelegationTokenOwner: versions 0-3.
 */
export interface DescribeDelegationTokenOwner {
  /** The owner principal type. */
  principalType: string;
  /** The owner principal name. */
  principalName: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeDelegationTokenRequest: `read` and `write` its body at a given version. */
export const DescribeDelegationTokenRequest = {
  apiKey: 41,
  type: 'request',
  name: 'DescribeDelegationToken',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readDescribeDelegationTokenRequest,
  write: writeDescribeDelegationTokenRequest,
} as const satisfies ApiMessageCodec<DescribeDelegationTokenRequest>;

function readDescribeDelegationTokenRequest(r: Reader, v: number): DescribeDelegationTokenRequest {
  checkVersion(v, 0, 3, 'DescribeDelegationTokenRequest');
  const flex = v >= 2;
  const o: DescribeDelegationTokenRequest = {
    owners: readNullableArray(r, flex, v, readDescribeDelegationTokenOwner),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeDelegationTokenRequest(w: Writer, v: number, o: DescribeDelegationTokenRequest): void {
  checkVersion(v, 0, 3, 'DescribeDelegationTokenRequest');
  const flex = v >= 2;
  writeNullableArray(w, flex, v, o.owners, writeDescribeDelegationTokenOwner);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeDelegationTokenRequest', v);
}

function readDescribeDelegationTokenOwner(r: Reader, v: number): DescribeDelegationTokenOwner {
  const flex = v >= 2;
  const o: DescribeDelegationTokenOwner = {
    principalType: flex ? r.compactString() : r.string(),
    principalName: flex ? r.compactString() : r.string(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeDelegationTokenOwner(w: Writer, v: number, o: DescribeDelegationTokenOwner): void {
  const flex = v >= 2;
  if (flex) w.compactString(o.principalType);
  else w.string(o.principalType);
  if (flex) w.compactString(o.principalName);
  else w.string(o.principalName);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeDelegationTokenOwner', v);
}

/** DescribeDelegationTokenOwner with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeDelegationTokenOwner(): DescribeDelegationTokenOwner {
  return {
    principalType: "",
    principalName: "",
  };
}

/** DescribeDelegationTokenRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeDelegationTokenRequest(): DescribeDelegationTokenRequest {
  return {
    owners: [],
  };
}
