// Fault tests on a real 3-broker cluster (processes, etcd): topic RF=3, min.insync.replicas=2,
// idempotent acks=all producers, every record carrying a unique id. After each fault, everything
// is consumed and checked: no acknowledged record lost, none duplicated, order kept within each
// partition, and the consumer group resumed without skipping. One suite for every way the
// listeners are secured (cluster-faults.test.ts: PLAINTEXT; cluster-faults-sasl-ssl.test.ts:
// SASL_SSL), the brokers replicating over the same listener their clients use.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { ApiKey, FetchRequestTypes, MetadataRequestTypes, decodeRecordBatches } from '@tarn/protocol';
import { KafkaClientConnection, type ClientSecurity } from '../src/client/kafka-client';
import type { BrokerProcessOptions } from '../src/testing/broker-process';
import { eventually, startProcessCluster, type ProcessCluster } from './cluster-helpers';
import { checkConsumed, consumerEvents, Load, openClients, PARTITIONS, startConsumer, TOPIC, type Seen } from './fault-clients';

/** How the brokers' one listener (clients and replication) is secured, and how the tests reach it. */
export interface FaultSecurity {
  /** The listener's security protocol, also its name (inter.broker.listener.name in brokerProps). */
  protocol: NonNullable<BrokerProcessOptions['securityProtocol']>;
  /** Broker properties for it: ssl.*, sasl.*, the JAAS login between brokers, the authorizer. */
  brokerProps: Record<string, string>;
  /** kafkajs' settings for it. */
  kafka: Pick<KafkaConfig, 'ssl' | 'sasl'>;
  /** The raw checks' settings for it (Metadata, and Fetch straight from the leaders). */
  client: ClientSecurity | null;
  /** How many leaders the SIGKILL test kills. */
  rounds: number;
}

/** A running cluster as the tests see it. */
interface Env {
  cluster: ProcessCluster;
  kafka: Kafka;
  security: FaultSecurity;
}

interface PartitionState {
  partition: number;
  leader: number;
  isr: number[];
}

/**
 * Metadata answers that name a leader missing from their own brokers list. Kafka never gives one
 * (it says LEADER_NOT_AVAILABLE); kafkajs would stop fetching that partition until its next
 * periodic metadata refresh.
 */
const unlistedLeaders: string[] = [];

/**
 * A connection of the raw checks, logged in as the test app where the listener takes SASL. The
 * timeouts let a paused (SIGSTOP) broker, which accepts TCP and then says nothing, be skipped.
 */
function connect(env: Env, port: number): Promise<KafkaClientConnection> {
  const security = env.security.client ?? undefined;
  return KafkaClientConnection.open('127.0.0.1', port, 'fault-checks', { connectTimeoutMs: 5000, requestTimeoutMs: 5000, security });
}

async function metadata(env: Env): Promise<PartitionState[]> {
  for (const port of env.cluster.ports.values()) {
    try {
      const c = await connect(env, port);
      const md = await c
        .request(ApiKey.Metadata, 9, {
          ...MetadataRequestTypes.defaultMetadataRequest(),
          topics: [{ ...MetadataRequestTypes.defaultMetadataRequestTopic(), name: TOPIC }],
          allowAutoTopicCreation: false,
        })
        .finally(() => c.close());
      const t = md.topics[0];
      const listed = new Set(md.brokers.map((b) => b.nodeId));
      for (const p of t?.partitions ?? [])
        if (p.leaderId >= 0 && !listed.has(p.leaderId))
          unlistedLeaders.push(`partition ${p.partitionIndex}: leader ${p.leaderId}, brokers [${[...listed].join(',')}] (asked ${port})`);
      if (t !== undefined && t.errorCode === 0)
        return t.partitions.map((p) => ({ partition: p.partitionIndex, leader: p.leaderId, isr: p.isrNodes }));
    } catch {
      // that broker is down: ask another
    }
  }
  throw new Error('no broker answered Metadata');
}

async function withCluster(security: FaultSecurity, fn: (env: Env) => Promise<void>): Promise<void> {
  const cluster = await startProcessCluster(3, security.brokerProps, security.protocol);
  try {
    const kafka = new Kafka({
      clientId: 'faults',
      brokers: cluster.bootstrap.split(','),
      logLevel: logLevel.NOTHING,
      retry: { retries: 50, initialRetryTime: 100, maxRetryTime: 1000 },
      ...security.kafka,
    });
    const admin = kafka.admin();
    await admin.connect();
    await eventually(async () => (await admin.describeCluster()).brokers.length === 3, 'three brokers');
    await admin.createTopics({
      topics: [
        { topic: TOPIC, numPartitions: PARTITIONS, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] },
      ],
    });
    await admin.disconnect();
    await fn({ cluster, kafka, security });
  } finally {
    for (const c of openClients.splice(0)) await c.disconnect().catch(() => {});
    await cluster.close();
  }
}

