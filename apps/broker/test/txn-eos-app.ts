// A consume-transform-produce application with exactly-once semantics, written the way a real one
// is: it reads the input read_committed (txn-input-reader.ts, one partition at a time from the
// group's committed offsets on); each chunk of records becomes one kafkajs transaction holding the
// transformed records and, through sendOffsets, the input offset after them; the transaction
// commits. The application keeps its own position per input partition, which moves only when a
// commit succeeds.
//
// On any failure the producer is replaced — Kafka Streams' pattern (on a failed or fenced
// transaction, a new producer and the position reset to the committed offsets): the new
// instance's InitProducerId fences the old one (aborting its open transaction under a bumped
// epoch) and returns only once the old transaction has completed (committed or aborted, markers
// written), after which the group's committed offsets are the truth and the positions are reset to
// them. An abort by the same instance would not do: kafkajs sends EndTxn without waiting for the
// requests still in flight (a send to several leaders rejects at the first failure; a step that
// timed out here is still running), and such a request landing after the abort could join the
// next transaction, which KIP-890 part 1's verification allows once that transaction has added
// the partition.
import type { Kafka, Producer } from 'kafkajs';
import { InputReader, type InputRecord } from './txn-input-reader';

export interface EosAppOptions {
  kafka: Kafka;
  /** The brokers' ports, by node id - 1. */
  ports: readonly number[];
  transactionalId: string;
  groupId: string;
  input: string;
  inputPartitions: number;
  output: string;
  outputPartitions: number;
  /** How many records one transaction takes at most (read at each transaction). */
  maxPerTransaction: () => number;
  /** A pause after each commit (read at each transaction), to keep transactions going while faults happen. */
  pauseMs: () => number;
  /** Whether the application may go on now (false: it waits). */
  mayProcess?: () => boolean;
  /** How long one transaction, or one producer's initialization, may take before it counts as failed. */
  stepTimeoutMs?: number;
  transactionTimeoutMs?: number;
  log?: (line: string) => void;
}

/** The steps of one transaction: the transformed records sent, the offsets sent, EndTxn (commit). */
export type TxnStage = 'send' | 'sendOffsets' | 'commit';

/** The output record of an input record: its id, transformed. */
export const transform = (value: string): string => `T(${value})`;

/** The output partition of an input id `id-<n>`. */
export const outputPartitionOf = (value: string, partitions: number): number => Number(value.slice(3)) % partitions;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  p.catch(() => {}); // an abandoned step may fail later: nobody is waiting for it then
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const errorText = (err: unknown): string => {
  const e = err as { name?: string; type?: string; message?: string };
  return `${e.name ?? 'Error'}${e.type !== undefined ? `(${e.type})` : ''}: ${e.message ?? String(err)}`.slice(0, 200);
};

export class EosApp {
  /** The next input offset to transform, per input partition: moved only by a successful commit. */
  readonly positions = new Map<number, number>();
  committed = 0;
  producersReplaced = 0;
  /** Input records the reader skipped over (the application's own check; never expected). */
  readonly gaps: string[] = [];
  readonly errors = new Map<string, number>();
  private producer: Producer | null = null;
  private readonly reader: InputReader;
  private stopping = false;
  private loop: Promise<void> = Promise.resolve();
  private readonly timeoutMs: number;
  private readonly stageWaiters: Array<{ stage: TxnStage; resolve: (entered: boolean) => void }> = [];

  constructor(private readonly o: EosAppOptions) {
    this.reader = new InputReader(o.ports, o.input);
    this.timeoutMs = o.stepTimeoutMs ?? 20_000;
  }

  get processed(): number {
    let n = 0;
    for (const p of this.positions.values()) n += p;
    return n;
  }

  async start(): Promise<void> {
    await this.replaceProducer();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.loop;
    await withTimeout(this.producer?.disconnect() ?? Promise.resolve(), 10_000, 'producer disconnect').catch(() => {});
    this.reader.close();
  }

