/**
 * The cluster as the console's overview shows it: identity, uptime, listeners, brokers with their
 * leadership counts, log dirs with sizes, and partition health.
 */
import { statfsSync } from 'node:fs';
import type { AdminServices } from '../../services';
import { TARN_VERSION } from '../../version';

export function clusterOverview(services: AdminServices) {
  const topics = services.metadata.topics();
  const partitions = topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, ...p })));
  const live = new Set(services.liveBrokers().map((b) => b.nodeId));
  const underReplicated = partitions.filter((p) => p.isr.length < p.replicas.length).length;
  const offline = partitions.filter((p) => p.leader < 0 || !live.has(p.leader)).length;
  // Kafka's preferred-replica imbalance: led by someone other than the first replica
  const notOnPreferredLeader = partitions.filter((p) => p.leader !== p.replicas[0]).length;
  const logs = services.logManager.allLogs();
  const logDirs = services.config.logDirs.map((dir) => {
    const inDir = logs.filter((l) => l.dir.startsWith(dir.replace(/\/$/, '') + '/'));
    let freeBytes: number | null = null;
    let totalBytes: number | null = null;
    try {
      const fs = statfsSync(dir);
      freeBytes = fs.bavail * fs.bsize;
      totalBytes = fs.blocks * fs.bsize;
    } catch {
      // statfs is best effort
    }
    return { path: dir, partitions: inDir.length, sizeBytes: inDir.reduce((n, l) => n + l.size, 0), freeBytes, totalBytes };
  });
  return {
    clusterId: services.metadata.clusterId,
    version: TARN_VERSION,
    nodeId: services.config.nodeId,
    controllerId: services.controllerId(),
    startedAtMs: services.startedAtMs(),
    uptimeMs: Date.now() - services.startedAtMs(),
    listeners: services.boundListeners().map((l) => `${l.name}://${l.host}:${l.port}`),
    brokers: brokerStates(services, partitions),
    logDirs,
    topicCount: topics.filter((t) => !t.internal).length,
    internalTopicCount: topics.filter((t) => t.internal).length,
    partitionCount: partitions.length,
    underReplicatedPartitions: underReplicated,
    offlinePartitions: offline,
    notOnPreferredLeader,
  };
}

type BrokerState = 'running' | 'shutting-down' | 'offline';

/**
 * Registered brokers with their state, plus brokers that hold replicas but are not registered
 * (dead or cut off): those are offline, with no endpoint.
 */
function brokerStates(services: AdminServices, partitions: Array<{ leader: number; replicas: number[]; isr: number[] }>) {
  const regs = services.metadata.brokers();
  const known = new Set(regs.map((r) => r.nodeId));
  const offline = [...new Set(partitions.flatMap((p) => p.replicas))].filter((id) => !known.has(id));
  const row = (
    nodeId: number,
    host: string | null,
    port: number | null,
    rack: string | null,
    state: BrokerState,
    registeredAtMs: number | null,
  ) => ({
    nodeId,
    host,
    port,
    rack,
    state,
    registeredAtMs,
    isController: nodeId === services.controllerId(),
    /** The broker whose admin API answered (the one this console talks to). */
    isLocal: nodeId === services.config.nodeId,
    leaderPartitions: partitions.filter((p) => p.leader === nodeId).length,
    /** Partitions whose first replica (the preferred leader) this broker is. */
    preferredLeaderPartitions: partitions.filter((p) => p.replicas[0] === nodeId).length,
    replicas: partitions.filter((p) => p.replicas.includes(nodeId)).length,
    outOfSyncReplicas: partitions.filter((p) => p.replicas.includes(nodeId) && !p.isr.includes(nodeId)).length,
  });
  return [
    ...regs.map((r) => row(r.nodeId, r.host, r.port, r.rack, r.state, r.registeredAtMs)),
    ...offline.map((id) => row(id, null, null, null, 'offline', null)),
  ].sort((a, b) => a.nodeId - b.nodeId);
}
