/**
 * The consumer's own connection to its group coordinator, as Kafka's Java client keeps one apart
 * from the fetch connection to the same broker: a JoinGroup may wait for the whole rebalance, and
 * a broker answers one connection's requests in order, so group traffic must not queue behind
 * fetches (or fetches behind a JoinGroup). Built on the client's BrokerConnection; the coordinator
 * is looked up through the Cluster and forgotten on NOT_COORDINATOR / COORDINATOR_NOT_AVAILABLE.
 */
import type { ApiKeyNumber, ApiRequestMap, ApiResponseMap } from '@tarn/protocol';
import type { Cluster } from '../cluster/cluster';
import { ConnectionError, ErrorCode, KafkaError } from '../errors';
import { BrokerConnection } from '../network/broker-connection';

const COORDINATOR_ERRORS = new Set<number>([ErrorCode.NOT_COORDINATOR, ErrorCode.COORDINATOR_NOT_AVAILABLE]);

export class CoordinatorConnection {
  private conn: BrokerConnection | null = null;
  private opening: Promise<BrokerConnection> | null = null;
  coordinatorId: number | null = null;

  constructor(
    private readonly cluster: Cluster,
    private readonly groupId: string,
  ) {}

  private async connection(): Promise<BrokerConnection> {
    if (this.conn?.isOpen) return this.conn;
    this.opening ??= (async () => {
      try {
        const id = await this.cluster.findCoordinator('GROUP', this.groupId);
        const b = this.cluster.metadata.brokers.get(id);
        if (b === undefined) throw new KafkaError(ErrorCode.COORDINATOR_NOT_AVAILABLE, `coordinator ${id} unknown`);
        const c = this.cluster.config;
        const conn = await BrokerConnection.open({
          host: b.host,
          port: b.port,
          clientId: c.clientId,
          security: c.security,
          connectTimeoutMs: c.connectionSetupTimeoutMs,
          requestTimeoutMs: c.requestTimeoutMs,
          maxResponseBytes: c.receiveMessageMaxBytes,
          // may run inside open() (the broker closed the socket during the handshake): no `conn` yet
          onClose: (_err, closed) => {
            if (this.conn === closed) this.conn = null;
          },
        });
        this.conn = conn;
        this.coordinatorId = id;
        return conn;
      } catch (err) {
        this.markUnknown();
        throw err;
      } finally {
        this.opening = null;
      }
    })();
    return this.opening;
  }

  /** Forget the coordinator: the next request looks it up again. */
  markUnknown(): void {
    this.cluster.invalidateCoordinator('GROUP', this.groupId);
    this.coordinatorId = null;
    this.conn?.close();
    this.conn = null;
  }

  async versionFor(apiKey: ApiKeyNumber): Promise<number> {
    return (await this.connection()).versionFor(apiKey);
  }

  /**
   * A request to the coordinator; a top-level NOT_COORDINATOR / COORDINATOR_NOT_AVAILABLE or a
   * broken connection forgets the coordinator before the (retriable) error is thrown.
   */
  async request<K extends ApiKeyNumber>(
    apiKey: K,
    body: (version: number) => ApiRequestMap[K],
    timeoutMs?: number,
  ): Promise<ApiResponseMap[K]> {
    const conn = await this.connection();
    const version = conn.versionFor(apiKey);
    try {
      const response = await conn.request(apiKey, version, body(version), timeoutMs);
      const code = (response as { errorCode?: number }).errorCode;
      if (code !== undefined && COORDINATOR_ERRORS.has(code)) {
        this.markUnknown();
        throw new KafkaError(code, `group ${this.groupId}`);
      }
      return response;
    } catch (err) {
      if (err instanceof ConnectionError) this.markUnknown();
      throw err;
    }
  }

  close(): void {
    this.conn?.close();
    this.conn = null;
  }
}