  /**
   * Resolves true when the application next enters `stage` of a transaction (for a fault to hit
   * that step), false if it has not within `timeoutMs`.
   */
  nextStage(stage: TxnStage, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiter = { stage, resolve };
      this.stageWaiters.push(waiter);
      setTimeout(() => {
        const i = this.stageWaiters.indexOf(waiter);
        if (i < 0) return;
        this.stageWaiters.splice(i, 1);
        resolve(false);
      }, timeoutMs);
    });
  }

  private enter(stage: TxnStage): TxnStage {
    for (const w of this.stageWaiters.filter((x) => x.stage === stage)) {
      this.stageWaiters.splice(this.stageWaiters.indexOf(w), 1);
      w.resolve(true);
    }
    return stage;
  }

  private note(what: string, err: unknown): void {
    const key = `${what}: ${errorText(err)}`;
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
    this.o.log?.(`${new Date().toISOString()} [eos-app] ${key}`);
  }

  private async run(): Promise<void> {
    for (let partition = 0; !this.stopping; partition = (partition + 1) % this.o.inputPartitions) {
      if (this.o.mayProcess !== undefined && !this.o.mayProcess()) {
        await sleep(100);
        continue;
      }
      const position = this.positions.get(partition) ?? 0;
      let records: InputRecord[];
      try {
        records = await withTimeout(this.reader.read(partition, position, Math.max(1, this.o.maxPerTransaction())), 15_000, 'a fetch');
      } catch (err) {
        this.note('fetch failed', err);
        await sleep(200);
        continue;
      }
      if (records.length === 0) {
        if (partition === this.o.inputPartitions - 1) await sleep(50);
        continue;
      }
      if (records[0]!.offset !== position) {
        this.gaps.push(`partition ${partition}: expected offset ${position}, read ${records[0]!.offset}`);
        await sleep(200);
        continue;
      }
      if (await this.transact(partition, records)) {
        this.positions.set(partition, records[records.length - 1]!.offset + 1);
        const pause = this.o.pauseMs();
        if (pause > 0) await sleep(pause);
      }
    }
  }

  /** One transaction: the records transformed, and the input offset after them. Whether it committed. */
  private async transact(partition: number, records: InputRecord[]): Promise<boolean> {
    const producer = this.producer;
    if (producer === null) return false;
    let stage: TxnStage | 'beginning' = 'beginning';
    try {
      const t = await withTimeout(producer.transaction(), this.timeoutMs, 'beginning a transaction');
      await withTimeout(
        (async () => {
          stage = this.enter('send');
          await t.send({
            topic: this.o.output,
            acks: -1,
            messages: records.map(({ value }) => ({
              key: value,
              value: transform(value),
              partition: outputPartitionOf(value, this.o.outputPartitions),
            })),
          });
          stage = this.enter('sendOffsets');
          const next = String(records[records.length - 1]!.offset + 1);
          await t.sendOffsets({
            consumerGroupId: this.o.groupId,
            topics: [{ topic: this.o.input, partitions: [{ partition, offset: next }] }],
          });
          stage = this.enter('commit');
          await t.commit();
        })(),
        this.timeoutMs,
        'a transaction',
      );
      this.committed++;
      return true;
    } catch (err) {
      this.note(`transaction failed in ${stage}`, err);
    }
    await this.replaceProducer();
    return false;
  }

  /** The group's committed offsets, retried for a while (a coordinator moving, offsets still pending). */
  private async readCommitted(): Promise<number[]> {
    const partitions = Array.from({ length: this.o.inputPartitions }, (_, i) => i);
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      try {
        return await withTimeout(this.reader.committed(this.o.groupId, partitions), this.timeoutMs, 'reading the committed offsets');
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await sleep(200);
      }
    }
  }

  /**
   * A new producer instance under the same transactional id: its InitProducerId fences the old one
   * and waits for the old transaction to complete. Then the committed offsets are read back.
   */
  private async replaceProducer(): Promise<void> {
    const old = this.producer;
    this.producer = null;
    if (old !== null) {
      this.producersReplaced++;
      void withTimeout(old.disconnect(), 10_000, 'producer disconnect').catch(() => {});
    }
    while (!this.stopping) {
      const producer = this.o.kafka.producer({
        transactionalId: this.o.transactionalId,
        idempotent: true,
        maxInFlightRequests: 1,
        transactionTimeout: this.o.transactionTimeoutMs ?? 30_000,
        retry: { retries: 100, initialRetryTime: 100, maxRetryTime: 1000 },
      });
      try {
        await withTimeout(
          (async () => {
            await producer.connect();
            // kafkajs sends the transactional InitProducerId when the first transaction begins; an
            // abort of a transaction that wrote nothing sends no EndTxn
            const t = await producer.transaction();
            await t.abort();
          })(),
          Math.max(this.timeoutMs, 45_000),
          'initializing a producer',
        );
        const offsets = await this.readCommitted();
        offsets.forEach((offset, p) => this.positions.set(p, offset));
        this.producer = producer;
        return;
      } catch (err) {
        this.note('producer initialization failed', err);
        void withTimeout(producer.disconnect(), 10_000, 'producer disconnect').catch(() => {});
        await sleep(500);
      }
    }
  }
}
