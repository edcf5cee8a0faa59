/**
 * SCRAM users (KIP-554): describeUserScramCredentials lists mechanisms and iterations (never
 * secrets); alterUserScramCredentials upserts or deletes. As Kafka's AdminClient, the client salts
 * and hashes the password itself (PBKDF2 with a random salt), so the password never leaves it.
 */
import { pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { ApiKey, ErrorCode } from '@tarn/protocol';
import { KafkaError } from '../errors';
import { itemError, type AdminCallOptions, type AdminContext, type ItemResult } from './admin-context';

const pbkdf2Async = promisify(pbkdf2);
export const SCRAM_MECHANISMS = ['UNKNOWN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export type ScramMechanismName = Exclude<(typeof SCRAM_MECHANISMS)[number], 'UNKNOWN'>;

export interface ScramCredentialInfo {
  mechanism: ScramMechanismName | 'UNKNOWN';
  iterations: number;
}

/** Every user's credentials, or those of `users`; an unknown user is that user's RESOURCE_NOT_FOUND. */
export async function describeUserScramCredentials(
  ctx: AdminContext,
  users?: readonly string[],
  options: AdminCallOptions = {},
): Promise<(ItemResult<ScramCredentialInfo[]> & { user: string })[]> {
  return ctx.retry('describeUserScramCredentials', ctx.deadline(options), async () => {
    const r = await ctx.cluster.requestAny(ApiKey.DescribeUserScramCredentials, {
      users: users === undefined ? null : users.map((name) => ({ name })),
    });
    if (r.errorCode !== ErrorCode.NONE) throw new KafkaError(r.errorCode, r.errorMessage ?? 'describeUserScramCredentials');
    return r.results.map((u) => {
      const error = itemError(u.errorCode, `user ${u.user}`, u.errorMessage);
      return {
        user: u.user,
        error,
        value:
          error === null
            ? u.credentialInfos.map((c) => ({ mechanism: SCRAM_MECHANISMS[c.mechanism] ?? 'UNKNOWN', iterations: c.iterations }))
            : null,
      };
    });
  });
}

export type UserScramCredentialAlteration =
  | { type: 'upsert'; user: string; mechanism: ScramMechanismName; password: string; iterations?: number }
  | { type: 'delete'; user: string; mechanism: ScramMechanismName };

/** One result per user (Kafka answers per user, not per alteration). */
export async function alterUserScramCredentials(
  ctx: AdminContext,
  alterations: readonly UserScramCredentialAlteration[],
  options: AdminCallOptions = {},
): Promise<(ItemResult<true> & { user: string })[]> {
  const deadline = ctx.deadline(options);
  const upsertions = await Promise.all(
    alterations
      .filter((a) => a.type === 'upsert')
      .map(async (a) => {
        const iterations = a.iterations ?? 4096;
        const salt = randomBytes(32);
        const hash = a.mechanism === 'SCRAM-SHA-256' ? 'sha256' : 'sha512';
        const saltedPassword = await pbkdf2Async(a.password.normalize('NFKC'), salt, iterations, hash === 'sha256' ? 32 : 64, hash);
        return { name: a.user, mechanism: SCRAM_MECHANISMS.indexOf(a.mechanism), iterations, salt, saltedPassword };
      }),
  );
  const deletions = alterations
    .filter((a) => a.type === 'delete')
    .map((a) => ({ name: a.user, mechanism: SCRAM_MECHANISMS.indexOf(a.mechanism) }));
  const users = [...new Set(alterations.map((a) => a.user))];
  const results = await ctx.perItem<true>('alterUserScramCredentials', users, deadline, async (pending) => {
    const r = await ctx.toController(ApiKey.AlterUserScramCredentials, {
      deletions: deletions.filter((d) => pending.includes(d.name)),
      upsertions: upsertions.filter((u) => pending.includes(u.name)),
    });
    return new Map(
      r.results.map((u) => {
        const error = itemError(u.errorCode, `user ${u.user}`, u.errorMessage);
        return [u.user, { value: error === null ? (true as const) : null, error }];
      }),
    );
  });
  return users.map((user) => ({ user, ...results.get(user)! }));
}
