/**
 * The assignors against Kafka's own test cases (RangeAssignorTest, RoundRobinAssignorTest,
 * AbstractStickyAssignorTest, CooperativeStickyAssignorTest, StickyAssignorTest): same input, the
 * assignment Kafka's Java implementation asserts — in the same list order, since Kafka's tests
 * compare ordered lists.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  RangeAssignor,
  RoundRobinAssignor,
  assignorFor,
  javaHashOrder,
  javaStringHash,
  subscription,
} from '../src/consumer/assignors/index';
import { decodeAssignment, decodeSubscription, encodeAssignment, encodeSubscription } from '../src/consumer/consumer-protocol';
import { ppt, subs, tp } from './assignor-support';

describe('Java hash order', () => {
  it('String.hashCode matches Java', () => {
    assert.equal(javaStringHash('hello'), 99162322);
    assert.equal(javaStringHash('Aa'), javaStringHash('BB')); // Java's classic collision
    assert.equal(javaStringHash('polygenelubricants'), -2147483648);
  });
  it('iterates HashMap buckets ascending, insertion order within a bucket', () => {
    // "Aa" and "BB" collide (hash 2112, bucket 0): insertion order decides; "a" (97) is bucket 1.
    assert.deepEqual(javaHashOrder(['b', 'BB', 'a', 'Aa']), ['BB', 'Aa', 'a', 'b']);
    assert.deepEqual(javaHashOrder(['Aa', 'b', 'BB']), ['Aa', 'BB', 'b']);
  });
});

describe('RangeAssignor (Kafka RangeAssignorTest)', () => {
  const a = new RangeAssignor();
  it('one consumer, no topic / one topic', () => {
    assert.deepEqual(a.assign(ppt({}), subs({ consumer: subscription([]) })).get('consumer'), []);
    assert.deepEqual(a.assign(ppt({ topic1: 3 }), subs({ consumer: subscription(['topic1']) })).get('consumer'), [
      tp('topic1', 0),
      tp('topic1', 1),
      tp('topic1', 2),
    ]);
  });
  it('only assigns partitions from subscribed topics; missing topic gets nothing', () => {
    const r = a.assign(ppt({ topic1: 3, other: 3 }), subs({ consumer: subscription(['topic1', 'nonexistent']) }));
    assert.deepEqual(r.get('consumer'), [tp('topic1', 0), tp('topic1', 1), tp('topic1', 2)]);
  });
  it('two consumers, one topic, one partition', () => {
    const r = a.assign(ppt({ topic1: 1 }), subs({ consumer1: subscription(['topic1']), consumer2: subscription(['topic1']) }));
    assert.deepEqual(r.get('consumer1'), [tp('topic1', 0)]);
    assert.deepEqual(r.get('consumer2'), []);
  });
  it('multiple consumers, mixed topics', () => {
    const r = a.assign(
      ppt({ topic1: 3, topic2: 2 }),
      subs({ consumer1: subscription(['topic1']), consumer2: subscription(['topic1', 'topic2']), consumer3: subscription(['topic1']) }),
    );
    assert.deepEqual(r.get('consumer1'), [tp('topic1', 0)]);
    assert.deepEqual(r.get('consumer2'), [tp('topic1', 1), tp('topic2', 0), tp('topic2', 1)]);
    assert.deepEqual(r.get('consumer3'), [tp('topic1', 2)]);
  });
  it('two consumers, two topics, six partitions', () => {
    const r = a.assign(
      ppt({ topic1: 3, topic2: 3 }),
      subs({ consumer1: subscription(['topic1', 'topic2']), consumer2: subscription(['topic1', 'topic2']) }),
    );
    assert.deepEqual(r.get('consumer1'), [tp('topic1', 0), tp('topic1', 1), tp('topic2', 0), tp('topic2', 1)]);
    assert.deepEqual(r.get('consumer2'), [tp('topic1', 2), tp('topic2', 2)]);
  });
  it('static members sort by group.instance.id first (assignment survives new member ids)', () => {
    const s = subs({
      'consumer-z': subscription(['t'], { groupInstanceId: 'instance-1' }),
      'consumer-a': subscription(['t'], { groupInstanceId: 'instance-2' }),
      'consumer-0': subscription(['t']),
    });
    const r = a.assign(ppt({ t: 3 }), s);
    assert.deepEqual(r.get('consumer-z'), [tp('t', 0)]);
    assert.deepEqual(r.get('consumer-a'), [tp('t', 1)]);
    assert.deepEqual(r.get('consumer-0'), [tp('t', 2)]);
  });
});

describe('RoundRobinAssignor (Kafka RoundRobinAssignorTest)', () => {
  const a = new RoundRobinAssignor();
  it('multiple consumers, mixed topics', () => {
    const r = a.assign(
      ppt({ topic1: 3, topic2: 2 }),
      subs({ consumer1: subscription(['topic1']), consumer2: subscription(['topic1', 'topic2']), consumer3: subscription(['topic1']) }),
    );
    assert.deepEqual(r.get('consumer1'), [tp('topic1', 0)]);
    assert.deepEqual(r.get('consumer2'), [tp('topic1', 1), tp('topic2', 0), tp('topic2', 1)]);
    assert.deepEqual(r.get('consumer3'), [tp('topic1', 2)]);
  });
  it('two consumers, two topics, six partitions', () => {
    const r = a.assign(
      ppt({ topic1: 3, topic2: 3 }),
      subs({ consumer1: subscription(['topic1', 'topic2']), consumer2: subscription(['topic1', 'topic2']) }),
    );
    assert.deepEqual(r.get('consumer1'), [tp('topic1', 0), tp('topic1', 2), tp('topic2', 1)]);
    assert.deepEqual(r.get('consumer2'), [tp('topic1', 1), tp('topic2', 0), tp('topic2', 2)]);
  });
  it("the class javadoc's example (C0: t0; C1: t0,t1; C2: t0,t1,t2)", () => {
    const r = a.assign(
      ppt({ t0: 1, t1: 2, t2: 3 }),
      subs({ C0: subscription(['t0']), C1: subscription(['t0', 't1']), C2: subscription(['t0', 't1', 't2']) }),
    );
    assert.deepEqual(r.get('C0'), [tp('t0', 0)]);
    assert.deepEqual(r.get('C1'), [tp('t1', 0)]);
    assert.deepEqual(r.get('C2'), [tp('t1', 1), tp('t2', 0), tp('t2', 1), tp('t2', 2)]);
  });
  it('static members: instance ids decide the order, not member ids', () => {
    const r = a.assign(
      ppt({ t0: 3, t1: 3 }),
      subs({
        C5: subscription(['t0', 't1'], { groupInstanceId: 'I0' }),
        C3: subscription(['t0', 't1'], { groupInstanceId: 'I1' }),
        C4: subscription(['t0', 't1'], { groupInstanceId: 'I2' }),
      }),
    );
    assert.deepEqual(r.get('C5'), [tp('t0', 0), tp('t1', 0)]);
    assert.deepEqual(r.get('C3'), [tp('t0', 1), tp('t1', 1)]);
    assert.deepEqual(r.get('C4'), [tp('t0', 2), tp('t1', 2)]);
  });
});

describe('ConsumerProtocol', () => {
  it('subscription v0–v3 round trips; newer versions read as v3', () => {
    const s = subscription(['b', 'a'], {
      ownedPartitions: [tp('a', 1), tp('a', 0)],
      generationId: 5,
      rackId: 'r1',
      userData: Buffer.from('x'),
    });
    const v3 = decodeSubscription(encodeSubscription(s));
    assert.deepEqual(v3.topics, ['a', 'b']);
    assert.deepEqual(v3.ownedPartitions, [tp('a', 0), tp('a', 1)]);
    assert.equal(v3.generationId, 5);
    assert.equal(v3.rackId, 'r1');
    const v0 = decodeSubscription(encodeSubscription(s, 0));
    assert.deepEqual(v0.ownedPartitions, []);
    assert.equal(v0.generationId, null);
    const future = encodeSubscription(s);
    future.writeInt16BE(9, 0);
    assert.equal(decodeSubscription(Buffer.concat([future, Buffer.from([1, 2, 3])])).generationId, 5);
  });
  it('assignment round trips; empty bytes are an empty assignment; bad bytes throw a DecodeError', () => {
    const a = decodeAssignment(encodeAssignment({ partitions: [tp('t', 2), tp('s', 0)], userData: null }));
    assert.deepEqual(a.partitions, [tp('s', 0), tp('t', 2)]);
    assert.deepEqual(decodeAssignment(Buffer.alloc(0)).partitions, []);
    assert.throws(() => decodeAssignment(Buffer.from([0, 0, 0x7f, 0xff, 0xff, 0xff])), { name: 'DecodeError' });
  });
  it('assignorFor accepts Kafka protocol and class names', () => {
    assert.equal(assignorFor('org.apache.kafka.clients.consumer.CooperativeStickyAssignor').name, 'cooperative-sticky');
    assert.equal(assignorFor('range').name, 'range');
    assert.throws(() => assignorFor('nope'), TypeError);
  });
});
