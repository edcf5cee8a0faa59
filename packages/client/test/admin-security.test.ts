// Logging in as Kafka's clients do, against brokers configured with TLS and SASL: SCRAM and PLAIN
// (sasl.jaas.config or sasl.username/password), TLS with a CA file and with client certificates
// (the subject is the principal), refusals as typed errors; then the admin calls that need a
// secured broker: ACLs (create, describe, delete; what a non-super user is refused) and SCRAM users
// (created by the admin, then logging in with them, then deleted).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makePki } from '@tarn/broker/testing';
import { Admin, AuthenticationError, Cluster, ConnectionError } from '../src/index';
import { onCleanup, startTestBroker, tempDir } from './helpers';

const pki = makePki();
const USERS = 'SCRAM-SHA-512=[name=admin,password=admin-secret];SCRAM-SHA-256=[name=alice,password=alice-secret]';
const jaas = (module: 'scram.ScramLoginModule' | 'plain.PlainLoginModule', user: string, password: string) =>
  `org.apache.kafka.common.security.${module} required username="${user}" password="${password}";`;

async function connectAdmin(props: Record<string, string>): Promise<Admin> {
  const admin = await Admin.connect(props);
  onCleanup(() => admin.close());
  return admin;
}

test('SASL_PLAINTEXT: SCRAM-SHA-512 from sasl.jaas.config, SCRAM-SHA-256 and PLAIN from sasl.username/password; refusals are typed', async () => {
  const b = await startTestBroker({
    listeners: 'SASL_PLAINTEXT://127.0.0.1:0',
    'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512',
    'scram.bootstrap.users': USERS,
  });
  const base = { 'bootstrap.servers': b.bootstrap, 'security.protocol': 'SASL_PLAINTEXT' };
  const admin = await connectAdmin({
    ...base,
    'sasl.mechanism': 'SCRAM-SHA-512',
    'sasl.jaas.config': jaas('scram.ScramLoginModule', 'admin', 'admin-secret'),
  });
  assert.equal((await admin.createTopics([{ name: 'sasl-topic', numPartitions: 1 }]))[0]!.error, null);
  const alice = await connectAdmin({
    ...base,
    'sasl.mechanism': 'SCRAM-SHA-256',
    'sasl.username': 'alice',
    'sasl.password': 'alice-secret',
  });
  assert.ok((await alice.listTopics()).some((t) => t.name === 'sasl-topic'));
  const plain = await connectAdmin({
    ...base,
    'sasl.mechanism': 'PLAIN',
    'sasl.jaas.config': jaas('plain.PlainLoginModule', 'alice', 'alice-secret'),
  });
  assert.equal((await plain.describeCluster()).brokers.length, 1);

  await assert.rejects(
    Cluster.connect({ ...base, 'sasl.mechanism': 'SCRAM-SHA-512', 'sasl.username': 'admin', 'sasl.password': 'wrong' }),
    (err: unknown) => err instanceof AuthenticationError && err.name === 'SASL_AUTHENTICATION_FAILED' && !err.retriable,
  );
  await assert.rejects(Cluster.connect({ ...base, 'sasl.mechanism': 'SCRAM-SHA-256', 'sasl.username': 'nobody', 'sasl.password': 'x' }), {
    name: 'SASL_AUTHENTICATION_FAILED',
  });
  // no credentials at all: a configuration error before any connection
  await assert.rejects(Cluster.connect({ ...base, 'sasl.mechanism': 'PLAIN' }), { name: 'ConfigError' });
});

