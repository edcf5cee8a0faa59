/** describeCluster (DescribeCluster, or Metadata from brokers that lack it) and describeLogDirs. */
import { ApiKey, ErrorCode } from '@tarn/protocol';
import type { BrokerNode } from '../cluster/metadata';
import { KafkaError } from '../errors';
import { asKafkaError, itemError, type AdminCallOptions, type AdminContext, type ItemResult } from './admin-context';

export interface ClusterDescription {
  clusterId: string | null;
  controller: BrokerNode | null;
  brokers: BrokerNode[];
}

export async function describeCluster(ctx: AdminContext, options: AdminCallOptions = {}): Promise<ClusterDescription> {
  return ctx.retry('describeCluster', ctx.deadline(options), async () => {
    const id = ctx.cluster.leastLoadedNode();
    const conn = await ctx.cluster.connection(id);
    if (!conn.versions.has(ApiKey.DescribeCluster)) {
      await ctx.cluster.refreshMetadata([]);
      const brokers = ctx.cluster.brokers();
      return { clusterId: ctx.cluster.clusterId, controller: brokers.find((b) => b.nodeId === ctx.cluster.controllerId) ?? null, brokers };
    }
    const r = await ctx.cluster.request(id, ApiKey.DescribeCluster, { includeClusterAuthorizedOperations: false, endpointType: 1 });
    if (r.errorCode !== ErrorCode.NONE) throw new KafkaError(r.errorCode, r.errorMessage ?? 'describeCluster');
    const brokers = r.brokers
      .map((b) => ({ nodeId: b.brokerId, host: b.host, port: b.port, rack: b.rack }))
      .sort((a, b) => a.nodeId - b.nodeId);
    return { clusterId: r.clusterId, controller: brokers.find((b) => b.nodeId === r.controllerId) ?? null, brokers };
  });
}

export interface LogDirDescription {
  path: string;
  error: KafkaError | null;
  /** -1 when the broker does not say (DescribeLogDirs < v4). */
  totalBytes: number;
  usableBytes: number;
  replicas: { topic: string; partition: number; size: number; offsetLag: number; isFuture: boolean }[];
}

/** Each broker's log directories and the replicas in them (all brokers unless `brokerIds`). */
export async function describeLogDirs(
  ctx: AdminContext,
  brokerIds?: readonly number[],
  options: AdminCallOptions = {},
): Promise<({ brokerId: number } & ItemResult<LogDirDescription[]>)[]> {
  const deadline = ctx.deadline(options);
  if (brokerIds === undefined) await ctx.cluster.refreshMetadata([]);
  const ids = brokerIds ?? ctx.cluster.brokers().map((b) => b.nodeId);
  const results = await ctx.perItem<LogDirDescription[]>('describeLogDirs', ids.map(String), deadline, async (pending) => {
    const out = new Map<string, ItemResult<LogDirDescription[]>>();
    await Promise.all(
      pending.map(async (key) => {
        try {
          const r = await ctx.cluster.request(Number(key), ApiKey.DescribeLogDirs, { topics: null });
          const error = itemError(r.errorCode, `log dirs of broker ${key}`);
          out.set(key, {
            error,
            value:
              error !== null
                ? null
                : r.results.map((d) => ({
                    path: d.logDir,
                    error: itemError(d.errorCode, `log dir ${d.logDir}`),
                    totalBytes: Number(d.totalBytes),
                    usableBytes: Number(d.usableBytes),
                    replicas: d.topics.flatMap((t) =>
                      t.partitions.map((p) => ({
                        topic: t.name,
                        partition: p.partitionIndex,
                        size: Number(p.partitionSize),
                        offsetLag: Number(p.offsetLag),
                        isFuture: p.isFutureKey,
                      })),
                    ),
                  })),
          });
        } catch (err) {
          out.set(key, { value: null, error: asKafkaError(err) });
        }
      }),
    );
    return out;
  });
  return ids.map((brokerId) => ({ brokerId, ...results.get(String(brokerId))! }));
}
