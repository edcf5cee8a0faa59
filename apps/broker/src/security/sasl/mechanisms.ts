/**
 * The SASL mechanisms tarn serves and the factory SaslHandshake uses to start an exchange, as Kafka's
 * SaslServerAuthenticator.createSaslServer picks a SaslServer by mechanism name: PLAIN (RFC 4616) and
 * SCRAM-SHA-256 / SCRAM-SHA-512 (RFC 5802, RFC 7677). GSSAPI and OAUTHBEARER are not offered.
 *
 * Both mechanisms authenticate against the same users: PLAIN checks a password against the user's SCRAM
 * credential (strongest first), since tarn keeps one user store where Kafka's PLAIN reads a JAAS file.
 */
import { ErrorCode, KafkaError } from '@tarn/protocol';
import type { SaslMechanism } from '../../config/security-config';
import { PLAIN_MECHANISM, PlainSaslServer, type PlainAuthenticate } from './plain-server';
import { verifyPassword } from './scram-credential';
import { isScramMechanism, type ScramMechanism } from './scram-mechanism';
import { ScramSaslServer, type ScramCredentialLookup } from './scram-server';
import type { SaslServer } from './sasl-server';

export type { SaslEvaluation, SaslServer } from './sasl-server';
export { SaslAuthenticationError } from './sasl-authentication-error';

export const SASL_MECHANISMS: readonly SaslMechanism[] = [PLAIN_MECHANISM, 'SCRAM-SHA-256', 'SCRAM-SHA-512'];

export function isSaslMechanism(name: string): name is SaslMechanism {
  return (SASL_MECHANISMS as readonly string[]).includes(name);
}

export interface SaslServerDeps {
  /** The user's SCRAM credential for a mechanism, from the metadata store. */
  scramCredential: ScramCredentialLookup;
  /** PLAIN's password check; by default the password is checked against the user's SCRAM credential. */
  verifyPlain?: PlainAuthenticate;
  /** Tests only: the server's part of the SCRAM nonce. */
  serverNonce?: () => string;
  /** KIP-368 re-authentication: Kafka's refusal then says "during re-authentication". */
  reauthenticating?: boolean;
}

/**
 * A new server for one exchange. A name that is not a supported mechanism (names are case-sensitive, as in
 * Kafka) is UNSUPPORTED_SASL_MECHANISM with Kafka's message; whether the listener enables the mechanism
 * (`sasl.enabled.mechanisms`) is for SaslHandshake to check first.
 */
export function createSaslServer(mechanism: string, deps: SaslServerDeps): SaslServer {
  if (mechanism === PLAIN_MECHANISM) {
    return new PlainSaslServer({ authenticate: deps.verifyPlain ?? plainAuthenticateWithScram(deps.scramCredential) });
  }
  if (isScramMechanism(mechanism)) {
    return new ScramSaslServer(mechanism, {
      credentials: deps.scramCredential,
      serverNonce: deps.serverNonce,
      reauthenticating: deps.reauthenticating,
    });
  }
  throw new KafkaError(ErrorCode.UNSUPPORTED_SASL_MECHANISM, `Unsupported SASL mechanism ${mechanism}`);
}

/** PLAIN checks the strongest credential the user has, one Hi() per login. */
const PLAIN_CHECK_ORDER: readonly ScramMechanism[] = ['SCRAM-SHA-512', 'SCRAM-SHA-256'];

/**
 * A PLAIN verifier over SCRAM credentials: the password must match the user's strongest credential. Hi()
 * runs in the thread pool; an unknown user is refused at once.
 */
export function plainAuthenticateWithScram(lookup: ScramCredentialLookup): (username: string, password: string) => Promise<boolean> {
  return async (username, password) => {
    for (const mechanism of PLAIN_CHECK_ORDER) {
      const credential = lookup(username, mechanism);
      if (credential !== undefined) return verifyPassword(credential, mechanism, password);
    }
    return false;
  };
}
