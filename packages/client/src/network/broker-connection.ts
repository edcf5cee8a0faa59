/**
 * One connection to one broker, as Kafka's NetworkClient keeps per node: TCP or TLS, then
 * ApiVersions (what the broker speaks), then the SASL login if the listener wants one. Requests are
 * pipelined with correlation ids; a broker answers in order, so answers are matched to the oldest
 * pending request. A request unanswered after `request.timeout.ms` fails the whole connection
 * (Kafka does the same: a broker that hangs without closing its socket must not hold callers
 * forever), and every pending request fails with the connection's error, which is retriable.
 * A SASL session with a lifetime (KIP-368, the broker's connections.max.reauth.ms) is renewed on
 * the same connection at 85–95% of it, as Kafka's clients do: new requests wait, those in flight
 * are answered, the login runs again, then the waiting requests go out in their order.
 */
import { connect, isIP, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import {
  API_KEYS,
  ApiKey,
  decodeResponse,
  encodeRequest,
  ErrorCode,
  UnsupportedVersionError,
  type ApiKeyNumber,
  type ApiRequestMap,
  type ApiResponseMap,
} from '@tarn/protocol';
import type { SecurityConfig } from '../config/security-config';
import { ConnectionError, InvalidArgumentError, KafkaError, RequestTimeoutError } from '../errors';
import { FrameReader } from './frame-reader';
import { saslAuthenticate } from './sasl';
import { highestCommonVersion, type VersionRanges } from './api-versions';

/** The client's name and version in ApiVersions v3+ (KIP-511), shown by brokers' metrics. */
export const CLIENT_SOFTWARE_NAME = 'tarn-client';
export const CLIENT_SOFTWARE_VERSION = '0.1.0';

export interface ConnectionOptions {
  host: string;
  port: number;
  clientId: string;
  security: SecurityConfig;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  maxResponseBytes: number;
  /** Called once when the connection fails or is closed (the cluster drops it then). */
  onClose?: (err: Error, conn: BrokerConnection) => void;
}

interface Pending {
  apiKey: ApiKeyNumber;
  version: number;
  correlationId: number;
  deadline: number;
  resolve: (body: unknown) => void;
  reject: (err: Error) => void;
}

export class BrokerConnection {
  private readonly pending: Pending[] = [];
  private nextCorrelationId = 1;
  private closedError: Error | null = null;
  /** One timer for the oldest pending request (answers come in order, so it is the first due). */
  private timer: NodeJS.Timeout | null = null;
  private socket!: Socket;
  /** While a re-authentication runs, requests wait for this (in order). */
  private gate: Promise<void> | null = null;
  private reauthTimer: NodeJS.Timeout | null = null;
  private drainWaiters: (() => void)[] = [];
  /** The versions the broker advertised (ApiVersions), by api key. */
  versions: VersionRanges = new Map();
  readonly address: string;
  /** When a request was last sent or answered (Date.now()), for connections.max.idle.ms. */
  lastUsed = Date.now();

  private constructor(private readonly options: ConnectionOptions) {
    this.address = `${options.host}:${options.port}`;
  }

  /** Connects, learns the broker's API versions, logs in; any failure closes the socket and throws. */
  static async open(options: ConnectionOptions): Promise<BrokerConnection> {
    const conn = new BrokerConnection(options);
    await conn.connectSocket();
    try {
      await conn.negotiateVersions();
      if (options.security.sasl !== null)
        conn.scheduleReauthentication(await saslAuthenticate(conn, options.security.sasl, conn.versionFor(ApiKey.SaslAuthenticate)));
    } catch (err) {
      conn.fail(err as Error);
      throw err;
    }
    return conn;
  }

  private connectSocket(): Promise<void> {
    const { host, port, security, connectTimeoutMs, maxResponseBytes } = this.options;
    return new Promise((resolve, reject) => {
      const reader = new FrameReader(
        (frame) => this.onFrame(frame),
        maxResponseBytes,
        (err) => this.fail(new ConnectionError(err.message, this.address)),
      );
      const tls = security.tls;
      // TCP: responses are read into buffers of their own (onread); TLS decrypts into chunks, which
      // are copied into the same frame buffers. SNI carries a host name, never an address (RFC 6066).
      const socket =
        tls === null
          ? connect({ host, port, onread: { buffer: () => reader.next(), callback: (n: number) => reader.onRead(n) } })
          : connectTls({ ...tls, host, port, servername: tls.servername ?? (isIP(host) === 0 ? host : undefined) });
      if (tls !== null) socket.on('data', (chunk: Buffer) => feed(reader, chunk));
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new ConnectionError(`connect timed out after ${connectTimeoutMs} ms`, this.address));
      }, connectTimeoutMs);
      socket.once(tls === null ? 'connect' : 'secureConnect', () => {
        clearTimeout(timer);
        this.socket = socket;
        socket.setNoDelay(true);
        socket.on('error', (err) => this.fail(new ConnectionError(err.message, this.address, { cause: err })));
        socket.on('close', () => this.fail(new ConnectionError('connection closed by the broker', this.address)));
        resolve();
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(new ConnectionError(`cannot connect: ${err.message}`, this.address, { cause: err }));
      });
    });
  }

  /**
   * ApiVersions at our highest version; a broker that does not know it answers UNSUPPORTED_VERSION
   * with its own range for ApiVersions (KIP-511), and we ask again at that version.
   */
  private async negotiateVersions(): Promise<void> {
    let version = API_KEYS[ApiKey.ApiVersions].validVersions.max;
    for (let attempt = 0; attempt < 2; attempt++) {
      const r = await this.request(ApiKey.ApiVersions, version, {
        clientSoftwareName: CLIENT_SOFTWARE_NAME,
        clientSoftwareVersion: CLIENT_SOFTWARE_VERSION,
      });
      if (r.errorCode === ErrorCode.UNSUPPORTED_VERSION) {
        const theirs = r.apiKeys.find((k) => k.apiKey === ApiKey.ApiVersions);
        version = Math.min(version - 1, theirs?.maxVersion ?? 0);
        if (version < 0) break;
        continue;
      }
      if (r.errorCode !== ErrorCode.NONE) throw new KafkaError(r.errorCode, `ApiVersions from ${this.address}`);
      this.versions = new Map(r.apiKeys.map((k) => [k.apiKey, { min: k.minVersion, max: k.maxVersion }]));
      return;
    }
    throw new KafkaError(ErrorCode.UNSUPPORTED_VERSION, `${this.address} speaks no ApiVersions version we do`);
  }

  /** The highest version of `apiKey` both the broker and our codecs support; UNSUPPORTED_VERSION if none. */
  versionFor(apiKey: ApiKeyNumber): number {
    const v = highestCommonVersion(this.versions, apiKey);
    if (v === null) throw new KafkaError(ErrorCode.UNSUPPORTED_VERSION, `${this.address} does not support ${API_KEYS[apiKey].name}`);
    return v;
  }

  get isOpen(): boolean {
    return this.closedError === null;
  }

  /** Requests sent and not yet answered (for least-loaded choices and max.in.flight). */
  get inFlight(): number {
    return this.pending.length;
  }

  /** `timeoutMs` overrides request.timeout.ms for this request (JoinGroup waits up to the rebalance timeout). */
  request<K extends ApiKeyNumber>(apiKey: K, version: number, body: ApiRequestMap[K], timeoutMs?: number): Promise<ApiResponseMap[K]> {
    if (this.gate !== null) return this.gate.then(() => this.request(apiKey, version, body, timeoutMs));
    return this.dispatch(apiKey, version, body, timeoutMs);
  }

  private dispatch<K extends ApiKeyNumber>(
    apiKey: K,
    version: number,
    body: ApiRequestMap[K],
    timeoutMs?: number,
  ): Promise<ApiResponseMap[K]> {
    if (this.closedError !== null) return Promise.reject(this.closedError);
    this.lastUsed = Date.now();
    const correlationId = this.nextCorrelationId++;
    let chunks: Buffer[];
    try {
      chunks = encodeRequest(apiKey, version, correlationId, this.options.clientId, body);
    } catch (err) {
      return Promise.reject(this.encodeError(apiKey, version, err));
    }
    return new Promise((resolve, reject) => {
      this.pending.push({
        apiKey,
        version,
        correlationId,
        deadline: Date.now() + (timeoutMs ?? this.options.requestTimeoutMs),
        resolve: resolve as (b: unknown) => void,
        reject,
      });
      this.write(chunks);
      this.armTimer();
    });
  }

  /**
   * A request the broker does not answer (Produce with acks=0): written, never awaited. Resolves
   * once the bytes are handed to the socket.
   */
  send<K extends ApiKeyNumber>(apiKey: K, version: number, body: ApiRequestMap[K]): Promise<void> {
    if (this.gate !== null) return this.gate.then(() => this.send(apiKey, version, body));
    if (this.closedError !== null) return Promise.reject(this.closedError);
    let chunks: Buffer[];
    try {
      chunks = encodeRequest(apiKey, version, this.nextCorrelationId++, this.options.clientId, body);
    } catch (err) {
      return Promise.reject(this.encodeError(apiKey, version, err));
    }
    // resolves once the socket took the bytes (write callback), so a caller sending without answers
    // (acks=0) keeps at most its in-flight requests in memory instead of growing the socket's buffer
    return new Promise((resolve, reject) => this.write(chunks, (err) => (err ? reject(err) : resolve())));
  }

  /**
   * A request that cannot be encoded: a value this version cannot carry is Kafka's
   * UnsupportedVersionException (UNSUPPORTED_VERSION); anything else is a bad argument.
   */
  private encodeError(apiKey: ApiKeyNumber, version: number, err: unknown): Error {
    const what = `${API_KEYS[apiKey].name} v${version} to ${this.address}`;
    if (err instanceof UnsupportedVersionError)
      return new KafkaError(ErrorCode.UNSUPPORTED_VERSION, `${what}: ${err.message}`, { cause: err });
    return new InvalidArgumentError(`cannot encode ${what}: ${(err as Error).message}`, { cause: err });
  }

  /** KIP-368: log in again before the session's lifetime ends (0: no lifetime, nothing to do). */
  private scheduleReauthentication(lifetimeMs: number): void {
    if (lifetimeMs <= 0 || this.closedError !== null) return;
    this.reauthTimer = setTimeout(() => void this.reauthenticate(), lifetimeMs * (0.85 + Math.random() * 0.1));
    this.reauthTimer.unref();
  }

  private async reauthenticate(): Promise<void> {
    const login = this.options.security.sasl;
    if (login === null || this.closedError !== null) return;
    let open!: () => void;
    this.gate = new Promise((resolve) => (open = resolve));
    try {
      // Kafka re-authenticates on a connection with nothing in flight
      await new Promise<void>((resolve) => (this.pending.length === 0 ? resolve() : this.drainWaiters.push(resolve)));
      const channel = { request: this.dispatch.bind(this) };
      this.scheduleReauthentication(await saslAuthenticate(channel, login, this.versionFor(ApiKey.SaslAuthenticate)));
    } catch (err) {
      this.fail(err instanceof KafkaError ? err : new ConnectionError(`re-authentication failed: ${(err as Error).message}`, this.address));
    } finally {
      this.gate = null;
      open();
    }
  }

  private write(chunks: Buffer[], onFlushed?: (err?: Error | null) => void): void {
    // one writev for the frame's chunks
    this.socket.cork();
    for (let i = 0; i < chunks.length; i++) this.socket.write(chunks[i]!, i === chunks.length - 1 ? onFlushed : undefined);
    this.socket.uncork();
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
            new RequestTimeoutError(
              `${API_KEYS[oldest.apiKey].name} v${oldest.version} to ${this.address} unanswered by its deadline (request.timeout.ms ${this.options.requestTimeoutMs} ms)`,
            ),
          );
        else this.armTimer();
      },
      Math.max(0, head.deadline - Date.now()),
    );
    this.timer.unref();
  }

  private onFrame(frame: Buffer): void {
    this.lastUsed = Date.now();
    const p = this.pending.shift();
    if (p === undefined) {
      this.fail(new ConnectionError('a response without a request', this.address));
      return;
    }
    try {
      const decoded = decodeApiResponse(p.apiKey, p.version, frame);
      if (decoded.correlationId !== p.correlationId)
        throw new Error(`correlation id ${decoded.correlationId}, expected ${p.correlationId}`);
      p.resolve(decoded.body);
    } catch (err) {
      const e = new ConnectionError(
        `undecodable ${API_KEYS[p.apiKey].name} v${p.version} response: ${(err as Error).message}`,
        this.address,
      );
      p.reject(e);
      this.fail(e);
      return;
    }
    if (this.pending.length === 0) {
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
      for (const w of this.drainWaiters.splice(0)) w();
    }
  }

  private fail(err: Error): void {
    if (this.closedError !== null) return;
    this.closedError = err;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.reauthTimer !== null) clearTimeout(this.reauthTimer);
    for (const p of this.pending.splice(0)) p.reject(err);
    for (const w of this.drainWaiters.splice(0)) w();
    this.socket?.destroy();
    this.options.onClose?.(err, this);
  }

  close(): void {
    this.fail(new ConnectionError('connection closed by the client', this.address));
  }
}

/**
 * A broker asked for an ApiVersions version it does not know answers UNSUPPORTED_VERSION in the v0
 * format (KIP-511), whatever version was asked: as Kafka's ApiVersionsResponse.parse, a response
 * that does not parse at the version asked is read again as v0.
 */
function decodeApiResponse<K extends ApiKeyNumber>(apiKey: K, version: number, frame: Buffer): ReturnType<typeof decodeResponse<K>> {
  try {
    return decodeResponse(apiKey, version, frame);
  } catch (err) {
    if (apiKey !== ApiKey.ApiVersions || version === 0) throw err;
    return decodeResponse(apiKey, 0, frame);
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
