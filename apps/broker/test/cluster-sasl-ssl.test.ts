// A three-broker cluster whose only listener is SASL_SSL: followers fetch from their leaders over
// TLS, logged in with SCRAM as the broker principal (a super user of the authorizer), and a client
// with SCRAM over TLS produces with acks=all and reads back from a new leader after a failover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kafka, logLevel } from 'kafkajs';
import { Broker } from '../src/index';
import { freePort, startEtcd } from '../src/testing/etcd-server';
import { clusterProps, eventually } from './cluster-helpers';
import { tempDir } from './helpers';
import { makePki } from '../src/testing/pki';

const pki = makePki();

test('SASL_SSL between brokers: replication, acks=all and failover with TLS and SCRAM everywhere', async () => {
  const etcd = await startEtcd();
  const ports = await Promise.all([1, 2, 3].map(() => freePort()));
  const security = {
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'ssl.keystore.location': pki.serverKeystore,
    'ssl.truststore.location': pki.caFile,
    'inter.broker.listener.name': 'SASL_SSL',
    'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config':
      'org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="broker-secret";',
    'scram.bootstrap.users': 'SCRAM-SHA-512=[name=broker,password=broker-secret];SCRAM-SHA-512=[name=app,password=app-secret]',
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users': 'User:broker;User:app',
    // the group is created after a broker is gone
    'offsets.topic.replication.factor': '2',
  };
  const brokers = new Map<number, Broker>();
  const start = async (id: number) => {
    const props = {
      ...clusterProps(id, ports[id - 1]!, etcd.endpoint, tempDir(`tarn-sasl-ssl-${id}-`), security),
      listeners: `SASL_SSL://127.0.0.1:${ports[id - 1]}`,
    };
    const b = new Broker(props);
    await b.start();
    brokers.set(id, b);
  };
  try {
    // the bootstrap users are written once (whichever broker comes first); the others find them
    for (const id of [1, 2, 3]) await start(id);
    const b1 = brokers.get(1)!;
    await eventually(() => b1.liveBrokers('SASL_SSL').length === 3, 'three brokers registered');
    await b1.topicAdmin.createTopic({ name: 'secure-r', numPartitions: 2, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } });
    const kafka = new Kafka({
      brokers: ports.map((p) => `127.0.0.1:${p}`),
      ssl: { ca: [pki.caPem] },
      sasl: { mechanism: 'scram-sha-512', username: 'app', password: 'app-secret' },
      logLevel: logLevel.NOTHING,
      retry: { retries: 20, initialRetryTime: 100 },
    });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let i = 0; i < 20; i++) await producer.send({ topic: 'secure-r', acks: -1, messages: [{ key: `k${i}`, value: `v${i}` }] });
    // acks=all over SASL_SSL replication: every replica has every record
    for (const [id, b] of brokers) {
      await eventually(
        () => [0, 1].reduce((n, p) => n + (b.logManager.getLog('secure-r', p)?.logEndOffset ?? 0), 0) === 20,
        `broker ${id} has all 20 records`,
      );
    }
    // fail over: stop a leader without a controlled shutdown; the ISR shrinks and a follower leads
    const leader = b1.metadata.topic('secure-r')!.partitions[0]!.leader;
    brokers.get(leader)!.faults.skipControlledShutdown = true;
    await brokers.get(leader)!.shutdown();
    brokers.delete(leader);
    const survivor = [...brokers.values()][0]!;
    await eventually(
      () => survivor.metadata.topic('secure-r')!.partitions.every((p) => p.leader !== leader && p.leader > 0),
      'new leaders elected',
      20_000,
    );
    for (let i = 20; i < 30; i++) await producer.send({ topic: 'secure-r', acks: -1, messages: [{ key: `k${i}`, value: `v${i}` }] });
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId: 'secure-g' });
    await consumer.connect();
    await consumer.subscribe({ topic: 'secure-r', fromBeginning: true });
    const seen = new Set<string>();
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          seen.add(message.value!.toString());
          if (seen.size === 30) resolve();
        },
      });
    });
    await consumer.disconnect();
    assert.equal(seen.size, 30, 'every acknowledged record is there after the failover');
  } finally {
    for (const b of brokers.values()) await b.shutdown();
    await etcd.stop();
  }
});
