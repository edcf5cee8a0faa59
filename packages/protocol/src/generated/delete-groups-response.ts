// generated — do not edit. Source: shared/kafka-protocol/messages/DeleteGroupsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DeleteGroupsResponse (api key 42); versions 0-2; flexible 2+.
 */
export interface DeleteGroupsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The deletion results */
  results: DeletableGroupResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DeletableGroupResult: versions 0-2.
 */
export interface DeletableGroupResult {
  /** The group id */
  groupId: string;
  /** The deletion error, or 0 if the deletion succeeded. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DeleteGroupsResponse: `read` and `write` its body at a given version. */
export const DeleteGroupsResponse = {
  apiKey: 42,
  type: 'response',
  name: 'DeleteGroups',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readDeleteGroupsResponse,
  write: writeDeleteGroupsResponse,
} as const satisfies ApiMessageCodec<DeleteGroupsResponse>;

function readDeleteGroupsResponse(r: Reader, v: number): DeleteGroupsResponse {
  checkVersion(v, 0, 2, 'DeleteGroupsResponse');
  const flex = v === 2;
  const o: DeleteGroupsResponse = {
    throttleTimeMs: r.int32(),
    results: readArray(r, flex, v, readDeletableGroupResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteGroupsResponse(w: Writer, v: number, o: DeleteGroupsResponse): void {
  checkVersion(v, 0, 2, 'DeleteGroupsResponse');
  const flex = v === 2;
  w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.results, writeDeletableGroupResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteGroupsResponse', v);
}

function readDeletableGroupResult(r: Reader, v: number): DeletableGroupResult {
  const flex = v === 2;
  const o: DeletableGroupResult = {
    groupId: flex ? r.compactString() : r.string(),
    errorCode: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeletableGroupResult(w: Writer, v: number, o: DeletableGroupResult): void {
  const flex = v === 2;
  if (flex) w.compactString(o.groupId);
  else w.string(o.groupId);
  w.int16(o.errorCode);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeletableGroupResult', v);
}

/** DeletableGroupResult with every field at its default (Kafka's no-argument constructor). */
export function defaultDeletableGroupResult(): DeletableGroupResult {
  return {
    groupId: "",
    errorCode: 0,
  };
}

/** DeleteGroupsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteGroupsResponse(): DeleteGroupsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}
