"""confluent-kafka (librdkafka) transactions against tarn, one scenario per subcommand; each prints a
JSON summary for txn-clients-python.test.ts to check.

  produce <bootstrap> <topic> <transactional.id> <plan.json>
      plan: [{"commit": bool, "records": [[partition, key, value], ...]}, ...], run in order; an
      aborted transaction is flushed first, so its records are in the log when it aborts.
  consume <bootstrap> <topic> <partitions> <read_committed|read_uncommitted> <expected>
      reads every partition from the beginning until <expected> records arrived and 1 s more.
  transform <bootstrap> <in> <out> <group> <transactional.id> <count> <batch> <abort-batch>
      consume-transform-produce: batches of <batch> input records become upper-cased output records
      in one transaction each, with the consumer's positions (send_offsets_to_transaction); batch
      number <abort-batch> is aborted halfway through and retried.
  fence <bootstrap> <topic> <transactional.id>
      a producer with an open transaction, then a second one with the same id: the first one's
      commit fails; the second one commits.
  hang <bootstrap> <topic> <transactional.id> <transaction.timeout.ms> <partitions>
      opens a transaction, writes to each partition, prints {"ready": true} and waits to be killed.

Usage: /usr/bin/python3 txn_confluent.py <subcommand> <args...>"""
import json
import os
import sys
import time
from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition, OFFSET_BEGINNING

TIMEOUT_S = 30


def out(summary):
    print(json.dumps(summary), flush=True)


def error_of(exc):
    err = exc.args[0]
    return {'code': err.code(), 'name': err.name(), 'fatal': err.fatal()}


def txn_producer(bootstrap, txn_id, **extra):
    conf = {'bootstrap.servers': bootstrap, 'transactional.id': txn_id, 'client.id': txn_id, 'linger.ms': 5}
    if os.environ.get('TARN_TEST_CLIENT_DEBUG'):
        conf['debug'] = os.environ['TARN_TEST_CLIENT_DEBUG']
    conf.update(extra)
    return Producer(conf)


class Deliveries:
    def __init__(self):
        self.errors = []
        self.delivered = []

    def __call__(self, err, msg):
        if err is not None:
            self.errors.append(str(err))
        else:
            self.delivered.append([msg.partition(), msg.offset(), msg.value().decode()])


def produce(bootstrap, topic, txn_id, plan_file):
    with open(plan_file) as f:
        plan = json.load(f)
    reports = Deliveries()
    producer = txn_producer(bootstrap, txn_id)
    producer.init_transactions(TIMEOUT_S)
    for txn in plan:
        producer.begin_transaction()
        for partition, key, value in txn['records']:
            producer.produce(topic, key=None if key is None else key.encode(), value=value.encode(), partition=partition,
                             on_delivery=reports)
            producer.poll(0)
        if txn['commit']:
            producer.commit_transaction(TIMEOUT_S)
        else:
            producer.flush(TIMEOUT_S)
            producer.abort_transaction(TIMEOUT_S)
    producer.flush(TIMEOUT_S)
    out({'errors': reports.errors, 'delivered': reports.delivered})


def consume(bootstrap, topic, partitions, isolation, expected):
    consumer = Consumer({
        'bootstrap.servers': bootstrap,
        'group.id': 'txn-py-reader',
        'enable.auto.commit': False,
        'isolation.level': isolation,
        'fetch.wait.max.ms': 100,
    })
    consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in range(partitions)])
    records, errors = [], []
    deadline = time.time() + TIMEOUT_S
    quiet_until = None
    while time.time() < deadline and (quiet_until is None or time.time() < quiet_until):
        msg = consumer.poll(0.1)
        if msg is None:
            continue
        if msg.error():
            errors.append(str(msg.error()))
            continue
        key = msg.key()
        records.append([msg.partition(), msg.offset(), None if key is None else key.decode(), msg.value().decode()])
        if len(records) >= expected and quiet_until is None:
            quiet_until = time.time() + 1
    consumer.close()
    out({'records': records, 'errors': errors})


