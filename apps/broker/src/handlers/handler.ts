/**
 * What a request handler is: the API it serves, the versions tarn advertises for it (DESIGN.md
 * decision 1), the handling itself, and the response Kafka gives when handling fails with an error
 * code (each API puts that code in its own places).
 */
import type { ApiKeyNumber, ApiRequestMap, ApiResponseMap, RequestHeader } from '@tarn/protocol';
import type { Connection } from '../network/connection';
import type { BrokerServices } from '../services';

export interface RequestContext {
  services: BrokerServices;
  connection: Connection;
  header: RequestHeader;
  apiVersion: number;
  /**
   * A buffer for bytes the response carries as they are (a fetch's records): reused once the
   * response has been written, so nothing may keep it past that.
   */
  responseBuffer(length: number): Buffer;
}

/** acks=0 produce: nothing goes back. */
export const NO_RESPONSE = Symbol('no response');
/** acks=0 produce that failed: Kafka closes the connection so the client notices. */
export const CLOSE_CONNECTION = Symbol('close connection');

/** An answer after which the connection closes (a failed or refused authentication). */
export interface ClosingResponse<R> {
  readonly closeAfter: string;
  readonly response: R;
}

export function closingResponse<R>(response: R, reason: string): ClosingResponse<R> {
  return { closeAfter: reason, response };
}

export function isClosingResponse(r: unknown): r is ClosingResponse<unknown> {
  return typeof r === 'object' && r !== null && 'closeAfter' in r && 'response' in r && Object.keys(r).length === 2;
}

export type HandlerResult<K extends ApiKeyNumber> =
  ApiResponseMap[K] | ClosingResponse<ApiResponseMap[K]> | typeof NO_RESPONSE | typeof CLOSE_CONNECTION;

export interface Handler<K extends ApiKeyNumber> {
  apiKey: K;
  minVersion: number;
  maxVersion: number;
  handle(ctx: RequestContext, request: ApiRequestMap[K]): Promise<HandlerResult<K>> | HandlerResult<K>;
  errorResponse(request: ApiRequestMap[K], code: number, message: string, apiVersion: number): ApiResponseMap[K];
}

/** Helps a handler module keep its key's request and response types together. */
export function defineHandler<K extends ApiKeyNumber>(h: Handler<K>): Handler<K> {
  return h;
}
