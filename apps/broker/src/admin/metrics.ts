/**
 * `/metrics` in Prometheus format (prom-client): request rates and latencies per API, bytes and
 * records in and out per topic, under-replicated and offline partitions, log sizes, and (once the
 * group coordinator reports it) consumer lag.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { API_KEYS, type ApiKeyNumber } from '@tarn/protocol';
import type { AdminServices } from '../services';

export function createMetrics(services: AdminServices): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tarn_process_' });
  const requests = new Counter({
    name: 'tarn_requests_total',
    help: 'Kafka requests handled, by API and error',
    labelNames: ['api', 'error'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'tarn_request_duration_seconds',
    help: 'Time from decoding a request to having its answer, by API',
    labelNames: ['api'],
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [registry],
  });
  services.observeRequests((apiKey, _version, ms, error) => {
    const api = API_KEYS[apiKey as ApiKeyNumber]?.name ?? String(apiKey);
    requests.inc({ api, error: String(error) });
    latency.observe({ api }, ms / 1000);
  });
  const perTopic = (
    name: string,
    help: string,
    pick: (r: { recordsIn: number; bytesIn: number; recordsOut: number; bytesOut: number }) => number,
  ) =>
    new Counter({
      name,
      help,
      labelNames: ['topic'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [topic, r] of services.insights.throughput.totals) this.inc({ topic }, pick(r));
      },
    });
  perTopic('tarn_bytes_in_total', 'Bytes appended, by topic', (r) => r.bytesIn);
  perTopic('tarn_bytes_out_total', 'Bytes served to consumers, by topic', (r) => r.bytesOut);
  perTopic('tarn_records_in_total', 'Records appended, by topic', (r) => r.recordsIn);
  perTopic('tarn_records_out_total', 'Records served to consumers, by topic', (r) => r.recordsOut);
  new Gauge({
    name: 'tarn_under_replicated_partitions',
    help: 'Partitions whose ISR is smaller than their replica set',
    registers: [registry],
    collect() {
      this.set(
        services.metadata
          .topics()
          .flatMap((t) => t.partitions)
          .filter((p) => p.isr.length < p.replicas.length).length,
      );
    },
  });
  new Gauge({
    name: 'tarn_offline_partitions',
    help: 'Partitions without a live leader',
    registers: [registry],
    collect() {
      const live = new Set(services.liveBrokers().map((b) => b.nodeId));
      this.set(
        services.metadata
          .topics()
          .flatMap((t) => t.partitions)
          .filter((p) => !live.has(p.leader)).length,
      );
    },
  });
  new Gauge({
    name: 'tarn_log_size_bytes',
    help: 'Size of each partition log on this broker',
    labelNames: ['topic', 'partition'],
    registers: [registry],
    collect() {
      this.reset();
      for (const log of services.logManager.allLogs()) this.set({ topic: log.topic, partition: String(log.partition) }, log.size);
    },
  });
  new Gauge({
    name: 'tarn_consumer_group_lag',
    help: "Records between a group's committed offset and the high watermark",
    labelNames: ['group', 'topic', 'partition'],
    registers: [registry],
    collect() {
      this.reset();
      for (const g of services.groupCoordinator.groupSummaries()) {
        for (const p of services.insights.lag.groupLag(g.groupId)?.partitions ?? []) {
          if (p.lag !== null) this.set({ group: g.groupId, topic: p.topic, partition: String(p.partition) }, p.lag);
        }
      }
    },
  });
  return registry;
}
