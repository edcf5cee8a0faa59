/**
 * Kafka's ACL filters (ResourcePatternFilter, AccessControlEntryFilter, AclBindingFilter), which
 * DescribeAcls and DeleteAcls carry. A null name, principal or host matches anything; ANY matches
 * any value of its field.
 *
 * The pattern type of a filter decides how its name is compared:
 * - ANY: the name must equal the pattern's name, whatever the pattern type;
 * - LITERAL or PREFIXED: only patterns of that type, with that exact name;
 * - MATCH: the patterns that would apply to a resource of that name: the LITERAL pattern with the
 *   name, the LITERAL wildcard `*`, and every PREFIXED pattern the name starts with.
 * So MATCH on `orders` finds Topic:LITERAL:orders, Topic:LITERAL:*, Topic:PREFIXED:ord, while ANY
 * on `orders` finds Topic:LITERAL:orders and Topic:PREFIXED:orders only.
 */
import {
  AclOperation,
  AclPermissionType,
  PatternType,
  ResourceType,
  WILDCARD_RESOURCE,
  type AccessControlEntry,
  type AclBinding,
  type ResourcePattern,
} from './acl';

export interface ResourcePatternFilter {
  readonly resourceType: ResourceType;
  readonly name: string | null;
  readonly patternType: PatternType;
}

export interface AccessControlEntryFilter {
  readonly principal: string | null;
  readonly host: string | null;
  readonly operation: AclOperation;
  readonly permissionType: AclPermissionType;
}

export interface AclBindingFilter {
  readonly pattern: ResourcePatternFilter;
  readonly entry: AccessControlEntryFilter;
}

export const RESOURCE_PATTERN_FILTER_ANY: ResourcePatternFilter = {
  resourceType: ResourceType.ANY,
  name: null,
  patternType: PatternType.ANY,
};
export const ACCESS_CONTROL_ENTRY_FILTER_ANY: AccessControlEntryFilter = {
  principal: null,
  host: null,
  operation: AclOperation.ANY,
  permissionType: AclPermissionType.ANY,
};
/** AclBindingFilter.ANY: matches every binding. */
export const ACL_BINDING_FILTER_ANY: AclBindingFilter = { pattern: RESOURCE_PATTERN_FILTER_ANY, entry: ACCESS_CONTROL_ENTRY_FILTER_ANY };

/** ResourcePatternFilter.matches. */
export function resourcePatternFilterMatches(filter: ResourcePatternFilter, pattern: ResourcePattern): boolean {
  if (filter.resourceType !== ResourceType.ANY && filter.resourceType !== pattern.resourceType) return false;
  if (filter.patternType !== PatternType.ANY && filter.patternType !== PatternType.MATCH && filter.patternType !== pattern.patternType)
    return false;
  if (filter.name === null) return true;
  if (filter.patternType === PatternType.ANY || filter.patternType === pattern.patternType) return filter.name === pattern.name;
  // MATCH from here on.
  switch (pattern.patternType) {
    case PatternType.LITERAL:
      return filter.name === pattern.name || pattern.name === WILDCARD_RESOURCE;
    case PatternType.PREFIXED:
      return filter.name.startsWith(pattern.name);
    default:
      // Kafka throws "Unsupported PatternType"; stored patterns are always LITERAL or PREFIXED.
      return false;
  }
}

/** AccessControlEntryFilter.matches. */
export function accessControlEntryFilterMatches(filter: AccessControlEntryFilter, entry: AccessControlEntry): boolean {
  if (filter.principal !== null && filter.principal !== entry.principal) return false;
  if (filter.host !== null && filter.host !== entry.host) return false;
  if (filter.operation !== AclOperation.ANY && filter.operation !== entry.operation) return false;
  if (filter.permissionType !== AclPermissionType.ANY && filter.permissionType !== entry.permissionType) return false;
  return true;
}

/** AclBindingFilter.matches. */
export function aclBindingFilterMatches(filter: AclBindingFilter, binding: AclBinding): boolean {
  return resourcePatternFilterMatches(filter.pattern, binding.pattern) && accessControlEntryFilterMatches(filter.entry, binding.entry);
}

/** AclBinding.toFilter: the filter that matches exactly this binding. */
export function aclBindingToFilter(binding: AclBinding): AclBindingFilter {
  return { pattern: { ...binding.pattern }, entry: { ...binding.entry } };
}

/** AclBindingFilter.isUnknown: some field is UNKNOWN (an enum code this broker does not know). */
export function isUnknownFilter(filter: AclBindingFilter): boolean {
  return (
    filter.pattern.resourceType === ResourceType.UNKNOWN ||
    filter.pattern.patternType === PatternType.UNKNOWN ||
    filter.entry.operation === AclOperation.UNKNOWN ||
    filter.entry.permissionType === AclPermissionType.UNKNOWN
  );
}

/**
 * AclBindingFilter.findIndefiniteField: why the filter may match more than one binding (an ANY,
 * null, MATCH or UNKNOWN field), in Kafka's words, or null when it matches at most one.
 */
export function findIndefiniteField(filter: AclBindingFilter): string | null {
  const p = filter.pattern;
  if (p.resourceType === ResourceType.ANY) return 'Resource type is ANY.';
  if (p.resourceType === ResourceType.UNKNOWN) return 'Resource type is UNKNOWN.';
  if (p.name === null) return 'Resource name is NULL.';
  if (p.patternType === PatternType.MATCH) return 'Resource pattern type is MATCH.';
  if (p.patternType === PatternType.UNKNOWN) return 'Resource pattern type is UNKNOWN.';
  const e = filter.entry;
  if (e.principal === null) return 'Principal is NULL';
  if (e.host === null) return 'Host is NULL';
  if (e.operation === AclOperation.ANY) return 'Operation is ANY';
  if (e.operation === AclOperation.UNKNOWN) return 'Operation is UNKNOWN';
  if (e.permissionType === AclPermissionType.ANY) return 'Permission type is ANY';
  if (e.permissionType === AclPermissionType.UNKNOWN) return 'Permission type is UNKNOWN';
  return null;
}

/** AclBindingFilter.matchesAtMostOne. */
export function matchesAtMostOne(filter: AclBindingFilter): boolean {
  return findIndefiniteField(filter) === null;
}
