/**
 * The client side of SCRAM (RFC 5802/7677), for a broker logging in to another (replication over
 * a SASL listener): client-first `n,,n=<user>,r=<nonce>`, then the proof, then the server's
 * signature is checked — a server that cannot prove it knows the credential is refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { clientKey, hmac, saltedPasswordAsync, saslName, serverKey, storedKey, xor } from './scram-formatter';
import type { ScramMechanism } from './scram-mechanism';

const GS2_HEADER = 'n,,';

export class ScramClient {
  private readonly nonce = randomBytes(24).toString('base64');
  private clientFirstBare = '';
  private expectedServerSignature: Buffer | null = null;

  constructor(
    readonly mechanism: ScramMechanism,
    private readonly username: string,
    private readonly password: string,
  ) {}

  firstMessage(): Buffer {
    this.clientFirstBare = `n=${saslName(this.username)},r=${this.nonce}`;
    return Buffer.from(GS2_HEADER + this.clientFirstBare, 'utf8');
  }

  /** The client-final message for the server-first one; Hi() runs in the thread pool. */
  async finalMessage(serverFirst: Buffer): Promise<Buffer> {
    const text = serverFirst.toString('utf8');
    const attrs = new Map(text.split(',').map((kv) => [kv.slice(0, 1), kv.slice(2)]));
    const nonce = attrs.get('r');
    const salt = attrs.get('s');
    const iterations = Number(attrs.get('i'));
    if (nonce === undefined || !nonce.startsWith(this.nonce) || salt === undefined || !Number.isInteger(iterations) || iterations <= 0) {
      throw new Error(`invalid SCRAM server-first message from the server`);
    }
    const salted = await saltedPasswordAsync(this.mechanism, this.password, Buffer.from(salt, 'base64'), iterations);
    const withoutProof = `c=${Buffer.from(GS2_HEADER).toString('base64')},r=${nonce}`;
    const authMessage = Buffer.from(`${this.clientFirstBare},${text},${withoutProof}`, 'utf8');
    const key = clientKey(this.mechanism, salted);
    const signature = hmac(this.mechanism, storedKey(this.mechanism, key), authMessage);
    this.expectedServerSignature = hmac(this.mechanism, serverKey(this.mechanism, salted), authMessage);
    return Buffer.from(`${withoutProof},p=${xor(key, signature).toString('base64')}`, 'utf8');
  }

  /** Checks the server-final message; throws unless it carries the expected signature. */
  verifyServerFinal(serverFinal: Buffer): void {
    const text = serverFinal.toString('utf8');
    if (text.startsWith('e=')) throw new Error(`SCRAM authentication failed: ${text.slice(2)}`);
    const v = text.startsWith('v=') ? Buffer.from(text.slice(2), 'base64') : Buffer.alloc(0);
    if (
      this.expectedServerSignature === null ||
      v.length !== this.expectedServerSignature.length ||
      !timingSafeEqual(v, this.expectedServerSignature)
    ) {
      throw new Error('SCRAM authentication failed: the server signature does not match');
    }
  }
}
