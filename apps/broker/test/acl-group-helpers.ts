// What the group ACL tests share: a broker with a SASL listener, an authorizer and users, ACL
// grants, kafkajs clients and raw requests as admin and alice.
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode, FindCoordinatorRequestTypes } from '@tarn/protocol';
import { Kafka, logLevel, type Consumer, type SASLOptions } from 'kafkajs';
import { AclOperation, AclPermissionType, PatternType, ResourceType, aclBinding } from '../src/security/authorizer';
import { until } from './group-helpers';
import { startBroker, TestConnection, type TestBroker } from './helpers';

export const SESSION = { sessionTimeout: 6000, rebalanceTimeout: 10000, heartbeatInterval: 300, maxWaitTimeInMs: 200 };
export const ADMIN: SASLOptions = { mechanism: 'scram-sha-512', username: 'admin', password: 'admin-secret' };
export const ALICE: SASLOptions = { mechanism: 'scram-sha-512', username: 'alice', password: 'alice-secret' };
export const { READ, DELETE, DESCRIBE } = AclOperation;
export const OPS = (...ops: number[]) => ops.reduce((bits, op) => bits | (1 << op), 0);

export let shared: Promise<TestBroker> | null = null;
/** One broker for the file: the tests build on each other's groups and ACLs, in order. */
export function setup(): Promise<TestBroker> {
  shared ??= (async () => {
    const b = await startBroker({
      'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
      'super.users': 'User:admin',
      listeners: 'SASL_PLAINTEXT://127.0.0.1:0',
      // PLAIN too, for the raw connections' logins
      'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512',
      'scram.bootstrap.users': 'SCRAM-SHA-512=[name=admin,password=admin-secret];SCRAM-SHA-512=[name=alice,password=alice-secret]',
      // TxnOffsetCommit (group-txn-acl) is driven with producer ids no transaction coordinator handed out
      'transaction.partition.verification.enable': 'false',
    });
    await b.broker.topicAdmin.createTopic({ name: 'acl-t', numPartitions: 1, replicationFactor: 1 });
    await b.broker.topicAdmin.createTopic({ name: 'acl-secret', numPartitions: 1, replicationFactor: 1 });
    // alice may read (and so describe) acl-t, and acl-ghost, which does not exist
    await allow(b, 'User:alice', ResourceType.TOPIC, 'acl-t', READ);
    await allow(b, 'User:alice', ResourceType.TOPIC, 'acl-ghost', READ);
    // the offsets topic and its coordinator, as a client's first FindCoordinator brings them up
    const admin = await login(b.port, 'admin', 'admin-secret');
    for (let found = false; !found;) {
      const r = await admin.request(ApiKey.FindCoordinator, 3, {
        ...FindCoordinatorRequestTypes.defaultFindCoordinatorRequest(),
        key: 'acl-setup',
      });
      found = r.errorCode === ErrorCode.NONE;
      if (!found) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    admin.close();
    return b;
  })();
  return shared;
}

export async function allow(b: TestBroker, principal: string, resourceType: number, name: string, operation: number): Promise<void> {
  const results = await b.broker.authorization.createAcls([
    aclBinding({
      resourceType,
      resourceName: name,
      patternType: PatternType.LITERAL,
      principal,
      host: '*',
      operation,
      permissionType: AclPermissionType.ALLOW,
    }),
  ]);
  assert.deepEqual(
    results.map((r) => r.errorCode),
    [ErrorCode.NONE],
  );
}

export function kafka(port: number, sasl: SASLOptions, clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: [`127.0.0.1:${port}`],
    sasl,
    logLevel: logLevel.NOTHING,
    retry: { retries: 5, initialRetryTime: 100 },
  });
}

/** A raw connection logged in with SASL PLAIN. */
export async function login(port: number, user: string, password: string): Promise<TestConnection> {
  const c = await TestConnection.open(port);
  assert.equal((await c.request(ApiKey.SaslHandshake, 1, { mechanism: 'PLAIN' })).errorCode, ErrorCode.NONE);
  assert.equal(
    (await c.request(ApiKey.SaslAuthenticate, 1, { authBytes: Buffer.from(`\u0000${user}\u0000${password}`) })).errorCode,
    ErrorCode.NONE,
  );
  return c;
}

/** The error under kafkajs's wrappers. */
export function cause(e: unknown): { name?: string; type?: string } {
  const inner = (e as { cause?: unknown }).cause;
  return inner === undefined ? (e as { name?: string; type?: string }) : cause(inner);
}

/** Consumes `count` messages of acl-t from the beginning in `groupId`, then leaves (committing). */
export async function consumeAll(port: number, sasl: SASLOptions, groupId: string, count: number): Promise<string[]> {
  const consumer = kafka(port, sasl, `${groupId}-client`).consumer({ groupId, ...SESSION });
  await consumer.connect();
  await consumer.subscribe({ topic: 'acl-t', fromBeginning: true });
  const got: string[] = [];
  await consumer.run({ eachMessage: async ({ message }) => void got.push(message.value!.toString()) });
  await until(`${count} messages in ${groupId}`, () => got.length >= count);
  await consumer.disconnect();
  return got;
}

export async function committed(port: number, groupId: string): Promise<string | undefined> {
  const admin = kafka(port, ADMIN, 'acl-offsets').admin();
  await admin.connect();
  const [topic] = await admin.fetchOffsets({ groupId, topics: ['acl-t'] });
  await admin.disconnect();
  return topic?.partitions.find((p) => p.partition === 0)?.offset;
}

/** How a kafkajs consumer of acl-t in `groupId` crashes. */
export async function crash(port: number, sasl: SASLOptions, groupId: string): Promise<{ name?: string; type?: string }> {
  const consumer: Consumer = kafka(port, sasl, `${groupId}-refused`).consumer({ groupId, ...SESSION });
  const crashed = new Promise<Error>((resolve) => consumer.on(consumer.events.CRASH, (e) => resolve(e.payload.error)));
  await consumer.connect();
  await consumer.subscribe({ topic: 'acl-t', fromBeginning: true });
  await consumer.run({ eachMessage: async () => {} });
  const err = cause(await crashed);
  await consumer.disconnect();
  return err;
}
