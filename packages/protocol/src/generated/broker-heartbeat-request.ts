// generated — do not edit. Source: shared/kafka-protocol/messages/BrokerHeartbeatRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { invalidTag, type RawTaggedField, readTaggedFields, type TaggedFieldWrite, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, readUuidElement, writeArray, writeUuidElement } from '../wire/arrays';

/**
 * BrokerHeartbeatRequest (api key 63); versions 0-1; flexible 0+.
 */
export interface BrokerHeartbeatRequest {
  /** The broker ID. */
  brokerId: number;
  /** The broker epoch. (default -1) */
  brokerEpoch: bigint;
  /** The highest metadata offset which the broker has reached. */
  currentMetadataOffset: bigint;
  /** True if the broker wants to be fenced, false otherwise. */
  wantFence: boolean;
  /** True if the broker wants to be shut down, false otherwise. */
  wantShutDown: boolean;
  /** Log directories that failed and went offline. (versions 1+; tagged 1+ as tag 0) */
  offlineLogDirs: string[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for BrokerHeartbeatRequest: `read` and `write` its body at a given version. */
export const BrokerHeartbeatRequest = {
  apiKey: 63,
  type: 'request',
  name: 'BrokerHeartbeat',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readBrokerHeartbeatRequest,
  write: writeBrokerHeartbeatRequest,
} as const satisfies ApiMessageCodec<BrokerHeartbeatRequest>;

function readBrokerHeartbeatRequest(r: Reader, v: number): BrokerHeartbeatRequest {
  checkVersion(v, 0, 1, 'BrokerHeartbeatRequest');
  const o: BrokerHeartbeatRequest = {
    brokerId: r.int32(),
    brokerEpoch: r.int64(),
    currentMetadataOffset: r.int64(),
    wantFence: r.bool(),
    wantShutDown: r.bool(),
    offlineLogDirs: [],
  };
  readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        if (!(v === 1)) invalidTag(tag, v);
        o.offlineLogDirs = readArray(t, true, v, readUuidElement);
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writeBrokerHeartbeatRequest(w: Writer, v: number, o: BrokerHeartbeatRequest): void {
  checkVersion(v, 0, 1, 'BrokerHeartbeatRequest');
  w.int32(o.brokerId);
  w.int64(o.brokerEpoch);
  w.int64(o.currentMetadataOffset);
  w.bool(o.wantFence);
  w.bool(o.wantShutDown);
  if (v < 1 && o.offlineLogDirs.length !== 0) throw nonDefault('BrokerHeartbeatRequest.offlineLogDirs', v);
  const tags: TaggedFieldWrite[] = [];
  if (v === 1) {
    const tag0 = o.offlineLogDirs;
    if (tag0.length !== 0) tags.push([0, (tw) => writeArray(tw, true, v, tag0, writeUuidElement)]);
  }
  writeTaggedFields(w, tags, o.unknownTaggedFields);
}

/** BrokerHeartbeatRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultBrokerHeartbeatRequest(): BrokerHeartbeatRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
    currentMetadataOffset: 0n,
    wantFence: false,
    wantShutDown: false,
    offlineLogDirs: [],
  };
}
