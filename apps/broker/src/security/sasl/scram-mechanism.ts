/**
 * The SCRAM mechanisms Kafka supports (RFC 5802 with the hashes of RFC 7677 and Kafka's SHA-512 sibling),
 * as Kafka's ScramMechanism enums describe them: the name a client puts in SaslHandshake, the int8 `type`
 * AlterUserScramCredentials and DescribeUserScramCredentials carry on the wire (1 and 2; 0 is UNKNOWN),
 * the hash, and the iteration bounds. Kafka refuses a credential with fewer than 4096 iterations both when
 * it is stored and when a client logs in with it, and refuses to store one with more than 16384
 * (ScramControlManager.MAX_ITERATIONS) because every login costs the client that many HMACs.
 */
export type ScramMechanism = 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

export interface ScramMechanismInfo {
  readonly mechanism: ScramMechanism;
  /** The int8 of AlterUserScramCredentials / DescribeUserScramCredentials (Kafka's admin ScramMechanism.type()). */
  readonly type: number;
  /** node:crypto's name for the hash (and for HMAC and PBKDF2 over it). */
  readonly hashAlgorithm: 'sha256' | 'sha512';
  /** Bytes of one hash output: the length of StoredKey, ServerKey, the salted password and a ClientProof. */
  readonly hashLength: number;
  readonly minIterations: number;
  readonly maxIterations: number;
}

export const SCRAM_MIN_ITERATIONS = 4096;
export const SCRAM_MAX_ITERATIONS = 16384;

const MECHANISMS: ReadonlyMap<ScramMechanism, ScramMechanismInfo> = new Map<ScramMechanism, ScramMechanismInfo>([
  [
    'SCRAM-SHA-256',
    {
      mechanism: 'SCRAM-SHA-256',
      type: 1,
      hashAlgorithm: 'sha256',
      hashLength: 32,
      minIterations: SCRAM_MIN_ITERATIONS,
      maxIterations: SCRAM_MAX_ITERATIONS,
    },
  ],
  [
    'SCRAM-SHA-512',
    {
      mechanism: 'SCRAM-SHA-512',
      type: 2,
      hashAlgorithm: 'sha512',
      hashLength: 64,
      minIterations: SCRAM_MIN_ITERATIONS,
      maxIterations: SCRAM_MAX_ITERATIONS,
    },
  ],
]);

export const SCRAM_MECHANISMS: readonly ScramMechanism[] = [...MECHANISMS.keys()];

/** Mechanism names are case-sensitive in Kafka (a HashMap lookup), so "scram-sha-256" is not one. */
export function isScramMechanism(name: string): name is ScramMechanism {
  return MECHANISMS.has(name as ScramMechanism);
}

export function scramMechanismInfo(mechanism: ScramMechanism): ScramMechanismInfo {
  const info = MECHANISMS.get(mechanism);
  if (info === undefined) throw new Error(`not a SCRAM mechanism: ${String(mechanism)}`);
  return info;
}

/** The mechanism an AlterUserScramCredentials entry names by its int8, or undefined for UNKNOWN (0) and any other value. */
export function scramMechanismForType(type: number): ScramMechanism | undefined {
  for (const info of MECHANISMS.values()) if (info.type === type) return info.mechanism;
  return undefined;
}
