/**
 * ACLs as the console shows and edits them: Kafka's enum names (`TOPIC`, `LITERAL`, `READ`,
 * `ALLOW`) instead of wire codes, the zod schemas of the acls router's inputs, and the conversions
 * to the authorizer's bindings and filters. A binding's `notation` is Kafka's AclBinding.toString
 * (formatAclBinding), the form kafka-acls and the broker's audit lines print.
 *
 * What the console may grant is what kafka-acls lets a user write, which is narrower than what the
 * broker stores (acl-validation.ts): besides Kafka's own checks, an operation must apply to the
 * resource type (AclEntry.supportedOperations, or ALL), as kafka-acls checks before it sends
 * CreateAcls.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import {
  AclOperation,
  AclPermissionType,
  aclBindingId,
  aclOperationName,
  aclPermissionTypeName,
  formatAclBinding,
  isValidOperationFor,
  PatternType,
  patternTypeName,
  ResourceType,
  resourceTypeName,
  supportedOperations,
  validateAclBinding,
  WILDCARD_HOST,
  type AclBinding,
  type AclBindingFilter,
} from '../../security/authorizer';

export const ACL_RESOURCE_TYPES = [
  'TOPIC',
  'GROUP',
  'CLUSTER',
  'TRANSACTIONAL_ID',
  'DELEGATION_TOKEN',
  'USER',
] as const satisfies ReadonlyArray<keyof typeof ResourceType>;
export const ACL_PATTERN_TYPES = ['LITERAL', 'PREFIXED'] as const satisfies ReadonlyArray<keyof typeof PatternType>;
export const ACL_OPERATIONS = [
  'ALL',
  'READ',
  'WRITE',
  'CREATE',
  'DELETE',
  'ALTER',
  'DESCRIBE',
  'CLUSTER_ACTION',
  'DESCRIBE_CONFIGS',
  'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE',
  'CREATE_TOKENS',
  'DESCRIBE_TOKENS',
] as const satisfies ReadonlyArray<keyof typeof AclOperation>;
export const ACL_PERMISSIONS = ['ALLOW', 'DENY'] as const satisfies ReadonlyArray<keyof typeof AclPermissionType>;

export type AclResourceTypeName = (typeof ACL_RESOURCE_TYPES)[number];
export type AclOperationName = (typeof ACL_OPERATIONS)[number];

/** Kafka strings are int16-length on the wire. */
const KAFKA_STRING_MAX = 32_767;

/** One binding, every field concrete: what `create`, `delete` and `preview` take. */
export const aclBindingInput = z.object({
  resourceType: z.enum(ACL_RESOURCE_TYPES),
  resourceName: z.string().min(1, 'Name the resource (or * for every one of its type).').max(KAFKA_STRING_MAX),
  patternType: z.enum(ACL_PATTERN_TYPES).default('LITERAL'),
  principal: z.string().min(1, 'Name the principal, e.g. User:alice (or User:* for everyone).').max(KAFKA_STRING_MAX),
  host: z.string().min(1).max(KAFKA_STRING_MAX).default(WILDCARD_HOST),
  operation: z.enum(ACL_OPERATIONS),
  permission: z.enum(ACL_PERMISSIONS).default('ALLOW'),
});
export type AclBindingInput = z.output<typeof aclBindingInput>;

/** A DescribeAcls filter: `ANY` / null match anything; MATCH finds the patterns that apply to a name. */
export const aclFilterInput = z.object({
  resourceType: z.enum(['ANY', ...ACL_RESOURCE_TYPES]).default('ANY'),
  resourceName: z.string().min(1).max(KAFKA_STRING_MAX).nullable().default(null),
  patternType: z.enum(['ANY', 'MATCH', ...ACL_PATTERN_TYPES]).default('ANY'),
  principal: z.string().min(1).max(KAFKA_STRING_MAX).nullable().default(null),
  host: z.string().min(1).max(KAFKA_STRING_MAX).nullable().default(null),
  operation: z.enum(['ANY', ...ACL_OPERATIONS]).default('ANY'),
  permission: z.enum(['ANY', ...ACL_PERMISSIONS]).default('ANY'),
});
export type AclFilterInput = z.output<typeof aclFilterInput>;