/** Every record of every partition, read straight from the leaders (not through a consumer group). */
async function readLogs(env: Env): Promise<Map<string, { partition: number; offset: number }[]>> {
  const out = new Map<string, { partition: number; offset: number }[]>();
  for (const p of await metadata(env)) {
    const c = await connect(env, env.cluster.ports.get(p.leader)!);
    try {
      for (let offset = 0; ;) {
        const res = await c.request(ApiKey.Fetch, 11, {
          ...FetchRequestTypes.defaultFetchRequest(),
          maxWaitMs: 0,
          minBytes: 0,
          maxBytes: 8 << 20,
          topics: [
            {
              ...FetchRequestTypes.defaultFetchTopic(),
              topic: TOPIC,
              partitions: [
                {
                  ...FetchRequestTypes.defaultFetchPartition(),
                  partition: p.partition,
                  fetchOffset: BigInt(offset),
                  partitionMaxBytes: 8 << 20,
                },
              ],
            },
          ],
        });
        const data = res.responses[0]!.partitions[0]!;
        let progressed = false;
        try {
          for (const b of decodeRecordBatches(data.records!)) {
            for (const r of b.records) {
              if (r.offset < offset) continue;
              const id = r.value!.toString();
              out.set(id, [...(out.get(id) ?? []), { partition: p.partition, offset: r.offset }]);
              offset = r.offset + 1;
              progressed = true;
            }
          }
        } catch {
          // a partial batch at the end of the response
        }
        if (!progressed) break;
      }
    } finally {
      c.close();
    }
  }
  return out;
}

/** The logs hold every acknowledged record exactly once, where it was sent. */
async function checkLogs(env: Env, load: Load): Promise<void> {
  const logs = await readLogs(env);
  const lost = [...load.acked.keys()].filter((id) => !logs.has(id));
  assert.deepEqual(lost.slice(0, 20), [], `${lost.length} acknowledged records are missing from the logs`);
  const duplicated = [...logs].filter(([, at]) => at.length > 1);
  assert.deepEqual(duplicated.slice(0, 5), [], `${duplicated.length} records are stored more than once`);
  for (const [id, partition] of load.acked) assert.equal(logs.get(id)![0]!.partition, partition);
}

async function drain(seen: Seen, load: Load, env: Env): Promise<void> {
  const missing = () => {
    const ids = new Set(seen.map((s) => s.id));
    return [...load.acked].filter(([id]) => !ids.has(id));
  };
  try {
    await eventually(() => missing().length === 0, 'the consumer to catch up with every acknowledged record', 120_000);
  } catch (err) {
    // say where the consumer stands, so a failure in CI can be diagnosed from its output alone
    const admin = env.kafka.admin();
    await admin.connect();
    const committed = await admin.fetchOffsets({ groupId: 'fault-readers', topics: [TOPIC] }).catch((e: Error) => e.message);
    const group = await admin.describeGroups(['fault-readers']).catch((e: Error) => e.message);
    const ends = await admin.fetchTopicOffsets(TOPIC).catch((e: Error) => e.message);
    await admin.disconnect();
    const byPartition = new Map<number, number>();
    for (const [, p] of missing()) byPartition.set(p, (byPartition.get(p) ?? 0) + 1);
    const lastSeen = [0, 1, 2].map((p) => Math.max(-1, ...seen.filter((s) => s.partition === p).map((s) => s.offset)));
    console.error(
      JSON.stringify(
        { missingByPartition: [...byPartition], lastSeenOffset: lastSeen, committed, group, ends, metadata: await metadata(env) },
        null,
        1,
      ),
    );
    console.error(consumerEvents.slice(-40).join('\n'));
    throw err;
  }
}

