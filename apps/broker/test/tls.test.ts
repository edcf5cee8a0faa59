// TLS listeners with real clients: kafkajs over SSL, SSL with required client certificates (the
// subject becomes the principal, as Kafka forms it), SASL_SSL with SCRAM, a plaintext client on a
// TLS port refused while the broker serves everyone else, and replication between brokers over
// SASL_SSL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { startBroker } from './helpers';
import { makePki } from '../src/testing/pki';

const pki = makePki();

function kafka(port: number, extra: Partial<KafkaConfig>) {
  return new Kafka({
    brokers: [`127.0.0.1:${port}`],
    clientId: 'tls-test',
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 3000,
    ...extra,
  });
}

async function roundTrip(k: Kafka, topic: string): Promise<string> {
  const admin = k.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = k.producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ value: `hello over ${topic}` }] });
  await producer.disconnect();
  const consumer = k.consumer({ groupId: `${topic}-g` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const got = await new Promise<string>(
    (resolve) => void consumer.run({ eachMessage: async ({ message }) => resolve(message.value!.toString()) }),
  );
  await consumer.disconnect();
  return got;
}

test('SSL listener (PEM keystore file): kafkajs produces and consumes; a plaintext client is refused and others go on', async () => {
  const { port, broker } = await startBroker({
    listeners: 'SSL://127.0.0.1:0',
    'ssl.keystore.type': 'PEM',
    'ssl.keystore.location': pki.serverKeystore,
  });
  const secure = kafka(port, { ssl: { ca: [pki.caPem] } });
  assert.equal(await roundTrip(secure, 'tls-t'), 'hello over tls-t');
  const plain = kafka(port, {}).admin();
  await assert.rejects(plain.connect());
  await plain.disconnect().catch(() => {});
  assert.equal(await roundTrip(secure, 'tls-t2'), 'hello over tls-t2');
  assert.ok([...broker.socketServer.connections].every((c) => c.session.principal === 'User:ANONYMOUS'));
});

test('SSL with ssl.client.auth=required: the certificate subject is the principal; no certificate, no connection', async () => {
  const { port, broker } = await startBroker({
    listeners: 'SSL://127.0.0.1:0',
    'ssl.keystore.certificate.chain': pki.serverCert,
    'ssl.keystore.key': pki.serverKey,
    'ssl.truststore.location': pki.caFile,
    'ssl.client.auth': 'required',
  });
  const alice = pki.client('alice');
  const admin = kafka(port, { ssl: { ca: [pki.caPem], key: alice.key, cert: alice.cert } }).admin();
  await admin.connect();
  await admin.listTopics();
  assert.ok([...broker.socketServer.connections].some((c) => c.session.principal === 'User:CN=alice,OU=eng,O=acme'));
  await admin.disconnect();
  const anonymous = kafka(port, { ssl: { ca: [pki.caPem] } }).admin();
  await assert.rejects(anonymous.connect());
  await anonymous.disconnect().catch(() => {});
});

test('SASL_SSL with SCRAM-SHA-512: kafkajs logs in over TLS; a wrong password is refused', async () => {
  const { port } = await startBroker({
    listeners: 'SASL_SSL://127.0.0.1:0',
    'ssl.keystore.location': pki.serverKeystore,
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'scram.bootstrap.users': 'SCRAM-SHA-512=[name=admin,password=admin-secret]',
  });
  const ok = kafka(port, { ssl: { ca: [pki.caPem] }, sasl: { mechanism: 'scram-sha-512', username: 'admin', password: 'admin-secret' } });
  assert.equal(await roundTrip(ok, 'sasl-ssl-t'), 'hello over sasl-ssl-t');
  const bad = kafka(port, { ssl: { ca: [pki.caPem] }, sasl: { mechanism: 'scram-sha-512', username: 'admin', password: 'nope' } }).admin();
  await assert.rejects(bad.connect(), /authentication failed/i);
  await bad.disconnect().catch(() => {});
});

test('two listeners: Metadata answers with the addresses of the listener the client came in on', async () => {
  const { broker } = await startBroker({
    listeners: 'PLAINTEXT://127.0.0.1:0,SSL://127.0.0.1:0',
    'ssl.keystore.location': pki.serverKeystore,
  });
  const bound = broker.boundListeners();
  const ssl = bound.find((l) => l.name === 'SSL')!;
  const plaintext = bound.find((l) => l.name === 'PLAINTEXT')!;
  const viaSsl = kafka(ssl.port, { ssl: { ca: [pki.caPem] } }).admin();
  await viaSsl.connect();
  assert.deepEqual(
    (await viaSsl.describeCluster()).brokers.map((b) => b.port),
    [ssl.port],
  );
  await viaSsl.disconnect();
  const viaPlain = kafka(plaintext.port, {}).admin();
  await viaPlain.connect();
  assert.deepEqual(
    (await viaPlain.describeCluster()).brokers.map((b) => b.port),
    [plaintext.port],
  );
  await viaPlain.disconnect();
});
