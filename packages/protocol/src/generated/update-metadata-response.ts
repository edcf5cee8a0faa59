// generated — do not edit. Source: shared/kafka-protocol/messages/UpdateMetadataResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * UpdateMetadataResponse (api key 6); versions 0-8; flexible 6+.
 */
export interface UpdateMetadataResponse {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for UpdateMetadataResponse: `read` and `write` its body at a given version. */
export const UpdateMetadataResponse = {
  apiKey: 6,
  type: 'response',
  name: 'UpdateMetadata',
  validVersions: { min: 0, max: 8 },
  flexibleVersions: { min: 6, max: 32767 },
  read: readUpdateMetadataResponse,
  write: writeUpdateMetadataResponse,
} as const satisfies ApiMessageCodec<UpdateMetadataResponse>;

function readUpdateMetadataResponse(r: Reader, v: number): UpdateMetadataResponse {
  checkVersion(v, 0, 8, 'UpdateMetadataResponse');
  const flex = v >= 6;
  const o: UpdateMetadataResponse = {
    errorCode: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeUpdateMetadataResponse(w: Writer, v: number, o: UpdateMetadataResponse): void {
  checkVersion(v, 0, 8, 'UpdateMetadataResponse');
  const flex = v >= 6;
  w.int16(o.errorCode);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'UpdateMetadataResponse', v);
}

/** UpdateMetadataResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultUpdateMetadataResponse(): UpdateMetadataResponse {
  return {
    errorCode: 0,
  };
}
