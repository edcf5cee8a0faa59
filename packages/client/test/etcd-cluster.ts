// A tarn cluster for the client's failover tests: etcd and brokers in this process (metadata on
// etcd, replicated internal topics), on free loopback ports. Brokers can be stopped (a controlled
// shutdown) and started again; everything stops after the file's tests, brokers before etcd.
import assert from 'node:assert/strict';
import { Broker } from '@tarn/broker';
import { freePort, startEtcd, type TestEtcd } from '@tarn/broker/testing';
import { onCleanup, tempDir } from './helpers';

export class EtcdCluster {
  /** The running brokers by node id. */
  readonly brokers = new Map<number, Broker>();

  protected constructor(
    protected readonly etcd: TestEtcd,
    /** Each node's Kafka port, kept across restarts. */
    readonly ports: ReadonlyMap<number, number>,
    private readonly overrides: Record<string, string>,
  ) {}

  /** Starts etcd and `size` brokers and waits until every one is registered and a controller is elected. */
  static async start(size: number, overrides: Record<string, string> = {}): Promise<EtcdCluster> {
    const etcd = await startEtcd();
    onCleanup(() => etcd.stop()); // cleanups run last-in first-out: brokers stop before etcd
    const cluster = new EtcdCluster(etcd, await freePorts(size), overrides);
    await cluster.form();
    return cluster;
  }

  /** Starts every broker and waits until each is registered and a controller is elected. */
  protected async form(): Promise<void> {
    await Promise.all([...this.ports.keys()].map((id) => this.startBroker(id)));
    const first = this.brokers.get(1)!;
    for (let deadline = Date.now() + 20_000; first.liveBrokers().length < this.ports.size || first.controllerId <= 0;) {
      assert.ok(Date.now() < deadline, 'the cluster formed');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Every node's address, for bootstrap.servers. */
  get bootstrap(): string {
    return [...this.ports.values()].map((p) => `127.0.0.1:${p}`).join(',');
  }

  /** Node `id`'s properties beyond the cluster's own: a fresh log dir at every start. */
  protected nodeProperties(id: number): Record<string, string> {
    return { 'log.dirs': tempDir(`tarn-client-cluster-${id}-`) };
  }

  async startBroker(id: number): Promise<void> {
    const b = new Broker({
      'node.id': String(id),
      listeners: `PLAINTEXT://127.0.0.1:${this.ports.get(id)}`,
      'admin.listeners': 'http://127.0.0.1:0',
      'log.level': process.env.TARN_TEST_LOG_LEVEL ?? 'warn',
      'metadata.store': 'etcd',
      'etcd.endpoints': this.etcd.endpoint,
      'broker.session.timeout.ms': '3000',
      'replica.lag.time.max.ms': '3000',
      'replica.fetch.wait.max.ms': '100',
      'default.replication.factor': '3',
      'offsets.topic.replication.factor': '3',
      'offsets.topic.num.partitions': '3',
      'group.initial.rebalance.delay.ms': '0',
      'admin.password': 'pw',
      ...this.nodeProperties(id),
      ...this.overrides,
    });
    await b.start();
    this.brokers.set(id, b);
    // registered after its log dir's removal, so it runs first (cleanups run last-in first-out)
    onCleanup(async () => {
      if (this.brokers.get(id) === b) await this.stop(id);
    });
  }

  /** A controlled shutdown of one broker (its leaderships move). */
  async stop(id: number): Promise<void> {
    const b = this.brokers.get(id)!;
    this.brokers.delete(id);
    await b.shutdown();
  }
}

/** Free loopback ports for nodes 1..size. */
export async function freePorts(size: number): Promise<Map<number, number>> {
  const ports = new Map<number, number>();
  for (let id = 1; id <= size; id++) ports.set(id, await freePort());
  return ports;
}
