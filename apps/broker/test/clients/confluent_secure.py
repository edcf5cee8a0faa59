"""confluent-kafka (librdkafka) over a secured listener: produce `count` messages to `topic` with the
librdkafka settings given as JSON, consume them back, print what happened as JSON.

usage: confluent_secure.py '<json settings>' <topic> <count>
"""
import json
import sys

from confluent_kafka import Consumer, KafkaException, Producer

settings = json.loads(sys.argv[1])
topic = sys.argv[2]
count = int(sys.argv[3])
errors = []


def on_delivery(err, _msg):
    if err is not None:
        errors.append(str(err))


try:
    producer = Producer({**settings, "acks": "all"})
    for i in range(count):
        producer.produce(topic, key=f"k{i}", value=f"secure-{i}", on_delivery=on_delivery)
    unflushed = producer.flush(30)
    consumer = Consumer({**settings, "group.id": f"{topic}-group", "auto.offset.reset": "earliest"})
    consumer.subscribe([topic])
    values = []
    for _ in range(200):
        if len(values) >= count:
            break
        msg = consumer.poll(0.5)
        if msg is None:
            continue
        if msg.error():
            errors.append(str(msg.error()))
            break
        values.append(msg.value().decode())
    consumer.close()
    print(json.dumps({"unflushed": unflushed, "errors": errors, "values": values}))
except KafkaException as e:
    print(json.dumps({"unflushed": -1, "errors": errors + [str(e)], "values": []}))
