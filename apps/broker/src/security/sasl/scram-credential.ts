/**
 * Kafka's ScramCredential: what the broker keeps for one user and one SCRAM mechanism. It holds no
 * password, only salt, StoredKey = H(HMAC(SaltedPassword, "Client Key")), ServerKey =
 * HMAC(SaltedPassword, "Server Key") and the iteration count, which is enough to check a ClientProof and
 * to sign the server's final message, and not enough to log in as the user (that takes ClientKey).
 * StoredKey and ServerKey still let anyone who reads them impersonate the broker or mount an offline
 * dictionary attack, so a credential is never written to a log line, whole or in part.
 *
 * Credentials come from AlterUserScramCredentials, whose upsertion carries the salt and the salted password
 * (the client ran Hi() itself) — credentialFromSaltedPassword turns that into StoredKey and ServerKey as
 * Kafka's ScramControlManager.finishUpsertion does — or from a password: credentialFromPasswordAsync for
 * the admin API (Hi() off the event loop), credentialFromPassword for configuration at start-up and tests.
 * The iteration bounds and their messages are ScramControlManager.validateUpsertion's:
 * UNACCEPTABLE_CREDENTIAL "Too few iterations" / "Too many iterations".
 *
 * Stored form (ScramCredentialJson, one per user and mechanism in the metadata store):
 *   { "salt": base64, "storedKey": base64, "serverKey": base64, "iterations": int }
 * with standard, padded base64 (RFC 4648 §4) — the shape of metadata/security-image.ts's StoredScramCredential.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import { clientKey, saltedPassword, saltedPasswordAsync, serverKey, storedKey } from './scram-formatter';
import { scramMechanismInfo, SCRAM_MIN_ITERATIONS, type ScramMechanism } from './scram-mechanism';

export interface ScramCredential {
  readonly salt: Buffer;
  readonly storedKey: Buffer;
  readonly serverKey: Buffer;
  readonly iterations: number;
}

export interface ScramCredentialJson {
  salt: string;
  storedKey: string;
  serverKey: string;
  iterations: number;
}

/** Bytes of salt for credentials the broker salts itself; any length works, 32 matches SHA-256's output. */
const SALT_BYTES = 32;

/** Throws UNACCEPTABLE_CREDENTIAL with Kafka's message when the count is outside the mechanism's bounds. */
export function validateIterations(mechanism: ScramMechanism, iterations: number): void {
  const { minIterations, maxIterations } = scramMechanismInfo(mechanism);
  if (!Number.isInteger(iterations) || iterations < minIterations) {
    throw new KafkaError(ErrorCode.UNACCEPTABLE_CREDENTIAL, 'Too few iterations');
  }
  if (iterations > maxIterations) throw new KafkaError(ErrorCode.UNACCEPTABLE_CREDENTIAL, 'Too many iterations');
}

export function credentialFromSaltedPassword(mechanism: ScramMechanism, salted: Buffer, salt: Buffer, iterations: number): ScramCredential {
  validateIterations(mechanism, iterations);
  // Kafka hands an empty salted password to a JCE Mac, which refuses an empty key and the request ends in
  // UNKNOWN_SERVER_ERROR; saying what is wrong serves the client better.
  if (salted.length === 0) throw new KafkaError(ErrorCode.UNACCEPTABLE_CREDENTIAL, 'Salted password must not be empty');
  return {
    salt: Buffer.from(salt),
    storedKey: storedKey(mechanism, clientKey(mechanism, salted)),
    serverKey: serverKey(mechanism, salted),
    iterations,
  };
}

export function credentialFromPassword(
  mechanism: ScramMechanism,
  password: string,
  iterations: number = SCRAM_MIN_ITERATIONS,
  salt: Buffer = randomBytes(SALT_BYTES),
): ScramCredential {
  validateIterations(mechanism, iterations);
  return credentialFromSaltedPassword(mechanism, saltedPassword(mechanism, password, salt, iterations), salt, iterations);
}

/** credentialFromPassword with Hi() in the thread pool, for passwords set while the broker serves clients. */
export async function credentialFromPasswordAsync(
  mechanism: ScramMechanism,
  password: string,
  iterations: number = SCRAM_MIN_ITERATIONS,
  salt: Buffer = randomBytes(SALT_BYTES),
): Promise<ScramCredential> {
  validateIterations(mechanism, iterations);
  return credentialFromSaltedPassword(mechanism, await saltedPasswordAsync(mechanism, password, salt, iterations), salt, iterations);
}

/**
 * Whether `password` is the one the credential was made from: Hi() with the stored salt and iteration
 * count, then StoredKey compared in constant time. This lets SASL/PLAIN log in a user that only has SCRAM
 * credentials (Kafka's PLAIN reads passwords from JAAS instead; tarn keeps one user store). It costs one
 * Hi(), i.e. `iterations` HMACs, run in libuv's thread pool so that a flood of PLAIN logins does not stall
 * the event loop. A credential outside the iteration bounds never matches: SCRAM refuses it too, and an
 * absurd count from a damaged store must not tie up the thread pool.
 */
export async function verifyPassword(credential: ScramCredential, mechanism: ScramMechanism, password: string): Promise<boolean> {
  const { minIterations, maxIterations, hashLength } = scramMechanismInfo(mechanism);
  if (!Number.isInteger(credential.iterations) || credential.iterations < minIterations || credential.iterations > maxIterations)
    return false;
  if (credential.storedKey.length !== hashLength) return false;
  const salted = await saltedPasswordAsync(mechanism, password, credential.salt, credential.iterations);
  return timingSafeEqual(storedKey(mechanism, clientKey(mechanism, salted)), credential.storedKey);
}

export function scramCredentialToJson(credential: ScramCredential): ScramCredentialJson {
  return {
    salt: credential.salt.toString('base64'),
    storedKey: credential.storedKey.toString('base64'),
    serverKey: credential.serverKey.toString('base64'),
    iterations: credential.iterations,
  };
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Reads a stored credential back, checking its shape: Buffer.from(…, 'base64') silently skips characters
 * that are not base64, so a damaged entry would otherwise become a different key rather than an error.
 * The keys must be one hash long for the mechanism; the iteration count must be within Kafka's bounds.
 * Error messages name the field, never its value.
 */
export function scramCredentialFromJson(json: unknown, mechanism: ScramMechanism): ScramCredential {
  const { hashLength } = scramMechanismInfo(mechanism);
  if (typeof json !== 'object' || json === null) throw new Error(`${mechanism} credential: not an object`);
  const record = json as Record<string, unknown>;
  const bytes = (field: keyof ScramCredentialJson, length?: number): Buffer => {
    const value = record[field];
    if (typeof value !== 'string' || !BASE64.test(value)) throw new Error(`${mechanism} credential: ${field} is not base64`);
    const decoded = Buffer.from(value, 'base64');
    if (length !== undefined && decoded.length !== length) throw new Error(`${mechanism} credential: ${field} is not ${length} bytes`);
    return decoded;
  };
  const iterations = record.iterations;
  if (typeof iterations !== 'number') throw new Error(`${mechanism} credential: iterations is not a number`);
  validateIterations(mechanism, iterations);
  return { salt: bytes('salt'), storedKey: bytes('storedKey', hashLength), serverKey: bytes('serverKey', hashLength), iterations };
}
