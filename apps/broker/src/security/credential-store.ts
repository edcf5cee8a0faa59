/**
 * The users SASL authenticates against: SCRAM credentials in the metadata store (every broker of a
 * cluster sees the same ones), read for SCRAM exchanges and to check a PLAIN password (tarn keeps
 * one user store, where Kafka's PLAIN reads passwords from a JAAS file). `scram.bootstrap.users`
 * creates the first users: the brokers' own login and the first administrator.
 */
import type { BootstrapUser } from '../config/security-config';
import type { SecurityStore } from '../metadata/security-image';
import { credentialFromPassword, scramCredentialFromJson, scramCredentialToJson, type ScramCredential } from './sasl/scram-credential';
import type { ScramMechanism } from './sasl/scram-mechanism';

export class CredentialStore {
  constructor(private readonly store: SecurityStore) {}

  scramCredential(user: string, mechanism: ScramMechanism): ScramCredential | undefined {
    const stored = this.store.scramCredential(user, mechanism);
    if (stored === undefined) return undefined;
    try {
      return scramCredentialFromJson(stored, mechanism);
    } catch {
      return undefined; // a damaged entry authenticates nobody
    }
  }

  /** Creates the bootstrap users that do not have a credential for their mechanism yet. */
  async bootstrap(users: readonly BootstrapUser[]): Promise<string[]> {
    const missing = users.filter((u) => this.store.scramCredential(u.name, u.mechanism) === undefined);
    await this.store.alterScramCredentials(
      missing.map((u) => ({
        user: u.name,
        mechanism: u.mechanism,
        credential: scramCredentialToJson(credentialFromPassword(u.mechanism, u.password, u.iterations)),
      })),
    );
    return missing.map((u) => `${u.mechanism}:${u.name}`);
  }
}
