/**
 * Logging in to a SASL listener as a client (a follower fetching from its leader over the
 * inter-broker listener): SaslHandshake v1, then SaslAuthenticate exchanges — PLAIN in one, SCRAM
 * in two, with the server's signature checked.
 */
import { ApiKey, ErrorCode, errorName, type ApiKeyNumber, type ApiRequestMap, type ApiResponseMap } from '@tarn/protocol';
import { ScramClient } from '../security/sasl/scram-client';

/** What a login needs of a connection: requests and their answers. */
export interface RequestChannel {
  request<K extends ApiKeyNumber>(apiKey: K, version: number, body: ApiRequestMap[K]): Promise<ApiResponseMap[K]>;
}

export interface SaslLogin {
  mechanism: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';
  username: string;
  password: string;
}

export async function authenticate(conn: RequestChannel, login: SaslLogin): Promise<void> {
  const handshake = await conn.request(ApiKey.SaslHandshake, 1, { mechanism: login.mechanism });
  if (handshake.errorCode !== ErrorCode.NONE)
    throw new Error(`SASL handshake refused: ${errorName(handshake.errorCode)} (the listener offers ${handshake.mechanisms.join(', ')})`);
  const step = async (bytes: Buffer): Promise<Buffer> => {
    const r = await conn.request(ApiKey.SaslAuthenticate, 1, { authBytes: bytes });
    if (r.errorCode !== ErrorCode.NONE)
      throw new Error(`SASL authentication as ${login.username} failed: ${errorName(r.errorCode)}: ${r.errorMessage ?? ''}`);
    return r.authBytes;
  };
  if (login.mechanism === 'PLAIN') {
    await step(Buffer.from(`\u0000${login.username}\u0000${login.password}`, 'utf8'));
    return;
  }
  const scram = new ScramClient(login.mechanism, login.username, login.password);
  const serverFirst = await step(scram.firstMessage());
  scram.verifyServerFinal(await step(await scram.finalMessage(serverFirst)));
}
