// generated — do not edit. Source: shared/kafka-protocol/messages/ListGroupsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, readCompactStringElement, writeArray, writeCompactStringElement } from '../wire/arrays';

/**
 * ListGroupsRequest (api key 16); versions 0-5; flexible 3+.
 */
export interface ListGroupsRequest {
  /** The states of the groups we want to list. If empty, all groups are returned with their state. (versions 4+) */
  statesFilter: string[];
  /** The types of the groups we want to list. If empty, all groups are returned with their type. (versions 5+) */
  typesFilter: string[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ListGroupsRequest: `read` and `write` its body at a given version. */
export const ListGroupsRequest = {
  apiKey: 16,
  type: 'request',
  name: 'ListGroups',
  validVersions: { min: 0, max: 5 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readListGroupsRequest,
  write: writeListGroupsRequest,
} as const satisfies ApiMessageCodec<ListGroupsRequest>;

function readListGroupsRequest(r: Reader, v: number): ListGroupsRequest {
  checkVersion(v, 0, 5, 'ListGroupsRequest');
  const flex = v >= 3;
  const o: ListGroupsRequest = {
    statesFilter: v >= 4 ? readArray(r, true, v, readCompactStringElement) : [],
    typesFilter: v === 5 ? readArray(r, true, v, readCompactStringElement) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeListGroupsRequest(w: Writer, v: number, o: ListGroupsRequest): void {
  checkVersion(v, 0, 5, 'ListGroupsRequest');
  const flex = v >= 3;
  if (v >= 4) writeArray(w, true, v, o.statesFilter, writeCompactStringElement);
  else if (o.statesFilter.length !== 0) throw nonDefault('ListGroupsRequest.statesFilter', v);
  if (v === 5) writeArray(w, true, v, o.typesFilter, writeCompactStringElement);
  else if (o.typesFilter.length !== 0) throw nonDefault('ListGroupsRequest.typesFilter', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ListGroupsRequest', v);
}

/** ListGroupsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultListGroupsRequest(): ListGroupsRequest {
  return {
    statesFilter: [],
    typesFilter: [],
  };
}
