/**
 * The admin API on the broker's admin HTTP server: login/logout (session cookie), the tRPC router
 * over HTTP (`/trpc/...`) and WebSocket (`/trpc`), and `/metrics`. Every tRPC call and WebSocket
 * connection needs a session cookie or an API token; mutations are written to the audit log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import { errorName, KafkaError } from '@tarn/protocol';
import type { AdminServices } from '../services';
import type { AdminServer } from './admin-server';
import { adminRouter } from './admin-router';
import { AdminUsers } from './admin-users';
import { AuditLog } from './audit-log';
import { ConsoleAccess } from './console-access';
import { createMetrics } from './metrics';
import { ProduceService } from './produce-service';
import { bearerToken, readCookie, SESSION_COOKIE, Sessions, type Principal } from './sessions';
import type { AdminActions, AdminContext } from './trpc';

const MAX_LOGIN_FAILURES = 10;

export class AdminApi implements AdminActions {
  readonly users: AdminUsers;
  readonly sessions: Sessions;
  readonly audit: AuditLog;
  readonly producer: ProduceService;
  private wss: WebSocketServer | null = null;
  private readonly loginFailures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly services: AdminServices,
    private readonly server: AdminServer,
  ) {
    const dir = services.config.logDirs[0]!;
    this.users = new AdminUsers(dir, services.config.admin.apiTokens);
    this.sessions = new Sessions(services.config.admin.sessionTimeoutMs, server.scheme === 'https');
    this.audit = new AuditLog(dir);
    this.producer = new ProduceService(services);
  }

  /** Loads users (creating the first one) and routes the auth, /metrics and tRPC endpoints. */
  start(): void {
    const created = this.users.load({
      username: this.services.config.admin.username,
      password: this.services.config.admin.password,
    });
    if (created?.generatedPassword != null) {
      // printed once, on the first start; only its hash is kept
      // the password goes to the terminal once, never into a log line (DESIGN.md decision 9)
      this.services.logger.warn(
        { username: created.username },
        'created the console user with a generated password, printed once on stderr',
      );
      process.stderr.write(
        `\ntarn console login: ${created.username} / ${created.generatedPassword}  (shown once; change it with admin.password)\n\n`,
      );
    }
    const metrics = createMetrics(this.services);
    const server = this.server;
    server.route((req, res) => this.handleAuth(req, res));
    server.route(async (req, res) => {
      if (req.url !== '/metrics') return false;
      if (this.principal(req) === null) {
        res
          .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' })
          .end('unauthorized: send an API token (admin.api.tokens) or a console session\n');
        return true;
      }
      res.writeHead(200, { 'content-type': metrics.contentType }).end(await metrics.metrics());
      return true;
    });
    const trpc = createHTTPHandler({ router: adminRouter, basePath: '/trpc/', createContext: ({ req }) => this.context(req) });
    server.route((req, res) => {
      if (!req.url?.startsWith('/trpc/')) return false;
      if (!sameOrigin(req)) return refuseCrossSite(res);
      trpc(req, res);
      return true;
    });
  }

  /** WebSocket subscriptions share the admin HTTP server's port. */
  attachWebSocket(): void {
    const http = this.server.httpServer;
    if (http === null) return;
    this.wss = new WebSocketServer({ noServer: true });
    applyWSSHandler({
      wss: this.wss,
      router: adminRouter,
      createContext: ({ req }) => this.context(req),
      keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
    });
    http.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/trpc') || this.principal(req) === null || !sameOrigin(req)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      this.wss!.handleUpgrade(req, socket, head, (ws) => this.wss!.emit('connection', ws, req));
    });
  }

  stop(): void {
    for (const client of this.wss?.clients ?? []) client.terminate();
    this.wss?.close();
  }

  principal(req: IncomingMessage): Principal | null {
    const token = bearerToken(req);
    if (token !== null) return this.users.verifyToken(token) ? { user: 'api-token', via: 'token' } : null;
    const session = readCookie(req, SESSION_COOKIE);
    const user = session === null ? null : this.sessions.touch(session);
    // a deleted user's sessions end with it
    return user === null || !this.users.has(user) ? null : { user, via: 'session' };
  }

  private context(req: IncomingMessage): AdminContext {
    const principal = this.principal(req);
    // the mapping is read on every call, so a change applies to open sessions at once
    const kafkaPrincipal = principal?.via === 'session' ? this.users.kafkaPrincipal(principal.user) : null;
    const access = new ConsoleAccess(this.services.authorization, kafkaPrincipal, clientAddress(req));
    return { services: this.services, admin: this, principal, access };
  }

  /** Runs a change and writes it to the audit log, with its outcome. */
  async audited<T>(principal: Principal, action: string, target: string, details: unknown, fn: () => Promise<T>): Promise<T> {
    try {
      const result = await fn();
      this.audit.record({ user: principal.user, action, target, details, result: 'ok' });
      this.services.logger.info({ user: principal.user, action, target }, 'admin change');
      return result;
    } catch (err) {
      const error = err instanceof KafkaError ? `${errorName(err.code)}: ${err.message}` : String(err);
      this.audit.record({ user: principal.user, action, target, details, result: 'error', error });
      throw err;
    }
  }

  private async handleAuth(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      return true;
    };
    if (req.url?.startsWith('/api/auth/') && !sameOrigin(req)) return refuseCrossSite(res);
    if (req.url === '/api/auth/login' && req.method === 'POST') {
      const ip = clientAddress(req);
      let body: { username?: unknown; password?: unknown };
      try {
        body = JSON.parse(await readBody(req, 16_384)) as typeof body;
      } catch {
        return json(400, { error: 'Send {"username": ..., "password": ...} as JSON.' });
      }
      // failures count per client and user name, so one user's typos lock out nobody else
      const failureKey = `${ip} ${String(body.username)}`;
      const failures = this.loginFailures.get(failureKey);
      if (failures !== undefined && failures.count >= MAX_LOGIN_FAILURES && Date.now() - failures.since < 60_000) {
        return json(429, { error: 'Too many failed logins; wait a minute.' });
      }
      if (
        typeof body.username !== 'string' ||
        typeof body.password !== 'string' ||
        !(await this.users.verify(body.username, body.password))
      ) {
        const f = failures !== undefined && Date.now() - failures.since < 60_000 ? failures : { count: 0, since: Date.now() };
        f.count++;
        this.loginFailures.set(failureKey, f);
        this.services.logger.warn({ ip, username: String(body.username) }, 'failed console login');
        return json(401, { error: 'Wrong username or password.' });
      }
      this.loginFailures.delete(failureKey);
      const session = this.sessions.create(body.username);
      this.audit.record({ user: body.username, action: 'auth.login', target: ip, result: 'ok' });
      return json(200, { user: body.username }, { 'set-cookie': this.sessions.cookie(session) });
    }
    if (req.url === '/api/auth/logout' && req.method === 'POST') {
      const session = readCookie(req, SESSION_COOKIE);
      if (session !== null) this.sessions.destroy(session);
      return json(200, { ok: true }, { 'set-cookie': Sessions.clearCookie() });
    }
    return false;
  }
}

