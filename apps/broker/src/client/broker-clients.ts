/**
 * Requests from this broker to another one, on its inter-broker listener (Kafka's
 * InterBrokerSendThread users: the transaction coordinator sending WriteTxnMarkers to partition
 * leaders, and partition leaders asking a coordinator to verify a transaction, KIP-890). One
 * connection per broker, opened on first use and again after a failure; a request that fails closes
 * the connection and rejects, and the caller decides whether to retry.
 */
import type { ApiKeyNumber, ApiRequestMap, ApiResponseMap } from '@tarn/protocol';
import { KafkaClientConnection, type ClientSecurity } from './kafka-client';

export interface BrokerEndpoint {
  host: string;
  port: number;
}

export class BrokerClients {
  private readonly connections = new Map<number, Promise<KafkaClientConnection>>();
  private closed = false;

  constructor(
    /** The broker's inter-broker listener address, or null when the broker is unknown. */
    private readonly endpoint: (nodeId: number) => BrokerEndpoint | null,
    private readonly clientId: string,
    private readonly security: ClientSecurity | null,
    private readonly requestTimeoutMs: number,
  ) {}

  private connection(nodeId: number): Promise<KafkaClientConnection> {
    let conn = this.connections.get(nodeId);
    if (conn === undefined) {
      const ep = this.endpoint(nodeId);
      if (ep === null) return Promise.reject(new Error(`no endpoint known for broker ${nodeId}`));
      conn = KafkaClientConnection.open(ep.host, ep.port, this.clientId, {
        requestTimeoutMs: this.requestTimeoutMs,
        security: this.security ?? undefined,
      });
      this.connections.set(nodeId, conn);
      conn.catch(() => this.connections.delete(nodeId));
    }
    return conn;
  }

  async request<K extends ApiKeyNumber>(nodeId: number, apiKey: K, version: number, body: ApiRequestMap[K]): Promise<ApiResponseMap[K]> {
    if (this.closed) throw new Error('closed');
    const pending = this.connection(nodeId);
    const conn = await pending;
    try {
      if (!conn.isOpen) throw new Error(`connection to broker ${nodeId} closed`);
      return await conn.request(apiKey, version, body);
    } catch (err) {
      conn.close();
      if (this.connections.get(nodeId) === pending) this.connections.delete(nodeId);
      throw err;
    }
  }

  close(): void {
    this.closed = true;
    for (const conn of this.connections.values())
      void conn.then(
        (c) => c.close(),
        () => {},
      );
    this.connections.clear();
  }
}
