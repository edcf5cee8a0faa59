// generated — do not edit. Source: shared/kafka-protocol/messages/ListGroupsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ListGroupsResponse (api key 16); versions 0-5; flexible 3+.
 */
export interface ListGroupsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 1+; ignorable) */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Each group in the response. */
  groups: ListedGroup[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ListedGroup: versions 0-5.
 */
export interface ListedGroup {
  /** The group ID. */
  groupId: string;
  /** The group protocol type. */
  protocolType: string;
  /** The group state name. (versions 4+; ignorable) */
  groupState: string;
  /** The group type name. (versions 5+; ignorable) */
  groupType: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ListGroupsResponse: `read` and `write` its body at a given version. */
export const ListGroupsResponse = {
  apiKey: 16,
  type: 'response',
  name: 'ListGroups',
  validVersions: { min: 0, max: 5 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readListGroupsResponse,
  write: writeListGroupsResponse,
} as const satisfies ApiMessageCodec<ListGroupsResponse>;

function readListGroupsResponse(r: Reader, v: number): ListGroupsResponse {
  checkVersion(v, 0, 5, 'ListGroupsResponse');
  const flex = v >= 3;
  const o: ListGroupsResponse = {
    throttleTimeMs: v >= 1 ? r.int32() : 0,
    errorCode: r.int16(),
    groups: readArray(r, flex, v, readListedGroup),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeListGroupsResponse(w: Writer, v: number, o: ListGroupsResponse): void {
  checkVersion(v, 0, 5, 'ListGroupsResponse');
  const flex = v >= 3;
  if (v >= 1) w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  writeArray(w, flex, v, o.groups, writeListedGroup);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ListGroupsResponse', v);
}

function readListedGroup(r: Reader, v: number): ListedGroup {
  const flex = v >= 3;
  const o: ListedGroup = {
    groupId: flex ? r.compactString() : r.string(),
    protocolType: flex ? r.compactString() : r.string(),
    groupState: v >= 4 ? r.compactString() : "",
    groupType: v === 5 ? r.compactString() : "",
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeListedGroup(w: Writer, v: number, o: ListedGroup): void {
  const flex = v >= 3;
  if (flex) w.compactString(o.groupId);
  else w.string(o.groupId);
  if (flex) w.compactString(o.protocolType);
  else w.string(o.protocolType);
  if (v >= 4) w.compactString(o.groupState);
  if (v === 5) w.compactString(o.groupType);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ListedGroup', v);
}

/** ListGroupsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultListGroupsResponse(): ListGroupsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    groups: [],
  };
}

/** ListedGroup with every field at its default (Kafka's no-argument constructor). */
export function defaultListedGroup(): ListedGroup {
  return {
    groupId: "",
    protocolType: "",
    groupState: "",
    groupType: "",
  };
}
