/**
 * Which operations apply to which resource type, and which operations an ACL's operation covers.
 *
 * The per-type lists are Kafka 3.9's AclEntry.supportedOperations, which kafka-acls checks before
 * it sends anything ("ResourceType Group only supports operations ..."); the broker itself stores
 * an ACL for any operation. Kafka 4.0 adds DESCRIBE_CONFIGS and ALTER_CONFIGS to GROUP with group
 * configs (KIP-848), which tarn does not serve.
 *
 * Implication follows StandardAuthorizerData.findResult: ALL covers every operation, for ALLOW and
 * DENY alike; an ALLOW of READ, WRITE, DELETE or ALTER also allows DESCRIBE, and an ALLOW of
 * ALTER_CONFIGS also allows DESCRIBE_CONFIGS. Implication never applies to DENY: denying READ does
 * not deny DESCRIBE.
 */
import { AclOperation, AclPermissionType, ResourceType } from './acl';

const {
  READ,
  WRITE,
  CREATE,
  DELETE,
  ALTER,
  DESCRIBE,
  CLUSTER_ACTION,
  DESCRIBE_CONFIGS,
  ALTER_CONFIGS,
  IDEMPOTENT_WRITE,
  CREATE_TOKENS,
  DESCRIBE_TOKENS,
} = AclOperation;

const SUPPORTED: ReadonlyMap<ResourceType, readonly AclOperation[]> = new Map<ResourceType, readonly AclOperation[]>([
  [ResourceType.TOPIC, [READ, WRITE, CREATE, DESCRIBE, DELETE, ALTER, DESCRIBE_CONFIGS, ALTER_CONFIGS]],
  [ResourceType.GROUP, [READ, DESCRIBE, DELETE]],
  [ResourceType.CLUSTER, [CREATE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS, IDEMPOTENT_WRITE, ALTER, DESCRIBE]],
  [ResourceType.TRANSACTIONAL_ID, [DESCRIBE, WRITE]],
  [ResourceType.DELEGATION_TOKEN, [DESCRIBE]],
  [ResourceType.USER, [CREATE_TOKENS, DESCRIBE_TOKENS]],
]);

/** The concrete resource types, in code order. */
export const RESOURCE_TYPES: readonly ResourceType[] = [...SUPPORTED.keys()].sort((a, b) => a - b);

/** AclEntry.supportedOperations, in Kafka's listing order; throws for UNKNOWN and ANY as Kafka does. */
export function supportedOperations(resourceType: ResourceType): readonly AclOperation[] {
  const ops = SUPPORTED.get(resourceType);
  if (ops === undefined) throw new Error('Not a concrete resource type');
  return ops;
}

/** kafka-acls' check: the supported operations and ALL are valid for a type. */
export function isValidOperationFor(resourceType: ResourceType, operation: AclOperation): boolean {
  return operation === AclOperation.ALL || (SUPPORTED.get(resourceType)?.includes(operation) ?? false);
}

const IMPLIES_DESCRIBE: ReadonlySet<AclOperation> = new Set([DESCRIBE, READ, WRITE, DELETE, ALTER]);
const IMPLIES_DESCRIBE_CONFIGS: ReadonlySet<AclOperation> = new Set([DESCRIBE_CONFIGS, ALTER_CONFIGS]);

/** Whether an ACL with this operation and permission applies to a request for `requested`. */
export function aclOperationCovers(aclOperation: AclOperation, permissionType: AclPermissionType, requested: AclOperation): boolean {
  if (aclOperation === AclOperation.ALL) return true;
  if (permissionType !== AclPermissionType.ALLOW) return aclOperation === requested;
  if (requested === DESCRIBE) return IMPLIES_DESCRIBE.has(aclOperation);
  if (requested === DESCRIBE_CONFIGS) return IMPLIES_DESCRIBE_CONFIGS.has(aclOperation);
  return aclOperation === requested;
}
