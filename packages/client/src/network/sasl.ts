/**
 * SASL login on a fresh connection, as Kafka's SaslClientAuthenticator: SaslHandshake (v1, so the
 * tokens travel in SaslAuthenticate requests, KIP-152), then PLAIN in one exchange or SCRAM in two.
 * A refusal is an AuthenticationError carrying the broker's error name and message. Resolves to
 * the session's lifetime the broker set (KIP-368, connections.max.reauth.ms; 0: no limit).
 */
import { ApiKey, ErrorCode, type ApiKeyNumber, type ApiRequestMap, type ApiResponseMap } from '@tarn/protocol';
import { AuthenticationError } from '../errors';
import type { SaslLogin } from '../config/security-config';
import { ScramClient } from './scram';

export interface RequestChannel {
  request<K extends ApiKeyNumber>(apiKey: K, version: number, body: ApiRequestMap[K]): Promise<ApiResponseMap[K]>;
}

export async function saslAuthenticate(conn: RequestChannel, login: SaslLogin, authenticateVersion: number): Promise<number> {
  const handshake = await conn.request(ApiKey.SaslHandshake, 1, { mechanism: login.mechanism });
  if (handshake.errorCode !== ErrorCode.NONE)
    throw new AuthenticationError(
      handshake.errorCode,
      `${login.mechanism} refused; the listener offers ${handshake.mechanisms.join(', ') || 'none'}`,
    );
  let lifetimeMs = 0;
  const step = async (bytes: Buffer): Promise<Buffer> => {
    const r = await conn.request(ApiKey.SaslAuthenticate, authenticateVersion, { authBytes: bytes });
    if (r.errorCode !== ErrorCode.NONE)
      throw new AuthenticationError(
        r.errorCode,
        `login as ${login.username} (${login.mechanism}) failed${r.errorMessage ? `: ${r.errorMessage}` : ''}`,
      );
    lifetimeMs = Number(r.sessionLifetimeMs);
    return r.authBytes;
  };
  if (login.mechanism === 'PLAIN') {
    await step(Buffer.from(`\u0000${login.username}\u0000${login.password}`, 'utf8'));
    return lifetimeMs;
  }
  const scram = new ScramClient(login.mechanism, login.username, login.password);
  const serverFirst = await step(scram.firstMessage());
  const serverFinal = await step(await scram.finalMessage(serverFirst));
  try {
    scram.verifyServerFinal(serverFinal);
  } catch (err) {
    throw new AuthenticationError(ErrorCode.SASL_AUTHENTICATION_FAILED, (err as Error).message);
  }
  return lifetimeMs;
}
