/**
 * The server side of one SASL exchange on one connection, as javax.security.sasl.SaslServer is to
 * Kafka's SaslServerAuthenticator: each SaslAuthenticate request's auth_bytes go to evaluate(), whose
 * response becomes the response's auth_bytes. A new instance serves each exchange, re-authentication
 * (KIP-368) included.
 *
 * evaluate() throws SaslAuthenticationError when the client is refused (answer SASL_AUTHENTICATION_FAILED
 * with its message, then close the connection), and KafkaError(ILLEGAL_SASL_STATE) when it is called after
 * the exchange has completed or failed, which Kafka treats as a broken connection and closes without an answer.
 * evaluate() may answer with a promise (PLAIN checks the password with Hi() in the thread pool); it then
 * rejects with those errors instead of throwing. SCRAM needs no Hi() on the server and answers directly.
 */
import type { SaslMechanism } from '../../config/security-config';

export interface SaslEvaluation {
  /** auth_bytes for the client: a SCRAM challenge or final message; empty for PLAIN. */
  response: Buffer;
  /** The client is authenticated once this is true; authorizationId is then set. */
  complete: boolean;
  authorizationId?: string;
}

export interface SaslServer {
  readonly mechanism: SaslMechanism;
  evaluate(clientMessage: Buffer): SaslEvaluation | Promise<SaslEvaluation>;
  isComplete(): boolean;
  /** The authenticated user, the principal's name (User:<id>); throws before the exchange completes. */
  authorizationId(): string;
}
