// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeGroupsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, readCompactStringElement, readStringElement, writeArray, writeCompactStringElement, writeStringElement } from '../wire/arrays';

/**
 * DescribeGroupsRequest (api key 15); versions 0-5; flexible 5+.
 */
export interface DescribeGroupsRequest {
  /** The names of the groups to describe */
  groups: string[];
  /** Whether to include authorized operations. (versions 3+) */
  includeAuthorizedOperations: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeGroupsRequest: `read` and `write` its body at a given version. */
export const DescribeGroupsRequest = {
  apiKey: 15,
  type: 'request',
  name: 'DescribeGroups',
  validVersions: { min: 0, max: 5 },
  flexibleVersions: { min: 5, max: 32767 },
  read: readDescribeGroupsRequest,
  write: writeDescribeGroupsRequest,
} as const satisfies ApiMessageCodec<DescribeGroupsRequest>;

function readDescribeGroupsRequest(r: Reader, v: number): DescribeGroupsRequest {
  checkVersion(v, 0, 5, 'DescribeGroupsRequest');
  const flex = v === 5;
  const o: DescribeGroupsRequest = {
    groups: readArray(r, flex, v, flex ? readCompactStringElement : readStringElement),
    includeAuthorizedOperations: v >= 3 ? r.bool() : false,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeGroupsRequest(w: Writer, v: number, o: DescribeGroupsRequest): void {
  checkVersion(v, 0, 5, 'DescribeGroupsRequest');
  const flex = v === 5;
  writeArray(w, flex, v, o.groups, flex ? writeCompactStringElement : writeStringElement);
  if (v >= 3) w.bool(o.includeAuthorizedOperations);
  else if (o.includeAuthorizedOperations) throw nonDefault('DescribeGroupsRequest.includeAuthorizedOperations', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeGroupsRequest', v);
}

/** DescribeGroupsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeGroupsRequest(): DescribeGroupsRequest {
  return {
    groups: [],
    includeAuthorizedOperations: false,
  };
}
