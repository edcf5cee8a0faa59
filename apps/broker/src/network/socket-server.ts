/**
 * The Kafka listeners: one server per `listeners` entry — TCP, or TLS (node:tls, TLS 1.2/1.3) for
 * SSL and SASL_SSL listeners. A TLS connection is handed on once its handshake is done, with the
 * client certificate's subject as its principal when `ssl.client.auth` asked for one. Shutdown
 * stops accepting, lets every connection finish the requests it already sent, then closes them.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import type { Listener } from '../config/broker-config';
import type { ListenerSecurity } from '../config/security-config';
import type { Logger } from '../logger';
import type { BufferPool } from './buffer-pool';
import { Connection, type ConnectionLimits, type RequestProcessor } from './connection';
import { LogRateLimiter } from './log-rate-limiter';
import { principalFromSubject, Session } from './session';

export interface SocketServerOptions extends ConnectionLimits {
  listeners: Listener[];
  security: ReadonlyMap<string, ListenerSecurity>;
}

export class SocketServer {
  private readonly servers: Array<{ listener: Listener; server: Server }> = [];
  readonly connections = new Set<Connection>();
  private nextId = 0;
  /** Shared by every connection: a flood of bad connections must not flood the log. */
  private readonly closeLog = new LogRateLimiter();

  constructor(
    private readonly options: SocketServerOptions,
    private readonly processor: RequestProcessor,
    private readonly logger: Logger,
    /** Produce frames' buffers, shared with the dispatcher's fetch answers. */
    private readonly buffers: BufferPool,
  ) {}

  /** Binds every listener; a port of 0 picks a free one (see boundListeners). */
  async start(): Promise<void> {
    for (const listener of this.options.listeners) {
      const security = this.options.security.get(listener.name)!;
      const accept = (socket: Socket, peerPrincipal: string | null) => {
        const conn = new Connection(
          `${listener.name}-${this.nextId++}`,
          socket,
          new Session(listener.name, security, peerPrincipal),
          this.processor,
          this.options,
          this.logger,
          this.closeLog,
          this.buffers,
        );
        this.connections.add(conn);
        socket.on('close', () => this.connections.delete(conn));
      };
      const server =
        security.tls === null
          ? // accepted paused, so that the connection can choose how the socket is read before it is
            createServer({ pauseOnConnect: true }, (socket) => accept(socket, null))
          : this.tlsServer(listener, security, accept);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(listener.port, listener.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      this.servers.push({ listener, server });
      this.logger.info({ listener: listener.name, protocol: security.protocol, address: server.address() }, 'listening for Kafka clients');
    }
  }

  private tlsServer(
    listener: Listener,
    security: ListenerSecurity,
    accept: (socket: Socket, peerPrincipal: string | null) => void,
  ): Server {
    const tls = security.tls!;
    const server = createTlsServer(
      {
        key: tls.key,
        cert: tls.cert,
        passphrase: tls.passphrase,
        ca: tls.ca,
        requestCert: tls.clientAuth !== 'none',
        rejectUnauthorized: tls.clientAuth === 'required',
        minVersion: tls.minVersion,
        maxVersion: tls.maxVersion,
      },
      (socket: TLSSocket) => {
        const cert = socket.getPeerX509Certificate();
        // requested: a certificate we cannot trust fails the handshake, as Java's wantClientAuth does
        if (cert !== undefined && !socket.authorized) {
          this.closeLog.log(
            this.logger,
            {
              listener: listener.name,
              remote: socket.remoteAddress,
              reason: `untrusted client certificate: ${String(socket.authorizationError)}`,
            },
            'closing connection',
          );
          socket.destroy();
          return;
        }
        accept(socket, cert !== undefined ? principalFromSubject(cert.subject) : null);
      },
    );
    // a plaintext client on a TLS port, a failed handshake: that connection only, and a rate-limited line
    server.on('tlsClientError', (err, socket) => {
      this.closeLog.log(
        this.logger,
        { listener: listener.name, remote: socket.remoteAddress, reason: `TLS handshake failed: ${err.message}` },
        'closing connection',
      );
      socket.destroy();
    });
    return server;
  }

  /** The listeners with the ports actually bound. */
  boundListeners(): Listener[] {
    return this.servers.map(({ listener, server }) => {
      const address = server.address();
      return { ...listener, port: typeof address === 'object' && address !== null ? address.port : listener.port };
    });
  }

  async shutdown(): Promise<void> {
    // close() stops accepting now but reports closed only once every connection has ended
    const closed = this.servers.map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve())));
    for (const c of this.connections) c.stopReading();
    await Promise.all([...this.connections].map((c) => c.drained()));
    for (const c of this.connections) c.close('broker shutting down');
    await Promise.all(closed);
  }
}
