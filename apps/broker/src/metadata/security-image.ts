/**
 * The security part of cluster metadata, as Kafka keeps it in its metadata log: SCRAM credentials
 * per user and mechanism (UserScramCredentialRecord: salt, stored key, server key, iterations —
 * never a password) and ACL bindings (AccessControlEntryRecord). Both metadata stores keep this
 * image current (the embedded file; etcd keys `scram/<user>/<mechanism>` and `acls/<id>`) and
 * every broker of a cluster answers from it.
 */
import type { AclRecord } from '../security/authorizer/acl-record';
import type { ScramCredentialJson } from '../security/sasl/scram-credential';

/** Base64 fields, so the record is JSON. */
export type StoredScramCredential = ScramCredentialJson;

/** One ACL binding with Kafka's numeric codes; `id` identifies it in the store. */
export type StoredAcl = AclRecord;

export interface ScramCredentialChange {
  user: string;
  mechanism: string;
  /** null deletes the user's credential for that mechanism. */
  credential: StoredScramCredential | null;
}

/** What a metadata store offers for users and ACLs. */
export interface SecurityStore {
  scramCredential(user: string, mechanism: string): StoredScramCredential | undefined;
  /** Every user with at least one credential, and the mechanisms and iterations of each. */
  scramUsers(): Array<{ user: string; credentials: Array<{ mechanism: string; iterations: number }> }>;
  alterScramCredentials(changes: readonly ScramCredentialChange[]): Promise<void>;
  acls(): StoredAcl[];
  /** Adds bindings and removes others (by id) in one change. */
  alterAcls(add: readonly StoredAcl[], removeIds: readonly string[]): Promise<void>;
  /** Called after users or ACLs changed, whoever changed them. */
  onSecurityChange(listener: () => void): () => void;
}

export interface SecuritySnapshot {
  users: Record<string, Record<string, StoredScramCredential>>;
  acls: StoredAcl[];
}

/** The in-memory image both stores keep; they persist it their own way. */
export class SecurityImage {
  private readonly users = new Map<string, Map<string, StoredScramCredential>>();
  private readonly aclsById = new Map<string, StoredAcl>();
  private readonly listeners = new Set<() => void>();

  /** Replaces the image with a stored snapshot (at start-up). */
  load(snapshot: SecuritySnapshot | undefined): void {
    this.users.clear();
    this.aclsById.clear();
    for (const [user, byMechanism] of Object.entries(snapshot?.users ?? {})) {
      for (const [mechanism, credential] of Object.entries(byMechanism)) this.setCredential(user, mechanism, credential);
    }
    for (const acl of snapshot?.acls ?? []) this.putAcl(acl);
  }

  snapshot(): SecuritySnapshot {
    const users: SecuritySnapshot['users'] = {};
    for (const [user, byMechanism] of this.users) users[user] = Object.fromEntries(byMechanism);
    return { users, acls: this.acls() };
  }

  scramCredential(user: string, mechanism: string): StoredScramCredential | undefined {
    return this.users.get(user)?.get(mechanism);
  }

  scramUsers(): Array<{ user: string; credentials: Array<{ mechanism: string; iterations: number }> }> {
    return [...this.users]
      .map(([user, byMechanism]) => ({
        user,
        credentials: [...byMechanism].map(([mechanism, c]) => ({ mechanism, iterations: c.iterations })),
      }))
      .sort((a, b) => a.user.localeCompare(b.user));
  }

  setCredential(user: string, mechanism: string, credential: StoredScramCredential | null): void {
    let byMechanism = this.users.get(user);
    if (credential === null) {
      byMechanism?.delete(mechanism);
      if (byMechanism?.size === 0) this.users.delete(user);
      return;
    }
    if (byMechanism === undefined) this.users.set(user, (byMechanism = new Map()));
    byMechanism.set(mechanism, credential);
  }

  acls(): StoredAcl[] {
    return [...this.aclsById.values()];
  }

  putAcl(acl: StoredAcl): void {
    this.aclsById.set(acl.id, acl);
  }

  deleteAcl(id: string): void {
    this.aclsById.delete(id);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const l of this.listeners) l();
  }
}
