// SCRAM users (what kafka-configs --entity-type users --alter --add-config 'SCRAM-SHA-512=[…]' and
// --delete-config manage): list them with their mechanisms and iterations, create one, change a
// password, delete credentials. The password travels only in the mutation's input: the broker keeps
// salt, StoredKey and ServerKey (scram-credential.ts), and neither the answer, the audit log nor a
// log line carries the password — the audit records the user and the mechanism only.
import { z } from 'zod';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import { TRPCError } from '@trpc/server';
import type { AdminServices } from '../../services';
import { ACL_BINDING_FILTER_ANY } from '../../security/authorizer';
import { credentialFromPasswordAsync, scramCredentialToJson } from '../../security/sasl/scram-credential';
import { SCRAM_MAX_ITERATIONS, SCRAM_MECHANISMS, SCRAM_MIN_ITERATIONS, type ScramMechanism } from '../../security/sasl/scram-mechanism';
import { AclOperation } from '../console-access';
import { authedProcedure, router } from '../trpc';

const mechanism = z.enum(SCRAM_MECHANISMS as [ScramMechanism, ...ScramMechanism[]]);
// Kafka refuses only an empty name ("Username must not be empty"); strings are int16-length on the wire
const userName = z.string().min(1, 'Username must not be empty').max(32_767);

export const passwordInput = z.object({
  user: userName,
  mechanism,
  // no minimum strength (Kafka has none); the console asks for confirmation and length
  password: z.string().min(1, 'Give the user a password.').max(1024, 'Passwords are at most 1024 characters.'),
  iterations: z
    .number()
    .int()
    .min(SCRAM_MIN_ITERATIONS, `At least ${SCRAM_MIN_ITERATIONS} iterations.`)
    .max(SCRAM_MAX_ITERATIONS, `At most ${SCRAM_MAX_ITERATIONS} iterations.`)
    .default(SCRAM_MIN_ITERATIONS),
});
type PasswordInput = z.output<typeof passwordInput>;

export const deleteUserInput = z.object({
  user: userName,
  /** One mechanism, or every credential the user has when absent. */
  mechanism: mechanism.optional(),
});

const NO_SUCH_CREDENTIAL = 'Attempt to delete a user credential that does not exist';

/** The listeners clients log in on with SCRAM, and the mechanisms each offers. */
function scramListeners(services: AdminServices) {
  return services.boundListeners().flatMap((l) => {
    const security = services.config.listenerSecurity.get(l.name);
    const mechanisms = (security?.saslMechanisms ?? []).filter((m) => m !== 'PLAIN');
    return security === undefined || mechanisms.length === 0
      ? []
      : [{ name: l.name, protocol: security.protocol, address: `${l.host}:${l.port}`, mechanisms }];
  });
}

async function storePassword(
  services: AdminServices,
  input: PasswordInput,
): Promise<{ user: string; mechanism: ScramMechanism; iterations: number }> {
  // Hi() in the thread pool: up to SCRAM_MAX_ITERATIONS HMACs must not stall the broker's event loop
  const credential = scramCredentialToJson(await credentialFromPasswordAsync(input.mechanism, input.password, input.iterations));
  await services.metadata.alterScramCredentials([{ user: input.user, mechanism: input.mechanism, credential }]);
  return { user: input.user, mechanism: input.mechanism, iterations: input.iterations };
}

export const usersRouter = router({
  // DescribeUserScramCredentials / AlterUserScramCredentials: Describe / Alter on the cluster
  list: authedProcedure.query(({ ctx }) => {
    ctx.access.requireOnCluster(AclOperation.DESCRIBE);
    const { authorization } = ctx.services;
    const users = ctx.services.metadata.scramUsers().map((u) => {
      const principal = `User:${u.user}`;
      const acls = authorization.enabled
        ? authorization.describeAcls({ ...ACL_BINDING_FILTER_ANY, entry: { ...ACL_BINDING_FILTER_ANY.entry, principal } }).length
        : null;
      return {
        user: u.user,
        principal,
        credentials: u.credentials,
        acls,
        superUser: authorization.enabled && authorization.authorizer.isSuperUser(principal),
      };
    });
    return {
      users,
      mechanisms: SCRAM_MECHANISMS,
      minIterations: SCRAM_MIN_ITERATIONS,
      maxIterations: SCRAM_MAX_ITERATIONS,
      listeners: scramListeners(ctx.services),
      authorizerEnabled: authorization.enabled,
    };
  }),

  /** A new user, or a new mechanism for an existing one; refused when that credential exists. */
  create: authedProcedure.input(passwordInput).mutation(({ ctx, input }) =>
    ctx.admin.audited(ctx.principal, 'user.create', input.user, { mechanism: input.mechanism, iterations: input.iterations }, async () => {
      ctx.access.requireOnCluster(AclOperation.ALTER);
      if (ctx.services.metadata.scramCredential(input.user, input.mechanism) !== undefined) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: `User ${input.user} already has a ${input.mechanism} credential; change its password instead.`,
        });
      }
      return storePassword(ctx.services, input);
    }),
  ),

  /** A new password for an existing credential (new salt; the iterations may change too). */
  changePassword: authedProcedure.input(passwordInput).mutation(({ ctx, input }) =>
    ctx.admin.audited(
      ctx.principal,
      'user.change-password',
      input.user,
      { mechanism: input.mechanism, iterations: input.iterations },
      async () => {
        ctx.access.requireOnCluster(AclOperation.ALTER);
        if (ctx.services.metadata.scramCredential(input.user, input.mechanism) === undefined) {
          throw new KafkaError(ErrorCode.RESOURCE_NOT_FOUND, `User ${input.user} has no ${input.mechanism} credential; create it instead.`);
        }
        return storePassword(ctx.services, input);
      },
    ),
  ),

  delete: authedProcedure.input(deleteUserInput).mutation(({ ctx, input }) =>
    ctx.admin.audited(ctx.principal, 'user.delete', input.user, { mechanism: input.mechanism ?? 'all' }, async () => {
      ctx.access.requireOnCluster(AclOperation.ALTER);
      const metadata = ctx.services.metadata;
      const mechanisms = input.mechanism !== undefined ? [input.mechanism] : SCRAM_MECHANISMS;
      const existing = mechanisms.filter((m) => metadata.scramCredential(input.user, m) !== undefined);
      if (existing.length === 0) throw new KafkaError(ErrorCode.RESOURCE_NOT_FOUND, NO_SUCH_CREDENTIAL);
      await metadata.alterScramCredentials(existing.map((m) => ({ user: input.user, mechanism: m, credential: null })));
      return { user: input.user, deleted: existing };
    }),
  ),
});
