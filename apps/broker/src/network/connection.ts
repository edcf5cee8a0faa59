/**
 * One client connection: cuts the byte stream into Kafka frames (int32 size + payload), hands each
 * to the request processor, and writes the responses back strictly in request order.
 *
 * Requests are processed as they arrive (pipelining), not one at a time as Kafka's muted channels
 * do; order still holds because handlers make their order-sensitive changes (log appends, group
 * state) synchronously before they first await, and responses queue behind earlier ones.
 * A frame larger than socket.request.max.bytes, or with a size of zero or less (no request is that
 * short), closes the connection, as Kafka's InvalidReceiveException does. Idle connections close after
 * connections.max.idle.ms.
 *
 * A connection's memory is bounded: reading stops while queued.max.requests requests, or
 * socket.request.max.bytes of request bytes, are in flight, or while the socket's output buffer is
 * full (Kafka mutes the channel instead: one request at a time). A frame still arriving holds at
 * most twice the bytes received (frame-assembler.ts), never what its size prefix announces.
 *
 * Plain TCP sockets are read into one shared buffer (socket-reader.ts) and Produce frames come from
 * a pool, returned when their request is done: no memory is allocated per read or per produce
 * request in a producer's steady state.
 */
import type { Socket } from 'node:net';
import { ApiKey } from '@tarn/protocol';
import type { Logger } from '../logger';
import type { BufferPool } from './buffer-pool';
import { FrameAssembler } from './frame-assembler';
import type { LogRateLimiter } from './log-rate-limiter';
import type { Session } from './session';
import { readWithSharedBuffer } from './socket-reader';

export type ProcessResult =
  /**
   * `thenClose`: the answer goes out, then the connection closes (a failed authentication).
   * `written`: called once the chunks are written to the socket (their buffers may then be reused).
   */
  { kind: 'response'; chunks: Buffer[]; thenClose?: string; written?: () => void } | { kind: 'none' } | { kind: 'close'; reason: string };

export interface RequestProcessor {
  process(connection: Connection, frame: Buffer): Promise<ProcessResult>;
}

interface Slot {
  result: ProcessResult | null;
  bytes: number;
}

export interface ConnectionLimits {
  /** socket.request.max.bytes: the largest frame, and the request bytes one connection may have in flight. */
  maxRequestSize: number;
  /** queued.max.requests: requests in flight on one connection before reading from it stops. */
  maxInFlight: number;
  /** connections.max.idle.ms */
  idleMs: number;
}

export class Connection {
  private readonly frames: FrameAssembler;
  private readonly queue: Slot[] = [];
  private inFlightBytes = 0;
  private closed = false;
  /** A flush is due once the current run of promise resolutions ends. */
  private flushScheduled = false;
  private readPaused = false;
  /** Shutting down: answer what was received, read nothing more (flushes must not resume reading). */
  private readingStopped = false;
  private drainWaiters: Array<() => void> = [];
  /** Set by ApiVersions v3+ (KIP-511), for logs and the console. */
  clientSoftware: { name: string; version: string } | null = null;

  constructor(
    readonly id: string,
    readonly socket: Socket,
    readonly session: Session,
    private readonly processor: RequestProcessor,
    private readonly limits: ConnectionLimits,
    private readonly logger: Logger,
    private readonly closeLog: LogRateLimiter,
    pool: BufferPool,
  ) {
    const { idleMs } = limits;
    socket.setNoDelay(true);
    this.frames = new FrameAssembler(
      limits.maxRequestSize,
      pool,
      // Produce bytes are written to the log before the request ends and never kept; other requests'
      // bytes may live on (group metadata, SASL tokens) and get buffers of their own.
      (apiKey) => apiKey === ApiKey.Produce && session.authenticated && !session.rawTokens,
      (frame, release) => this.dispatch(frame, release),
      (size) => this.close(`invalid request size ${size} (socket.request.max.bytes is ${limits.maxRequestSize})`),
    );
    const reader = {
      onRead: (buf: Buffer, n: number) => this.onData(buf, 0, n),
      direct: () => (this.closed ? null : this.frames.direct()),
      onDirectRead: (n: number) => this.onDirectRead(n),
    };
    if (!readWithSharedBuffer(socket, reader)) {
      socket.on('data', (chunk: Buffer) => this.onData(chunk, 0, chunk.length));
      socket.resume(); // a plain socket was accepted paused
    }
    socket.on('drain', () => this.updateReading());
    socket.on('error', (err) => this.logger.debug({ connection: id, err: err.message }, 'connection error'));
    socket.on('close', () => this.onClose());
    if (idleMs > 0 && idleMs < 2 ** 31) {
      socket.setTimeout(idleMs, () => {
        if (this.queue.length === 0) this.close(`idle for more than connections.max.idle.ms (${idleMs})`);
      });
    }
  }

  get listenerName(): string {
    return this.session.listenerName;
  }

