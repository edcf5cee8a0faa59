/**
 * Decodes a request, runs its handler, encodes the answer — and turns failures into Kafka's
 * answers (DESIGN.md decision 6):
 *  - ApiVersions at a version newer than ours: a v0 response with UNSUPPORTED_VERSION listing our
 *    ApiVersions range (KIP-511), so the client can retry at a version we speak;
 *  - an unknown API key, an unsupported version or a frame that does not decode: the connection is
 *    closed, as Kafka does (it cannot know how to answer), and other connections go on;
 *  - a handler that throws: the API's error response with the KafkaError's code, or
 *    UNKNOWN_SERVER_ERROR (logged with its context) for anything unexpected.
 */
import {
  API_KEYS,
  ApiKey,
  DecodeError,
  ErrorCode,
  KafkaError,
  decodeRequest,
  encodeResponse,
  errorCodeOf,
  peekRequestIds,
  type ApiKeyNumber,
  type ApiRequestMap,
} from '@tarn/protocol';
import type { Logger } from '../logger';
import { LentBuffers, type BufferPool } from '../network/buffer-pool';
import type { Connection, ProcessResult, RequestProcessor } from '../network/connection';
import type { ApiVersionRange, BrokerServices, RequestObserver } from '../services';
import { CLOSE_CONNECTION, NO_RESPONSE, isClosingResponse, type Handler, type RequestContext } from './handler';
import { saslStep, saslStepInFlight } from './sasl-exchange';

/** What a connection of a SASL listener may send before it has authenticated. */
const BEFORE_AUTHENTICATION: ReadonlySet<number> = new Set([ApiKey.ApiVersions, ApiKey.SaslHandshake, ApiKey.SaslAuthenticate]);

function apiName(apiKey: number): string {
  return API_KEYS[apiKey as ApiKeyNumber]?.name ?? `API key ${apiKey}`;
}

export class RequestDispatcher implements RequestProcessor {
  private readonly handlers = new Map<number, Handler<ApiKeyNumber>>();
  private observers: RequestObserver[] = [];

  constructor(
    private readonly services: BrokerServices,
    handlers: ReadonlyArray<Handler<ApiKeyNumber>>,
    private readonly logger: Logger,
    private readonly buffers: BufferPool,
  ) {
    for (const h of handlers) this.handlers.set(h.apiKey, h);
  }

  /** The API versions this broker advertises in ApiVersions. */
  supportedVersions(): ApiVersionRange[] {
    return [...this.handlers.values()]
      .map((h) => ({ apiKey: h.apiKey, minVersion: h.minVersion, maxVersion: h.maxVersion }))
      .sort((a, b) => a.apiKey - b.apiKey);
  }

  observe(observer: RequestObserver): void {
    this.observers.push(observer);
  }

