// generated — do not edit. Source: shared/kafka-protocol/messages/DeleteGroupsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readCompactStringElement, readStringElement, writeArray, writeCompactStringElement, writeStringElement } from '../wire/arrays';

/**
 * DeleteGroupsRequest (api key 42); versions 0-2; flexible 2+; deprecated 0.
 */
export interface DeleteGroupsRequest {
  /** The group names to delete. */
  groupsNames: string[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DeleteGroupsRequest: `read` and `write` its body at a given version. */
export const DeleteGroupsRequest = {
  apiKey: 42,
  type: 'request',
  name: 'DeleteGroups',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readDeleteGroupsRequest,
  write: writeDeleteGroupsRequest,
} as const satisfies ApiMessageCodec<DeleteGroupsRequest>;

function readDeleteGroupsRequest(r: Reader, v: number): DeleteGroupsRequest {
  checkVersion(v, 0, 2, 'DeleteGroupsRequest');
  const flex = v === 2;
  const o: DeleteGroupsRequest = {
    groupsNames: readArray(r, flex, v, flex ? readCompactStringElement : readStringElement),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteGroupsRequest(w: Writer, v: number, o: DeleteGroupsRequest): void {
  checkVersion(v, 0, 2, 'DeleteGroupsRequest');
  const flex = v === 2;
  writeArray(w, flex, v, o.groupsNames, flex ? writeCompactStringElement : writeStringElement);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteGroupsRequest', v);
}

/** DeleteGroupsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteGroupsRequest(): DeleteGroupsRequest {
  return {
    groupsNames: [],
  };
}
