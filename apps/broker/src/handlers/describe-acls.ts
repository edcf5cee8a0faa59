// DescribeAcls v0-3: the bindings a filter matches, grouped by resource pattern (v1 adds pattern
// types, v2 is flexible). Needs Describe on the cluster; without an authorizer Kafka answers
// SECURITY_DISABLED.
import { ApiKey, DescribeAclsResponseTypes, ErrorCode } from '@tarn/protocol';
import { groupByResourcePattern, validateAclBindingFilter } from '../security/authorizer';
import { aclFilterFromWire, NO_AUTHORIZER } from './acl-filter';
import { AclOperation, authorizedOnCluster } from './authorize';
import { defineHandler } from './handler';

export const describeAcls = defineHandler({
  apiKey: ApiKey.DescribeAcls,
  minVersion: 0,
  maxVersion: 3,
  handle(ctx, req) {
    const base = DescribeAclsResponseTypes.defaultDescribeAclsResponse();
    const authorization = ctx.services.authorization;
    if (!authorization.enabled) return { ...base, errorCode: ErrorCode.SECURITY_DISABLED, errorMessage: NO_AUTHORIZER };
    if (!authorizedOnCluster(ctx, AclOperation.DESCRIBE))
      return { ...base, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, errorMessage: 'Cluster authorization failed.' };
    const filter = aclFilterFromWire(req, ctx.apiVersion);
    const invalid = validateAclBindingFilter(filter);
    if (invalid !== null) return { ...base, errorCode: invalid.errorCode, errorMessage: invalid.errorMessage };
    const resources = groupByResourcePattern(authorization.describeAcls(filter)).map((g) => ({
      ...DescribeAclsResponseTypes.defaultDescribeAclsResource(),
      resourceType: g.pattern.resourceType,
      resourceName: g.pattern.name,
      patternType: g.pattern.patternType,
      acls: g.entries.map((e) => ({
        ...DescribeAclsResponseTypes.defaultAclDescription(),
        principal: e.principal,
        host: e.host,
        operation: e.operation,
        permissionType: e.permissionType,
      })),
    }));
    return { ...base, errorCode: ErrorCode.NONE, errorMessage: null, resources };
  },
  errorResponse: (_req, code, message) => ({
    ...DescribeAclsResponseTypes.defaultDescribeAclsResponse(),
    errorCode: code,
    errorMessage: message,
  }),
});