  async process(connection: Connection, frame: Buffer): Promise<ProcessResult> {
    const started = performance.now();
    const session = connection.session;
    // A SASL step still in flight (PLAIN's password check) decides how what follows is read: wait for it.
    const saslInFlight = saslStepInFlight(connection);
    if (saslInFlight !== undefined) await saslInFlight;
    if (session.rawTokens) return this.rawSaslToken(connection, frame);
    let ids: { apiKey: number; apiVersion: number; correlationId: number };
    try {
      ids = peekRequestIds(frame);
    } catch (err) {
      return { kind: 'close', reason: `undecodable request header: ${(err as Error).message}` };
    }
    // Kafka's SaslServerAuthenticator: before authentication only these; after a session's lifetime
    // (KIP-368) only a re-authentication
    if (!session.authenticated && !BEFORE_AUTHENTICATION.has(ids.apiKey)) {
      return { kind: 'close', reason: `unexpected Kafka request of type ${apiName(ids.apiKey)} during SASL authentication` };
    }
    if (
      session.expiresAtMs !== null &&
      session.expired(Date.now()) &&
      ids.apiKey !== ApiKey.SaslHandshake &&
      ids.apiKey !== ApiKey.SaslAuthenticate
    ) {
      return {
        kind: 'close',
        reason: `the SASL session of ${session.principal} expired (connections.max.reauth.ms) without re-authentication`,
      };
    }
    const handler = this.handlers.get(ids.apiKey);
    if (ids.apiKey === ApiKey.ApiVersions && handler !== undefined && ids.apiVersion > handler.maxVersion) {
      return this.apiVersionsFallback(ids.correlationId, handler);
    }
    if (handler === undefined) {
      return { kind: 'close', reason: `unknown or unsupported API key ${ids.apiKey} (v${ids.apiVersion})` };
    }
    if (ids.apiVersion < handler.minVersion || ids.apiVersion > handler.maxVersion) {
      return {
        kind: 'close',
        reason: `unsupported version ${ids.apiVersion} of API key ${ids.apiKey} (supported ${handler.minVersion}-${handler.maxVersion})`,
      };
    }
    let request;
    try {
      request = decodeRequest(frame);
    } catch (err) {
      const why = err instanceof DecodeError ? err.message : String(err);
      return { kind: 'close', reason: `malformed API key ${ids.apiKey} v${ids.apiVersion} request: ${why}` };
    }
    if (request.trailingBytes > 0) {
      this.logger.debug(
        { apiKey: ids.apiKey, apiVersion: ids.apiVersion, client: request.header.clientId, trailingBytes: request.trailingBytes },
        'ignored bytes after a request body',
      );
    }
    const lent = new LentBuffers(this.buffers);
    const ctx: RequestContext = {
      services: this.services,
      connection,
      header: request.header,
      apiVersion: ids.apiVersion,
      // bound, not an arrow: tsx names every arrow it creates (esbuild's keepNames), ~0.4 µs each
      responseBuffer: lent.take.bind(lent),
    };
    let result;
    let error: number = ErrorCode.NONE;
    try {
      result = await handler.handle(ctx, request.body as ApiRequestMap[ApiKeyNumber]);
    } catch (err) {
      error = errorCodeOf(err);
      if (!(err instanceof KafkaError)) {
        this.logger.error(
          { err, apiKey: ids.apiKey, apiVersion: ids.apiVersion, client: request.header.clientId, connection: connection.id },
          'unexpected error handling a request',
        );
      }
      result = handler.errorResponse(request.body as ApiRequestMap[ApiKeyNumber], error, (err as Error).message, ids.apiVersion);
    }
    for (const o of this.observers) o(ids.apiKey, ids.apiVersion, performance.now() - started, error);
    if (result === NO_RESPONSE || result === CLOSE_CONNECTION) {
      lent.release();
      return result === NO_RESPONSE ? { kind: 'none' } : { kind: 'close', reason: 'acks=0 produce request failed' };
    }
    try {
      const { apiKey, apiVersion, correlationId } = ids;
      if (isClosingResponse(result)) {
        const chunks = encodeResponse(apiKey as ApiKeyNumber, apiVersion, correlationId, result.response as never);
        return { kind: 'response', chunks, thenClose: result.closeAfter };
      }
      const chunks = encodeResponse(apiKey as ApiKeyNumber, apiVersion, correlationId, result as never);
      return { kind: 'response', chunks, written: lent.releaseWhenWritten() };
    } catch (err) {
      lent.release();
      // e.g. a string that was invalid UTF-8 in the request grows when echoed back (each bad byte
      // becomes U+FFFD, 3 bytes) past what its length prefix can say; Kafka, too, cannot answer it.
      // The close line (rate-limited) says why.
      return { kind: 'close', reason: `cannot encode the API key ${ids.apiKey} v${ids.apiVersion} response: ${(err as Error).message}` };
    }
  }

  /**
   * After a v0 SaslHandshake the client's SASL tokens come as bare size-prefixed frames and the
   * answers go back the same way (Kafka 0.10.0's protocol); a failure just closes the connection.
   */
  private async rawSaslToken(connection: Connection, token: Buffer): Promise<ProcessResult> {
    const step = await saslStep(this.services, connection, token);
    if (!step.ok) return { kind: 'close', reason: `authentication failed: ${step.message}` };
    const size = Buffer.allocUnsafe(4);
    size.writeInt32BE(step.response.length, 0);
    return { kind: 'response', chunks: [size, step.response] };
  }

  private apiVersionsFallback(correlationId: number, handler: Handler<ApiKeyNumber>): ProcessResult {
    const body = {
      errorCode: ErrorCode.UNSUPPORTED_VERSION,
      apiKeys: [{ apiKey: ApiKey.ApiVersions, minVersion: handler.minVersion, maxVersion: handler.maxVersion }],
      throttleTimeMs: 0,
      supportedFeatures: [],
      finalizedFeaturesEpoch: -1n,
      finalizedFeatures: [],
      zkMigrationReady: false,
    };
    return { kind: 'response', chunks: encodeResponse(ApiKey.ApiVersions, 0, correlationId, body) };
  }
}
