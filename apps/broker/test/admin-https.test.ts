// The admin listener over HTTPS (admin.listeners=https://…) with the broker's PEM keystore: the
// console API answers over TLS only, and the session cookie is Secure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { makePki } from '../src/testing/pki';
import { startBroker } from './helpers';

function post(
  port: number,
  path: string,
  body: unknown,
  ca: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', ca, servername: 'localhost', headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

test('admin.listeners=https: TLS with the broker keystore, a Secure session cookie; plain HTTP is refused', async () => {
  const pki = makePki();
  const { broker } = await startBroker({
    'admin.listeners': 'https://127.0.0.1:0',
    'ssl.keystore.location': pki.serverKeystore,
    'admin.password': 'pw',
  });
  const port = broker.adminServer.boundPort;
  const ok = await post(port, '/api/auth/login', { username: 'admin', password: 'pw' }, pki.caPem);
  assert.equal(ok.status, 200);
  const cookie = String(ok.headers['set-cookie']);
  assert.match(cookie, /; Secure/);
  assert.match(cookie, /HttpOnly/);
  await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'plain HTTP on the TLS port');
});
