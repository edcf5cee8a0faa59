// Cluster against a real broker: bootstrap, version negotiation, metadata, coordinators, typed errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiKey } from '@tarn/protocol';
import { Admin, Cluster, ConfigError, ConnectionError, KafkaError } from '../src/index';
import { connectCluster, startTestBroker } from './helpers';

const broker = await startTestBroker({ 'num.partitions': '3' });

test('connects through the second bootstrap server when the first is down, and learns the brokers', async () => {
  const cluster = await connectCluster(`127.0.0.1:1,${broker.bootstrap}`, { 'reconnect.backoff.ms': 10 });
  const brokers = cluster.brokers();
  assert.equal(brokers.length, 1);
  assert.equal(brokers[0]!.port, broker.port);
  assert.equal(typeof cluster.clusterId, 'string');
  assert.equal(cluster.controllerId, brokers[0]!.nodeId);
});

test('negotiates the highest common version per API', async () => {
  const cluster = await connectCluster(broker);
  const id = cluster.brokers()[0]!.nodeId;
  // tarn advertises Kafka 3.9's versions: Metadata up to 12, Produce up to 11
  assert.equal(await cluster.versionFor(id, ApiKey.Metadata), 12);
  assert.equal(await cluster.versionFor(id, ApiKey.Produce), 11);
  // an explicit version wins over the negotiated one
  const r = await cluster.request(id, ApiKey.ListGroups, { statesFilter: [], typesFilter: [] }, { version: 0 });
  assert.equal(r.errorCode, 0);
});

test('metadata: partitions and leaders of an auto-created topic; unknown topics are typed errors', async () => {
  const cluster = await connectCluster(broker);
  await cluster.refreshMetadata(['auto-topic'], { allowAutoTopicCreation: true }).catch(() => {});
  let partitions = null;
  for (let i = 0; i < 50 && partitions === null; i++) {
    try {
      partitions = await cluster.partitionsFor('auto-topic');
    } catch (err) {
      assert.ok(err instanceof KafkaError && err.retriable, String(err));
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  assert.deepEqual(
    partitions!.map((p) => p.partition),
    [0, 1, 2],
  );
  assert.equal(await cluster.leaderFor('auto-topic', 1), cluster.brokers()[0]!.nodeId);
  await assert.rejects(cluster.partitionsFor('no-such-topic'), (err: unknown) => {
    assert.ok(err instanceof KafkaError);
    assert.equal(err.name, 'UNKNOWN_TOPIC_OR_PARTITION');
    assert.equal(err.code, 3);
    return true;
  });
  await assert.rejects(cluster.leaderFor('auto-topic', 7), { name: 'UNKNOWN_TOPIC_OR_PARTITION' });
});

test('a value the negotiated version cannot carry is UNSUPPORTED_VERSION, and the connection stays usable', async () => {
  const cluster = await connectCluster(broker);
  // Metadata v3 cannot say "do not auto-create" (allowAutoTopicCreation is v4+)
  const body = {
    topics: [],
    allowAutoTopicCreation: false,
    includeClusterAuthorizedOperations: false,
    includeTopicAuthorizedOperations: false,
  };
  await assert.rejects(cluster.request(1, ApiKey.Metadata, body, { version: 3 }), (err: unknown) => {
    assert.ok(err instanceof KafkaError);
    assert.equal(err.name, 'UNSUPPORTED_VERSION');
    assert.match(err.message, /Metadata v3/);
    return true;
  });
  assert.equal((await cluster.request(1, ApiKey.Metadata, body)).brokers.length, 1);
});

test('cached metadata is used until metadata.max.age.ms, then asked for again', async () => {
  const cluster = await connectCluster(broker, { 'metadata.max.age.ms': 1500 });
  const admin = new Admin(cluster);
  await admin.createTopics([{ name: 'aging', numPartitions: 1 }]);
  assert.equal((await cluster.partitionsFor('aging')).length, 1);
  // grown by another client: this one's cache does not know yet
  const other = await Admin.connect(broker.props());
  await other.createPartitions({ aging: { totalCount: 3 } });
  other.close();
  assert.equal((await cluster.partitionsFor('aging')).length, 1);
  await new Promise((r) => setTimeout(r, 1600));
  assert.equal((await cluster.partitionsFor('aging')).length, 3);
});

test('finds the group coordinator', async () => {
  const cluster = await connectCluster(broker);
  const id = await cluster.findCoordinator('GROUP', 'some-group');
  assert.equal(id, cluster.brokers()[0]!.nodeId);
});

test('bad configuration and unreachable brokers fail with typed errors', async () => {
  await assert.rejects(Cluster.connect({}), ConfigError);
  await assert.rejects(Cluster.connect({ 'bootstrap.servers': broker.bootstrap, 'request.timeout.ms': 'soon' }), /request.timeout.ms/);
  await assert.rejects(Cluster.connect({ 'bootstrap.servers': '127.0.0.1:1' }), (err: unknown) => {
    assert.ok(err instanceof ConnectionError);
    assert.equal(err.name, 'NETWORK_EXCEPTION');
    assert.equal(err.retriable, true);
    return true;
  });
});
