"""confluent-kafka (librdkafka) consumers in one group: consume up to MAX messages in total across
N consumers, committing auto, sync or async, then close. Prints a JSON summary for the test.
Usage: /usr/bin/python3 confluent_group.py <bootstrap> <topic> <group> <strategy> <auto|sync|async> <max> <consumers>"""
import json
import sys
import time
from confluent_kafka import Consumer

bootstrap, topic, group, strategy, mode, limit, n = sys.argv[1:8]
limit, n = int(limit), int(n)
errors = []
commit_results = []


def on_commit(err, partitions):
    if err is not None:
        errors.append('commit: %s' % err)
    for p in partitions:
        if p.error is not None:
            errors.append('commit %s-%d: %s' % (p.topic, p.partition, p.error))
    commit_results.append(len(partitions))


def make(i):
    conf = {
        'bootstrap.servers': bootstrap,
        'group.id': group,
        'client.id': 'py-%s-%d' % (mode, i),
        'partition.assignment.strategy': strategy,
        'session.timeout.ms': 6000,
        'heartbeat.interval.ms': 500,
        'auto.offset.reset': 'earliest',
        'enable.auto.commit': mode == 'auto',
        'auto.commit.interval.ms': 200,
        'fetch.wait.max.ms': 100,
        'on_commit': on_commit,
    }
    return Consumer(conf)


consumers = [make(i) for i in range(n)]
assigned = [set() for _ in range(n)]


def assign_cb(i):
    def on_assign(c, partitions):
        if strategy == 'cooperative-sticky':
            c.incremental_assign(partitions)
            assigned[i].update(p.partition for p in partitions)
        else:
            c.assign(partitions)
            assigned[i].clear()
            assigned[i].update(p.partition for p in partitions)
    return on_assign


def revoke_cb(i):
    def on_revoke(c, partitions):
        if strategy == 'cooperative-sticky':
            c.incremental_unassign(partitions)
            assigned[i].difference_update(p.partition for p in partitions)
        else:
            c.unassign()
            assigned[i].clear()
    return on_revoke


for i, c in enumerate(consumers):
    c.subscribe([topic], on_assign=assign_cb(i), on_revoke=revoke_cb(i))

consumed = []
max_assigned = [0] * n
deadline = time.time() + 60
pending_async = 0
while len(consumed) < limit and time.time() < deadline:
    for i, c in enumerate(consumers):
        if len(consumed) >= limit:
            break  # polling on would hand out (and auto-store) a message we do not process
        msg = c.poll(0.05)
        max_assigned[i] = max(max_assigned[i], len(assigned[i]))
        if msg is None:
            continue
        if msg.error():
            errors.append(str(msg.error()))
            continue
        consumed.append([msg.partition(), msg.offset(), msg.value().decode(), i])
        if mode == 'sync':
            c.commit(message=msg, asynchronous=False)
        elif mode == 'async':
            c.commit(message=msg, asynchronous=True)
            pending_async += 1

if mode == 'async':
    wait_until = time.time() + 15
    while sum(commit_results) < pending_async and time.time() < wait_until:
        for c in consumers:
            c.poll(0.05)

for c in consumers:
    c.close()
print(json.dumps({'consumed': consumed, 'errors': errors, 'maxAssigned': max_assigned, 'commits': sum(commit_results)}))
