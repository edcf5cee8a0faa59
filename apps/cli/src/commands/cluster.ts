/**
 * `tarn cluster`: the cluster id, the controller, every broker, and the under-replicated partitions
 * (ISR smaller than the replica set) — what kafka-broker-api-versions.sh, kafka-metadata-quorum.sh
 * and `kafka-topics.sh --describe --under-replicated-partitions` tell between them.
 */
import type { Command } from 'commander';
import { action } from '../context';
import { withCluster } from '../connect';

export function registerCluster(program: Command): void {
  program
    .command('cluster')
    .description('show the brokers, the controller and the under-replicated partitions')
    .action(
      action(async ({ options, out }) => {
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
