/**
 * A minimal Kafka client connection for broker-to-broker traffic (followers fetching from leaders):
 * our own codecs over one socket, requests pipelined with correlation ids, answers matched in order.
 */
import { connect, type Socket } from 'node:net';
import { decodeResponse, encodeRequest, type ApiKeyNumber, type ApiRequestMap, type ApiResponseMap } from '@tarn/protocol';

interface Pending {
  apiKey: ApiKeyNumber;
  version: number;
  correlationId: number;
  resolve: (body: unknown) => void;
  reject: (err: Error) => void;
}

export class KafkaClientConnection {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private readonly pending: Pending[] = [];
  private nextCorrelationId = 1;
  private closedError: Error | null = null;

  private constructor(private readonly socket: Socket, private readonly clientId: string) {
    socket.setNoDelay(true);
    socket.on('data', (d: Buffer) => this.onData(d));
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.fail(new Error('connection closed')));
  }

  static open(host: string, port: number, clientId: string, timeoutMs = 5000): Promise<KafkaClientConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`connect to ${host}:${port} timed out`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(new KafkaClientConnection(socket, clientId));
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

  private onData(d: Buffer): void {
    this.chunks.push(d);
    this.buffered += d.length;
    for (;;) {
      if (this.buffered < 4) return;
      if (this.chunks[0]!.length < 4) this.chunks = [Buffer.concat(this.chunks)];
      const size = this.chunks[0]!.readInt32BE(0);
      if (this.buffered < 4 + size) return;
      const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      const frame = all.subarray(4, 4 + size);
      const rest = all.subarray(4 + size);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
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
