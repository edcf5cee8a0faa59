// SASL on the Kafka port with real clients: kafkajs logs in with SCRAM-SHA-256, SCRAM-SHA-512 and
// PLAIN against users in the metadata store (scram.bootstrap.users, AlterUserScramCredentials);
// wrong passwords, unknown users and unoffered mechanisms are refused with Kafka's errors; a
// request before authentication closes the connection; the broker serves others throughout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, decodeResponse, encodeRequest, ErrorCode, MetadataRequestTypes } from '@tarn/protocol';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { startBroker, TestConnection } from './helpers';

const USERS = 'SCRAM-SHA-512=[name=admin,password=admin-secret];SCRAM-SHA-256=[name=alice,password=alice-secret]';

async function saslBroker(mechanisms = 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512', extra: Record<string, string> = {}) {
  return startBroker({
    listeners: 'SASL_PLAINTEXT://127.0.0.1:0',
    'sasl.enabled.mechanisms': mechanisms,
    'scram.bootstrap.users': USERS,
    ...extra,
  });
}

function client(port: number, sasl: SASLOptions) {
  return new Kafka({
    brokers: [`127.0.0.1:${port}`],
    clientId: 'sasl-test',
    sasl,
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 3000,
  });
}

test('kafkajs with SCRAM-SHA-512, SCRAM-SHA-256 and PLAIN: produce and consume', async () => {
  const { port } = await saslBroker();
  const admin = client(port, { mechanism: 'scram-sha-512', username: 'admin', password: 'admin-secret' }).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'sasl-t', numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const alice = client(port, { mechanism: 'scram-sha-256', username: 'alice', password: 'alice-secret' });
  const producer = alice.producer();
  await producer.connect();
  await producer.send({ topic: 'sasl-t', messages: [{ key: 'k', value: 'over SCRAM-SHA-256' }] });
  await producer.disconnect();
  // PLAIN checks the password against the user's SCRAM credential
  const plain = client(port, { mechanism: 'plain', username: 'admin', password: 'admin-secret' });
  const consumer = plain.consumer({ groupId: 'sasl-g' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'sasl-t', fromBeginning: true });
  const got = await new Promise<string>(
    (resolve) => void consumer.run({ eachMessage: async ({ message }) => resolve(message.value!.toString()) }),
  );
  assert.equal(got, 'over SCRAM-SHA-256');
  await consumer.disconnect();
});

test('wrong password, unknown user, a mechanism not offered: refused; others keep working', async () => {
  const { port } = await saslBroker('SCRAM-SHA-256,SCRAM-SHA-512');
  const refused = async (sasl: SASLOptions, pattern: RegExp) => {
    const admin = client(port, sasl).admin();
    await assert.rejects(admin.connect(), pattern);
    await admin.disconnect().catch(() => {});
  };
  await refused({ mechanism: 'scram-sha-512', username: 'admin', password: 'wrong' }, /SASL SCRAM SHA512 authentication failed/);
  await refused({ mechanism: 'scram-sha-256', username: 'nobody', password: 'x' }, /authentication failed/i);
  await refused({ mechanism: 'plain', username: 'admin', password: 'admin-secret' }, /does not support the requested SASL mechanism/);
  const ok = client(port, { mechanism: 'scram-sha-512', username: 'admin', password: 'admin-secret' }).admin();
  await ok.connect();
  assert.ok((await ok.describeCluster()).brokers.length === 1);
  await ok.disconnect();
});

