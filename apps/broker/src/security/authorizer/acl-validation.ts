/**
 * What CreateAcls and DeleteAcls refuse, per binding or filter, with Kafka's codes and messages.
 *
 * A binding passes two sets of checks in Kafka, in this order, and the first failure is its answer
 * (INVALID_REQUEST with the message below):
 * 1. the broker's AclApis.handleCreateAcls: a CLUSTER pattern must be named `kafka-cluster`, and a
 *    name must not be empty;
 * 2. the controller's AclControlManager.validateNewAcl (Kafka 4.0, with KAFKA-18051): a concrete
 *    resource type, LITERAL or PREFIXED, a concrete operation, ALLOW or DENY, a non-empty name,
 *    and a principal with a colon.
 * Nothing else is checked: any `Type:name` principal is accepted (`Group:ops`, even `:x`), any
 * host string, any operation for any resource type (kafka-acls checks that, see operations.ts),
 * and a PREFIXED pattern named `*` is legal — it matches names that start with `*`; only the
 * LITERAL `*` is the wildcard.
 *
 * Two refusals happen before these, on the whole request, and belong to the request handler:
 * Kafka's CreateAclsRequest parser rejects a creation holding code 0 (UNKNOWN) in any enum field,
 * or a non-LITERAL pattern at v0, and the connection is closed; and a creation holding ANY (or
 * MATCH as pattern type) makes Kafka's ResourcePattern / AccessControlEntry constructors throw, so
 * every creation of the request is answered UNKNOWN_SERVER_ERROR. A code Kafka does not know at
 * all (say 99) decodes to UNKNOWN and reaches the checks here ("Invalid resourceType UNKNOWN").
 */
import { ErrorCode } from '@tarn/protocol';
import { AclOperation, AclPermissionType, CLUSTER_NAME, PatternType, ResourceType, type AclBinding } from './acl';
import type { AclBindingFilter } from './acl-binding-filter';
import { aclOperationName, aclPermissionTypeName, patternTypeName, resourceTypeName } from './acl-names';

/** An error answer for one binding or filter (Kafka's ApiError). */
export interface AclApiError {
  readonly errorCode: number;
  readonly errorMessage: string | null;
}

function invalid(message: string): AclApiError {
  return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: message };
}

/** Why CreateAcls refuses this binding, or null when it is valid. */
export function validateAclBinding(binding: AclBinding): AclApiError | null {
  const { pattern, entry } = binding;
  // AclApis.handleCreateAcls
  if (pattern.resourceType === ResourceType.CLUSTER && pattern.name !== CLUSTER_NAME)
    return invalid(`The only valid name for the CLUSTER resource is ${CLUSTER_NAME}`);
  if (pattern.name === '') return invalid('Invalid empty resource name');
  // AclControlManager.validateNewAcl
  if (pattern.resourceType === ResourceType.UNKNOWN || pattern.resourceType === ResourceType.ANY)
    return invalid(`Invalid resourceType ${resourceTypeName(pattern.resourceType)}`);
  if (pattern.patternType !== PatternType.LITERAL && pattern.patternType !== PatternType.PREFIXED)
    return invalid(`Invalid patternType ${patternTypeName(pattern.patternType)}`);
  if (entry.operation === AclOperation.UNKNOWN || entry.operation === AclOperation.ANY)
    return invalid(`Invalid operation ${aclOperationName(entry.operation)}`);
  if (entry.permissionType !== AclPermissionType.ALLOW && entry.permissionType !== AclPermissionType.DENY)
    return invalid(`Invalid permissionType ${aclPermissionTypeName(entry.permissionType)}`);
  if (!entry.principal.includes(':')) {
    return invalid(
      `Could not parse principal from \`${entry.principal}\` (no colon is present separating the principal type from the principal name)`,
    );
  }
  return null;
}

/** Why DeleteAcls refuses this filter (AclControlManager.validateFilter), or null. */
export function validateAclBindingFilter(filter: AclBindingFilter): AclApiError | null {
  if (filter.pattern.resourceType === ResourceType.UNKNOWN || filter.pattern.patternType === PatternType.UNKNOWN)
    return invalid('Unknown patternFilter.');
  if (filter.entry.operation === AclOperation.UNKNOWN || filter.entry.permissionType === AclPermissionType.UNKNOWN)
    return invalid('Unknown entryFilter.');
  return null;
}
