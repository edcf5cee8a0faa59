// generated — do not edit. Source: shared/kafka-protocol/messages/MetadataRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault, nonNull, ZERO_UUID } from '../wire/field-checks';
import { readArray, readNullableArray, writeArray, writeNullableArray } from '../wire/arrays';

/**
 * MetadataRequest (api key 3); versions 0-12; flexible 9+; deprecated 0-3.
 */
export interface MetadataRequest {
  /** The topics to fetch metadata for. (nullable 1+) */
  topics: MetadataRequestTopic[] | null;
  /** If this is true, the broker may auto-create topics that we requested which do not already exist, if it is configured to do so. (versions 4+; default true) */
  allowAutoTopicCreation: boolean;
  /** Whether to include cluster authorized operations. (versions 8-10) */
  includeClusterAuthorizedOperations: boolean;
  /** Whether to include topic authorized operations. (versions 8+) */
  includeTopicAuthorizedOperations: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * MetadataRequestTopic: versions 0-12.
 */
export interface MetadataRequestTopic {
  /** The topic id. (versions 10+; ignorable) */
  topicId: string;
  /** The topic name. (nullable 10+) */
  name: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for MetadataRequest: `read` and `write` its body at a given version. */
export const MetadataRequest = {
  apiKey: 3,
  type: 'request',
  name: 'Metadata',
  validVersions: { min: 0, max: 12 },
  flexibleVersions: { min: 9, max: 32767 },
  read: readMetadataRequest,
  write: writeMetadataRequest,
} as const satisfies ApiMessageCodec<MetadataRequest>;

function readMetadataRequest(r: Reader, v: number): MetadataRequest {
  checkVersion(v, 0, 12, 'MetadataRequest');
  const flex = v >= 9;
  const o: MetadataRequest = {
    topics: v >= 1 ? readNullableArray(r, flex, v, readMetadataRequestTopic) : readArray(r, flex, v, readMetadataRequestTopic),
    allowAutoTopicCreation: v >= 4 ? r.bool() : true,
    includeClusterAuthorizedOperations: v >= 8 && v <= 10 ? r.bool() : false,
    includeTopicAuthorizedOperations: v >= 8 ? r.bool() : false,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeMetadataRequest(w: Writer, v: number, o: MetadataRequest): void {
  checkVersion(v, 0, 12, 'MetadataRequest');
  const flex = v >= 9;
  if (v >= 1) writeNullableArray(w, flex, v, o.topics, writeMetadataRequestTopic);
  else writeArray(w, flex, v, nonNull(o.topics, 'MetadataRequest.topics', v), writeMetadataRequestTopic);
  if (v >= 4) w.bool(o.allowAutoTopicCreation);
  else if (!o.allowAutoTopicCreation) throw nonDefault('MetadataRequest.allowAutoTopicCreation', v);
  if (v >= 8 && v <= 10) w.bool(o.includeClusterAuthorizedOperations);
  else if (o.includeClusterAuthorizedOperations) throw nonDefault('MetadataRequest.includeClusterAuthorizedOperations', v);
  if (v >= 8) w.bool(o.includeTopicAuthorizedOperations);
  else if (o.includeTopicAuthorizedOperations) throw nonDefault('MetadataRequest.includeTopicAuthorizedOperations', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'MetadataRequest', v);
}

function readMetadataRequestTopic(r: Reader, v: number): MetadataRequestTopic {
  const flex = v >= 9;
  const o: MetadataRequestTopic = {
    topicId: v >= 10 ? r.uuid() : ZERO_UUID,
    name: flex ? (v >= 10 ? r.compactNullableString() : r.compactString()) : (v >= 10 ? r.nullableString() : r.string()),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeMetadataRequestTopic(w: Writer, v: number, o: MetadataRequestTopic): void {
  const flex = v >= 9;
  if (v >= 10) w.uuid(o.topicId);
  if (flex) {
    if (v >= 10) w.compactNullableString(o.name);
    else w.compactString(nonNull(o.name, 'MetadataRequestTopic.name', v));
  } else {
    if (v >= 10) w.nullableString(o.name);
    else w.string(nonNull(o.name, 'MetadataRequestTopic.name', v));
  }
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'MetadataRequestTopic', v);
}

/** MetadataRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultMetadataRequest(): MetadataRequest {
  return {
    topics: [],
    allowAutoTopicCreation: true,
    includeClusterAuthorizedOperations: false,
    includeTopicAuthorizedOperations: false,
  };
}

/** MetadataRequestTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultMetadataRequestTopic(): MetadataRequestTopic {
  return {
    topicId: ZERO_UUID,
    name: "",
  };
}
