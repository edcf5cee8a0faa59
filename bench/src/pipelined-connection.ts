// A Kafka connection for load generation, built on our own codecs: requests are written as soon as
// they are issued (several in flight, as clients do with max.in.flight.requests.per.connection) and
// responses come back in request order, so each one answers the oldest pending request.
//
// The load generator must cost far less than the broker it measures, so the receive side allocates
// nothing per response: the socket reads into one reused buffer (net `onread`), a frame that arrives
// whole in one read is handed over in place, and a frame spread over reads is assembled in one reused
// scratch buffer. Response callbacks therefore run synchronously and must not keep the frame.
import { connect, type Socket } from 'node:net';
import { connect as connectTls, type ConnectionOptions } from 'node:tls';
import { decodeResponse, encodeRequest, type ApiKeyNumber, type ApiRequestMap, type ApiResponseMap } from '@tarn/protocol';
import { saslAuthenticate, type SaslLogin } from '@tarn/client';

/** Called with a response frame (without its size prefix), valid only during the call. */
export type FrameHandler = (frame: Buffer | null, err: Error | null) => void;

const READ_BUFFER_BYTES = 1024 * 1024;

export class PipelinedConnection {
  private readonly pending: FrameHandler[] = [];
  private correlationId = 1;
  private failure: Error | null = null;
  /** Bytes of the size prefix seen so far (it may straddle reads). */
  private readonly sizeBytes = Buffer.alloc(4);
  private sizeFilled = 0;
  private frameSize = -1;
  private scratch = Buffer.allocUnsafe(0);
  private scratchFilled = 0;
  private socket!: Socket;

  private constructor() {}

  static open(port: number, host = '127.0.0.1'): Promise<PipelinedConnection> {
    const c = new PipelinedConnection();
    return new Promise((resolve, reject) => {
      const s = connect({
        port,
        host,
        onread: {
          buffer: Buffer.allocUnsafe(READ_BUFFER_BYTES),
          callback: (n: number, buf: Uint8Array) => {
            c.onData(buf as Buffer, n);
            return true;
          },
        },
      });
      c.attach(s, 'connect', resolve, reject);
    });
  }

  /**
   * Over TLS (TLS decrypts into chunks of its own: 'data' events, no onread), then, with `sasl`,
   * logged in (SaslHandshake v1 + SaslAuthenticate) before the load starts.
   */
  static async openSecure(
    port: number,
    tls: ConnectionOptions | null,
    sasl: SaslLogin | null,
    host = '127.0.0.1',
  ): Promise<PipelinedConnection> {
    const c =
      tls === null
        ? await PipelinedConnection.open(port, host)
        : await new Promise<PipelinedConnection>((resolve, reject) => {
            const conn = new PipelinedConnection();
            const s = connectTls({ ...tls, port, host });
            s.on('data', (chunk: Buffer) => conn.onData(chunk, chunk.length));
            conn.attach(s, 'secureConnect', resolve, reject);
          });
    if (sasl !== null) await saslAuthenticate(c, sasl, 1);
    return c;
  }

  private attach(
    s: Socket,
    ready: 'connect' | 'secureConnect',
    resolve: (c: PipelinedConnection) => void,
    reject: (err: Error) => void,
  ): void {
    this.socket = s;
    s.once(ready, () => {
      s.off('error', reject);
      s.setNoDelay(true);
      s.on('error', (err) => this.fail(err));
      s.on('close', () => this.fail(new Error('connection closed by the broker')));
      resolve(this);
    });
    s.once('error', reject);
  }

  get inFlight(): number {
    return this.pending.length;
  }

