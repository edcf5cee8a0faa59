/**
 * What the console shows beyond Kafka's own APIs: consumer lag and its evaluation, offset-reset
 * plans, and throughput in and out per topic. Fed from outside the Kafka core — the event bus
 * (commits, groups loaded and deleted), the log's append events and the replica manager's consumer
 * fetches — so the group coordinator and the request handlers never call in here.
 */
import type { LogManager } from '@tarn/storage';
import type { EventBus } from '../events/event-bus';
import type { GroupConfig } from '../config/broker-config';
import type { GroupCoordinator } from '../group/group-coordinator';
import type { ReplicaManager } from '../replica/replica-manager';
import { GroupLagService } from './group-lag-service';
import { OffsetResetService } from './offset-reset-service';
import { countRecords } from '@tarn/protocol';
import { ThroughputMeter } from './throughput-meter';

export interface InsightsDeps {
  coordinator: GroupCoordinator;
  replicaManager: ReplicaManager;
  logManager: LogManager;
  events: EventBus;
  config: GroupConfig;
  now?: () => number;
}

export class Insights {
  readonly lag: GroupLagService;
  readonly offsetReset: OffsetResetService;
  readonly throughput = new ThroughputMeter();
  private readonly unsubscribes: Array<() => void> = [];

  constructor(private readonly deps: InsightsDeps) {
    const now = deps.now ?? Date.now;
    this.lag = new GroupLagService(deps.coordinator, deps.replicaManager, deps.config, now);
    this.offsetReset = new OffsetResetService(deps.coordinator, deps.replicaManager, now);
  }

  /** Before the coordinator starts, so that the groups it loads are seen. */
  start(): void {
    const { events, coordinator, logManager, replicaManager } = this.deps;
    this.unsubscribes.push(
      events.subscribe(({ event: e }) => {
        if (e.type === 'group-offsets-committed') {
          for (const o of e.offsets)
            this.lag.onCommit(e.group, { topic: o.topic, partition: o.partition }, BigInt(o.offset), o.commitTimestamp);
        } else if (e.type === 'group-loaded') {
          for (const r of coordinator.group(e.group)?.allOffsets() ?? [])
            this.lag.onCommit(e.group, r.tp, r.offsetAndMetadata.offset, r.offsetAndMetadata.commitTimestamp);
        } else if (e.type === 'group-deleted') {
          this.lag.forget(e.group);
        }
      }),
      logManager.onEvent((e) => {
        if (e.type === 'appended') this.throughput.recordIn(e.topic, e.records, e.bytes);
      }),
      replicaManager.onConsumerFetch((topic, records) => this.throughput.recordOut(topic, countRecords(records), records.length)),
    );
    this.lag.start();
    this.throughput.start();
  }

  stop(): void {
    for (const u of this.unsubscribes.splice(0)) u();
    this.lag.stop();
    this.throughput.stop();
  }
}