def transform(bootstrap, in_topic, out_topic, group, txn_id, count, batch_size, abort_batch):
    consumer = Consumer({
        'bootstrap.servers': bootstrap,
        'group.id': group,
        'enable.auto.commit': False,
        'auto.offset.reset': 'earliest',
        'isolation.level': 'read_committed',
        'session.timeout.ms': 6000,
        'heartbeat.interval.ms': 500,
        'fetch.wait.max.ms': 100,
    })
    consumer.subscribe([in_topic])
    reports = Deliveries()
    producer = txn_producer(bootstrap, txn_id)
    producer.init_transactions(TIMEOUT_S)
    processed, batches, errors = 0, 0, []
    last_sent, sent_before_abort, committed_after_abort, aborted_records = [], None, None, 0
    deadline = time.time() + 60
    while processed < count and time.time() < deadline:
        msgs = []
        for m in consumer.consume(min(batch_size, count - processed), 0.5):
            if m.error() is None:
                msgs.append(m)
            else:
                errors.append(str(m.error()))
        if not msgs:
            continue
        batches += 1
        attempts = [False, True] if batches == abort_batch else [True]
        for commit in attempts:
            producer.begin_transaction()
            todo = msgs if commit else msgs[: len(msgs) // 2 + 1]
            for m in todo:
                producer.produce(out_topic, key=m.key(), value=m.value().upper(), partition=m.partition(), on_delivery=reports)
                producer.poll(0)
            positions = consumer.position(consumer.assignment())
            producer.send_offsets_to_transaction(positions, consumer.consumer_group_metadata(), TIMEOUT_S)
            if not commit:
                # the application fails halfway: the transaction, its output and its offsets go
                producer.flush(TIMEOUT_S)
                producer.abort_transaction(TIMEOUT_S)
                aborted_records = len(todo)
                sent_before_abort = last_sent
                committed_after_abort = [[tp.partition, tp.offset] for tp in consumer.committed(consumer.assignment(), TIMEOUT_S)]
                continue
            producer.commit_transaction(TIMEOUT_S)
            last_sent = [[tp.partition, tp.offset] for tp in positions]
        processed += len(msgs)
    committed = [[tp.partition, tp.offset] for tp in consumer.committed(consumer.assignment(), TIMEOUT_S)]
    consumer.close()
    out({'processed': processed, 'batches': batches, 'sentBeforeAbort': sent_before_abort, 'committedAfterAbort': committed_after_abort,
         'abortedRecords': aborted_records, 'committed': committed, 'errors': errors + reports.errors,
         'delivered': len(reports.delivered)})


def fence(bootstrap, topic, txn_id):
    first = txn_producer(bootstrap, txn_id, debug='eos')  # its log on stderr says what the broker answered
    first.init_transactions(TIMEOUT_S)
    first.begin_transaction()
    for p in (0, 1):
        first.produce(topic, key=b'zombie', value=b'zombie-%d' % p, partition=p)
    first.flush(TIMEOUT_S)
    second = txn_producer(bootstrap, txn_id)
    started = time.time()
    second.init_transactions(TIMEOUT_S)  # aborts the first one's transaction and fences it
    init_s = time.time() - started
    result = {'initSeconds': init_s}
    try:
        first.commit_transaction(TIMEOUT_S)
        result['zombieCommit'] = None
    except KafkaException as e:
        result['zombieCommit'] = error_of(e)
    try:
        first.begin_transaction()
        result['zombieBegin'] = None
    except KafkaException as e:
        result['zombieBegin'] = error_of(e)
    second.begin_transaction()
    for p in (0, 1):
        second.produce(topic, key=b'successor', value=b'successor-%d' % p, partition=p)
    second.commit_transaction(TIMEOUT_S)
    out(result)


def hang(bootstrap, topic, txn_id, timeout_ms, partitions):
    producer = txn_producer(bootstrap, txn_id, **{'transaction.timeout.ms': timeout_ms})
    producer.init_transactions(TIMEOUT_S)
    producer.begin_transaction()
    for p in range(partitions):
        producer.produce(topic, key=b'hung', value=b'hung-%d' % p, partition=p)
    producer.flush(TIMEOUT_S)
    out({'ready': True})
    while True:
        producer.poll(1)


if __name__ == '__main__':
    command, args = sys.argv[1], sys.argv[2:]
    if command == 'produce':
        produce(*args[:4])
    elif command == 'consume':
        consume(args[0], args[1], int(args[2]), args[3], int(args[4]))
    elif command == 'transform':
        transform(*args[:5], int(args[5]), int(args[6]), int(args[7]))
    elif command == 'fence':
        fence(*args[:3])
    elif command == 'hang':
        hang(args[0], args[1], args[2], int(args[3]), int(args[4]))
    else:
        sys.exit('unknown subcommand %s' % command)
