// generated — do not edit. Source: shared/kafka-protocol/messages/WriteTxnMarkersRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * WriteTxnMarkersRequest (api key 27); versions 0-1; flexible 1+.
 */
export interface WriteTxnMarkersRequest {
  /** The transaction markers to be written. */
  markers: WritableTxnMarker[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * WritableTxnMarkerTopic: versions 0-1.
 */
export interface WritableTxnMarkerTopic {
  /** The topic name. */
  name: string;
  /** The indexes of the partitions to write transaction markers for. */
  partitionIndexes: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * WritableTxnMarker: versions 0-1.
 */
export interface WritableTxnMarker {
  /** The current producer ID. */
  producerId: bigint;
  /** The current epoch associated with the producer ID. */
  producerEpoch: number;
  /** The result of the transaction to write to the partitions (false = ABORT, true = COMMIT). */
  transactionResult: boolean;
  /** Each topic that we want to write transaction marker(s) for. */
  topics: WritableTxnMarkerTopic[];
  /** Epoch associated with the transaction state partition hosted by this transaction coordinator */
  coordinatorEpoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for WriteTxnMarkersRequest: `read` and `write` its body at a given version. */
export const WriteTxnMarkersRequest = {
  apiKey: 27,
  type: 'request',
  name: 'WriteTxnMarkers',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 1, max: 32767 },
  read: readWriteTxnMarkersRequest,
  write: writeWriteTxnMarkersRequest,
} as const satisfies ApiMessageCodec<WriteTxnMarkersRequest>;

function readWriteTxnMarkersRequest(r: Reader, v: number): WriteTxnMarkersRequest {
  checkVersion(v, 0, 1, 'WriteTxnMarkersRequest');
  const flex = v === 1;
  const o: WriteTxnMarkersRequest = {
    markers: readArray(r, flex, v, readWritableTxnMarker),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeWriteTxnMarkersRequest(w: Writer, v: number, o: WriteTxnMarkersRequest): void {
  checkVersion(v, 0, 1, 'WriteTxnMarkersRequest');
  const flex = v === 1;
  writeArray(w, flex, v, o.markers, writeWritableTxnMarker);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'WriteTxnMarkersRequest', v);
}

function readWritableTxnMarkerTopic(r: Reader, v: number): WritableTxnMarkerTopic {
  const flex = v === 1;
  const o: WritableTxnMarkerTopic = {
    name: flex ? r.compactString() : r.string(),
    partitionIndexes: readArray(r, flex, v, readInt32Element),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeWritableTxnMarkerTopic(w: Writer, v: number, o: WritableTxnMarkerTopic): void {
  const flex = v === 1;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitionIndexes, writeInt32Element);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'WritableTxnMarkerTopic', v);
}

function readWritableTxnMarker(r: Reader, v: number): WritableTxnMarker {
  const flex = v === 1;
  const o: WritableTxnMarker = {
    producerId: r.int64(),
    producerEpoch: r.int16(),
    transactionResult: r.bool(),
    topics: readArray(r, flex, v, readWritableTxnMarkerTopic),
    coordinatorEpoch: r.int32(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeWritableTxnMarker(w: Writer, v: number, o: WritableTxnMarker): void {
  const flex = v === 1;
  w.int64(o.producerId);
  w.int16(o.producerEpoch);
  w.bool(o.transactionResult);
  writeArray(w, flex, v, o.topics, writeWritableTxnMarkerTopic);
  w.int32(o.coordinatorEpoch);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'WritableTxnMarker', v);
}

/** WritableTxnMarker with every field at its default (Kafka's no-argument constructor). */
export function defaultWritableTxnMarker(): WritableTxnMarker {
  return {
    producerId: 0n,
    producerEpoch: 0,
    transactionResult: false,
    topics: [],
    coordinatorEpoch: 0,
  };
}

/** WritableTxnMarkerTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultWritableTxnMarkerTopic(): WritableTxnMarkerTopic {
  return {
    name: "",
    partitionIndexes: [],
  };
}

/** WriteTxnMarkersRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultWriteTxnMarkersRequest(): WriteTxnMarkersRequest {
  return {
    markers: [],
  };
}
