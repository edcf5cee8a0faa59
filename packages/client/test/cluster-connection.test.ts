// The connection layer against real peers: requests pipelined on one connection and answered in
// order; a broker that accepts but never answers fails the request after request.timeout.ms (and
// the connection with it, retriable); a peer announcing an absurd frame size is refused before
// anything is allocated; a broker that restarts is reconnected to after reconnect.backoff.ms.
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { test } from 'node:test';
import { ApiKey, ErrorCode, encodeResponse, peekRequestIds } from '@tarn/protocol';
import { freePort } from '@tarn/broker/testing';
import { BrokerConnection, Cluster, ConnectionError, RequestTimeoutError, clientConfig } from '../src/index';
import { connectCluster, onCleanup, startTestBroker, tempDir } from './helpers';

const broker = await startTestBroker();

/** A TCP peer that is not a Kafka broker: `onRequest` decides what it does with each chunk it receives. */
async function hostilePeer(onRequest: (socket: Socket, n: number) => void): Promise<{ port: number; server: Server }> {
  const server = createServer((socket) => {
    let n = 0;
    socket.on('data', () => onRequest(socket, n++));
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onCleanup(() => new Promise<void>((r) => server.close(() => r())));
  return { port: (server.address() as { port: number }).port, server };
}

function open(port: number, extra: Record<string, string | number> = {}): Promise<BrokerConnection> {
  const c = clientConfig({ 'bootstrap.servers': `127.0.0.1:${port}`, ...extra });
  return BrokerConnection.open({
    host: '127.0.0.1',
    port,
    clientId: 't',
    security: c.security,
    connectTimeoutMs: c.connectionSetupTimeoutMs,
    requestTimeoutMs: c.requestTimeoutMs,
    maxResponseBytes: c.receiveMessageMaxBytes,
  });
}

test('requests are pipelined on one connection and each gets its own answer', async () => {
  const cluster = await connectCluster(broker);
  const conn = await cluster.connection(1);
  const topics = Array.from({ length: 50 }, (_, i) => `pipelined-${i}`);
  const version = conn.versionFor(ApiKey.Metadata);
  const answers = topics.map((name) =>
    conn.request(ApiKey.Metadata, version, {
      topics: [{ topicId: 'AAAAAAAAAAAAAAAAAAAAAA', name }],
      allowAutoTopicCreation: false,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: false,
    }),
  );
  assert.equal(conn.inFlight, 50, 'every request was sent before the first answer');
  const got = await Promise.all(answers);
  assert.deepEqual(
    got.map((r) => r.topics[0]!.name),
    topics,
  );
});

test('a broker that never answers: the request fails after request.timeout.ms with a retriable error', async () => {
  // answers nothing at all, not even ApiVersions
  const { port } = await hostilePeer(() => {});
  const started = Date.now();
  await assert.rejects(open(port, { 'request.timeout.ms': 300 }), (err: unknown) => {
    assert.ok(err instanceof RequestTimeoutError);
    assert.equal(err.name, 'REQUEST_TIMED_OUT');
    assert.equal(err.retriable, true);
    return true;
  });
  const took = Date.now() - started;
  assert.ok(took >= 290 && took < 3000, `timed out after ${took} ms`);
});

test('a frame size beyond receive.message.max.bytes is refused, not allocated', async () => {
  const { port } = await hostilePeer((socket) => {
    const size = Buffer.alloc(4);
    size.writeInt32BE(2_000_000_000);
    socket.write(size);
  });
  await assert.rejects(open(port, { 'receive.message.max.bytes': 1_000_000 }), (err: unknown) => {
    assert.ok(err instanceof ConnectionError);
    assert.match(err.message, /2000000000 bytes/);
    return true;
  });
});

test('a response that does not decode (an array count far beyond the frame) fails the connection with a typed error', async () => {
  const { port } = await hostilePeer((socket) => {
    // ApiVersions v4 response: header v0 (correlation id 1), error code 0, then a compact array
    // length claiming 2^28 entries in a 7-byte frame
    const body = Buffer.from([0, 0, 0, 1, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x01]);
    const size = Buffer.alloc(4);
    size.writeInt32BE(body.length);
    socket.write(Buffer.concat([size, body]));
  });
  const before = process.memoryUsage().arrayBuffers;
  await assert.rejects(open(port), (err: unknown) => {
    assert.ok(err instanceof ConnectionError);
    assert.equal(err.name, 'NETWORK_EXCEPTION');
    assert.match(err.message, /undecodable ApiVersions v4 response/);
    return true;
  });
  assert.ok(process.memoryUsage().arrayBuffers - before < 64 << 20, 'nothing sized by the claimed count was allocated');
});

test('an older broker: ApiVersions falls back through its v0 UNSUPPORTED_VERSION answer; versions are capped by what it advertises', async () => {
  // speaks ApiVersions up to v2 and Metadata up to v5, as Kafka 2.0 does
  const advertised = [
    { apiKey: ApiKey.ApiVersions, minVersion: 0, maxVersion: 2 },
    { apiKey: ApiKey.Metadata, minVersion: 0, maxVersion: 5 },
  ];
  const asked: number[] = [];
  let pending = Buffer.alloc(0);
  const old = createServer((socket) => {
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
        const frame = pending.subarray(4, 4 + pending.readInt32BE(0));
        pending = pending.subarray(4 + frame.length);
        const { apiKey, apiVersion, correlationId } = peekRequestIds(frame);
        if (apiKey !== ApiKey.ApiVersions) continue;
        asked.push(apiVersion);
        const supported = apiVersion <= 2;
        const body = {
          errorCode: supported ? ErrorCode.NONE : ErrorCode.UNSUPPORTED_VERSION,
          apiKeys: supported ? advertised : advertised.slice(0, 1),
          throttleTimeMs: 0,
          supportedFeatures: [],
          finalizedFeaturesEpoch: -1n,
          finalizedFeatures: [],
          zkMigrationReady: false,
        };
        for (const c of encodeResponse(ApiKey.ApiVersions, supported ? apiVersion : 0, correlationId, body)) socket.write(c);
      }
    });
  });
  await new Promise<void>((r) => old.listen(0, '127.0.0.1', r));
  onCleanup(() => new Promise<void>((r) => old.close(() => r())));
  const conn = await open((old.address() as { port: number }).port);
  onCleanup(() => conn.close());
  assert.deepEqual(asked, [4, 2]);
  assert.equal(conn.versionFor(ApiKey.Metadata), 5);
  assert.throws(() => conn.versionFor(ApiKey.Produce), { name: 'UNSUPPORTED_VERSION' });
});

