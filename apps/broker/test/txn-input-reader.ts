// The input side of the exactly-once application (txn-eos-app.ts): read_committed fetches of one
// partition at a time from its leader, with the broker's own client, and the group's committed
// offsets read back with OffsetFetch require_stable (KIP-447: a transaction's offsets still
// pending answer UNSTABLE_OFFSET_COMMIT, and the read is retried). Leaders are looked up with
// Metadata and looked up again after any error; a broker that does not answer is skipped.
//
// Not kafkajs' consumer: kafkajs 2.2.4's FetchManager, restarted after a consumer crash (which
// broker kills cause), can recreate its fetchers after the runner has stopped; they then call
// runner.fetch, which returns [] at once for a stopped runner, in a loop that never yields to the
// event loop — the whole process hangs at 100% CPU, its timers never firing.
import { ErrorCode, isControl, isTransactional } from '@tarn/protocol';
import type { KafkaClientConnection } from '../src/client/kafka-client';
import { committedOffsets, fetchOnce, findCoordinator, open, partitionMetadata } from './txn-wire';

export interface InputRecord {
  offset: number;
  value: string;
}

export class InputReader {
  private leaders = new Map<number, number>();
  private readonly connections = new Map<number, Promise<KafkaClientConnection>>();

  constructor(
    /** The brokers' ports, by node id - 1. */
    private readonly ports: readonly number[],
    private readonly topic: string,
  ) {}

  private connection(nodeId: number): Promise<KafkaClientConnection> {
    let c = this.connections.get(nodeId);
    if (c === undefined || c === null) {
      c = open(this.ports[nodeId - 1]!, 10_000);
      this.connections.set(nodeId, c);
      c.catch(() => this.connections.delete(nodeId));
    }
    return c;
  }

  private drop(nodeId: number): void {
    const c = this.connections.get(nodeId);
    this.connections.delete(nodeId);
    void c?.then(
      (conn) => conn.close(),
      () => {},
    );
  }

  private async refreshLeaders(): Promise<void> {
    for (const port of this.ports) {
      const md = await partitionMetadata(port, [this.topic]);
      if (md === null || md.length === 0) continue;
      this.leaders = new Map(md.map((p) => [p.partition, p.leader]));
      return;
    }
  }

  /** Records of `partition` from `offset` on (read_committed, at most `max`), [] when there are none yet. */
  async read(partition: number, offset: number, max: number): Promise<InputRecord[]> {
    let leader = this.leaders.get(partition) ?? -1;
    if (leader < 0) {
      await this.refreshLeaders();
      leader = this.leaders.get(partition) ?? -1;
      if (leader < 0) throw new Error(`no leader for ${this.topic}-${partition}`);
    }
    try {
      const f = await fetchOnce(await this.connection(leader), this.topic, partition, offset, 1);
      if (f.errorCode !== ErrorCode.NONE) throw new Error(`fetch ${this.topic}-${partition} from broker ${leader}: error ${f.errorCode}`);
      const out: InputRecord[] = [];
      for (const b of f.batches) {
        if (isControl(b.header.attributes)) continue;
        // the input is written without transactions: nothing to drop for a read_committed reader
        if (isTransactional(b.header.attributes)) throw new Error(`a transactional batch in ${this.topic}-${partition}`);
        for (const r of b.records) if (r.offset >= offset && out.length < max) out.push({ offset: r.offset, value: r.value!.toString() });
      }
      return out;
    } catch (err) {
      this.leaders.delete(partition);
      this.drop(leader);
      throw err;
    }
  }

  /** The group's committed offsets of `partitions` (0 where none), once no transaction's offsets are pending. */
  async committed(groupId: string, partitions: number[]): Promise<number[]> {
    for (const port of this.ports) {
      try {
        const c = await open(port, 10_000);
        try {
          const nodeId = await findCoordinator(c, groupId, 0);
          if (nodeId < 0) continue;
          const gc = nodeId === this.ports.indexOf(port) + 1 ? c : await this.connection(nodeId);
          const r = await committedOffsets(gc, groupId, this.topic, partitions);
          if (r.errorCode === ErrorCode.NONE) return r.offsets.map((o) => Math.max(0, o));
          if (gc !== c) this.drop(nodeId);
        } finally {
          c.close();
        }
      } catch {
        // that broker, or the coordinator it named, is down: ask another
      }
    }
    throw new Error(`the committed offsets of ${groupId} are not available`);
  }

  close(): void {
    for (const nodeId of [...this.connections.keys()]) this.drop(nodeId);
  }
}
