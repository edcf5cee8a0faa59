/**
 * `tarn cluster`: the cluster id, the controller, every broker, and the under-replicated partitions
 * (ISR smaller than the replica set) — what kafka-broker-api-versions.sh, kafka-metadata-quorum.sh
 * and `kafka-topics.sh --describe --under-replicated-partitions` tell between them.
 */
import type { Command } from 'commander';
import { highestCommonVersion, type Cluster } from '@tarn/client';
import { API_KEYS, type ApiKeyNumber } from '@tarn/protocol';
import { action } from '../context';
import { withCluster } from '../connect';
import type { Output } from '../output';

/**
 * kafka-broker-api-versions.sh: per broker, every API it advertises with its version range and the
 * version this client would use (`[usable: v]`), in Kafka's NodeApiVersions layout.
 */
async function printApiVersions(cluster: Cluster, out: Output): Promise<void> {
  for (const b of cluster.brokers()) {
    const conn = await cluster.connection(b.nodeId);
    const apis = [...conn.versions.entries()].sort((x, y) => x[0] - y[0]);
    const described = apis.map(([key, range]) => {
      const info = API_KEYS[key as ApiKeyNumber];
      const usable = info === undefined ? null : highestCommonVersion(conn.versions, key as ApiKeyNumber);
      const versions = range.min === range.max ? `${range.min}` : `${range.min} to ${range.max}`;
      return {
        api: info?.name ?? `UNKNOWN(${key})`,
        key,
        min: range.min,
        max: range.max,
        usable,
        text: `${info?.name ?? 'UNKNOWN'}(${key}): ${versions} [${usable === null ? 'unusable' : `usable: ${usable}`}]`,
      };
    });
    if (out.json)
      out.jsonLine({ nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack, apis: described.map(({ text: _, ...rest }) => rest) });
    else
      out.line(`${b.host}:${b.port} (id: ${b.nodeId} rack: ${b.rack ?? 'null'}) -> (\n\t${described.map((d) => d.text).join(',\n\t')}\n)`);
  }
}

export function registerCluster(program: Command): void {
  program
    .command('cluster')
    .description('show the brokers, the controller and the under-replicated partitions')
    .option('--api-versions', "each broker's API versions, as kafka-broker-api-versions.sh prints them")
    .action(
      action<{ apiVersions?: boolean }>(async ({ options, out }) => {
        if (options.apiVersions) {
          await withCluster(options, (cluster) => printApiVersions(cluster, out));
          return;
        }
        const view = await withCluster(options, async (cluster) => {
          const topics = await cluster.refreshMetadata(null);
          const underReplicated = topics
            .flatMap((t) => t.partitions)
            .filter((p) => p.isr.length < p.replicas.length)
            .map((p) => ({ topic: p.topic, partition: p.partition, leader: p.leader, replicas: p.replicas, isr: p.isr }));
          return { clusterId: cluster.clusterId, controllerId: cluster.controllerId, brokers: cluster.brokers(), underReplicated };
        });
        if (out.json) {
          out.jsonLine(view);
          return;
        }
        out.line(`Cluster id: ${view.clusterId ?? '-'}`);
        const controller = view.brokers.find((b) => b.nodeId === view.controllerId);
        out.line(`Controller: ${controller === undefined ? 'none' : `${controller.nodeId} (${controller.host}:${controller.port})`}`);
        out.line('');
        out.table(
          ['ID', 'HOST', 'PORT', 'RACK', 'ROLE'],
          view.brokers.map((b) => [b.nodeId, b.host, b.port, b.rack, b.nodeId === view.controllerId ? 'controller' : '']),
        );
        out.line('');
        const n = view.underReplicated.length;
        out.line(n === 0 ? out.green('Under-replicated partitions: 0') : out.red(`Under-replicated partitions: ${n}`));
        if (n > 0) {
          out.table(
            ['TOPIC', 'PARTITION', 'LEADER', 'REPLICAS', 'ISR'],
            view.underReplicated.map((p) => [p.topic, p.partition, p.leader, p.replicas.join(','), p.isr.join(',')]),
          );
        }
      }),
    );
}
