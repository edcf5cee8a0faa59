/**
 * Kafka's SaslAuthenticationException: a failed SASL exchange. The message is what the client receives
 * in SaslAuthenticate's error_message (error code SASL_AUTHENTICATION_FAILED), after which the connection
 * is closed. `reason` is the broker's own account for a debug log line; like the message it never holds
 * a password, a proof, a key or a raw client message.
 *
 * Kafka's SaslServerAuthenticator.handleSaslToken passes a SaslAuthenticationException's message to the
 * client verbatim, but replaces the message of any other SaslException — unknown user, wrong proof, bad
 * nonce, malformed SCRAM message — with one that names only the mechanism, so a client cannot learn
 * whether a user exists: invalidCredentials() builds that one.
 */
import { ErrorCode, KafkaError } from '@tarn/protocol';

export class SaslAuthenticationError extends KafkaError {
  readonly reason: string;

  constructor(message: string, reason: string = message) {
    super(ErrorCode.SASL_AUTHENTICATION_FAILED, message);
    this.reason = reason;
  }

  /** Kafka's generic refusal, for failures whose cause must not reach the client. */
  static invalidCredentials(mechanism: string, reason: string, reauthenticating = false): SaslAuthenticationError {
    const phase = reauthenticating ? 're-authentication' : 'authentication';
    return new SaslAuthenticationError(
      `Authentication failed during ${phase} due to invalid credentials with SASL mechanism ${mechanism}`,
      reason,
    );
  }
}
