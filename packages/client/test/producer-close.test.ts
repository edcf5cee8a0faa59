// close() delivers what was sent before it, including sends still waiting for their topic's
// metadata (a topic the producer has not seen yet), and refuses sends made after it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Admin, Producer, type RecordMetadata } from '../src/index';
import { startTestBroker } from './helpers';

test('close() delivers sends still waiting for metadata; a send after close() is refused', async () => {
  const broker = await startTestBroker({ 'num.partitions': '1', 'auto.create.topics.enable': 'true' });
  const p = await Producer.create({ 'bootstrap.servers': broker.bootstrap, 'client.id': 'close-test' });
  const outcomes: Array<Promise<RecordMetadata>> = [];
  // the topic does not exist yet: every send waits for metadata (and the topic's creation)
  for (let i = 0; i < 500; i++) outcomes.push(p.send({ topic: 'close-fresh', value: `v${i}` }));
  await p.close();
  const sent = await Promise.all(outcomes);
  assert.deepEqual(
    sent.map((m) => m.offset),
    Array.from({ length: 500 }, (_, i) => i),
  );
  const admin = await Admin.connect({ 'bootstrap.servers': broker.bootstrap });
  const [end] = await admin.listOffsets([{ topic: 'close-fresh', partition: 0, spec: 'latest' }]);
  admin.close();
  assert.equal(end!.value?.offset, 500);
  await assert.rejects(p.send({ topic: 'close-fresh', value: 'late' }), /closed/);
});
