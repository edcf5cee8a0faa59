/**
 * A minimal Kafka client connection for broker-to-broker traffic (followers fetching from leaders):
 * our own codecs over one socket, requests pipelined with correlation ids, answers matched in order.
 */
import { connect, type Socket } from 'node:net';
import { decodeResponse, encodeRequest, type ApiKeyNumber, type ApiRequestMap, type ApiResponseMap } from '@tarn/protocol';
import { FrameReader } from './frame-reader';

/** A size prefix beyond this is a broken peer, not a response: refused rather than allocated. */
const MAX_RESPONSE_BYTES = 1 << 30;

interface Pending {
  apiKey: ApiKeyNumber;
  version: number;
  correlationId: number;
  resolve: (body: unknown) => void;
  reject: (err: Error) => void;
}

export class KafkaClientConnection {
  private readonly pending: Pending[] = [];
  private nextCorrelationId = 1;
  private closedError: Error | null = null;

  private socket!: Socket;

  private constructor(private readonly clientId: string) {}

  private attach(socket: Socket): void {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.fail(new Error('connection closed')));
  }

  static open(host: string, port: number, clientId: string, timeoutMs = 5000): Promise<KafkaClientConnection> {
    return new Promise((resolve, reject) => {
      const conn = new KafkaClientConnection(clientId);
      const reader = new FrameReader((frame) => conn.onFrame(frame), MAX_RESPONSE_BYTES, (err) => conn.fail(err));
      // responses are read into buffers of their own (no 'data' events)
      const socket = connect({ host, port, onread: { buffer: () => reader.next(), callback: (n: number) => reader.onRead(n) } });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`connect to ${host}:${port} timed out`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        conn.attach(socket);
        resolve(conn);
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  }

  get isOpen(): boolean {
    return this.closedError === null;
  }

  request<K extends ApiKeyNumber>(apiKey: K, version: number, body: ApiRequestMap[K]): Promise<ApiResponseMap[K]> {
    if (this.closedError !== null) return Promise.reject(this.closedError);
    const correlationId = this.nextCorrelationId++;
    return new Promise((resolve, reject) => {
      this.pending.push({ apiKey, version, correlationId, resolve: resolve as (b: unknown) => void, reject });
      for (const chunk of encodeRequest(apiKey, version, correlationId, this.clientId, body)) this.socket.write(chunk);
    });
  }

  private onFrame(frame: Buffer): void {
    const p = this.pending.shift();
    if (p === undefined) {
      this.fail(new Error('response without a request'));
      return;
    }
    try {
      const decoded = decodeResponse(p.apiKey, p.version, frame);
      if (decoded.correlationId !== p.correlationId) throw new Error(`correlation id ${decoded.correlationId}, expected ${p.correlationId}`);
      p.resolve(decoded.body);
    } catch (err) {
      p.reject(err as Error);
      this.fail(err as Error);
    }
  }

  private fail(err: Error): void {
    if (this.closedError !== null) return;
    this.closedError = err;
    for (const p of this.pending.splice(0)) p.reject(err);
    this.socket.destroy();
  }

  close(): void {
    this.fail(new Error('closed'));
  }
}
