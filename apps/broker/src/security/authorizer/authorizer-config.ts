/**
 * The authorizer's two settings, with StandardAuthorizer's property names and parsing:
 * - `super.users`: principals separated by `;` (blanks around each ignored, empty ones skipped);
 *   each must be `Type:name` (SecurityUtils.parseKafkaPrincipal), else the configuration fails
 *   with Kafka's message. Compared as written, so `User:alice` and `User: alice` differ.
 * - `allow.everyone.if.no.acl.found`: Java's Boolean.parseBoolean of the trimmed value — `true` in
 *   any case is true, anything else false; default false.
 */
import { ErrorCode, KafkaError } from '@tarn/protocol';
import { parseKafkaPrincipal } from './kafka-principal';

export const SUPER_USERS_CONFIG = 'super.users';
export const ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG = 'allow.everyone.if.no.acl.found';

export interface AuthorizerConfig {
  readonly superUsers: readonly string[];
  readonly allowEveryoneIfNoAclFound: boolean;
}

export const DEFAULT_AUTHORIZER_CONFIG: AuthorizerConfig = { superUsers: [], allowEveryoneIfNoAclFound: false };

/** StandardAuthorizer.getConfiguredSuperUsers; throws INVALID_CONFIG with Kafka's message. */
export function parseSuperUsers(value: string | undefined): string[] {
  if (value === undefined) return [];
  const users: string[] = [];
  for (const part of value.split(';')) {
    const user = part.trim();
    if (user === '') continue;
    try {
      parseKafkaPrincipal(user);
    } catch (err) {
      throw new KafkaError(ErrorCode.INVALID_CONFIG, (err as Error).message);
    }
    if (!users.includes(user)) users.push(user);
  }
  return users;
}

/** StandardAuthorizer.getDefaultResult, as a boolean. */
export function parseAllowEveryoneIfNoAclFound(value: string | undefined): boolean {
  return value !== undefined && value.trim().toLowerCase() === 'true';
}

export function authorizerConfigFromProperties(props: Readonly<Record<string, string | undefined>>): AuthorizerConfig {
  return {
    superUsers: parseSuperUsers(props[SUPER_USERS_CONFIG]),
    allowEveryoneIfNoAclFound: parseAllowEveryoneIfNoAclFound(props[ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG]),
  };
}
