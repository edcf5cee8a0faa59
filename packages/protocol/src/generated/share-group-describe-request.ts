// generated — do not edit. Source: shared/kafka-protocol/messages/ShareGroupDescribeRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readCompactStringElement, writeArray, writeCompactStringElement } from '../wire/arrays';

/**
 * ShareGroupDescribeRequest (api key 77); versions 0; flexible 0+.
 */
export interface ShareGroupDescribeRequest {
  /** The ids of the groups to describe */
  groupIds: string[];
  /** Whether to include authorized operations. */
  includeAuthorizedOperations: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ShareGroupDescribeRequest: `read` and `write` its body at a given version. */
export const ShareGroupDescribeRequest = {
  apiKey: 77,
  type: 'request',
  name: 'ShareGroupDescribe',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readShareGroupDescribeRequest,
  write: writeShareGroupDescribeRequest,
} as const satisfies ApiMessageCodec<ShareGroupDescribeRequest>;

function readShareGroupDescribeRequest(r: Reader, v: number): ShareGroupDescribeRequest {
  checkVersion(v, 0, 0, 'ShareGroupDescribeRequest');
  const o: ShareGroupDescribeRequest = {
    groupIds: readArray(r, true, v, readCompactStringElement),
    includeAuthorizedOperations: r.bool(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeShareGroupDescribeRequest(w: Writer, v: number, o: ShareGroupDescribeRequest): void {
  checkVersion(v, 0, 0, 'ShareGroupDescribeRequest');
  writeArray(w, true, v, o.groupIds, writeCompactStringElement);
  w.bool(o.includeAuthorizedOperations);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** ShareGroupDescribeRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultShareGroupDescribeRequest(): ShareGroupDescribeRequest {
  return {
    groupIds: [],
    includeAuthorizedOperations: false,
  };
}
