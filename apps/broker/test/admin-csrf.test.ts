// Cross-site request forgery on the admin API: a request carrying the console's session cookie
// from another site's page (its Origin) is refused; the console's own pages, tools with API tokens
// and server-side calls without an Origin pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker } from './helpers';

test('a session-cookie request from another origin is refused; same origin, tokens and no Origin pass', async () => {
  const { adminPort } = await startBroker({ 'admin.password': 'pw', 'admin.api.tokens': 'tool-token' });
  const base = `http://127.0.0.1:${adminPort}`;
  const login = (origin?: string) =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ username: 'admin', password: 'pw' }),
      headers: { 'content-type': 'application/json', ...(origin !== undefined ? { origin } : {}) },
    });
  assert.equal((await login('http://evil.example')).status, 403);
  const ok = await login(base);
  assert.equal(ok.status, 200);
  const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
  const mutation = (headers: Record<string, string>) =>
    fetch(`${base}/trpc/topics.create`, {
      method: 'POST',
      body: JSON.stringify({ name: 'csrf-t', partitions: 1, replicationFactor: 1, configs: {} }),
      headers: { 'content-type': 'application/json', ...headers },
    });
  assert.equal((await mutation({ cookie, origin: 'http://evil.example' })).status, 403, 'a forged cross-site mutation');
  // behind the console's proxy the page's host is the forwarded one
  assert.equal((await mutation({ cookie, origin: 'http://127.0.0.1:3000', 'x-forwarded-host': '127.0.0.1:3000' })).status, 200);
  assert.notEqual(
    (await mutation({ authorization: 'Bearer tool-token', origin: 'http://elsewhere.example' })).status,
    403,
    'API tokens are not cookies',
  );
  assert.notEqual((await mutation({ cookie })).status, 403, 'server-side calls send no Origin');
});
