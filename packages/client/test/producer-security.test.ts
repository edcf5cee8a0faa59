// The producer on secured brokers, as Kafka's clients log in: idempotent and transactional sends
// over SASL_SSL (SCRAM-SHA-512, a CA file), read back over the same listener; and with an
// authorizer, what a user may not do fails at once with Kafka's typed errors: writing a topic
// without WRITE (TOPIC_AUTHORIZATION_FAILED), using a transactional.id without its ACL
// (TRANSACTIONAL_ID_AUTHORIZATION_FAILED); granted the ACLs, the same user produces.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makePki } from '@tarn/broker/testing';
import { Admin, KafkaError, Producer } from '../src/index';
import { connectCluster, onCleanup, startTestBroker } from './helpers';
import { readPartition } from './producer-support';

const pki = makePki();
const USERS = 'SCRAM-SHA-512=[name=admin,password=admin-secret];SCRAM-SHA-256=[name=alice,password=alice-secret]';

async function producer(props: Record<string, unknown>): Promise<Producer> {
  const p = await Producer.create({ 'linger.ms': 0, ...props });
  onCleanup(() => p.close({ timeoutMs: 1000 }));
  return p;
}

test('SASL_SSL (SCRAM-SHA-512, ssl.ca.location): idempotent and transactional sends, read back over TLS', async () => {
  const b = await startTestBroker({
    listeners: 'SASL_SSL://127.0.0.1:0',
    'ssl.keystore.location': pki.serverKeystore,
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'scram.bootstrap.users': USERS,
  });
  const login = {
    'bootstrap.servers': `localhost:${b.port}`,
    'security.protocol': 'SASL_SSL',
    'ssl.ca.location': pki.caFile,
    'sasl.mechanism': 'SCRAM-SHA-512',
    'sasl.username': 'admin',
    'sasl.password': 'admin-secret',
  };
  const plain = await producer({ ...login, 'compression.type': 'lz4' });
  for (let i = 0; i < 10; i++) await plain.send({ topic: 'tls-topic', key: `k${i}`, value: `plain-${i}` });
  const txn = await producer({ ...login, 'transactional.id': 'tls-txn' });
  await txn.initTransactions();
  txn.beginTransaction();
  for (let i = 0; i < 5; i++) await txn.send({ topic: 'tls-topic', key: `t${i}`, value: `txn-${i}` });
  await txn.commitTransaction();

  const cluster = await connectCluster(`localhost:${b.port}`, login);
  const batches = [...(await readPartition(cluster, 'tls-topic', 0))];
  const got = batches.filter((x) => (x.header.attributes & 0x20) === 0).flatMap((x) => x.records.map((r) => r.value!.toString()));
  assert.ok(
    batches.some((x) => (x.header.attributes & 0x20) !== 0),
    'the commit marker is there',
  );
  assert.deepEqual(
    got.sort(),
    [...Array.from({ length: 10 }, (_, i) => `plain-${i}`), ...Array.from({ length: 5 }, (_, i) => `txn-${i}`)].sort(),
  );
});

test('with an authorizer: no WRITE is TOPIC_AUTHORIZATION_FAILED, no transactional.id ACL is TRANSACTIONAL_ID_AUTHORIZATION_FAILED; granted, it works', async () => {
  const b = await startTestBroker({
    listeners: 'SASL_PLAINTEXT://127.0.0.1:0',
    'sasl.enabled.mechanisms': 'SCRAM-SHA-256,SCRAM-SHA-512',
    'scram.bootstrap.users': USERS,
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users': 'User:admin',
  });
  const login = (mechanism: string, user: string, password: string) => ({
    'bootstrap.servers': b.bootstrap,
    'security.protocol': 'SASL_PLAINTEXT',
    'sasl.mechanism': mechanism,
    'sasl.username': user,
    'sasl.password': password,
  });
  const admin = await Admin.connect(login('SCRAM-SHA-512', 'admin', 'admin-secret'));
  onCleanup(() => admin.close());
  await admin.createTopics([{ name: 'guarded', numPartitions: 1 }]);

  const alice = await producer({ ...login('SCRAM-SHA-256', 'alice', 'alice-secret'), 'max.block.ms': 5000 });
  const started = Date.now();
  await assert.rejects(
    alice.send({ topic: 'guarded', value: 'no' }),
    (e: unknown) => e instanceof KafkaError && e.name === 'TOPIC_AUTHORIZATION_FAILED',
  );
  assert.ok(Date.now() - started < 4000, 'refused at once, not after max.block.ms');
  const aliceTxn = await producer({ ...login('SCRAM-SHA-256', 'alice', 'alice-secret'), 'transactional.id': 'alice-txn' });
  await assert.rejects(
    aliceTxn.initTransactions(),
    (e: unknown) => e instanceof KafkaError && e.name === 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
  );

  const acl = (resourceType: 'TOPIC' | 'TRANSACTIONAL_ID', resourceName: string, operation: 'WRITE' | 'DESCRIBE') => ({
    resourceType,
    resourceName,
    patternType: 'LITERAL' as const,
    principal: 'User:alice',
    host: '*',
    operation,
    permissionType: 'ALLOW' as const,
  });
  const created = await admin.createAcls([acl('TOPIC', 'guarded', 'WRITE'), acl('TRANSACTIONAL_ID', 'alice-txn-2', 'WRITE')]);
  assert.deepEqual(
    created.map((c) => c.error),
    [null, null],
  );
  const granted = await producer(login('SCRAM-SHA-256', 'alice', 'alice-secret'));
  assert.equal((await granted.send({ topic: 'guarded', value: 'yes' })).offset, 0);
  const grantedTxn = await producer({ ...login('SCRAM-SHA-256', 'alice', 'alice-secret'), 'transactional.id': 'alice-txn-2' });
  await grantedTxn.initTransactions();
  grantedTxn.beginTransaction();
  await grantedTxn.send({ topic: 'guarded', value: 'in-txn' });
  await grantedTxn.commitTransaction();
});
