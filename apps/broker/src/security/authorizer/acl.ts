/**
 * Kafka's ACL model (org.apache.kafka.common.acl and org.apache.kafka.common.resource): a binding
 * of a resource pattern (resource type, name, pattern type) to an access control entry (principal,
 * host, operation, permission type). The numeric codes are Kafka's and go on the wire as int8 in
 * CreateAcls, DescribeAcls and DeleteAcls, and into the metadata store.
 *
 * UNKNOWN and ANY exist in every enum because the same codes serve filters (ANY matches anything,
 * MATCH matches the patterns that would apply to a name) and because a code this broker does not
 * know decodes to UNKNOWN (Kafka's `fromCode`), never to an error. A binding never holds ANY,
 * MATCH or UNKNOWN once validated (acl-validation.ts).
 *
 * AclOperation stops at DESCRIBE_TOKENS (14): tarn speaks Kafka 3.9, and TWO_PHASE_COMMIT (15)
 * arrived with KIP-939 in 4.0, so its code decodes to UNKNOWN as it does on a 3.9 broker.
 */

export const ResourceType = {
  UNKNOWN: 0,
  ANY: 1,
  TOPIC: 2,
  GROUP: 3,
  CLUSTER: 4,
  TRANSACTIONAL_ID: 5,
  DELEGATION_TOKEN: 6,
  USER: 7,
} as const;
export type ResourceType = (typeof ResourceType)[keyof typeof ResourceType];

export const PatternType = {
  UNKNOWN: 0,
  /** Filters only: any pattern type. */
  ANY: 1,
  /** Filters only: the LITERAL, wildcard and PREFIXED patterns that would match the filter's name. */
  MATCH: 2,
  LITERAL: 3,
  PREFIXED: 4,
} as const;
export type PatternType = (typeof PatternType)[keyof typeof PatternType];

export const AclOperation = {
  UNKNOWN: 0,
  /** Filters only. */
  ANY: 1,
  ALL: 2,
  READ: 3,
  WRITE: 4,
  CREATE: 5,
  DELETE: 6,
  ALTER: 7,
  DESCRIBE: 8,
  CLUSTER_ACTION: 9,
  DESCRIBE_CONFIGS: 10,
  ALTER_CONFIGS: 11,
  IDEMPOTENT_WRITE: 12,
  CREATE_TOKENS: 13,
  DESCRIBE_TOKENS: 14,
} as const;
export type AclOperation = (typeof AclOperation)[keyof typeof AclOperation];

export const AclPermissionType = {
  UNKNOWN: 0,
  /** Filters only. */
  ANY: 1,
  DENY: 2,
  ALLOW: 3,
} as const;
export type AclPermissionType = (typeof AclPermissionType)[keyof typeof AclPermissionType];

/** ResourcePattern.WILDCARD_RESOURCE: a LITERAL pattern with this name matches every name of its type. */
export const WILDCARD_RESOURCE = '*';
/** An ACL host that matches every client address. */
export const WILDCARD_HOST = '*';
/** An ACL principal that matches every principal (KafkaPrincipal(USER_TYPE, "*")). */
export const WILDCARD_PRINCIPAL = 'User:*';
/** Resource.CLUSTER_NAME: the one name of the CLUSTER resource. */
export const CLUSTER_NAME = 'kafka-cluster';

export interface ResourcePattern {
  readonly resourceType: ResourceType;
  readonly name: string;
  readonly patternType: PatternType;
}

export interface AccessControlEntry {
  /** `Type:name`, e.g. `User:alice`, or `User:*` for everyone. */
  readonly principal: string;
  /** A client IP address as Java prints it (host-address.ts), or `*`. */
  readonly host: string;
  readonly operation: AclOperation;
  readonly permissionType: AclPermissionType;
}

export interface AclBinding {
  readonly pattern: ResourcePattern;
  readonly entry: AccessControlEntry;
}

function decoder<T extends number>(values: Record<string, T>): (code: number) => T {
  const known = new Set<number>(Object.values(values));
  // Kafka's fromCode: a code it does not know is UNKNOWN (0), so a newer client's value is refused
  // by validation with Kafka's message instead of failing the decode.
  return (code) => (known.has(code) ? (code as T) : (0 as T));
}

export const resourceTypeFromCode = decoder<ResourceType>(ResourceType);
export const patternTypeFromCode = decoder<PatternType>(PatternType);
export const aclOperationFromCode = decoder<AclOperation>(AclOperation);
export const aclPermissionTypeFromCode = decoder<AclPermissionType>(AclPermissionType);

/** A binding from its seven fields, codes decoded as Kafka's `fromCode` does. */
export function aclBinding(fields: {
  resourceType: number;
  resourceName: string;
  patternType: number;
  principal: string;
  host: string;
  operation: number;
  permissionType: number;
}): AclBinding {
  return {
    pattern: {
      resourceType: resourceTypeFromCode(fields.resourceType),
      name: fields.resourceName,
      patternType: patternTypeFromCode(fields.patternType),
    },
    entry: {
      principal: fields.principal,
      host: fields.host,
      operation: aclOperationFromCode(fields.operation),
      permissionType: aclPermissionTypeFromCode(fields.permissionType),
    },
  };
}

export function sameResourcePattern(a: ResourcePattern, b: ResourcePattern): boolean {
  return a.resourceType === b.resourceType && a.patternType === b.patternType && a.name === b.name;
}

export function sameAclBinding(a: AclBinding, b: AclBinding): boolean {
  const x = a.entry;
  const y = b.entry;
  return (
    sameResourcePattern(a.pattern, b.pattern) &&
    x.principal === y.principal &&
    x.host === y.host &&
    x.operation === y.operation &&
    x.permissionType === y.permissionType
  );
}

/**
 * Kafka's StandardAcl order: resource type, then name in REVERSE, then pattern type, operation,
 * principal, host, permission type. DescribeAcls lists bindings in this order, because the
 * StandardAuthorizer iterates its sorted set; names compare by UTF-16 code unit as Java's do.
 */
export function compareAclBindings(a: AclBinding, b: AclBinding): number {
  return (
    a.pattern.resourceType - b.pattern.resourceType ||
    compareStrings(b.pattern.name, a.pattern.name) ||
    a.pattern.patternType - b.pattern.patternType ||
    a.entry.operation - b.entry.operation ||
    compareStrings(a.entry.principal, b.entry.principal) ||
    compareStrings(a.entry.host, b.entry.host) ||
    a.entry.permissionType - b.entry.permissionType
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Bindings grouped by resource pattern, as DescribeAclsResponse.aclsResources shapes them (one
 * resource with its entries); groups and entries keep the order they first appear in.
 */
export function groupByResourcePattern(bindings: Iterable<AclBinding>): Array<{ pattern: ResourcePattern; entries: AccessControlEntry[] }> {
  const groups = new Map<string, { pattern: ResourcePattern; entries: AccessControlEntry[] }>();
  for (const b of bindings) {
    const key = `${b.pattern.resourceType}:${b.pattern.patternType}:${b.pattern.name}`;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { pattern: b.pattern, entries: [] }));
    group.entries.push(b.entry);
  }
  return [...groups.values()];
}
