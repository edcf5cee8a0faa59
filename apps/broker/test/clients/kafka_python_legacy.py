"""kafka-python pinned to an old protocol (api_version 0.10.1: Produce v2 with magic 1 message sets,
Fetch v3 answered in magic 1) produces and then reads back, without a consumer group.
Usage: /usr/bin/python3 kafka_python_legacy.py <bootstrap> <topic> <count> <compression|none>"""
import json
import sys
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

bootstrap, topic, count, codec = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
producer = KafkaProducer(bootstrap_servers=bootstrap, api_version=(0, 10, 1), acks=1,
                         compression_type=None if codec == 'none' else codec, linger_ms=20)
futures = [producer.send(topic, key=b'k%d' % i, value=b'legacy-%d' % i, partition=0, timestamp_ms=1700000000000 + i)
           for i in range(count)]
producer.flush()
offsets = [f.get(timeout=30).offset for f in futures]
producer.close()

consumer = KafkaConsumer(bootstrap_servers=bootstrap, api_version=(0, 10, 1), group_id=None,
                         enable_auto_commit=False, consumer_timeout_ms=3000)
tp = TopicPartition(topic, 0)
consumer.assign([tp])
consumer.seek_to_beginning(tp)
records = [[m.offset, m.key.decode(), m.value.decode(), m.timestamp] for m in consumer]
consumer.close()
print(json.dumps({'offsets': offsets, 'records': records}))
