// generated — do not edit. Source: shared/kafka-protocol/messages/ControlledShutdownRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * ControlledShutdownRequest (api key 7); versions 0-3; flexible 3+.
 */
export interface ControlledShutdownRequest {
  /** The id of the broker for which controlled shutdown has been requested. */
  brokerId: number;
  /** The broker epoch. (versions 2+; default -1; ignorable) */
  brokerEpoch: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ControlledShutdownRequest: `read` and `write` its body at a given version. */
export const ControlledShutdownRequest = {
  apiKey: 7,
  type: 'request',
  name: 'ControlledShutdown',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readControlledShutdownRequest,
  write: writeControlledShutdownRequest,
} as const satisfies ApiMessageCodec<ControlledShutdownRequest>;

function readControlledShutdownRequest(r: Reader, v: number): ControlledShutdownRequest {
  checkVersion(v, 0, 3, 'ControlledShutdownRequest');
  const flex = v === 3;
  const o: ControlledShutdownRequest = {
    brokerId: r.int32(),
    brokerEpoch: v >= 2 ? r.int64() : -1n,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeControlledShutdownRequest(w: Writer, v: number, o: ControlledShutdownRequest): void {
  checkVersion(v, 0, 3, 'ControlledShutdownRequest');
  const flex = v === 3;
  w.int32(o.brokerId);
  if (v >= 2) w.int64(o.brokerEpoch);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ControlledShutdownRequest', v);
}

/** ControlledShutdownRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultControlledShutdownRequest(): ControlledShutdownRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
  };
}
