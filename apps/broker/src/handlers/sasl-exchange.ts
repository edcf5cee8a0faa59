// One step of a SASL exchange, for SaslAuthenticate and for the bare tokens that follow a v0
// SaslHandshake: the client's token goes to the mechanism's server; when the exchange completes
// the connection's principal becomes `User:<name>` and, with connections.max.reauth.ms, its
// session gets a lifetime (KIP-368). A re-authentication must keep the principal. A failure is
// logged with the remote address and the reason — never a token or a password.
//
// A step may take a while: PLAIN checks the password with Hi() in the thread pool, off the event
// loop. Until the step has settled the session's state (principal, authenticated, rawTokens) is
// the old one, so the dispatcher holds back requests that arrive on the connection meanwhile
// (saslStepInFlight) — as if the step had been synchronous, and as Kafka's muted channel serves
// them after the authentication.
import { ErrorCode, KafkaError } from '@tarn/protocol';
import type { Connection } from '../network/connection';
import { LogRateLimiter } from '../network/log-rate-limiter';
import { SaslAuthenticationError } from '../security/sasl/sasl-authentication-error';
import type { BrokerServices } from '../services';

export type ExchangeStep =
  { ok: true; response: Buffer; complete: boolean; sessionLifetimeMs: number } | { ok: false; errorCode: number; message: string };

/** A flood of failed logins must not flood the log. */
const failureLog = new LogRateLimiter();

/** Each connection's step still being evaluated; it settles once the session's state is updated. */
const inFlight = new WeakMap<Connection, Promise<void>>();

/** The connection's SASL step still in flight, if any: requests that arrive meanwhile wait for it. */
export function saslStepInFlight(connection: Connection): Promise<void> | undefined {
  return inFlight.get(connection);
}

export function saslStep(services: BrokerServices, connection: Connection, token: Buffer): Promise<ExchangeStep> {
  const step = evaluateStep(services, connection, token);
  const settled = step.then(
    () => undefined,
    () => undefined,
  );
  inFlight.set(connection, settled);
  void settled.then(() => {
    if (inFlight.get(connection) === settled) inFlight.delete(connection);
  });
  return step;
}

async function evaluateStep(services: BrokerServices, connection: Connection, token: Buffer): Promise<ExchangeStep> {
  const session = connection.session;
  const exchange = session.exchange;
  if (exchange === null)
    return { ok: false, errorCode: ErrorCode.ILLEGAL_SASL_STATE, message: 'Unexpected SASL token: send SaslHandshake first' };
  try {
    const { response, complete } = await exchange.evaluate(token);
    if (!complete) return { ok: true, response, complete, sessionLifetimeMs: 0 };
    const principal = `User:${exchange.authorizationId()}`;
    if (session.authenticated && session.principal !== principal) {
      throw new SaslAuthenticationError(`Cannot change principals during re-authentication from ${session.principal}: ${principal}`);
    }
    session.principal = principal;
    session.authenticated = true;
    session.exchange = null;
    session.rawTokens = false;
    const lifetime = services.config.connectionsMaxReauthMs;
    session.expiresAtMs = lifetime > 0 ? Date.now() + lifetime : null;
    services.logger.debug(
      { principal, mechanism: exchange.mechanism, listener: connection.listenerName, remote: connection.remoteAddress },
      'authenticated',
    );
    return { ok: true, response, complete, sessionLifetimeMs: lifetime };
  } catch (err) {
    session.exchange = null;
    const failed = err instanceof SaslAuthenticationError;
    const errorCode = failed
      ? ErrorCode.SASL_AUTHENTICATION_FAILED
      : err instanceof KafkaError
        ? err.code
        : ErrorCode.SASL_AUTHENTICATION_FAILED;
    const message = failed || err instanceof KafkaError ? (err as Error).message : 'Authentication failed';
    const reason = failed ? (err as SaslAuthenticationError).reason : message;
    failureLog.log(
      services.logger,
      { remote: connection.remoteAddress, listener: connection.listenerName, mechanism: exchange.mechanism, reason },
      'failed authentication',
    );
    return { ok: false, errorCode, message };
  }
}
