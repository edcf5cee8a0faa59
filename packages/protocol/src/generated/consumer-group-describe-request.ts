// generated — do not edit. Source: shared/kafka-protocol/messages/ConsumerGroupDescribeRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readCompactStringElement, writeArray, writeCompactStringElement } from '../wire/arrays';

/**
 * ConsumerGroupDescribeRequest (api key 69); versions 0; flexible 0+.
 */
export interface ConsumerGroupDescribeRequest {
  /** The ids of the groups to describe */
  groupIds: string[];
  /** Whether to include authorized operations. */
  includeAuthorizedOperations: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ConsumerGroupDescribeRequest: `read` and `write` its body at a given version. */
export const ConsumerGroupDescribeRequest = {
  apiKey: 69,
  type: 'request',
  name: 'ConsumerGroupDescribe',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readConsumerGroupDescribeRequest,
  write: writeConsumerGroupDescribeRequest,
} as const satisfies ApiMessageCodec<ConsumerGroupDescribeRequest>;

function readConsumerGroupDescribeRequest(r: Reader, v: number): ConsumerGroupDescribeRequest {
  checkVersion(v, 0, 0, 'ConsumerGroupDescribeRequest');
  const o: ConsumerGroupDescribeRequest = {
    groupIds: readArray(r, true, v, readCompactStringElement),
    includeAuthorizedOperations: r.bool(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeConsumerGroupDescribeRequest(w: Writer, v: number, o: ConsumerGroupDescribeRequest): void {
  checkVersion(v, 0, 0, 'ConsumerGroupDescribeRequest');
  writeArray(w, true, v, o.groupIds, writeCompactStringElement);
  w.bool(o.includeAuthorizedOperations);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** ConsumerGroupDescribeRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultConsumerGroupDescribeRequest(): ConsumerGroupDescribeRequest {
  return {
    groupIds: [],
    includeAuthorizedOperations: false,
  };
}
