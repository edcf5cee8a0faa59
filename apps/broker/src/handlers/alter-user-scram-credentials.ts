// AlterUserScramCredentials v0 (KIP-554): upserts carry the salt and the salted password the client
// computed (Hi()), from which the broker derives the stored and server keys — the password never
// reaches the broker. One result per user; a user whose changes fail changes nothing. Kafka's
// checks and messages: an empty name, an unknown mechanism, iterations outside 4096–16384, deleting a
// credential that does not exist, the same user and mechanism twice.
import { AlterUserScramCredentialsResponseTypes, ApiKey, ErrorCode, KafkaError, errorCodeOf } from '@tarn/protocol';
import type { ScramCredentialChange } from '../metadata/security-image';
import { credentialFromSaltedPassword, scramCredentialToJson } from '../security/sasl/scram-credential';
import { scramMechanismForType } from '../security/sasl/scram-mechanism';
import { AclOperation, authorizedOnCluster } from './authorize';
import { defineHandler } from './handler';

interface Pending {
  error: KafkaError | null;
  changes: ScramCredentialChange[];
}

export const alterUserScramCredentials = defineHandler({
  apiKey: ApiKey.AlterUserScramCredentials,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, req) {
    if (!authorizedOnCluster(ctx, AclOperation.ALTER))
      throw new KafkaError(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    const metadata = ctx.services.metadata;
    const users = new Map<string, Pending>();
    const seen = new Set<string>();
    const change = (
      name: string,
      type: number,
      build: (mechanism: NonNullable<ReturnType<typeof scramMechanismForType>>) => ScramCredentialChange,
    ) => {
      let p = users.get(name);
      if (p === undefined) users.set(name, (p = { error: null, changes: [] }));
      if (p.error !== null) return;
      try {
        if (name === '') throw new KafkaError(ErrorCode.UNACCEPTABLE_CREDENTIAL, 'Username must not be empty');
        const mechanism = scramMechanismForType(type);
        if (mechanism === undefined) throw new KafkaError(ErrorCode.UNSUPPORTED_SASL_MECHANISM, 'Unknown SCRAM mechanism');
        const key = `${name}\u0000${mechanism}`;
        if (seen.has(key))
          throw new KafkaError(ErrorCode.DUPLICATE_RESOURCE, 'A user credential cannot be altered twice in the same request');
        seen.add(key);
        p.changes.push(build(mechanism));
      } catch (err) {
        p.error = err instanceof KafkaError ? err : new KafkaError(errorCodeOf(err), (err as Error).message);
      }
    };
    for (const d of req.deletions) {
      change(d.name, d.mechanism, (mechanism) => {
        if (metadata.scramCredential(d.name, mechanism) === undefined)
          throw new KafkaError(ErrorCode.RESOURCE_NOT_FOUND, 'Attempt to delete a user credential that does not exist');
        return { user: d.name, mechanism, credential: null };
      });
    }
    for (const u of req.upsertions) {
      change(u.name, u.mechanism, (mechanism) => ({
        user: u.name,
        mechanism,
        credential: scramCredentialToJson(credentialFromSaltedPassword(mechanism, u.saltedPassword, u.salt, u.iterations)),
      }));
    }
    const accepted = [...users.values()].filter((p) => p.error === null).flatMap((p) => p.changes);
    let storeError: KafkaError | null = null;
    try {
      await metadata.alterScramCredentials(accepted);
    } catch (err) {
      storeError = err instanceof KafkaError ? err : new KafkaError(errorCodeOf(err), (err as Error).message);
    }
    const results = [...users].map(([user, p]) => {
      const error = p.error ?? storeError;
      return {
        ...AlterUserScramCredentialsResponseTypes.defaultAlterUserScramCredentialsResult(),
        user,
        errorCode: error?.code ?? ErrorCode.NONE,
        errorMessage: error?.message ?? null,
      };
    });
    return { ...AlterUserScramCredentialsResponseTypes.defaultAlterUserScramCredentialsResponse(), results };
  },
  errorResponse: (req, code, message) => ({
    ...AlterUserScramCredentialsResponseTypes.defaultAlterUserScramCredentialsResponse(),
    results: [...new Set([...req.deletions, ...req.upsertions].map((x) => x.name))].map((user) => ({
      ...AlterUserScramCredentialsResponseTypes.defaultAlterUserScramCredentialsResult(),
      user,
      errorCode: code,
      errorMessage: message,
    })),
  }),
});