/** Registers the fault tests for a cluster whose listeners are secured as `security` says. */
export function faultSuite(security: FaultSecurity): void {
  describe(`faults of a 3-broker cluster over ${security.protocol}`, () => {
    test(`SIGKILL the leader of the busiest partition during load, ${security.rounds} rounds`, { timeout: 600_000 }, async () => {
      await withCluster(security, async (env) => {
        const load = new Load(env.kafka);
        await load.start();
        const seen: Seen = [];
        const consumer = await startConsumer(env.kafka, seen);
        for (let round = 0; round < security.rounds; round++) {
          await new Promise((r) => setTimeout(r, 500));
          const state = await metadata(env);
          const victim = state[round % PARTITIONS]!.leader;
          if (victim < 0) continue;
          await env.cluster.kill(victim, 'SIGKILL');
          await eventually(
            async () => (await metadata(env)).every((p) => p.leader !== victim && p.leader > 0),
            `leadership to move off broker ${victim} (round ${round})`,
            20_000,
          );
          await env.cluster.start(victim);
          await eventually(
            async () => (await metadata(env)).every((p) => p.isr.length === 3),
            `broker ${victim} to rejoin every ISR (round ${round})`,
            30_000,
          );
        }
        await load.stop();
        assert.deepEqual(unlistedLeaders, [], 'every leader in a Metadata answer is in its brokers list');
        await checkLogs(env, load);
        assert.ok(load.acked.size > 500, `${load.acked.size} records acknowledged`);
        await drain(seen, load, env);
        await consumer.disconnect();
        checkConsumed(load, seen);
      });
    });

    test('SIGSTOP a broker longer than its lease, then SIGCONT it', { timeout: 180_000 }, async () => {
      await withCluster(security, async (env) => {
        const load = new Load(env.kafka);
        await load.start();
        const seen: Seen = [];
        const consumer = await startConsumer(env.kafka, seen);
        await new Promise((r) => setTimeout(r, 1000));
        const victim = (await metadata(env))[0]!.leader;
        await env.cluster.kill(victim, 'SIGSTOP');
        await eventually(
          async () => (await metadata(env)).every((p) => p.leader !== victim && !p.isr.includes(victim)),
          'the paused broker to lose leadership and ISR membership',
          30_000,
        );
        await new Promise((r) => setTimeout(r, 2000)); // writes continue meanwhile
        await env.cluster.kill(victim, 'SIGCONT');
        await eventually(
          async () => (await metadata(env)).every((p) => p.isr.length === 3),
          'the resumed broker to rejoin every ISR',
          30_000,
        );
        await load.stop();
        await checkLogs(env, load);
        await drain(seen, load, env);
        await consumer.disconnect();
        checkConsumed(load, seen);
      });
    });

    test('rolling restart of all three brokers under load', { timeout: 240_000 }, async () => {
      await withCluster(security, async (env) => {
        const load = new Load(env.kafka);
        await load.start();
        const seen: Seen = [];
        const consumer = await startConsumer(env.kafka, seen);
        for (const id of [1, 2, 3]) {
          await new Promise((r) => setTimeout(r, 1000));
          await env.cluster.kill(id, 'SIGTERM'); // controlled shutdown
          await env.cluster.start(id);
          await eventually(
            async () => (await metadata(env)).every((p) => p.isr.length === 3 && p.leader > 0),
            `broker ${id} back in every ISR`,
            30_000,
          );
        }
        await load.stop();
        await checkLogs(env, load);
        await drain(seen, load, env);
        await consumer.disconnect();
        checkConsumed(load, seen);
      });
    });

    test(
      'with one broker of three down acks=all continues; with two down it is refused; nothing acknowledged is lost',
      { timeout: 180_000 },
      async () => {
        await withCluster(security, async (env) => {
          const producer = env.kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 2, initialRetryTime: 100 } });
          openClients.push(producer);
          await producer.connect();
          const acked: string[] = [];
          const send = async (id: string) => {
            await producer.send({ topic: TOPIC, acks: -1, timeout: 3000, messages: [{ key: id, value: id, partition: 0 }] });
            acked.push(id);
          };
          for (let i = 0; i < 10; i++) await send(`a-${i}`);
          const leader = (await metadata(env))[0]!.leader;
          const down = [1, 2, 3].filter((b) => b !== leader);
          await env.cluster.kill(down[0]!, 'SIGKILL');
          await eventually(async () => (await metadata(env))[0]!.isr.length === 2, 'ISR of two');
          for (let i = 0; i < 10; i++) await send(`b-${i}`);
          await env.cluster.kill(down[1]!, 'SIGKILL');
          await eventually(async () => (await metadata(env))[0]!.isr.length === 1, 'ISR of one');
          const refused = await send('c-0').then(
            () => null,
            (e: Error) => e,
          );
          assert.ok(refused !== null, 'acks=all is refused below min.insync.replicas');
          assert.match(
            String((refused as { cause?: unknown }).cause ?? refused.message) + JSON.stringify(refused),
            /NOT_ENOUGH_REPLICAS|not enough replicas|in-sync/i,
          );
          await producer.disconnect();
          await env.cluster.start(down[0]!);
          await env.cluster.start(down[1]!);
          await eventually(async () => (await metadata(env))[0]!.isr.length === 3, 'all back in the ISR', 30_000);
          const consumer = env.kafka.consumer({ groupId: 'after-outage' });
          openClients.push(consumer);
          await consumer.connect();
          await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
          const seen = new Set<string>();
          void consumer.run({ eachMessage: async ({ message }) => void seen.add(message.value!.toString()) });
          await eventually(() => acked.every((id) => seen.has(id)), 'every acknowledged record to be readable');
          await consumer.disconnect();
        });
      },
    );
  });
}
