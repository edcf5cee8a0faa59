// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeClusterRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';

/**
 * DescribeClusterRequest (api key 60); versions 0-1; flexible 0+.
 */
export interface DescribeClusterRequest {
  /** Whether to include cluster authorized operations. */
  includeClusterAuthorizedOperations: boolean;
  /** The endpoint type to describe. 1=brokers, 2=controllers. (versions 1+; default 1) */
  endpointType: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeClusterRequest: `read` and `write` its body at a given version. */
export const DescribeClusterRequest = {
  apiKey: 60,
  type: 'request',
  name: 'DescribeCluster',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDescribeClusterRequest,
  write: writeDescribeClusterRequest,
} as const satisfies ApiMessageCodec<DescribeClusterRequest>;

function readDescribeClusterRequest(r: Reader, v: number): DescribeClusterRequest {
  checkVersion(v, 0, 1, 'DescribeClusterRequest');
  const o: DescribeClusterRequest = {
    includeClusterAuthorizedOperations: r.bool(),
    endpointType: v === 1 ? r.int8() : 1,
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeClusterRequest(w: Writer, v: number, o: DescribeClusterRequest): void {
  checkVersion(v, 0, 1, 'DescribeClusterRequest');
  w.bool(o.includeClusterAuthorizedOperations);
  if (v === 1) w.int8(o.endpointType);
  else if (o.endpointType !== 1) throw nonDefault('DescribeClusterRequest.endpointType', v);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** DescribeClusterRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeClusterRequest(): DescribeClusterRequest {
  return {
    includeClusterAuthorizedOperations: false,
    endpointType: 1,
  };
}
