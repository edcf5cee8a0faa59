/**
 * A minimal Kafka client connection for broker-to-broker traffic (followers fetching from leaders):
 * our own codecs over one socket, requests pipelined with correlation ids, answers matched in order.
 * A request unanswered after `requestTimeoutMs` (replica.socket.timeout.ms) fails the connection,
 * as Kafka's NetworkClient does: a leader that hangs without closing its socket must not hold a
 * follower's fetches forever.
 */
import { connect, isIP, type Socket } from 'node:net';
import { connect as connectTls, type ConnectionOptions } from 'node:tls';
import { decodeResponse, encodeRequest, type ApiKeyNumber, type ApiRequestMap, type ApiResponseMap } from '@tarn/protocol';
import { FrameReader, saslAuthenticate, type SaslLogin } from '@tarn/client';
import type { FrameBufferPool } from './frame-buffer-pool';

/** How to reach a listener: TLS (with what to trust and what to present) and a SASL login. */
export interface ClientSecurity {
  tls: ConnectionOptions | null;
  sasl: SaslLogin | null;
}

/** A size prefix beyond this is a broken peer, not a response: refused rather than allocated. */
const MAX_RESPONSE_BYTES = 1 << 30;

interface Pending {
  apiKey: ApiKeyNumber;
  version: number;
  correlationId: number;
  deadline: number;
  resolve: (body: unknown) => void;
  reject: (err: Error) => void;
}

export class KafkaClientConnection {
  private readonly pending: Pending[] = [];
  private nextCorrelationId = 1;
  private closedError: Error | null = null;
  /** One timer for the oldest pending request (answers come in order, so it is the first due). */
  private timer: NodeJS.Timeout | null = null;

  private socket!: Socket;

  private constructor(
    private readonly clientId: string,
    private readonly requestTimeoutMs: number,
  ) {}

  private attach(socket: Socket): void {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.fail(new Error('connection closed')));
  }

  /**
   * `frames`: a pool for the response frames; responses decoded from them refer to the pool's
   * buffers until the caller reclaims them.
   */
  static async open(
    host: string,
    port: number,
    clientId: string,
    options: { connectTimeoutMs?: number; requestTimeoutMs?: number; frames?: FrameBufferPool; security?: ClientSecurity } = {},
  ): Promise<KafkaClientConnection> {
    const { connectTimeoutMs = 5000, requestTimeoutMs = 30_000, frames, security } = options;
    const conn = await new Promise<KafkaClientConnection>((resolve, reject) => {
      const conn = new KafkaClientConnection(clientId, requestTimeoutMs);
      const reader = new FrameReader(
        (frame) => conn.onFrame(frame),
        MAX_RESPONSE_BYTES,
        (err) => conn.fail(err),
        frames === undefined ? undefined : (n) => frames.acquire(n),
      );
      const tls = security?.tls ?? null;
      // TCP: responses are read into buffers of their own (net's onread, no 'data' events); TLS
      // decrypts into chunks, which are copied into the same frame buffers. SNI carries a host
      // name, never an address (RFC 6066; Node warns, DEP0123); the certificate is checked against
      // `host` either way.
      const socket =
        tls === null
          ? connect({ host, port, onread: { buffer: () => reader.next(), callback: (n: number) => reader.onRead(n) } })
          : connectTls({ ...tls, host, port, servername: tls.servername ?? (isIP(host) === 0 ? host : undefined) });
      if (tls !== null) socket.on('data', (chunk: Buffer) => feed(reader, chunk));
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`connect to ${host}:${port} timed out`));
      }, connectTimeoutMs);
      socket.once(tls === null ? 'connect' : 'secureConnect', () => {
        clearTimeout(timer);
        conn.attach(socket);
        resolve(conn);
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    if (security?.sasl != null) {
      try {
        await saslAuthenticate(conn, security.sasl, 1);
      } catch (err) {
        conn.close();
        throw err;
      }
    }
    return conn;
  }

  get isOpen(): boolean {
    return this.closedError === null;
  }

  request<K extends ApiKeyNumber>(apiKey: K, version: number, body: ApiRequestMap[K]): Promise<ApiResponseMap[K]> {
    if (this.closedError !== null) return Promise.reject(this.closedError);
    const correlationId = this.nextCorrelationId++;
    return new Promise((resolve, reject) => {
      this.pending.push({
        apiKey,
        version,
        correlationId,
        deadline: Date.now() + this.requestTimeoutMs,
        resolve: resolve as (b: unknown) => void,
        reject,
      });
      for (const chunk of encodeRequest(apiKey, version, correlationId, this.clientId, body)) this.socket.write(chunk);
      this.armTimer();
    });
  }

  private armTimer(): void {
    const head = this.pending[0];
    if (this.timer !== null || head === undefined) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const oldest = this.pending[0];
        if (oldest === undefined) return;
        if (Date.now() >= oldest.deadline)
          this.fail(
            new Error(
              `request (api key ${oldest.apiKey}, correlation id ${oldest.correlationId}) timed out after ${this.requestTimeoutMs} ms`,
            ),
          );
        else this.armTimer();
      },
      Math.max(0, head.deadline - Date.now()),
    );
    this.timer.unref();
  }

  private onFrame(frame: Buffer): void {
    const p = this.pending.shift();
    if (p === undefined) {
      this.fail(new Error('response without a request'));
      return;
    }
    try {
      const decoded = decodeResponse(p.apiKey, p.version, frame);
      if (decoded.correlationId !== p.correlationId)
        throw new Error(`correlation id ${decoded.correlationId}, expected ${p.correlationId}`);
      p.resolve(decoded.body);
    } catch (err) {
      p.reject(err as Error);
      this.fail(err as Error);
    }
  }

  private fail(err: Error): void {
    if (this.closedError !== null) return;
    this.closedError = err;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const p of this.pending.splice(0)) p.reject(err);
    this.socket.destroy();
  }

  close(): void {
    this.fail(new Error('closed'));
  }
}

/** Copies a decrypted chunk into the frame reader's buffers. */
function feed(reader: FrameReader, chunk: Buffer): void {
  let offset = 0;
  while (offset < chunk.length) {
    const target = reader.next();
    const n = Math.min(target.length, chunk.length - offset);
    chunk.copy(target, 0, offset, offset + n);
    offset += n;
    if (!reader.onRead(n)) return;
  }
}
