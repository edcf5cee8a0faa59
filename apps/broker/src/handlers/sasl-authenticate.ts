// SaslAuthenticate v0-2: one SASL token each way (after a v1 SaslHandshake). v1 adds
// session_lifetime_ms (KIP-368: the client re-authenticates before it ends); v2 is flexible. A
// failed authentication is answered SASL_AUTHENTICATION_FAILED after
// connection.failed.authentication.delay.ms, then the connection closes.
import { ApiKey, ErrorCode, SaslAuthenticateResponseTypes } from '@tarn/protocol';
import { closingResponse, defineHandler } from './handler';
import { saslStep } from './sasl-exchange';

const EMPTY = Buffer.alloc(0);

export const saslAuthenticate = defineHandler({
  apiKey: ApiKey.SaslAuthenticate,
  minVersion: 0,
  maxVersion: 2,
  async handle(ctx, req) {
    const base = SaslAuthenticateResponseTypes.defaultSaslAuthenticateResponse();
    if (ctx.connection.session.rawTokens) {
      return closingResponse(
        { ...base, errorCode: ErrorCode.ILLEGAL_SASL_STATE, errorMessage: 'SaslAuthenticate after a v0 SaslHandshake', authBytes: EMPTY },
        'SaslAuthenticate after a v0 SaslHandshake',
      );
    }
    const step = await saslStep(ctx.services, ctx.connection, req.authBytes);
    if (!step.ok) {
      await new Promise((r) => setTimeout(r, ctx.services.config.failedAuthenticationDelayMs));
      return closingResponse(
        { ...base, errorCode: step.errorCode, errorMessage: step.message, authBytes: EMPTY },
        `authentication failed: ${step.message}`,
      );
    }
    return {
      ...base,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      authBytes: step.response,
      sessionLifetimeMs: BigInt(step.sessionLifetimeMs),
    };
  },
  errorResponse: (_req, code, message) => ({
    ...SaslAuthenticateResponseTypes.defaultSaslAuthenticateResponse(),
    errorCode: code,
    errorMessage: message,
    authBytes: EMPTY,
  }),
});