test('a request before authentication closes the connection; ApiVersions and SaslHandshake are answered', async () => {
  const { port } = await saslBroker();
  const conn = await TestConnection.open(port);
  const versions = await conn.request(ApiKey.ApiVersions, 0, {} as never);
  assert.equal(versions.errorCode, ErrorCode.NONE);
  const handshake = await conn.request(ApiKey.SaslHandshake, 1, { mechanism: 'SCRAM-SHA-512' });
  assert.equal(handshake.errorCode, ErrorCode.NONE);
  assert.deepEqual(handshake.mechanisms, ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']);
  conn.close();
  const early = await TestConnection.open(port);
  early.sendRequest(ApiKey.Metadata, 1, { ...MetadataRequestTypes.defaultMetadataRequest(), topics: null });
  await early.expectClosed(5000); // Metadata before authentication closes the connection
});

test('requests pipelined behind a PLAIN login are served once the password check (off the event loop) has finished', async () => {
  const { port } = await saslBroker();
  const token = Buffer.from('\u0000admin\u0000admin-secret');
  const metadata = { ...MetadataRequestTypes.defaultMetadataRequest(), topics: null };
  const sizePrefixed = (b: Buffer) => {
    const size = Buffer.alloc(4);
    size.writeInt32BE(b.length);
    return [size, b];
  };
  // SaslHandshake v1 then SaslAuthenticate then Metadata in one write: Metadata must see the session authenticated.
  const v1 = await TestConnection.open(port);
  v1.write(
    Buffer.concat([
      ...encodeRequest(ApiKey.SaslHandshake, 1, 1, 'tarn-test', { mechanism: 'PLAIN' }),
      ...encodeRequest(ApiKey.SaslAuthenticate, 1, 2, 'tarn-test', { authBytes: token }),
      ...encodeRequest(ApiKey.Metadata, 1, 3, 'tarn-test', metadata),
    ]),
  );
  assert.equal(decodeResponse(ApiKey.SaslHandshake, 1, await v1.readFrame()).body.errorCode, ErrorCode.NONE);
  assert.equal(decodeResponse(ApiKey.SaslAuthenticate, 1, await v1.readFrame()).body.errorCode, ErrorCode.NONE);
  const answer = decodeResponse(ApiKey.Metadata, 1, await v1.readFrame());
  assert.deepEqual([answer.correlationId, answer.body.brokers.length], [3, 1]);
  v1.close();
  // SaslHandshake v0: the token travels bare, and the request behind it is a request again, not another token.
  const v0 = await TestConnection.open(port);
  v0.write(
    Buffer.concat([
      ...encodeRequest(ApiKey.SaslHandshake, 0, 1, 'tarn-test', { mechanism: 'PLAIN' }),
      ...sizePrefixed(token),
      ...encodeRequest(ApiKey.Metadata, 1, 2, 'tarn-test', metadata),
    ]),
  );
  assert.equal(decodeResponse(ApiKey.SaslHandshake, 0, await v0.readFrame()).body.errorCode, ErrorCode.NONE);
  assert.equal((await v0.readFrame()).length, 0, "PLAIN's empty answer, bare");
  const bare = decodeResponse(ApiKey.Metadata, 1, await v0.readFrame());
  assert.deepEqual([bare.correlationId, bare.body.brokers.length], [2, 1]);
  v0.close();
});

test('AlterUserScramCredentials and DescribeUserScramCredentials, as kafka-configs.sh --entity-type users uses them', async () => {
  const { port } = await saslBroker();
  // kafkajs has no SCRAM admin API: the raw requests, with Hi() computed here as Kafka's admin client does
  const { pbkdf2Sync, randomBytes } = await import('node:crypto');
  const salt = randomBytes(16);
  const salted = pbkdf2Sync('bob-secret', salt, 8192, 32, 'sha256');
  const conn = await TestConnection.open(port);
  await conn.request(ApiKey.SaslHandshake, 1, { mechanism: 'PLAIN' });
  const auth = await conn.request(ApiKey.SaslAuthenticate, 1, { authBytes: Buffer.from('\u0000admin\u0000admin-secret') });
  assert.equal(auth.errorCode, ErrorCode.NONE);
  const altered = await conn.request(ApiKey.AlterUserScramCredentials, 0, {
    deletions: [{ name: 'nobody', mechanism: 1 }],
    upsertions: [
      { name: 'bob', mechanism: 1, iterations: 8192, salt, saltedPassword: salted },
      { name: 'carol', mechanism: 2, iterations: 100, salt, saltedPassword: salted },
    ],
  });
  assert.deepEqual(
    altered.results.map((r) => [r.user, r.errorCode]),
    [
      ['nobody', ErrorCode.RESOURCE_NOT_FOUND],
      ['bob', ErrorCode.NONE],
      ['carol', ErrorCode.UNACCEPTABLE_CREDENTIAL],
    ],
  );
  const described = await conn.request(ApiKey.DescribeUserScramCredentials, 0, { users: [{ name: 'bob' }, { name: 'ghost' }] });
  assert.deepEqual(
    described.results.map((r) => [r.user, r.errorCode, r.credentialInfos.map((c) => [c.mechanism, c.iterations])]),
    [
      ['bob', ErrorCode.NONE, [[1, 8192]]],
      ['ghost', ErrorCode.RESOURCE_NOT_FOUND, []],
    ],
  );
  conn.close();
  const bob = client(port, { mechanism: 'scram-sha-256', username: 'bob', password: 'bob-secret' }).admin();
  await bob.connect();
  await bob.listTopics();
  await bob.disconnect();
});

test('KIP-368: a session lifetime is announced; a connection that does not re-authenticate in time is closed, one that does goes on', async () => {
  const { port } = await saslBroker('PLAIN,SCRAM-SHA-512', { 'connections.max.reauth.ms': '600' });
  const login = async (conn: TestConnection) => {
    assert.equal((await conn.request(ApiKey.SaslHandshake, 1, { mechanism: 'PLAIN' })).errorCode, ErrorCode.NONE);
    return conn.request(ApiKey.SaslAuthenticate, 1, { authBytes: Buffer.from('\u0000admin\u0000admin-secret') });
  };
  const metadata = { ...MetadataRequestTypes.defaultMetadataRequest(), topics: null };
  const stale = await TestConnection.open(port);
  const auth = await login(stale);
  assert.equal(auth.errorCode, ErrorCode.NONE);
  assert.equal(auth.sessionLifetimeMs, 600n);
  await stale.request(ApiKey.Metadata, 1, metadata);
  await new Promise((r) => setTimeout(r, 700));
  stale.sendRequest(ApiKey.Metadata, 1, metadata);
  await stale.expectClosed(5000);

  const renewed = await TestConnection.open(port);
  await login(renewed);
  await new Promise((r) => setTimeout(r, 400));
  assert.equal((await login(renewed)).errorCode, ErrorCode.NONE, 're-authenticated on the same connection');
  await new Promise((r) => setTimeout(r, 400));
  assert.equal((await renewed.request(ApiKey.Metadata, 1, metadata)).brokers.length, 1, 'still serving after the first lifetime ended');
  renewed.close();
});
