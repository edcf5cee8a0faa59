// The broker-to-broker connection's request timeout (replica.socket.timeout.ms): a peer that accepts
// and then never answers fails every pending request and closes the connection, while a real
// broker's long poll shorter than the timeout is answered normally.
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { test } from 'node:test';
import { ApiKey, ApiVersionsRequestTypes, FetchRequestTypes } from '@tarn/protocol';
import { KafkaClientConnection } from '../src/client/kafka-client';
import { startBroker } from './helpers';

test('requests to a peer that never answers time out and close the connection', async () => {
  const sockets: Socket[] = [];
  const server = createServer((s) => void sockets.push(s)); // reads requests, answers nothing
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const port = (server.address() as { port: number }).port;
    const conn = await KafkaClientConnection.open('127.0.0.1', port, 'timeout-test', { requestTimeoutMs: 300 });
    const started = Date.now();
    const body = ApiVersionsRequestTypes.defaultApiVersionsRequest();
    const results = await Promise.allSettled([conn.request(ApiKey.ApiVersions, 0, body), conn.request(ApiKey.ApiVersions, 0, body)]);
    const elapsed = Date.now() - started;
    for (const r of results) {
      assert.equal(r.status, 'rejected');
      assert.match((r as PromiseRejectedResult).reason.message, /timed out after 300 ms/);
    }
    assert.ok(elapsed >= 250, `rejected only once the timeout passed (${elapsed} ms)`);
    assert.equal(conn.isOpen, false);
    await assert.rejects(conn.request(ApiKey.ApiVersions, 0, body), /timed out/, 'later requests fail at once');
  } finally {
    for (const s of sockets) s.destroy();
    server.close();
  }
});

test('a long poll shorter than the request timeout is answered', async () => {
  const b = await startBroker();
  await b.broker.topicAdmin.createTopic({ name: 'quiet', numPartitions: 1, replicationFactor: 1 });
  const conn = await KafkaClientConnection.open('127.0.0.1', b.port, 'timeout-test', { requestTimeoutMs: 1000 });
  try {
    // three 600 ms long polls in a row: the connection lives past its 1000 ms timeout, each request in time
    const fetch = () =>
      conn.request(ApiKey.Fetch, 11, {
        ...FetchRequestTypes.defaultFetchRequest(),
        maxWaitMs: 600,
        minBytes: 1,
        maxBytes: 1 << 20,
        topics: [
          {
            ...FetchRequestTypes.defaultFetchTopic(),
            topic: 'quiet',
            partitions: [{ ...FetchRequestTypes.defaultFetchPartition(), partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }],
          },
        ],
      });
    const started = Date.now();
    const answers = [await fetch(), await fetch(), await fetch()];
    assert.ok(Date.now() - started >= 1700, 'each poll waited its max.wait.ms on the empty partition');
    assert.deepEqual(
      answers.map((a) => a.responses[0]!.partitions[0]!.errorCode),
      [0, 0, 0],
    );
    assert.equal(conn.isOpen, true);
  } finally {
    conn.close();
  }
});