  get remoteAddress(): string {
    return `${this.socket.remoteAddress ?? '?'}:${this.socket.remotePort ?? '?'}`;
  }

  get inFlight(): number {
    return this.queue.length;
  }

  private onData(buf: Buffer, start: number, end: number): void {
    if (this.closed) return;
    try {
      if (this.frames.push(buf, start, end)) this.updateReading();
    } catch (err) {
      this.readFailed(err);
    }
  }

  /** `n` bytes were read straight into the frame being received. */
  private onDirectRead(n: number): void {
    if (this.closed) return;
    try {
      this.frames.advance(n);
      this.updateReading();
    } catch (err) {
      this.readFailed(err);
    }
  }

  /** A bug on the read path costs this connection only, never the process. */
  private readFailed(err: unknown): void {
    this.logger.error({ err, connection: this.id, remote: this.remoteAddress }, 'unexpected error reading a request');
    this.close(`unexpected error reading a request: ${String(err)}`);
  }

  private dispatch(frame: Buffer, release: (() => void) | null): void {
    if (this.closed) {
      release?.();
      return;
    }
    const slot: Slot = { result: null, bytes: frame.length };
    this.queue.push(slot);
    this.inFlightBytes += frame.length;
    this.processor.process(this, frame).then(
      (result) => {
        release?.();
        slot.result = result;
        this.scheduleFlush();
      },
      (err: unknown) => {
        release?.();
        this.logger.error({ err, connection: this.id, remote: this.remoteAddress }, 'unexpected error processing a request');
        slot.result = { kind: 'close', reason: `request processing failed: ${String(err)}` };
        this.scheduleFlush();
      },
    );
  }

  /**
   * Responses finished together (the appends of one group commit, say) leave in one writev: a
   * nextTick queued from a promise reaction runs once the whole microtask queue has drained.
   */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    process.nextTick(this.scheduledFlush);
  }

  private readonly scheduledFlush = (): void => {
    this.flushScheduled = false;
    this.flush();
  };

  /** Sends every finished response at the head of the queue. */
  private flush(): void {
    if (this.closed) return;
    this.socket.cork();
    while (this.queue.length > 0 && this.queue[0]!.result !== null) {
      const slot = this.queue.shift()!;
      this.inFlightBytes -= slot.bytes;
      const result = slot.result!;
      if (result.kind === 'close') {
        this.socket.uncork();
        this.close(result.reason);
        return;
      }
      if (result.kind === 'response') {
        const last = result.chunks.length - 1;
        for (let i = 0; i < last; i++) this.socket.write(result.chunks[i]!);
        if (last >= 0) this.socket.write(result.chunks[last]!, result.written);
        if (result.thenClose !== undefined) {
          this.socket.uncork();
          this.closeLog.log(
            this.logger,
            { connection: this.id, remote: this.remoteAddress, reason: result.thenClose },
            'closing connection',
          );
          this.closed = true;
          this.forget();
          this.socket.end();
          for (const w of this.drainWaiters.splice(0)) w();
          return;
        }
      }
    }
    this.socket.uncork();
    this.updateReading();
    if (this.queue.length === 0) for (const w of this.drainWaiters.splice(0)) w();
  }

  /** Back-pressure: stop reading while too much is in flight or the socket's buffer is full. */
  private updateReading(): void {
    if (this.closed || this.readingStopped) return;
    const shouldPause =
      this.queue.length >= this.limits.maxInFlight || this.inFlightBytes >= this.limits.maxRequestSize || this.socket.writableNeedDrain;
    if (shouldPause && !this.readPaused) {
      this.socket.pause();
      this.readPaused = true;
    } else if (!shouldPause && this.readPaused) {
      this.readPaused = false;
      this.socket.resume();
    }
  }

  /** Resolves when every request received so far has been answered. */
  drained(): Promise<void> {
    if (this.queue.length === 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Stops reading new requests (shutdown); requests already received still get answers. */
  stopReading(): void {
    this.readingStopped = true;
    this.socket.pause();
    this.readPaused = true;
  }

  close(reason: string): void {
    if (this.closed) {
      // closed after its last answer (a failed login: socket.end()), it may still wait for the
      // peer's FIN, which a paused socket never reads: shutdown would wait for it forever
      this.socket.destroy();
      return;
    }
    this.closed = true;
    this.forget();
    this.closeLog.log(this.logger, { connection: this.id, remote: this.remoteAddress, reason }, 'closing connection');
    this.socket.destroy();
    for (const w of this.drainWaiters.splice(0)) w();
  }

  /** A closed connection keeps nothing: requests still being handled have nowhere to answer. */
  private forget(): void {
    this.queue.length = 0;
    this.inFlightBytes = 0;
  }

  private onClose(): void {
    this.closed = true;
    this.forget();
    for (const w of this.drainWaiters.splice(0)) w();
  }
}
