// SaslHandshake v0-1: the client names a mechanism. v0: the SASL tokens that follow travel as bare
// size-prefixed frames (Kafka 0.10.0 clients); v1: inside SaslAuthenticate requests. On a
// listener without SASL, or once authenticated (re-authentication, KIP-368, needs v1), the answer
// is ILLEGAL_SASL_STATE; an unknown mechanism is UNSUPPORTED_SASL_MECHANISM with the enabled ones,
// and the connection closes after the answer, as Kafka's SaslServerAuthenticator does.
import { ApiKey, ErrorCode, SaslHandshakeResponseTypes } from '@tarn/protocol';
import { closingResponse, defineHandler } from './handler';
import { newSaslServer } from './sasl-servers';

export const saslHandshake = defineHandler({
  apiKey: ApiKey.SaslHandshake,
  minVersion: 0,
  maxVersion: 1,
  handle(ctx, req) {
    const session = ctx.connection.session;
    const mechanisms = session.security.saslMechanisms;
    const answer = (errorCode: number) => ({ ...SaslHandshakeResponseTypes.defaultSaslHandshakeResponse(), errorCode, mechanisms });
    if (!session.sasl || session.exchange !== null || (session.authenticated && ctx.apiVersion < 1)) {
      return closingResponse(answer(ErrorCode.ILLEGAL_SASL_STATE), 'SaslHandshake in the wrong state');
    }
    if (!mechanisms.includes(req.mechanism as never)) {
      return closingResponse(
        answer(ErrorCode.UNSUPPORTED_SASL_MECHANISM),
        `unsupported SASL mechanism ${req.mechanism} (enabled: ${mechanisms.join(', ')})`,
      );
    }
    session.exchange = newSaslServer(ctx.services, req.mechanism, session.authenticated);
    session.rawTokens = ctx.apiVersion === 0;
    return answer(ErrorCode.NONE);
  },
  errorResponse: (_req, code) => ({ ...SaslHandshakeResponseTypes.defaultSaslHandshakeResponse(), errorCode: code }),
});
