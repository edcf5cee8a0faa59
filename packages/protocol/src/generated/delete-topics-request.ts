// generated — do not edit. Source: shared/kafka-protocol/messages/DeleteTopicsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault, ZERO_UUID } from '../wire/field-checks';
import { readArray, readCompactStringElement, readStringElement, writeArray, writeCompactStringElement, writeStringElement } from '../wire/arrays';

/**
 * DeleteTopicsRequest (api key 20); versions 0-6; flexible 4+; deprecated 0.
 */
export interface DeleteTopicsRequest {
  /** The name or topic ID of the topic (versions 6+) */
  topics: DeleteTopicState[];
  /** The names of the topics to delete (versions 0-5; ignorable) */
  topicNames: string[];
  /** The length of time in milliseconds to wait for the deletions to complete. */
  timeoutMs: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DeleteTopicState: versions 6.
 */
export interface DeleteTopicState {
  /** The topic name (nullable; default null) */
  name: string | null;
  /** The unique topic ID */
  topicId: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DeleteTopicsRequest: `read` and `write` its body at a given version. */
export const DeleteTopicsRequest = {
  apiKey: 20,
  type: 'request',
  name: 'DeleteTopics',
  validVersions: { min: 0, max: 6 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readDeleteTopicsRequest,
  write: writeDeleteTopicsRequest,
} as const satisfies ApiMessageCodec<DeleteTopicsRequest>;

function readDeleteTopicsRequest(r: Reader, v: number): DeleteTopicsRequest {
  checkVersion(v, 0, 6, 'DeleteTopicsRequest');
  const flex = v >= 4;
  const o: DeleteTopicsRequest = {
    topics: v === 6 ? readArray(r, true, v, readDeleteTopicState) : [],
    topicNames: v <= 5 ? (readArray(r, flex, v, flex ? readCompactStringElement : readStringElement)) : [],
    timeoutMs: r.int32(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteTopicsRequest(w: Writer, v: number, o: DeleteTopicsRequest): void {
  checkVersion(v, 0, 6, 'DeleteTopicsRequest');
  const flex = v >= 4;
  if (v === 6) writeArray(w, true, v, o.topics, writeDeleteTopicState);
  else if (o.topics.length !== 0) throw nonDefault('DeleteTopicsRequest.topics', v);
  if (v <= 5) writeArray(w, flex, v, o.topicNames, flex ? writeCompactStringElement : writeStringElement);
  w.int32(o.timeoutMs);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteTopicsRequest', v);
}

function readDeleteTopicState(r: Reader, v: number): DeleteTopicState {
  const o: DeleteTopicState = {
    name: r.compactNullableString(),
    topicId: r.uuid(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDeleteTopicState(w: Writer, v: number, o: DeleteTopicState): void {
  w.compactNullableString(o.name);
  w.uuid(o.topicId);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** DeleteTopicState with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteTopicState(): DeleteTopicState {
  return {
    name: null,
    topicId: ZERO_UUID,
  };
}

/** DeleteTopicsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteTopicsRequest(): DeleteTopicsRequest {
  return {
    topics: [],
    topicNames: [],
    timeoutMs: 0,
  };
}
