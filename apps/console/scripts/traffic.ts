/**
 * Drives a running console end to end through its proxy, the way a browser does: logs in at
 * /api/auth/login, then uses tRPC over HTTP (/trpc) and over the WebSocket (ws://…/trpc) with the
 * session cookie. It checks that subscriptions work through the proxy (a live tail sees what it
 * produces) and leaves traffic behind for the pages to show.
 *
 *   tsx scripts/traffic.ts [--url http://127.0.0.1:3000] [--password …] [--topic demo] [--seconds 10] [--rate 50]
 */
import { parseArgs } from 'node:util';
import { createTRPCClient, createWSClient, httpBatchLink, wsLink } from '@trpc/client';
import WebSocket from 'ws';
import type { AdminRouter } from '@tarn/broker';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.CONSOLE_URL ?? 'http://127.0.0.1:3000' },
    user: { type: 'string', default: 'admin' },
    password: { type: 'string', default: process.env.TARN_ADMIN_PASSWORD ?? '' },
    topic: { type: 'string', default: 'demo' },
    partitions: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    rate: { type: 'string', default: '50' },
    'segment-bytes': { type: 'string', default: '16384' },
  },
});
const base = values.url.replace(/\/$/, '');

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: values.user, password: values.password }),
});
if (!login.ok) throw new Error(`login through the console failed: HTTP ${login.status} ${await login.text()}`);
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

const http = createTRPCClient<AdminRouter>({ links: [httpBatchLink({ url: `${base}/trpc`, headers: { cookie } })] });
class CookieWebSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols, { headers: { cookie } });
  }
}
const wsClient = createWSClient({
  url: `${base.replace(/^http/, 'ws')}/trpc`,
  WebSocket: CookieWebSocket as unknown as typeof globalThis.WebSocket,
});
const live = createTRPCClient<AdminRouter>({ links: [wsLink({ client: wsClient })] });

const me = await http.me.query();
console.log(`logged in through ${base} as ${me.user}`);
const exists = await http.topics.get.query({ name: values.topic }).then(
  () => true,
  () => false,
);
if (!exists) {
  await http.topics.create.mutate({
    name: values.topic,
    partitions: Number(values.partitions),
    configs: {
      'segment.bytes': values['segment-bytes'],
      'retention.bytes': String(Number(values['segment-bytes']) * 4),
      'file.delete.delay.ms': '20000',
    },
  });
  console.log(`created ${values.topic}`);
}

let tailed = 0;
const tail = live.live.tail.subscribe({ topic: values.topic }, { onData: (b) => (tailed += b.records.length) });
await new Promise((r) => setTimeout(r, 500));

const seconds = Number(values.seconds);
const rate = Number(values.rate);
let produced = 0;
const until = Date.now() + seconds * 1000;
const kinds = ['created', 'paid', 'shipped', 'delivered'];
while (Date.now() < until) {
  const started = Date.now();
  const batch = Array.from({ length: Math.max(1, Math.round(rate / 10)) }, () => {
    const id = produced++;
    const json = id % 5 !== 0;
    return http.messages.produce.mutate({
      topic: values.topic,
      key: `order-${id % 97}`,
      value: json
        ? JSON.stringify({
            orderId: id,
            status: kinds[id % kinds.length],
            amount: Math.round(((id * 37) % 10_000) / 7) / 10,
            note: 'x'.repeat(id % 120),
          })
        : `plain text record ${id}`,
      format: json ? 'json' : 'text',
      headers: id % 3 === 0 ? [{ key: 'trace-id', value: `t-${id}` }] : [],
    });
  });
  await Promise.all(batch);
  await new Promise((r) => setTimeout(r, Math.max(0, 100 - (Date.now() - started))));
}
await new Promise((r) => setTimeout(r, 700));
tail.unsubscribe();
wsClient.close();
console.log(`produced ${produced} records; the live tail through the WebSocket proxy saw ${tailed}`);
if (tailed === 0) {
  console.error('the live tail saw nothing: the WebSocket proxy is not working');
  process.exit(1);
}