test('a connection idle for connections.max.idle.ms is closed, and the next request opens another', async () => {
  const cluster = await connectCluster(broker, { 'connections.max.idle.ms': 150 });
  const conn = await cluster.connection(1);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(conn.isOpen, false);
  const r = await cluster.request(1, ApiKey.ListGroups, { statesFilter: [], typesFilter: [] });
  assert.equal(r.errorCode, 0);
  const again = await cluster.connection(1);
  assert.notEqual(again, conn);
  assert.ok(again.isOpen);
});

test('a restarted broker is reconnected to after reconnect.backoff.ms', async () => {
  const logDir = tempDir();
  const port = await freePort();
  const first = await startTestBroker({ listeners: `PLAINTEXT://127.0.0.1:${port}` }, logDir);
  const cluster = await Cluster.connect({
    'bootstrap.servers': `127.0.0.1:${port}`,
    'reconnect.backoff.ms': 50,
    'reconnect.backoff.max.ms': 200,
  });
  onCleanup(() => cluster.close());
  await first.stop();
  await assert.rejects(cluster.request(1, ApiKey.ListGroups, { statesFilter: [], typesFilter: [] }), ConnectionError);
  // while it is down, attempts fail fast (refused) and back off
  await assert.rejects(cluster.request(1, ApiKey.ListGroups, { statesFilter: [], typesFilter: [] }), ConnectionError);
  await startTestBroker({ listeners: `PLAINTEXT://127.0.0.1:${port}` }, logDir);
  const r = await cluster.request(1, ApiKey.ListGroups, { statesFilter: [], typesFilter: [] });
  assert.equal(r.errorCode, 0);
});
