// The admin API the console uses: authentication, topics, segments, messages, produce, live
// subscriptions over WebSocket (resumable), the audit log and /metrics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTRPCClient, createWSClient, httpBatchLink, wsLink, TRPCClientError } from '@trpc/client';
import WebSocket from 'ws';
import type { AdminRouter } from '../src/index';
import { startBroker } from './helpers';

async function login(adminPort: number, username: string, password: string): Promise<{ status: number; cookie: string | null }> {
  const res = await fetch(`http://127.0.0.1:${adminPort}/api/auth/login`, {
    method: 'POST',
    body: JSON.stringify({ username, password }),
    headers: { 'content-type': 'application/json' },
  });
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, cookie: setCookie === null ? null : setCookie.split(';')[0]! };
}

function clients(adminPort: number, cookie: string) {
  const http = createTRPCClient<AdminRouter>({
    links: [httpBatchLink({ url: `http://127.0.0.1:${adminPort}/trpc`, headers: { cookie } })],
  });
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const wsClient = createWSClient({
    url: `ws://127.0.0.1:${adminPort}/trpc`,
    WebSocket: CookieWebSocket as unknown as typeof globalThis.WebSocket,
  });
  const live = createTRPCClient<AdminRouter>({ links: [wsLink({ client: wsClient })] });
  return { http, live, close: () => wsClient.close() };
}

