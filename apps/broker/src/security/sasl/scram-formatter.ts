/**
 * The SCRAM functions of RFC 5802 §2.2 and §3, as Kafka's ScramFormatter names them:
 *
 *   SaltedPassword  = Hi(password, salt, i)        Hi() is PBKDF2 with HMAC-H and dkLen = |H|
 *   ClientKey       = HMAC(SaltedPassword, "Client Key")
 *   StoredKey       = H(ClientKey)
 *   ServerKey       = HMAC(SaltedPassword, "Server Key")
 *   ClientSignature = HMAC(StoredKey, AuthMessage)     ClientProof = ClientKey XOR ClientSignature
 *   ServerSignature = HMAC(ServerKey, AuthMessage)
 *
 * The password is its UTF-8 bytes with no SASLprep, as Kafka's ScramFormatter.normalize does; a client
 * that applied SASLprep to a password SASLprep changes would not log in to Kafka either.
 *
 * Hi() is `iterations` HMACs (4096 at least, milliseconds of CPU): whatever runs per client request —
 * SASL/PLAIN's password check, the admin API's password changes — uses hiAsync/saltedPasswordAsync, which
 * run in libuv's thread pool, so a flood of logins cannot stall the event loop. The synchronous forms are
 * for start-up (bootstrap users from configuration) and tests.
 */
import { createHash, createHmac, pbkdf2, pbkdf2Sync } from 'node:crypto';
import { scramMechanismInfo, type ScramMechanism } from './scram-mechanism';

const CLIENT_KEY = Buffer.from('Client Key', 'utf8');
const SERVER_KEY = Buffer.from('Server Key', 'utf8');

export function hi(mechanism: ScramMechanism, password: Buffer, salt: Buffer, iterations: number): Buffer {
  const { hashAlgorithm, hashLength } = scramMechanismInfo(mechanism);
  return pbkdf2Sync(password, salt, iterations, hashLength, hashAlgorithm);
}

export function saltedPassword(mechanism: ScramMechanism, password: string, salt: Buffer, iterations: number): Buffer {
  return hi(mechanism, Buffer.from(password, 'utf8'), salt, iterations);
}

/** Hi() off the event loop, in libuv's thread pool (crypto.pbkdf2). */
export function hiAsync(mechanism: ScramMechanism, password: Buffer, salt: Buffer, iterations: number): Promise<Buffer> {
  const { hashAlgorithm, hashLength } = scramMechanismInfo(mechanism);
  return new Promise((resolve, reject) => {
    pbkdf2(password, salt, iterations, hashLength, hashAlgorithm, (err, key) => (err === null ? resolve(key) : reject(err)));
  });
}

export function saltedPasswordAsync(mechanism: ScramMechanism, password: string, salt: Buffer, iterations: number): Promise<Buffer> {
  return hiAsync(mechanism, Buffer.from(password, 'utf8'), salt, iterations);
}

export function hmac(mechanism: ScramMechanism, key: Buffer, data: Buffer): Buffer {
  return createHmac(scramMechanismInfo(mechanism).hashAlgorithm, key).update(data).digest();
}

export function hash(mechanism: ScramMechanism, data: Buffer): Buffer {
  return createHash(scramMechanismInfo(mechanism).hashAlgorithm).update(data).digest();
}

/** Callers check the lengths first: both are |H| bytes once the proof's length has been validated. */
export function xor(a: Buffer, b: Buffer): Buffer {
  if (a.length !== b.length) throw new Error('xor of buffers of different lengths');
  const out = Buffer.allocUnsafe(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

export function clientKey(mechanism: ScramMechanism, salted: Buffer): Buffer {
  return hmac(mechanism, salted, CLIENT_KEY);
}

export function storedKey(mechanism: ScramMechanism, clientKeyBytes: Buffer): Buffer {
  return hash(mechanism, clientKeyBytes);
}

export function serverKey(mechanism: ScramMechanism, salted: Buffer): Buffer {
  return hmac(mechanism, salted, SERVER_KEY);
}

/** RFC 5802 §5.1: ',' and '=' travel in a saslname as "=2C" and "=3D". */
export function saslName(username: string): string {
  return username.replaceAll('=', '=3D').replaceAll(',', '=2C');
}

/**
 * The username a saslname stands for, or undefined when an '=' is followed by neither "2C" nor "3D" (the
 * RFC says the server MUST then fail). One left-to-right pass, so "=3D2C" is "=2C", not ",".
 */
export function usernameFromSaslName(name: string): string | undefined {
  if (/=(?!2C|3D)/.test(name)) return undefined;
  return name.replace(/=2C|=3D/g, (escape) => (escape === '=2C' ? ',' : '='));
}
