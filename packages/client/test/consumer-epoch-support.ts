// Support for the consumer's leader-epoch tests (consumer-epoch-cluster.test.ts): a real 3-broker
// tarn cluster (etcd, brokers in this process) whose brokers are each reached through a small TCP
// proxy they advertise (advertised.listeners). The proxy forwards every byte unchanged and decodes,
// for the consumer's client.id only, its Fetch / ListOffsets / OffsetForLeaderEpoch requests and the
// Fetch answers, so tests see what went over the wire. Brokers keep their log directory across a
// restart, so a stopped follower comes back with the log it had (needed for a real divergence).
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { startEtcd } from '@tarn/broker/testing';
import {
  ApiKey,
  decodeRequest,
  decodeRequestHeader,
  decodeResponse,
  type ApiKeyNumber,
  type FetchRequest,
  type ListOffsetsRequest,
  type OffsetForLeaderEpochRequest,
} from '@tarn/protocol';
import { Kafka, logLevel, type Producer as KafkajsProducer } from 'kafkajs';
import { Cluster, Consumer, StringDeserializer, type ConsumerRecord, type PartitionMetadata } from '../src/index';
import { EtcdCluster, freePorts } from './etcd-cluster';
import { onCleanup, tempDir } from './helpers';

export const CONSUMER_CLIENT_ID = 'epoch-consumer';

export interface Spied {
  node: number;
  apiKey: number;
  body: FetchRequest | ListOffsetsRequest | OffsetForLeaderEpochRequest;
}

export interface FetchAnswer {
  node: number;
  topic: string;
  partition: number;
  errorCode: number;
}

export class SpiedCluster extends EtcdCluster {
  readonly requests: Spied[] = [];
  readonly fetchAnswers: FetchAnswer[] = [];
  private readonly logDirs = new Map<number, string>();
  /** The port each node advertises: its proxy's. */
  private readonly proxyPorts = new Map<number, number>();

  static override async start(size: number): Promise<SpiedCluster> {
    const etcd = await startEtcd();
    onCleanup(() => etcd.stop());
    const c = new SpiedCluster(etcd, await freePorts(size), { 'log.level': process.env.TARN_TEST_LOG_LEVEL ?? 'error' });
    for (const id of c.ports.keys()) {
      c.logDirs.set(id, tempDir(`tarn-epoch-${id}-`));
      const proxy = await c.proxy(id);
      c.proxyPorts.set(id, (proxy.address() as { port: number }).port);
    }
    await c.form();
    return c;
  }

  /** Through the proxies. */
  override get bootstrap(): string {
    return [...this.proxyPorts.values()].map((p) => `127.0.0.1:${p}`).join(',');
  }

  /** The proxy's port advertised, and the same log dir at every start (a stopped follower comes back with its log). */
  protected override nodeProperties(id: number): Record<string, string> {
    return { 'advertised.listeners': `PLAINTEXT://127.0.0.1:${this.proxyPorts.get(id)}`, 'log.dirs': this.logDirs.get(id)! };
  }

