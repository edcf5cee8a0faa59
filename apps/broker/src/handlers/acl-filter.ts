// The ACL filter DescribeAcls and DeleteAcls carry, as the authorizer's AclBindingFilter. Before v1
// there is no pattern type: LITERAL, as Kafka reads it.
import {
  aclOperationFromCode,
  aclPermissionTypeFromCode,
  patternTypeFromCode,
  PatternType,
  resourceTypeFromCode,
  type AclBindingFilter,
} from '../security/authorizer';

export interface WireAclFilter {
  resourceTypeFilter: number;
  resourceNameFilter: string | null;
  patternTypeFilter: number;
  principalFilter: string | null;
  hostFilter: string | null;
  operation: number;
  permissionType: number;
}

export function aclFilterFromWire(f: WireAclFilter, apiVersion: number): AclBindingFilter {
  return {
    pattern: {
      resourceType: resourceTypeFromCode(f.resourceTypeFilter),
      name: f.resourceNameFilter,
      patternType: apiVersion >= 1 ? patternTypeFromCode(f.patternTypeFilter) : PatternType.LITERAL,
    },
    entry: {
      principal: f.principalFilter,
      host: f.hostFilter,
      operation: aclOperationFromCode(f.operation),
      permissionType: aclPermissionTypeFromCode(f.permissionType),
    },
  };
}

export const NO_AUTHORIZER = 'No Authorizer is configured on the broker';
