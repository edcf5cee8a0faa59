// ACLs on the Kafka port with kafkajs over SASL: CreateAcls/DescribeAcls/DeleteAcls as kafka-acls.sh
// uses them, and the matrix — Read on a prefix consumes but cannot produce, Write produces, Deny
// beats Allow, Metadata hides what a principal may not describe, super users do everything, and
// without an authorizer the ACL APIs answer SECURITY_DISABLED.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import kafkajs, { type Admin } from 'kafkajs';

// kafkajs is CommonJS: its enums come from the default export
const { AclOperationTypes, AclPermissionTypes, ResourcePatternTypes: AclResourcePatternTypes, AclResourceTypes, Kafka, logLevel } = kafkajs;
type AclResourceTypes = kafkajs.AclResourceTypes;
type AclResourcePatternTypes = kafkajs.ResourcePatternTypes;
type AclOperationTypes = kafkajs.AclOperationTypes;
import { startBroker } from './helpers';

const USERS = ['admin', 'reader', 'writer', 'denied'].map((u) => `SCRAM-SHA-512=[name=${u},password=${u}-secret]`).join(';');

async function aclBroker() {
  return startBroker({
    listeners: 'SASL_PLAINTEXT://127.0.0.1:0',
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'scram.bootstrap.users': USERS,
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users': 'User:admin',
  });
}

function as(port: number, user: string) {
  return new Kafka({
    brokers: [`127.0.0.1:${port}`],
    clientId: `acl-${user}`,
    sasl: { mechanism: 'scram-sha-512', username: user, password: `${user}-secret` },
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  });
}

async function allow(
  admin: Admin,
  principal: string,
  resourceType: AclResourceTypes,
  resourceName: string,
  patternType: AclResourcePatternTypes,
  operation: AclOperationTypes,
  permission = AclPermissionTypes.ALLOW,
) {
  await admin.createAcls({
    acl: [{ resourceType, resourceName, resourcePatternType: patternType, principal, host: '*', operation, permissionType: permission }],
  });
}

test('Read on a prefix consumes but cannot produce; Write produces; Deny beats Allow; Metadata hides the rest', async () => {
  const { port } = await aclBroker();
  const admin = as(port, 'admin').admin();
  await admin.connect();
  await admin.createTopics({
    topics: ['orders-eu', 'orders-us', 'secret'].map((topic) => ({ topic, numPartitions: 1 })),
    waitForLeaders: true,
  });
  await allow(admin, 'User:reader', AclResourceTypes.TOPIC, 'orders-', AclResourcePatternTypes.PREFIXED, AclOperationTypes.READ);
  await allow(admin, 'User:reader', AclResourceTypes.GROUP, 'readers', AclResourcePatternTypes.LITERAL, AclOperationTypes.READ);
  await allow(admin, 'User:writer', AclResourceTypes.TOPIC, 'orders-eu', AclResourcePatternTypes.LITERAL, AclOperationTypes.WRITE);
  await allow(admin, 'User:denied', AclResourceTypes.TOPIC, '*', AclResourcePatternTypes.LITERAL, AclOperationTypes.ALL);
  await allow(
    admin,
    'User:denied',
    AclResourceTypes.TOPIC,
    'orders-',
    AclResourcePatternTypes.PREFIXED,
    AclOperationTypes.WRITE,
    AclPermissionTypes.DENY,
  );

  const described = await admin.describeAcls({
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: AclResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  });
  assert.equal(described.resources.flatMap((r) => r.acls).length, 5);

  // the writer produces to orders-eu; the reader cannot
  const writer = as(port, 'writer').producer();
  await writer.connect();
  await writer.send({ topic: 'orders-eu', messages: [{ value: 'first order' }] });
  await writer.disconnect();
  const readerProducer = as(port, 'reader').producer();
  await readerProducer.connect();
  await assert.rejects(readerProducer.send({ topic: 'orders-eu', messages: [{ value: 'nope' }] }), /authoriz/i);
  await readerProducer.disconnect();
  // Deny beats the wildcard Allow
  const deniedProducer = as(port, 'denied').producer();
  await deniedProducer.connect();
  await assert.rejects(deniedProducer.send({ topic: 'orders-us', messages: [{ value: 'nope' }] }), /authoriz/i);
  await deniedProducer.send({ topic: 'secret', messages: [{ value: 'allowed by the wildcard' }] });
  await deniedProducer.disconnect();

  // the reader consumes with its group; Metadata shows it only what it may describe
  const reader = as(port, 'reader');
  const readerAdmin = reader.admin();
  await readerAdmin.connect();
  assert.deepEqual((await readerAdmin.listTopics()).sort(), ['orders-eu', 'orders-us']);
  await readerAdmin.disconnect();
  const consumer = reader.consumer({ groupId: 'readers' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders-eu', fromBeginning: true });
  const got = await new Promise<string>(
    (resolve) => void consumer.run({ eachMessage: async ({ message }) => resolve(message.value!.toString()) }),
  );
  assert.equal(got, 'first order');
  await consumer.disconnect();

  // a principal that is not a super user cannot change ACLs
  const writerAdmin = as(port, 'writer').admin();
  await writerAdmin.connect();
  await assert.rejects(
    allow(writerAdmin, 'User:writer', AclResourceTypes.TOPIC, '*', AclResourcePatternTypes.LITERAL, AclOperationTypes.ALL),
    /authoriz/i,
  );
  await writerAdmin.disconnect();

  // DeleteAcls removes the reader's prefix ACL: it can no longer see the topics
  const deleted = await admin.deleteAcls({
    filters: [
      {
        resourceType: AclResourceTypes.TOPIC,
        resourceName: 'orders-',
        resourcePatternType: AclResourcePatternTypes.PREFIXED,
        principal: 'User:reader',
        host: '*',
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ANY,
      },
    ],
  });
  assert.equal(deleted.filterResponses[0]!.matchingAcls.length, 1);
  const readerAdmin2 = as(port, 'reader').admin();
  await readerAdmin2.connect();
  assert.deepEqual(await readerAdmin2.listTopics(), []);
  await readerAdmin2.disconnect();
  await admin.disconnect();
});

test('without an authorizer the ACL APIs answer SECURITY_DISABLED and everything is allowed', async () => {
  const { port } = await startBroker();
  const admin = new Kafka({ brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  await admin.connect();
  await assert.rejects(
    admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: AclResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    }),
    /Security features are disabled|SECURITY_DISABLED|No Authorizer/i,
  );
  await admin.disconnect();
});