  /** Forwards node `id`'s advertised port to its listener, recording the consumer's requests and Fetch answers. */
  private async proxy(id: number): Promise<Server> {
    const sockets = new Set<Socket>();
    const server = createServer((client) => {
      const upstream = connect(this.ports.get(id)!, '127.0.0.1');
      sockets.add(client).add(upstream);
      const pending = new Map<number, { apiKey: ApiKeyNumber; version: number }>();
      let fromClient = Buffer.alloc(0);
      let fromBroker = Buffer.alloc(0);
      client.on('data', (d: Buffer) => {
        upstream.write(d);
        fromClient = Buffer.concat([fromClient, d]);
        while (fromClient.length >= 4 && fromClient.length >= 4 + fromClient.readInt32BE(0)) {
          const frame = fromClient.subarray(4, 4 + fromClient.readInt32BE(0));
          fromClient = fromClient.subarray(4 + frame.length);
          const apiKey = frame.readInt16BE(0);
          if (apiKey !== ApiKey.Fetch && apiKey !== ApiKey.ListOffsets && apiKey !== ApiKey.OffsetForLeaderEpoch) continue;
          if (decodeRequestHeader(frame).header.clientId !== CONSUMER_CLIENT_ID) continue;
          const r = decodeRequest(frame);
          this.requests.push({ node: id, apiKey, body: r.body as Spied['body'] });
          if (apiKey === ApiKey.Fetch) pending.set(r.correlationId, { apiKey: ApiKey.Fetch, version: r.apiVersion });
        }
      });
      upstream.on('data', (d: Buffer) => {
        client.write(d);
        fromBroker = Buffer.concat([fromBroker, d]);
        while (fromBroker.length >= 4 && fromBroker.length >= 4 + fromBroker.readInt32BE(0)) {
          const frame = fromBroker.subarray(4, 4 + fromBroker.readInt32BE(0));
          fromBroker = fromBroker.subarray(4 + frame.length);
          const asked = pending.get(frame.readInt32BE(0));
          if (asked === undefined) continue;
          pending.delete(frame.readInt32BE(0));
          const body = decodeResponse(ApiKey.Fetch, asked.version, frame).body;
          for (const t of body.responses)
            for (const p of t.partitions) {
              const topic = t.topic !== '' ? t.topic : this.topicName(t.topicId);
              this.fetchAnswers.push({ node: id, topic, partition: p.partitionIndex, errorCode: p.errorCode });
            }
        }
      });
      const close = (): void => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onCleanup(
      () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          server.close(() => resolve());
        }),
    );
    return server;
  }

  /** Topic ids (Fetch v13+) back to names, from any running broker's metadata. */
  readonly topicIds = new Map<string, string>();
  private topicName(id: string): string {
    return this.topicIds.get(id) ?? id;
  }

  /** Spied requests of one API from the consumer. */
  sent<T extends Spied['body']>(apiKey: number): { node: number; body: T }[] {
    return this.requests.filter((r) => r.apiKey === apiKey).map((r) => ({ node: r.node, body: r.body as T }));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The partition's state as the cluster's metadata says, once `ok` holds for it. */
export async function waitForPartition(
  cluster: Cluster,
  topic: string,
  ok: (p: PartitionMetadata) => boolean,
  what: string,
): Promise<PartitionMetadata> {
  for (let deadline = Date.now() + 30_000; ;) {
    const t = await cluster.refreshMetadata([topic]).catch(() => []);
    const p = t[0]?.partitions[0];
    if (p !== undefined && ok(p)) return p;
    assert.ok(Date.now() < deadline, what);
    await sleep(100);
  }
}

export function kafkajsProducer(bootstrap: string): KafkajsProducer {
  const kjs = new Kafka({
    clientId: 'epoch-producer',
    brokers: bootstrap.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 30, initialRetryTime: 100 },
  });
  const p = kjs.producer();
  onCleanup(() => p.disconnect());
  return p;
}

export function consumer(bootstrap: string, props: Record<string, string | number | boolean>, logs: string[] = []) {
  const c = new Consumer<Buffer | null, string | null>(
    {
      'bootstrap.servers': bootstrap,
      'client.id': CONSUMER_CLIENT_ID,
      'enable.auto.commit': false,
      'retry.backoff.ms': 50,
      'reconnect.backoff.ms': 50,
      'max.poll.records': 20,
      ...props,
    },
    { valueDeserializer: StringDeserializer, logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m) } },
  );
  onCleanup(() => c.close().catch(() => {}));
  return c;
}

export async function readUntil(
  c: Consumer<Buffer | null, string | null>,
  seen: ConsumerRecord<Buffer | null, string | null>[],
  n: number,
): Promise<void> {
  for (const deadline = Date.now() + 30_000; seen.length < n;) {
    assert.ok(Date.now() < deadline, `read ${seen.length} of ${n}`);
    seen.push(...(await c.poll(200)));
  }
}

export const values = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);
