// DescribeLogDirs v0-4: this broker's log directories with the size of every partition replica and
// its offset lag (log end minus high watermark). v1 throttle time, v2 flexible, v3 a top-level error
// code, v4 the volume's total and usable bytes.
import { statfsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiKey, KafkaError, DescribeLogDirsResponseTypes, ErrorCode } from '@tarn/protocol';
import { AclOperation, authorizedOnCluster } from './authorize';
import { defineHandler } from './handler';

export const describeLogDirs = defineHandler({
  apiKey: ApiKey.DescribeLogDirs,
  minVersion: 0,
  maxVersion: 4,
  handle(ctx, req) {
    if (!authorizedOnCluster(ctx, AclOperation.DESCRIBE))
      throw new KafkaError(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    const wanted = req.topics === null ? null : new Map(req.topics.map((t) => [t.topic, new Set(t.partitions)]));
    const logs = ctx.services.logManager.allLogs();
    const results = ctx.services.config.logDirs.map((dir) => {
      const abs = resolve(dir);
      const inDir = logs.filter((l) => resolve(l.dir, '..') === abs && (wanted === null || wanted.get(l.topic)?.has(l.partition) === true));
      const byTopic = new Map<string, typeof inDir>();
      for (const l of inDir) byTopic.set(l.topic, [...(byTopic.get(l.topic) ?? []), l]);
      let totalBytes = -1n;
      let usableBytes = -1n;
      try {
        const fs = statfsSync(abs);
        totalBytes = BigInt(fs.blocks * fs.bsize);
        usableBytes = BigInt(fs.bavail * fs.bsize);
      } catch {
        // statfs is best effort
      }
      return {
        ...DescribeLogDirsResponseTypes.defaultDescribeLogDirsResult(),
        errorCode: ErrorCode.NONE,
        logDir: abs,
        topics: [...byTopic].map(([name, ls]) => ({
          ...DescribeLogDirsResponseTypes.defaultDescribeLogDirsTopic(),
          name,
          partitions: ls.map((l) => ({
            ...DescribeLogDirsResponseTypes.defaultDescribeLogDirsPartition(),
            partitionIndex: l.partition,
            partitionSize: BigInt(l.size),
            offsetLag: BigInt(Math.max(0, l.logEndOffset - l.highWatermark)),
            isFutureKey: false,
          })),
        })),
        totalBytes: ctx.apiVersion >= 4 ? totalBytes : -1n,
        usableBytes: ctx.apiVersion >= 4 ? usableBytes : -1n,
      };
    });
    return { ...DescribeLogDirsResponseTypes.defaultDescribeLogDirsResponse(), results };
  },
  errorResponse: (_req, code) => ({ ...DescribeLogDirsResponseTypes.defaultDescribeLogDirsResponse(), errorCode: code }),
});
