// generated — do not edit. Source: shared/kafka-protocol/messages/AddOffsetsToTxnResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * AddOffsetsToTxnResponse (api key 25); versions 0-4; flexible 3+.
 */
export interface AddOffsetsToTxnResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The response error code, or 0 if there was no error. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AddOffsetsToTxnResponse: `read` and `write` its body at a given version. */
export const AddOffsetsToTxnResponse = {
  apiKey: 25,
  type: 'response',
  name: 'AddOffsetsToTxn',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readAddOffsetsToTxnResponse,
  write: writeAddOffsetsToTxnResponse,
} as const satisfies ApiMessageCodec<AddOffsetsToTxnResponse>;

function readAddOffsetsToTxnResponse(r: Reader, v: number): AddOffsetsToTxnResponse {
  checkVersion(v, 0, 4, 'AddOffsetsToTxnResponse');
  const flex = v >= 3;
  const o: AddOffsetsToTxnResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAddOffsetsToTxnResponse(w: Writer, v: number, o: AddOffsetsToTxnResponse): void {
  checkVersion(v, 0, 4, 'AddOffsetsToTxnResponse');
  const flex = v >= 3;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AddOffsetsToTxnResponse', v);
}

/** AddOffsetsToTxnResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultAddOffsetsToTxnResponse(): AddOffsetsToTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}