  /** Writes the request now; `onFrame` gets its response (or the connection's failure). */
  send<K extends ApiKeyNumber>(apiKey: K, version: number, body: ApiRequestMap[K], onFrame: FrameHandler, clientId = 'tarn-bench'): void {
    if (this.failure !== null) {
      onFrame(null, this.failure);
      return;
    }
    const chunks = encodeRequest(apiKey, version, this.correlationId++, clientId, body);
    this.pending.push(onFrame);
    if (chunks.length === 1) this.socket.write(chunks[0]!);
    else {
      this.socket.cork();
      for (const c of chunks) this.socket.write(c);
      this.socket.uncork();
    }
  }

  /** One request, decoded response (for set-up, not for load). */
  request<K extends ApiKeyNumber>(apiKey: K, version: number, body: ApiRequestMap[K]): Promise<ApiResponseMap[K]> {
    return new Promise((resolve, reject) => {
      this.send(apiKey, version, body, (frame, err) => {
        if (frame === null) reject(err ?? new Error('no response'));
        else {
          try {
            resolve(decodeResponse(apiKey, version, frame).body);
          } catch (e) {
            reject(e as Error);
          }
        }
      });
    });
  }

  close(): void {
    this.failure ??= new Error('connection closed');
    this.socket.destroy();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const h of this.pending.splice(0)) h(null, this.failure);
  }

  private deliver(frame: Buffer): void {
    const h = this.pending.shift();
    if (h === undefined) {
      this.fail(new Error('a response arrived with no request pending'));
      this.socket.destroy();
      return;
    }
    h(frame, null);
  }

  private onData(buf: Buffer, n: number): void {
    let pos = 0;
    while (pos < n) {
      if (this.frameSize < 0) {
        if (this.sizeFilled === 0 && n - pos >= 4) {
          this.frameSize = buf.readInt32BE(pos);
          pos += 4;
        } else {
          while (this.sizeFilled < 4 && pos < n) this.sizeBytes[this.sizeFilled++] = buf[pos++]!;
          if (this.sizeFilled < 4) return;
          this.frameSize = this.sizeBytes.readInt32BE(0);
          this.sizeFilled = 0;
        }
        this.scratchFilled = 0;
        // the whole frame is in this read: hand it over in place
        if (n - pos >= this.frameSize) {
          const frame = buf.subarray(pos, pos + this.frameSize);
          pos += this.frameSize;
          this.frameSize = -1;
          this.deliver(frame);
          continue;
        }
        if (this.scratch.length < this.frameSize) this.scratch = Buffer.allocUnsafe(this.frameSize);
      }
      const k = Math.min(n - pos, this.frameSize - this.scratchFilled);
      buf.copy(this.scratch, this.scratchFilled, pos, pos + k);
      this.scratchFilled += k;
      pos += k;
      if (this.scratchFilled === this.frameSize) {
        const frame = this.scratch.subarray(0, this.frameSize);
        this.frameSize = -1;
        this.deliver(frame);
      }
    }
  }
}

/**
 * Keeps up to `window` requests in flight until `issue` returns false (nothing left to send) and
 * every response is in. `issue(onFrame)` sends the next request with that handler; `handle` checks a
 * response (synchronously: the frame is only valid during the call).
 */
export function pipeline<T>(
  window: number,
  issue: (onFrame: FrameHandler) => T | null,
  handle: (frame: Buffer, tag: T) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let outstanding = 0;
    let exhausted = false;
    let failed = false;
    let filling = false;
    const fill = (): void => {
      if (filling) return; // a response handled while sending re-enters here
      filling = true;
      while (!failed && !exhausted && outstanding < window) {
        let tag: T | null = null;
        outstanding++;
        tag = issue((frame, err) => {
          outstanding--;
          if (failed) return;
          if (frame === null) {
            failed = true;
            reject(err ?? new Error('no response'));
            return;
          }
          try {
            handle(frame, tag!);
          } catch (e) {
            failed = true;
            reject(e as Error);
            return;
          }
          fill();
        });
        if (tag === null) {
          outstanding--;
          exhausted = true;
        }
      }
      filling = false;
      if (!failed && exhausted && outstanding === 0) resolve();
    };
    fill();
  });
}