/**
 * Cross-site request forgery: a browser names the page that sent a request in `Origin`; a request
 * carrying the session cookie from another site's page is refused (the cookie is also
 * SameSite=Lax). API tokens are not sent by browsers on their own, and server-side calls (the
 * console's server components) send no Origin: both pass. Behind the console's proxy (a loopback
 * peer) the page's host is the forwarded one.
 */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || bearerToken(req) !== null) return true;
  const peer = req.socket.remoteAddress ?? '';
  const loopback = peer === '127.0.0.1' || peer === '::1' || peer === '::ffff:127.0.0.1';
  const forwarded = req.headers['x-forwarded-host'];
  const host = loopback && typeof forwarded === 'string' && forwarded !== '' ? forwarded : req.headers.host;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refuseCrossSite(res: ServerResponse): true {
  res
    .writeHead(403, { 'content-type': 'application/json' })
    .end(JSON.stringify({ error: 'Cross-site request refused: the Origin does not match this console.' }));
  return true;
}

/** The client's address; behind the console's proxy (a loopback peer) the forwarded one. */
function clientAddress(req: IncomingMessage): string {
  const peer = req.socket.remoteAddress ?? '?';
  const forwarded = req.headers['x-forwarded-for'];
  const loopback = peer === '127.0.0.1' || peer === '::1' || peer === '::ffff:127.0.0.1';
  if (loopback && typeof forwarded === 'string' && forwarded.trim() !== '') return forwarded.split(',')[0]!.trim();
  return peer;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
