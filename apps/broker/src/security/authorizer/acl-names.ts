/**
 * The names Kafka shows for ACLs, and parsing them back.
 *
 * Three spellings exist in Kafka and each is used somewhere users look:
 * - the enum constant (`TRANSACTIONAL_ID`, `DESCRIBE_CONFIGS`, `LITERAL`): toString of bindings,
 *   kafka-acls --list, CreateAcls error messages;
 * - Pascal case (`TransactionalId`, `DescribeConfigs`, `Allow`), SecurityUtils' names: the audit
 *   log, the old ZooKeeper ACL JSON and kafka-acls' options (`--operation DescribeConfigs`);
 * - the principal, always `Type:name`.
 * Parsing accepts all of them in any case, as `fromString` (enum name) and SecurityUtils'
 * lookup (Pascal case, or its upper case without underscores) together do; anything else is
 * UNKNOWN, never an exception.
 */
import {
  AclOperation,
  AclPermissionType,
  PatternType,
  ResourceType,
  type AccessControlEntry,
  type AclBinding,
  type ResourcePattern,
} from './acl';
import type { AccessControlEntryFilter, AclBindingFilter, ResourcePatternFilter } from './acl-binding-filter';

function namer<T extends number>(values: Record<string, T>): (code: T) => string {
  const names = new Map<number, string>(Object.entries(values).map(([name, code]) => [code, name]));
  return (code) => names.get(code) ?? 'UNKNOWN';
}

function parser<T extends number>(values: Record<string, T>): (text: string) => T {
  const byName = new Map<string, T>();
  for (const [name, code] of Object.entries(values)) {
    byName.set(name, code);
    byName.set(name.replaceAll('_', ''), code);
  }
  return (text) => byName.get(text.toUpperCase()) ?? (0 as T);
}

/** SecurityUtils.toPascalCase: `DESCRIBE_CONFIGS` → `DescribeConfigs`. */
function pascalCase(name: string): string {
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

export const resourceTypeName = namer<ResourceType>(ResourceType);
export const patternTypeName = namer<PatternType>(PatternType);
export const aclOperationName = namer<AclOperation>(AclOperation);
export const aclPermissionTypeName = namer<AclPermissionType>(AclPermissionType);

/** SecurityUtils.resourceTypeName: `Topic`, `TransactionalId`, `DelegationToken`. */
export const resourceTypeDisplayName = (t: ResourceType): string => pascalCase(resourceTypeName(t));
/** SecurityUtils.operationName: `Read`, `DescribeConfigs`, `IdempotentWrite`. */
export const aclOperationDisplayName = (o: AclOperation): string => pascalCase(aclOperationName(o));
/** SecurityUtils.permissionTypeName: `Allow`, `Deny`. */
export const aclPermissionTypeDisplayName = (p: AclPermissionType): string => pascalCase(aclPermissionTypeName(p));

export const parseResourceType = parser<ResourceType>(ResourceType);
export const parsePatternType = parser<PatternType>(PatternType);
export const parseAclOperation = parser<AclOperation>(AclOperation);
export const parseAclPermissionType = parser<AclPermissionType>(AclPermissionType);

/** ResourcePattern.toString: `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`. */
export function formatResourcePattern(p: ResourcePattern): string {
  return `ResourcePattern(resourceType=${resourceTypeName(p.resourceType)}, name=${p.name}, patternType=${patternTypeName(p.patternType)})`;
}

/** AccessControlEntry.toString: `(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)`. */
export function formatAccessControlEntry(e: AccessControlEntry): string {
  return `(principal=${e.principal}, host=${e.host}, operation=${aclOperationName(e.operation)}, permissionType=${aclPermissionTypeName(e.permissionType)})`;
}

/** AclBinding.toString. */
export function formatAclBinding(b: AclBinding): string {
  return `(pattern=${formatResourcePattern(b.pattern)}, entry=${formatAccessControlEntry(b.entry)})`;
}

/** ResourcePatternFilter.toString (Kafka prints "ResourcePattern" for the filter too). */
export function formatResourcePatternFilter(f: ResourcePatternFilter): string {
  return `ResourcePattern(resourceType=${resourceTypeName(f.resourceType)}, name=${f.name ?? '<any>'}, patternType=${patternTypeName(f.patternType)})`;
}

/** AccessControlEntryFilter.toString. */
export function formatAccessControlEntryFilter(f: AccessControlEntryFilter): string {
  return `(principal=${f.principal ?? '<any>'}, host=${f.host ?? '<any>'}, operation=${aclOperationName(f.operation)}, permissionType=${aclPermissionTypeName(f.permissionType)})`;
}

/** AclBindingFilter.toString. */
export function formatAclBindingFilter(f: AclBindingFilter): string {
  return `(patternFilter=${formatResourcePatternFilter(f.pattern)}, entryFilter=${formatAccessControlEntryFilter(f.entry)})`;
}

/**
 * What `kafka-acls --list` prints: per resource, "Current ACLs for resource `<pattern>`:" and its
 * entries indented by a tab, with the stray spaces AclCommand's string template leaves.
 */
export function formatAclListing(groups: ReadonlyArray<{ pattern: ResourcePattern; entries: readonly AccessControlEntry[] }>): string {
  return groups
    .map(
      ({ pattern, entries }) =>
        `Current ACLs for resource \`${formatResourcePattern(pattern)}\`: \n ${entries.map((e) => `\t${formatAccessControlEntry(e)}`).join('\n')} \n\n`,
    )
    .join('');
}
