// generated — do not edit. Source: shared/kafka-protocol/messages/FindCoordinatorRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, readCompactStringElement, writeArray, writeCompactStringElement } from '../wire/arrays';

/**
 * FindCoordinatorRequest (api key 10); versions 0-6; flexible 3+; deprecated 0.
 */
export interface FindCoordinatorRequest {
  /** The coordinator key. (versions 0-3) */
  key: string;
  /** The coordinator key type. (Group, transaction, etc.) (versions 1+; default 0) */
  keyType: number;
  /** The coordinator keys. (versions 4+) */
  coordinatorKeys: string[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for FindCoordinatorRequest: `read` and `write` its body at a given version. */
export const FindCoordinatorRequest = {
  apiKey: 10,
  type: 'request',
  name: 'FindCoordinator',
  validVersions: { min: 0, max: 6 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readFindCoordinatorRequest,
  write: writeFindCoordinatorRequest,
} as const satisfies ApiMessageCodec<FindCoordinatorRequest>;

function readFindCoordinatorRequest(r: Reader, v: number): FindCoordinatorRequest {
  checkVersion(v, 0, 6, 'FindCoordinatorRequest');
  const flex = v >= 3;
  const o: FindCoordinatorRequest = {
    key: v <= 3 ? (flex ? r.compactString() : r.string()) : "",
    keyType: v >= 1 ? r.int8() : 0,
    coordinatorKeys: v >= 4 ? readArray(r, true, v, readCompactStringElement) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeFindCoordinatorRequest(w: Writer, v: number, o: FindCoordinatorRequest): void {
  checkVersion(v, 0, 6, 'FindCoordinatorRequest');
  const flex = v >= 3;
  if (v <= 3) {
    if (flex) w.compactString(o.key);
    else w.string(o.key);
  } else if (o.key !== "") throw nonDefault('FindCoordinatorRequest.key', v);
  if (v >= 1) w.int8(o.keyType);
  else if (o.keyType !== 0) throw nonDefault('FindCoordinatorRequest.keyType', v);
  if (v >= 4) writeArray(w, true, v, o.coordinatorKeys, writeCompactStringElement);
  else if (o.coordinatorKeys.length !== 0) throw nonDefault('FindCoordinatorRequest.coordinatorKeys', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'FindCoordinatorRequest', v);
}

/** FindCoordinatorRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultFindCoordinatorRequest(): FindCoordinatorRequest {
  return {
    key: "",
    keyType: 0,
    coordinatorKeys: [],
  };
}