test('the admin API refuses unauthenticated calls and sockets; a login opens it', async () => {
  const { adminPort } = await startBroker({ 'admin.password': 'correct horse' });
  const anonymous = createTRPCClient<AdminRouter>({ links: [httpBatchLink({ url: `http://127.0.0.1:${adminPort}/trpc` })] });
  await assert.rejects(anonymous.cluster.overview.query(), (e: unknown) => e instanceof TRPCClientError && e.data?.httpStatus === 401);
  const raw = await fetch(`http://127.0.0.1:${adminPort}/trpc/cluster.overview`);
  assert.equal(raw.status, 401);
  await assert.rejects(
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${adminPort}/trpc`);
      ws.on('open', resolve);
      ws.on('error', reject);
      ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    }),
    /401/,
  );
  assert.equal((await login(adminPort, 'admin', 'wrong')).status, 401);
  assert.equal((await login(adminPort, 'nobody', 'correct horse')).status, 401);
  const ok = await login(adminPort, 'admin', 'correct horse');
  assert.equal(ok.status, 200);
  assert.match(ok.cookie!, /^tarn_session=/);
  const { http, close } = clients(adminPort, ok.cookie!);
  assert.deepEqual(await http.me.query(), { user: 'admin', via: 'session', kafkaPrincipal: null, operator: true });
  const overview = await http.cluster.overview.query();
  assert.equal(overview.nodeId, 1);
  assert.equal(overview.brokers.length, 1);
  close();
});

test('topics, segments, messages and produce through tRPC; errors carry the Kafka error; changes are audited', async () => {
  const { adminPort, broker } = await startBroker({ 'admin.password': 'pw' });
  const { cookie } = await login(adminPort, 'admin', 'pw');
  const { http, close } = clients(adminPort, cookie!);
  await http.topics.create.mutate({ name: 'orders', partitions: 3, configs: { 'segment.bytes': '2000' } });
  const bad = await http.topics.create.mutate({ name: 'bad topic!', partitions: 1 }).catch((e: TRPCClientError<AdminRouter>) => e);
  assert.ok(bad instanceof TRPCClientError);
  assert.equal(bad.data?.kafka?.name, 'INVALID_TOPIC_EXCEPTION');
  const cfg = await http.topics.updateConfigs
    .mutate({ name: 'orders', set: { 'retention.ms': 'forever' } })
    .catch((e: TRPCClientError<AdminRouter>) => e);
  assert.ok(cfg instanceof TRPCClientError);
  assert.equal(cfg.data?.kafka?.name, 'INVALID_CONFIG');
  assert.match(cfg.message, /retention.ms/);

  for (let i = 0; i < 40; i++)
    await http.messages.produce.mutate({
      topic: 'orders',
      partition: 0,
      key: `k${i}`,
      value: JSON.stringify({ i, pad: 'x'.repeat(60) }),
      format: 'json',
    });
  const json = await http.messages.produce
    .mutate({ topic: 'orders', key: 'same-key', value: '{"not json', format: 'json' })
    .catch((e: TRPCClientError<AdminRouter>) => e);
  assert.ok(json instanceof TRPCClientError);
  assert.match(json.message, /not valid JSON/);
  const keyed = await http.messages.produce.mutate({ topic: 'orders', key: 'same-key', value: 'a' });
  const keyed2 = await http.messages.produce.mutate({ topic: 'orders', key: 'same-key', value: 'b' });
  assert.equal(keyed.partition, keyed2.partition, 'the key picks the partition');

  const segments = await http.topics.segments.query({ topic: 'orders', partition: 0 });
  assert.ok(segments.segments.length > 1, 'segments rolled at 2000 bytes');
  assert.equal(segments.segments.at(-1)!.status, 'active');
  assert.equal(
    segments.segments.reduce((n, s) => n + s.records, 0),
    40 + (keyed.partition === 0 ? 2 : 0),
  );

  const newest = await http.messages.browse.query({
    topic: 'orders',
    partition: [1, 2].find((p) => p !== keyed.partition)!,
    seek: { type: 'newest' },
    limit: 5,
  });
  assert.equal(newest.messages.length, 0, 'an empty partition has no messages');
  const p0 = await http.messages.browse.query({ topic: 'orders', partition: 0, seek: { type: 'offset', offset: 35 }, limit: 5 });
  assert.deepEqual(
    p0.messages.map((m) => m.offset),
    [35, 36, 37, 38, 39],
  );
  const newest0 = await http.messages.browse.query({ topic: 'orders', partition: 0, seek: { type: 'newest' }, limit: 3 });
  assert.deepEqual(
    newest0.messages.map((m) => m.offset),
    keyed.partition === 0 ? [41, 40, 39] : [39, 38, 37],
  );
  assert.equal(p0.messages[0]!.value.encoding, 'json');
  const fromOffset = await http.messages.browse.query({ topic: 'orders', partition: 0, seek: { type: 'offset', offset: 10 }, limit: 3 });
  assert.deepEqual(
    fromOffset.messages.map((m) => m.key.text),
    ['k10', 'k11', 'k12'],
  );
  const beyond = await http.messages.browse
    .query({ topic: 'orders', partition: 0, seek: { type: 'offset', offset: 500 }, limit: 3 })
    .catch((e: TRPCClientError<AdminRouter>) => e);
  assert.ok(beyond instanceof TRPCClientError);
  assert.equal(beyond.data?.kafka?.name, 'OFFSET_OUT_OF_RANGE');

  const list = await http.topics.list.query({ search: 'ord', sort: 'size', direction: 'desc' });
  assert.deepEqual(
    list.items.map((t) => t.name),
    ['orders'],
  );
  const detail = await http.topics.get.query({ name: 'orders' });
  assert.equal(detail.partitions.length, 3);
  assert.equal(detail.configs.find((c) => c.name === 'segment.bytes')?.value, '2000');

  await http.topics.delete.mutate({ name: 'orders' });
  assert.equal(broker.metadata.topic('orders'), undefined);
  const audit = await http.audit.list.query({ limit: 100 });
  const actions = audit.map((a) => `${a.action}:${a.result}`);
  for (const a of [
    'topic.create:ok',
    'topic.create:error',
    'topic.configs:error',
    'message.produce:ok',
    'message.produce:error',
    'topic.delete:ok',
  ])
    assert.ok(actions.includes(a), `audited ${a}`);
  assert.ok(audit.every((a) => a.user === 'admin' || a.action === 'auth.login'));
  close();
});

test('live subscriptions: segment events resume after a reconnect; the tail streams new records; /metrics', async () => {
  const { adminPort } = await startBroker({ 'admin.password': 'pw' });
  const { cookie } = await login(adminPort, 'admin', 'pw');
  const { http, live, close } = clients(adminPort, cookie!);
  await http.topics.create.mutate({ name: 'live', partitions: 1, configs: { 'segment.bytes': '1500' } });

  const events: Array<{ id: string; type: string }> = [];
  const tail: string[] = [];
  const subEvents = live.live.events.subscribe(
    { types: ['segment-'], topic: 'live' },
    { onData: (d) => events.push({ id: d.id, type: d.data.event.type }) },
  );
  const subTail = live.live.tail.subscribe(
    { topic: 'live', filter: 'match' },
    { onData: (b) => tail.push(...b.records.map((r) => r.value.text ?? '')) },
  );
  await new Promise((r) => setTimeout(r, 300));
  for (let i = 0; i < 30; i++)
    await http.messages.produce.mutate({ topic: 'live', partition: 0, value: `${i % 2 === 0 ? 'match' : 'other'}-${i}-${'x'.repeat(80)}` });
  await new Promise((r) => setTimeout(r, 500));
  assert.ok(
    events.some((e) => e.type === 'segment-rolled'),
    'segment rolls arrive live',
  );
  assert.deepEqual(
    tail.map((v) => v.split('-').slice(0, 2).join('-')),
    Array.from({ length: 15 }, (_, i) => `match-${i * 2}`),
  );
  subEvents.unsubscribe();
  subTail.unsubscribe();

  // resume: events after the last id seen, including ones published while disconnected
  const lastSeen = events.at(-1)!.id;
  for (let i = 0; i < 30; i++) await http.messages.produce.mutate({ topic: 'live', partition: 0, value: 'y'.repeat(100) });
  const resumed: string[] = [];
  const sub = live.live.events.subscribe(
    { types: ['segment-'], topic: 'live', lastEventId: lastSeen },
    { onData: (d) => resumed.push(d.id) },
  );
  await new Promise((r) => setTimeout(r, 300));
  sub.unsubscribe();
  assert.ok(resumed.length > 0, 'missed events are replayed');
  assert.ok(resumed.every((id) => Number(id) > Number(lastSeen)));

  assert.equal((await fetch(`http://127.0.0.1:${adminPort}/metrics`)).status, 401, '/metrics needs a session or token');
  const metrics = await (await fetch(`http://127.0.0.1:${adminPort}/metrics`, { headers: { cookie: cookie! } })).text();
  assert.match(metrics, /tarn_requests_total/);
  assert.match(metrics, /tarn_log_size_bytes\{topic="live",partition="0"\}/);
  assert.match(metrics, /tarn_records_in_total\{topic="live"\} 60/);
  close();
});

test('groups through tRPC: lag, members, rebalance timeline, reset plan with its CLI command, apply refused while active', async () => {
  const { adminPort, port } = await startBroker({ 'admin.password': 'pw' });
  const { cookie } = await login(adminPort, 'admin', 'pw');
  const { http, close } = clients(adminPort, cookie!);
  const { Kafka, logLevel } = await import('kafkajs');
  const kafka = new Kafka({ clientId: 'admin-groups', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
  await http.topics.create.mutate({ name: 'work', partitions: 2 });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: 'work', messages: Array.from({ length: 20 }, (_, i) => ({ value: `job-${i}`, partition: i % 2 })) });
  const consumer = kafka.consumer({ groupId: 'workers', sessionTimeout: 10_000 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'work', fromBeginning: true });
  let consumed = 0;
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async () => {
        if (++consumed === 20) resolve();
      },
    });
  });
  await new Promise((r) => setTimeout(r, 500)); // let the auto-commit land

  const list = await http.groups.list.query();
  assert.deepEqual(
    list.items.map((g) => [g.groupId, g.state, g.members]),
    [['workers', 'Stable', 1]],
  );
  const detail = await http.groups.get.query({ groupId: 'workers' });
  assert.equal(detail.members.length, 1);
  assert.deepEqual(detail.members[0]!.assignment, { work: [0, 1] });
  assert.equal(detail.lag?.totalLag, 0);
  const rebalances = await http.groups.rebalances.query({ groupId: 'workers' });
  assert.ok(rebalances.length >= 1);

  const scope = { kind: 'group' as const };
  const strategy = { kind: 'earliest' as const };
  const plan = await http.groups.resetPlan.query({ groupId: 'workers', scope, strategy });
  assert.equal(plan.applicable, false, 'not while members are active');
  assert.match(
    plan.command,
    /kafka-consumer-groups\.sh --bootstrap-server 127\.0\.0\.1:\d+ --group 'workers' --reset-offsets --to-earliest --all-topics --execute/,
  );
  const refused = await http.groups.resetApply
    .mutate({ groupId: 'workers', scope, strategy })
    .catch((e: TRPCClientError<AdminRouter>) => e);
  assert.ok(refused instanceof TRPCClientError);
  assert.ok(refused.data?.kafka?.name, 'the refusal names the Kafka error');
  assert.equal((await http.groups.get.query({ groupId: 'workers' })).lag?.totalLag, 0, 'nothing changed');

  await consumer.disconnect();
  const applied = await http.groups.resetApply.mutate({ groupId: 'workers', scope, strategy });
  assert.deepEqual(
    applied.partitions.map((p) => [p.partition, p.currentOffset, p.targetOffset]),
    [
      [0, 10, 0],
      [1, 10, 0],
    ],
  );
  const after = await http.groups.get.query({ groupId: 'workers' });
  assert.equal(after.lag?.totalLag, 20);
  const audit = await http.audit.list.query({ limit: 10 });
  assert.ok(audit.some((a) => a.action === 'group.reset-offsets' && a.result === 'ok'));
  assert.ok(audit.some((a) => a.action === 'group.reset-offsets' && a.result === 'error'));
  await producer.disconnect();
  close();
});
