// A coordinator that is still loading: after a restart the broker replays __consumer_offsets
// (here ~100k commit records) and answers COORDINATOR_LOAD_IN_PROGRESS meanwhile, as Kafka does.
// A raw OffsetFetch sees that error; the admin call made at the same moment retries through it
// and returns the offsets the group had before the restart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiKey } from '@tarn/protocol';
import { freePort } from '@tarn/broker/testing';
import { Admin, Cluster } from '../src/index';
import { onCleanup, startTestBroker, tempDir } from './helpers';

const PARTITIONS = 1000;
const ROUNDS = 100;

test('admin calls retry while the group coordinator loads, and answer what was committed', async () => {
  const logDir = tempDir();
  const port = await freePort();
  const overrides = {
    listeners: `PLAINTEXT://127.0.0.1:${port}`,
    'offsets.topic.num.partitions': '1',
    'num.partitions': String(PARTITIONS),
  };
  const first = await startTestBroker(overrides, logDir);
  const props = { 'bootstrap.servers': first.bootstrap, 'retry.backoff.ms': 10, 'reconnect.backoff.ms': 10 };
  const setup = await Admin.connect(props);
  await setup.createTopics([{ name: 'wide' }]);
  for (let round = 1; round <= ROUNDS; round++) {
    const results = await setup.alterConsumerGroupOffsets(
      'loading-group',
      Array.from({ length: PARTITIONS }, (_, partition) => ({ topic: 'wide', partition, offset: round })),
    );
    assert.ok(results.every((r) => r.error === null));
  }
  setup.close();
  await first.stop();

  await startTestBroker(overrides, logDir);
  const raw = await Cluster.connect(props);
  onCleanup(() => raw.close());
  const admin = await Admin.connect(props);
  onCleanup(() => admin.close());
  // both asked at once, right after the restart
  const [fetched, listed] = await Promise.all([
    raw.request(
      1,
      ApiKey.OffsetFetch,
      {
        groupId: '',
        topics: [],
        groups: [{ groupId: 'loading-group', memberId: null, memberEpoch: -1, topics: null }],
        requireStable: false,
      },
      { version: 8 },
    ),
    admin.listConsumerGroupOffsets('loading-group'),
  ]);
  assert.equal(fetched.groups[0]!.errorCode, 14, 'COORDINATOR_LOAD_IN_PROGRESS while the log replays');
  assert.equal(listed.length, PARTITIONS);
  assert.ok(listed.every((o) => o.offset === ROUNDS));
});
