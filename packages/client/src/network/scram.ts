/**
 * The client side of SCRAM-SHA-256/512 (RFC 5802, RFC 7677) as Kafka's ScramSaslClient: client-first
 * `n,,n=<user>,r=<nonce>`, the proof from the salted password, then the server's signature is
 * checked, so a server that does not hold the credential is refused. Hi() (PBKDF2, 4096+ rounds)
 * runs in libuv's thread pool, not on the event loop.
 */
import { createHash, createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);
const GS2_HEADER = 'n,,';
/** Kafka's ScramMechanism caps iterations at 16384; a server asking for more is refused, not obeyed. */
const MAX_ITERATIONS = 16_384;

export type ScramMechanism = 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

export class ScramClient {
  private readonly nonce = randomBytes(24).toString('base64');
  private clientFirstBare = '';
  private expectedServerSignature: Buffer | null = null;
  private readonly hash: 'sha256' | 'sha512';

  constructor(
    mechanism: ScramMechanism,
    private readonly username: string,
    private readonly password: string,
  ) {
    this.hash = mechanism === 'SCRAM-SHA-256' ? 'sha256' : 'sha512';
  }

  firstMessage(): Buffer {
    // RFC 5802 §5.1: ',' and '=' in a name are escaped
    const name = this.username.replace(/=/g, '=3D').replace(/,/g, '=2C');
    this.clientFirstBare = `n=${name},r=${this.nonce}`;
    return Buffer.from(GS2_HEADER + this.clientFirstBare, 'utf8');
  }

  async finalMessage(serverFirst: Buffer): Promise<Buffer> {
    const text = serverFirst.toString('utf8');
    const attrs = new Map(text.split(',').map((kv) => [kv.slice(0, 1), kv.slice(2)]));
    const nonce = attrs.get('r');
    const salt = attrs.get('s');
    const iterations = Number(attrs.get('i'));
    if (nonce === undefined || !nonce.startsWith(this.nonce) || salt === undefined || !Number.isInteger(iterations) || iterations <= 0)
      throw new Error('invalid SCRAM server-first message');
    if (iterations > MAX_ITERATIONS) throw new Error(`SCRAM iterations ${iterations} above ${MAX_ITERATIONS}`);
    const keyLength = this.hash === 'sha256' ? 32 : 64;
    const salted = await pbkdf2Async(this.password.normalize('NFKC'), Buffer.from(salt, 'base64'), iterations, keyLength, this.hash);
    const withoutProof = `c=${Buffer.from(GS2_HEADER).toString('base64')},r=${nonce}`;
    const authMessage = `${this.clientFirstBare},${text},${withoutProof}`;
    const clientKey = this.hmac(salted, 'Client Key');
    const storedKey = createHash(this.hash).update(clientKey).digest();
    const signature = this.hmac(storedKey, authMessage);
    const proof = Buffer.alloc(clientKey.length);
    for (let i = 0; i < proof.length; i++) proof[i] = clientKey[i]! ^ signature[i]!;
    this.expectedServerSignature = this.hmac(this.hmac(salted, 'Server Key'), authMessage);
    return Buffer.from(`${withoutProof},p=${proof.toString('base64')}`, 'utf8');
  }

  verifyServerFinal(serverFinal: Buffer): void {
    const text = serverFinal.toString('utf8');
    if (text.startsWith('e=')) throw new Error(`SCRAM authentication failed: ${text.slice(2)}`);
    const v = text.startsWith('v=') ? Buffer.from(text.slice(2), 'base64') : Buffer.alloc(0);
    const expected = this.expectedServerSignature;
    if (expected === null || v.length !== expected.length || !timingSafeEqual(v, expected))
      throw new Error('SCRAM authentication failed: the server signature does not match');
  }

  private hmac(key: Buffer, data: string): Buffer {
    return createHmac(this.hash, key).update(data, 'utf8').digest();
  }
}
