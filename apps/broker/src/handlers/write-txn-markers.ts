// WriteTxnMarkers v0-1 (KIP-98): from a transaction coordinator to partition leaders — append a
// COMMIT or ABORT control batch to each named partition this broker leads (acks=all), and settle the
// producer's pending offset commits on __consumer_offsets partitions. ClusterAction on the cluster
// (brokers only). v1 is flexible.
import { ApiKey, ErrorCode, type WriteTxnMarkersRequestTypes, type WriteTxnMarkersResponseTypes } from '@tarn/protocol';
import { AclOperation, authorizedOnCluster } from './authorize';
import { defineHandler } from './handler';

type Marker = WriteTxnMarkersRequestTypes.WritableTxnMarker;
type MarkerResult = WriteTxnMarkersResponseTypes.WritableTxnMarkerResult;

function resultFor(m: Marker, errorOf: (topic: string, partition: number) => number): MarkerResult {
  return {
    producerId: m.producerId,
    topics: m.topics.map((t) => ({
      name: t.name,
      partitions: t.partitionIndexes.map((partitionIndex) => ({ partitionIndex, errorCode: errorOf(t.name, partitionIndex) })),
    })),
  };
}

export const writeTxnMarkers = defineHandler({
  apiKey: ApiKey.WriteTxnMarkers,
  minVersion: 0,
  maxVersion: 1,
  async handle(ctx, req) {
    if (!authorizedOnCluster(ctx, AclOperation.CLUSTER_ACTION))
      return { markers: req.markers.map((m) => resultFor(m, () => ErrorCode.CLUSTER_AUTHORIZATION_FAILED)) };
    const markers = await Promise.all(
      req.markers.map(async (m) => {
        const results = await ctx.services.transactions.appendMarkers({
          producerId: Number(m.producerId),
          producerEpoch: m.producerEpoch,
          coordinatorEpoch: m.coordinatorEpoch,
          result: m.transactionResult ? 'COMMIT' : 'ABORT',
          partitions: m.topics.flatMap((t) => t.partitionIndexes.map((partition) => ({ topic: t.name, partition }))),
        });
        const errors = new Map(results.map((r) => [`${r.tp.topic}\u0000${r.tp.partition}`, r.error]));
        return resultFor(m, (topic, partition) => errors.get(`${topic}\u0000${partition}`) ?? ErrorCode.UNKNOWN_SERVER_ERROR);
      }),
    );
    return { markers };
  },
  errorResponse: (req, code) => ({ markers: req.markers.map((m) => resultFor(m, () => code)) }),
});
