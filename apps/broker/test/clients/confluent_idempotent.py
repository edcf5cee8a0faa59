"""An idempotent confluent-kafka producer (acks=all) writes N numbered messages, then a consumer
reads the partition from the beginning. Prints a JSON summary for the test to check.
Usage: /usr/bin/python3 confluent_idempotent.py <bootstrap> <topic> <count>"""
import json
import sys
from confluent_kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING

bootstrap, topic, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
errors = []
acked = []


def delivered(err, msg):
    if err is not None:
        errors.append(str(err))
    else:
        acked.append(msg.offset())


producer = Producer({
    'bootstrap.servers': bootstrap,
    'enable.idempotence': True,
    'acks': 'all',
    'linger.ms': 5,
    'batch.num.messages': 50,
    'retries': 100,
    'retry.backoff.ms': 50,
    'message.timeout.ms': 60000,
})
for i in range(count):
    producer.produce(topic, key=b'k%d' % i, value=b'message-%06d' % i, partition=0, on_delivery=delivered)
    producer.poll(0)
remaining = producer.flush(60)

consumer = Consumer({'bootstrap.servers': bootstrap, 'group.id': 'tarn-python-check', 'enable.auto.commit': False})
consumer.assign([TopicPartition(topic, 0, OFFSET_BEGINNING)])
values = []
offsets = []
idle = 0
while idle < 20:
    msg = consumer.poll(0.5)
    if msg is None:
        idle += 1
        if len(values) >= count:
            break
        continue
    if msg.error():
        errors.append(str(msg.error()))
        continue
    idle = 0
    values.append(msg.value().decode())
    offsets.append(msg.offset())
consumer.close()
print(json.dumps({'unflushed': remaining, 'errors': errors, 'acked': len(acked), 'values': values, 'offsets': offsets}))
