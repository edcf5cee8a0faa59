/**
 * The Kafka listeners: one TCP server per `listeners` entry. Shutdown stops accepting, lets every
 * connection finish the requests it already sent, then closes them.
 */
import { createServer, type Server } from 'node:net';
import type { Listener } from '../config/broker-config';
import type { Logger } from '../logger';
import { Connection, type ConnectionLimits, type RequestProcessor } from './connection';
import { LogRateLimiter } from './log-rate-limiter';

export interface SocketServerOptions extends ConnectionLimits {
  listeners: Listener[];
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
  ) {}

  /** Binds every listener; a port of 0 picks a free one (see boundListeners). */
  async start(): Promise<void> {
    for (const listener of this.options.listeners) {
      const server = createServer((socket) => {
        const conn = new Connection(
          `${listener.name}-${this.nextId++}`,
          socket,
          listener.name,
          this.processor,
          this.options,
          this.logger,
          this.closeLog,
        );
        this.connections.add(conn);
        socket.on('close', () => this.connections.delete(conn));
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(listener.port, listener.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      this.servers.push({ listener, server });
      this.logger.info({ listener: listener.name, address: server.address() }, 'listening for Kafka clients');
    }
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