export function bindingFromInput(i: AclBindingInput): AclBinding {
  return {
    pattern: { resourceType: ResourceType[i.resourceType], name: i.resourceName, patternType: PatternType[i.patternType] },
    entry: { principal: i.principal, host: i.host, operation: AclOperation[i.operation], permissionType: AclPermissionType[i.permission] },
  };
}

export function filterFromInput(i: AclFilterInput): AclBindingFilter {
  return {
    pattern: { resourceType: ResourceType[i.resourceType], name: i.resourceName, patternType: PatternType[i.patternType] },
    entry: { principal: i.principal, host: i.host, operation: AclOperation[i.operation], permissionType: AclPermissionType[i.permission] },
  };
}

/** A binding as a table row: Kafka's enum names, the store id (a stable row key) and the notation. */
export function aclRow(b: AclBinding) {
  return {
    id: aclBindingId(b),
    resourceType: resourceTypeName(b.pattern.resourceType),
    resourceName: b.pattern.name,
    patternType: patternTypeName(b.pattern.patternType),
    principal: b.entry.principal,
    host: b.entry.host,
    operation: aclOperationName(b.entry.operation),
    permission: aclPermissionTypeName(b.entry.permissionType),
    notation: formatAclBinding(b),
  };
}
export type AclRow = ReturnType<typeof aclRow>;

/** Which field of the grant form a refusal is about. */
export type AclField = 'resourceType' | 'resourceName' | 'patternType' | 'principal' | 'host' | 'operation' | 'permission';

export interface AclProblem {
  field: AclField | null;
  message: string;
}

/** The operations a resource type accepts in a grant: Kafka's supported ones, then ALL. */
export function grantableOperations(resourceType: AclResourceTypeName): AclOperationName[] {
  return [...supportedOperations(ResourceType[resourceType]).map((o) => aclOperationName(o) as AclOperationName), 'ALL'];
}

/**
 * Why a grant is refused (null when it may be created): Kafka's CreateAcls checks with their
 * messages, then kafka-acls' operation check. Each refusal names the form field it is about.
 */
export function aclGrantProblem(b: AclBinding): AclProblem | null {
  const kafka = validateAclBinding(b);
  if (kafka !== null) {
    const message = kafka.errorMessage ?? 'Invalid ACL';
    const field: AclField | null = /resource name|CLUSTER resource/.test(message)
      ? 'resourceName'
      : /principal/.test(message)
        ? 'principal'
        : null;
    return { field, message };
  }
  const { resourceType } = b.pattern;
  if (!isValidOperationFor(resourceType, b.entry.operation)) {
    const type = resourceTypeName(resourceType);
    const ops = grantableOperations(type as AclResourceTypeName).join(', ');
    return {
      field: 'operation',
      message: `${aclOperationName(b.entry.operation)} does not apply to ${type} resources (they support ${ops}); kafka-acls refuses it too.`,
    };
  }
  return null;
}

/**
 * What is worth knowing before granting, though Kafka accepts it: hosts are compared with the
 * client's IP address exactly, so a host name never matches; `*` as a PREFIXED name is not the
 * wildcard.
 */
export function aclGrantWarnings(b: AclBinding): string[] {
  const out: string[] = [];
  const host = b.entry.host;
  if (host !== WILDCARD_HOST && isIP(host.split('%')[0] ?? host) === 0) {
    out.push(
      `Host ${host} is not an IP address: the broker compares an ACL's host with the client's IP address, so this ACL would never apply. Use an address (e.g. 10.0.0.5) or * for any host.`,
    );
  }
  if (b.pattern.patternType === PatternType.PREFIXED && b.pattern.name === '*') {
    out.push('A PREFIXED pattern named * matches only names that start with "*"; the wildcard for every name is LITERAL *.');
  }
  const type = b.entry.principal.slice(0, b.entry.principal.indexOf(':'));
  if (type !== '' && type !== 'User') {
    out.push(
      `Principal type ${type} is not User: logins (SASL, TLS client certificates) give User:… principals, so this ACL would apply to nobody.`,
    );
  }
  return out;
}
