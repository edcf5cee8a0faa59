// What authorizer.test.ts and acl-model.test.ts share: ACL shorthands, two principals, and a direct
// (index-free) reading of Kafka's rules with a seeded random source for the randomized comparison.
import assert from 'node:assert/strict';
import { ErrorCode } from '@tarn/protocol';
import {
  ACL_BINDING_FILTER_ANY,
  AclOperation,
  AclPermissionType,
  Authorizer,
  PatternType,
  ResourceType,
  parseAclOperation,
  parseAclPermissionType,
  parsePatternType,
  parseResourceType,
  type AclBinding,
  type AclBindingFilter,
} from '../src/security/authorizer/index';

export const { READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS, ALL } = AclOperation;

export const { TOPIC, GROUP, CLUSTER } = ResourceType;

/** `acl('TOPIC:PREFIXED:ord', 'User:alice', 'READ')` — pattern, principal, operation, permission, host. */
export function acl(pattern: string, principal: string, operation: string, permission = 'ALLOW', host = '*'): AclBinding {
  const [type = '', patternType = '', ...name] = pattern.split(':');
  return {
    pattern: { resourceType: parseResourceType(type), patternType: parsePatternType(patternType), name: name.join(':') },
    entry: { principal, host, operation: parseAclOperation(operation), permissionType: parseAclPermissionType(permission) },
  };
}

export function authorizer(acls: AclBinding[], config: { superUsers?: string[]; allowEveryoneIfNoAclFound?: boolean } = {}): Authorizer {
  const a = new Authorizer(config);
  assert.deepEqual(
    a.createAcls(acls).filter((r) => r.errorCode !== ErrorCode.NONE),
    [],
  );
  return a;
}

export const alice = { principal: 'User:alice', host: '10.0.0.1' };

export const bob = { principal: 'User:bob', host: '10.0.0.2' };

export function filter(pattern: Partial<AclBindingFilter['pattern']>, entry: Partial<AclBindingFilter['entry']> = {}): AclBindingFilter {
  return { pattern: { ...ACL_BINDING_FILTER_ANY.pattern, ...pattern }, entry: { ...ACL_BINDING_FILTER_ANY.entry, ...entry } };
}

/** Kafka's rules read directly off every ACL, with no index: the reference the indexed authorizer must agree with. */
export function reference(
  acls: AclBinding[],
  allowEveryone: boolean,
  ctx: { principal: string; host: string },
  op: number,
  type: number,
  name: string,
): boolean {
  const applies = acls.filter(
    (b) =>
      b.pattern.resourceType === type &&
      (b.pattern.patternType === PatternType.LITERAL ? b.pattern.name === name || b.pattern.name === '*' : name.startsWith(b.pattern.name)),
  );
  if (applies.length === 0) return allowEveryone;
  const matches = (b: AclBinding): boolean => {
    const e = b.entry;
    if (e.principal !== ctx.principal && e.principal !== 'User:*') return false;
    if (e.host !== '*' && e.host !== ctx.host) return false;
    if (e.operation === ALL) return true;
    if (e.permissionType === AclPermissionType.ALLOW && op === DESCRIBE)
      return [DESCRIBE, READ, WRITE, DELETE, ALTER].includes(e.operation as 3);
    if (e.permissionType === AclPermissionType.ALLOW && op === DESCRIBE_CONFIGS)
      return [DESCRIBE_CONFIGS, ALTER_CONFIGS].includes(e.operation as 10);
    return e.operation === op;
  };
  if (applies.some((b) => matches(b) && b.entry.permissionType === AclPermissionType.DENY)) return false;
  return applies.some((b) => matches(b) && b.entry.permissionType === AclPermissionType.ALLOW);
}

/** A seeded generator, so a failure repeats. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}
