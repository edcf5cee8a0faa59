// DescribeUserScramCredentials v0 (KIP-554): the SCRAM mechanisms and iteration counts of the users
// asked for (all when null), never salts or keys. A user asked for twice is DUPLICATE_RESOURCE, an
// unknown one RESOURCE_NOT_FOUND, with Kafka's messages.
import { ApiKey, KafkaError, DescribeUserScramCredentialsResponseTypes, ErrorCode } from '@tarn/protocol';
import { scramMechanismInfo, isScramMechanism } from '../security/sasl/scram-mechanism';
import { AclOperation, authorizedOnCluster } from './authorize';
import { defineHandler } from './handler';

type Result = DescribeUserScramCredentialsResponseTypes.DescribeUserScramCredentialsResult;

export const describeUserScramCredentials = defineHandler({
  apiKey: ApiKey.DescribeUserScramCredentials,
  minVersion: 0,
  maxVersion: 0,
  handle(ctx, req) {
    if (!authorizedOnCluster(ctx, AclOperation.DESCRIBE))
      throw new KafkaError(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    const users = ctx.services.metadata.scramUsers();
    const byName = new Map(users.map((u) => [u.user, u]));
    const result = (user: string, errorCode: number, errorMessage: string | null): Result => ({
      ...DescribeUserScramCredentialsResponseTypes.defaultDescribeUserScramCredentialsResult(),
      user,
      errorCode,
      errorMessage,
      credentialInfos:
        errorCode !== ErrorCode.NONE
          ? []
          : (byName.get(user)?.credentials ?? [])
              .filter((c) => isScramMechanism(c.mechanism))
              .map((c) => ({
                ...DescribeUserScramCredentialsResponseTypes.defaultCredentialInfo(),
                mechanism: scramMechanismInfo(c.mechanism as never).type,
                iterations: c.iterations,
              })),
    });
    const asked = req.users?.map((u) => u.name) ?? null;
    const results =
      asked === null
        ? users.map((u) => result(u.user, ErrorCode.NONE, null))
        : [...new Set(asked)].map((name) => {
            if (asked.indexOf(name) !== asked.lastIndexOf(name))
              return result(
                name,
                ErrorCode.DUPLICATE_RESOURCE,
                'Cannot describe SCRAM credentials for the same user twice in a single request',
              );
            if (!byName.has(name))
              return result(name, ErrorCode.RESOURCE_NOT_FOUND, 'Attempt to describe a user credential that does not exist');
            return result(name, ErrorCode.NONE, null);
          });
    return { ...DescribeUserScramCredentialsResponseTypes.defaultDescribeUserScramCredentialsResponse(), results };
  },
  errorResponse: (_req, code, message) => ({
    ...DescribeUserScramCredentialsResponseTypes.defaultDescribeUserScramCredentialsResponse(),
    errorCode: code,
    errorMessage: message,
  }),
});
