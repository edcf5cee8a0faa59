/**
 * Who is on the other end of a connection (Kafka's KafkaPrincipal, `User:…`) and how far its SASL
 * authentication has come (Kafka's SaslServerAuthenticator state): on a PLAINTEXT or SSL listener
 * the session is authenticated from the start — as `User:ANONYMOUS`, or as the client
 * certificate's subject (`User:CN=…,OU=…`) when TLS asked for one; on a SASL listener only
 * ApiVersions, SaslHandshake and SaslAuthenticate may come first.
 */
import type { ListenerSecurity } from '../config/security-config';
import type { SaslServer } from '../security/sasl/sasl-server';

export const ANONYMOUS = 'User:ANONYMOUS';

export class Session {
  principal: string;
  authenticated: boolean;
  /** Set by SaslHandshake: the mechanism's exchange, until it completes or fails. */
  exchange: SaslServer | null = null;
  /** SaslHandshake v0: the tokens that follow come as bare size-prefixed frames, not as requests. */
  rawTokens = false;
  /** KIP-368: when the session must have re-authenticated (epoch ms), null for never. */
  expiresAtMs: number | null = null;

  constructor(
    readonly listenerName: string,
    readonly security: ListenerSecurity,
    /** The TLS client certificate's principal, if there is one. */
    peerPrincipal: string | null,
  ) {
    this.principal = peerPrincipal ?? ANONYMOUS;
    this.authenticated = !(security.protocol === 'SASL_PLAINTEXT' || security.protocol === 'SASL_SSL');
  }

  get sasl(): boolean {
    return this.security.saslMechanisms.length > 0;
  }

  expired(nowMs: number): boolean {
    return this.expiresAtMs !== null && nowMs >= this.expiresAtMs;
  }
}

/**
 * A certificate subject as Kafka's default principal builder writes it: the RFC 2253 form of the
 * distinguished name (most specific first, `CN=alice,OU=eng,O=acme`), from Node's subject text
 * (one `KEY=value` per line, least specific first).
 */
export function principalFromSubject(subject: string): string {
  const escape = (v: string) =>
    v
      .replace(/([,+"\\<>;])/g, '\\$1')
      .replace(/^([ #])/, '\\$1')
      .replace(/ $/, '\\ ');
  const rdns = subject
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => {
      const eq = line.indexOf('=');
      return `${line.slice(0, eq)}=${escape(line.slice(eq + 1))}`;
    });
  return `User:${rdns.reverse().join(',')}`;
}