test('a SASL session with a lifetime (connections.max.reauth.ms) is renewed on the same connection while requests keep flowing', async () => {
  const b = await startTestBroker({
    listeners: 'SASL_PLAINTEXT://127.0.0.1:0',
    'sasl.enabled.mechanisms': 'SCRAM-SHA-256',
    'scram.bootstrap.users': USERS,
    'connections.max.reauth.ms': '1500',
  });
  const cluster = await Cluster.connect({
    'bootstrap.servers': b.bootstrap,
    'security.protocol': 'SASL_PLAINTEXT',
    'sasl.mechanism': 'SCRAM-SHA-256',
    'sasl.jaas.config': jaas('scram.ScramLoginModule', 'alice', 'alice-secret'),
  });
  onCleanup(() => cluster.close());
  const conn = await cluster.connection(1);
  // over two session lifetimes of requests, a few in flight at once: without re-authentication
  // the broker closes the connection at the first request after the session expires
  const until = Date.now() + 3500;
  let answered = 0;
  while (Date.now() < until) {
    const batch = await Promise.all(Array.from({ length: 3 }, () => cluster.refreshMetadata([])));
    answered += batch.length;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.ok(answered > 30);
  assert.equal(await cluster.connection(1), conn, 'the same connection throughout');
  assert.ok(conn.isOpen);
});

test('SASL_SSL with SCRAM-SHA-512 and ssl.ca.location; a CA the broker is not signed by is refused', async () => {
  const b = await startTestBroker({
    listeners: 'SASL_SSL://127.0.0.1:0',
    'ssl.keystore.location': pki.serverKeystore,
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'scram.bootstrap.users': USERS,
  });
  const props = {
    'bootstrap.servers': `localhost:${b.port}`,
    'security.protocol': 'SASL_SSL',
    'ssl.ca.location': pki.caFile,
    'sasl.mechanism': 'SCRAM-SHA-512',
    'sasl.jaas.config': jaas('scram.ScramLoginModule', 'admin', 'admin-secret'),
  };
  const admin = await connectAdmin(props);
  assert.equal((await admin.createTopics([{ name: 'over-tls', numPartitions: 2 }]))[0]!.error, null);
  const [d] = await admin.describeTopics(['over-tls']);
  assert.equal(d!.value!.partitions.length, 2);

  const otherCa = tempDir('tarn-client-ca-');
  writeFileSync(join(otherCa, 'ca.pem'), makePki().caPem);
  await assert.rejects(
    Cluster.connect({ ...props, 'ssl.ca.location': join(otherCa, 'ca.pem'), 'reconnect.backoff.ms': 1 }),
    (err: unknown) => err instanceof ConnectionError && /certificate/i.test(err.message),
  );
});

test('SSL with client certificates (ssl.certificate.location / ssl.key.location): the subject is the principal', async () => {
  const b = await startTestBroker({
    listeners: 'SSL://127.0.0.1:0',
    'ssl.keystore.location': pki.serverKeystore,
    'ssl.truststore.location': pki.caFile,
    'ssl.client.auth': 'required',
  });
  const dir = tempDir('tarn-client-cert-');
  const carol = pki.client('carol');
  writeFileSync(join(dir, 'carol.pem'), carol.cert);
  writeFileSync(join(dir, 'carol.key'), carol.key);
  const admin = await connectAdmin({
    'bootstrap.servers': b.bootstrap,
    'security.protocol': 'SSL',
    'ssl.ca.location': pki.caFile,
    'ssl.certificate.location': join(dir, 'carol.pem'),
    'ssl.key.location': join(dir, 'carol.key'),
  });
  await admin.listTopics();
  assert.ok([...b.broker.socketServer.connections].some((c) => c.session.principal === 'User:CN=carol,OU=eng,O=acme'));
  await assert.rejects(
    Cluster.connect({ 'bootstrap.servers': b.bootstrap, 'security.protocol': 'SSL', 'ssl.ca.location': pki.caFile }),
    ConnectionError,
  );
});

test('ACLs and SCRAM users on a broker with an authorizer', async () => {
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
  const admin = await connectAdmin(login('SCRAM-SHA-512', 'admin', 'admin-secret'));
  await admin.createTopics([{ name: 'secured', numPartitions: 1 }]);

  // alice may not create topics yet: a per-topic authorization error
  const alice = await connectAdmin(login('SCRAM-SHA-256', 'alice', 'alice-secret'));
  const [refused] = await alice.createTopics([{ name: 'alice-topic' }]);
  assert.equal(refused!.error?.name, 'TOPIC_AUTHORIZATION_FAILED');

  const created = await admin.createAcls([
    {
      resourceType: 'TOPIC',
      resourceName: 'alice-',
      patternType: 'PREFIXED',
      principal: 'User:alice',
      host: '*',
      operation: 'ALL',
      permissionType: 'ALLOW',
    },
    {
      resourceType: 'GROUP',
      resourceName: 'g1',
      patternType: 'LITERAL',
      principal: 'User:alice',
      host: '*',
      operation: 'READ',
      permissionType: 'ALLOW',
    },
  ]);
  assert.deepEqual(
    created.map((c) => c.error),
    [null, null],
  );
  const described = await admin.describeAcls({ principal: 'User:alice' });
  assert.deepEqual(described.map((a) => `${a.resourceType}:${a.patternType}:${a.resourceName}:${a.operation}`).sort(), [
    'GROUP:LITERAL:g1:READ',
    'TOPIC:PREFIXED:alice-:ALL',
  ]);
  assert.equal((await alice.createTopics([{ name: 'alice-topic' }]))[0]!.error, null);
  // alice may not manage ACLs
  await assert.rejects(alice.describeAcls(), { name: 'CLUSTER_AUTHORIZATION_FAILED' });

  const [deleted] = await admin.deleteAcls([{ resourceType: 'GROUP', principal: 'User:alice' }]);
  assert.deepEqual(
    deleted!.value!.map((a) => a.resourceName),
    ['g1'],
  );
  assert.equal((await admin.describeAcls({ principal: 'User:alice' })).length, 1);

  // SCRAM users: create bob, log in as bob, delete bob
  const [upserted] = await admin.alterUserScramCredentials([
    { type: 'upsert', user: 'bob', mechanism: 'SCRAM-SHA-256', password: 'bob-secret', iterations: 8192 },
  ]);
  assert.equal(upserted!.error, null);
  const users = await admin.describeUserScramCredentials(['bob', 'nobody']);
  assert.deepEqual(users.find((u) => u.user === 'bob')!.value, [{ mechanism: 'SCRAM-SHA-256', iterations: 8192 }]);
  assert.equal(users.find((u) => u.user === 'nobody')!.error?.name, 'RESOURCE_NOT_FOUND');
  const bob = await Cluster.connect(login('SCRAM-SHA-256', 'bob', 'bob-secret'));
  bob.close();
  const [removed] = await admin.alterUserScramCredentials([{ type: 'delete', user: 'bob', mechanism: 'SCRAM-SHA-256' }]);
  assert.equal(removed!.error, null);
  await assert.rejects(Cluster.connect(login('SCRAM-SHA-256', 'bob', 'bob-secret')), { name: 'SASL_AUTHENTICATION_FAILED' });
});
