/**
 * The admin HTTP server (`admin.listeners`): `/healthz` for probes and scripts. The console's API
 * and `/metrics` hang off the same server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { TlsSettings } from '../config/security-config';
import type { Logger } from '../logger';

export type Route = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export class AdminServer {
  private server: Server | null = null;
  private readonly routes: Route[] = [];

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly logger: Logger,
    /** https: the keystore of ssl.keystore.* (TLS 1.2/1.3). */
    private readonly tls: TlsSettings | null = null,
  ) {}

  get scheme(): 'http' | 'https' {
    return this.tls === null ? 'http' : 'https';
  }

  /** Routes are tried in order; one that returns true has answered. */
  route(r: Route): void {
    this.routes.push(r);
  }

  async start(): Promise<void> {
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    const tls = this.tls;
    const server: Server =
      tls === null
        ? createServer(handler)
        : createHttpsServer(
            { key: tls.key, cert: tls.cert, passphrase: tls.passphrase, minVersion: tls.minVersion, maxVersion: tls.maxVersion },
            handler,
          );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => resolve());
    });
    this.server = server;
    this.logger.info({ address: server.address(), scheme: this.scheme }, 'admin HTTP server listening');
  }

  get boundPort(): number {
    const a = this.server?.address();
    return typeof a === 'object' && a !== null ? a.port : this.port;
  }

  get httpServer(): Server | null {
    return this.server;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      for (const r of this.routes) if (await r(req, res)) return;
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `no route for ${req.method} ${req.url}` }));
    } catch (err) {
      this.logger.error({ err, url: req.url }, 'admin request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'internal error' }));
    }
  }

  async shutdown(): Promise<void> {
    const s = this.server;
    if (s === null) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
