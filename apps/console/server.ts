/**
 * The console's server: Next.js (production build, or `--dev`) plus a reverse proxy to the broker's
 * admin API, so the browser talks to one origin and the broker's http-only session cookie
 * (`tarn_session`, set by POST /api/auth/login) rides along on every call:
 *
 *   /trpc/*        HTTP queries and mutations           → TARN_ADMIN_URL/trpc/*
 *   /trpc          WebSocket upgrade (subscriptions)    → TARN_ADMIN_URL/trpc (raw socket pipe)
 *   /api/auth/*    login / logout                       → TARN_ADMIN_URL/api/auth/*
 *   everything else                                     → Next.js
 *
 * Environment: TARN_ADMIN_URL (default http://127.0.0.1:9644), HOST (127.0.0.1), PORT (3000).
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import next from 'next';

const dev = process.argv.includes('--dev');
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
const admin = new URL(process.env.TARN_ADMIN_URL ?? 'http://127.0.0.1:9644');
const dir = fileURLToPath(new URL('.', import.meta.url));

if (admin.protocol !== 'http:' && admin.protocol !== 'https:') {
  console.error(`TARN_ADMIN_URL must be an http:// or https:// URL (got ${admin.href})`);
  process.exit(1);
}
// an https admin listener: its CA is trusted through NODE_EXTRA_CA_CERTS, as for any Node client
const request = admin.protocol === 'https:' ? httpsRequest : httpRequest;

/** Paths that belong to the broker's admin API. */
function isProxied(url: string): boolean {
  return url === '/trpc' || url.startsWith('/trpc/') || url.startsWith('/trpc?') || url.startsWith('/api/auth/');
}

/** Headers for the upstream request: the broker's host, and who the client really is. */
function upstreamHeaders(req: IncomingMessage): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = { ...req.headers, host: admin.host };
  const prior = req.headers['x-forwarded-for'];
  const client = req.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = typeof prior === 'string' && prior !== '' ? `${prior}, ${client}` : client;
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-proto'] = 'http';
  return headers;
}

function badGateway(res: ServerResponse, err: Error): void {
  if (res.headersSent) {
    res.destroy(err);
    return;
  }
  const message = `The console cannot reach the broker's admin API at ${admin.origin} (${err.message}). Is the broker running?`;
  // shaped like a tRPC error so the console's client shows it as one
  res
    .writeHead(502, { 'content-type': 'application/json' })
    .end(JSON.stringify({ error: { message, code: -32603, data: { code: 'BAD_GATEWAY', httpStatus: 502, kafka: null } } }));
}

function proxyHttp(req: IncomingMessage, res: ServerResponse): void {
  const upstream = request(
    {
      protocol: admin.protocol,
      hostname: admin.hostname,
      port: admin.port,
      method: req.method,
      path: req.url,
      headers: upstreamHeaders(req),
    },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.statusMessage, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', (err) => badGateway(res, err));
  req.pipe(upstream);
}

/** WebSocket: forward the upgrade request, then splice the two sockets together. */
function proxyUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
  const upstream = request({
    protocol: admin.protocol,
    hostname: admin.hostname,
    port: admin.port,
    method: req.method,
    path: req.url,
    headers: upstreamHeaders(req),
  });
  const fail = () => socket.destroy();
  socket.on('error', () => upstream.destroy());
  upstream.on('error', () => {
    if (socket.writable) socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
  });
  upstream.on('response', (res) => {
    // refused (401 without a session): pass the status on and close
    const lines = [`HTTP/1.1 ${res.statusCode ?? 502} ${res.statusMessage ?? ''}`];
    for (let i = 0; i < res.rawHeaders.length; i += 2) lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
    socket.write(lines.join('\r\n') + '\r\n\r\n');
    res.pipe(socket);
  });
  upstream.on('upgrade', (res, upSocket, upHead) => {
    const lines = [`HTTP/1.1 101 ${res.statusMessage ?? 'Switching Protocols'}`];
    for (let i = 0; i < res.rawHeaders.length; i += 2) lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
    socket.write(lines.join('\r\n') + '\r\n\r\n');
    if (upHead.length > 0) socket.write(upHead);
    if (head.length > 0) upSocket.write(head);
    upSocket.on('error', fail);
    upSocket.on('close', fail);
    socket.on('close', () => upSocket.destroy());
    socket.setNoDelay(true);
    upSocket.setNoDelay(true);
    upSocket.pipe(socket);
    socket.pipe(upSocket);
  });
  upstream.end();
}

const app = next({ dev, dir, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();
const nextUpgrade = dev ? app.getUpgradeHandler() : null;

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  if (isProxied(url)) return proxyHttp(req, res);
  // layouts cannot see the path; this header tells them where to send the user back after login
  req.headers['x-tarn-path'] = url;
  void handle(req, res);
});
server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
  if (isProxied(req.url ?? '/')) proxyUpgrade(req, socket, head);
  else if (nextUpgrade !== null) void nextUpgrade(req, socket, head);
  else socket.destroy();
});
server.listen(port, host, () => {
  console.log(`tarn console ${dev ? '(dev) ' : ''}on http://${host}:${port}  (admin API ${admin.origin})`);
});

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  server.closeAllConnections();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
