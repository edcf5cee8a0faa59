// DeleteAcls v0-3: every filter matched against the ACLs as they were before the request; the
// bindings matched are removed from the metadata store (on every broker) and listed per filter.
// Needs Alter on the cluster.
import { ApiKey, DeleteAclsResponseTypes, ErrorCode, errorCodeOf } from '@tarn/protocol';
import { aclFilterFromWire, NO_AUTHORIZER } from './acl-filter';
import { AclOperation, authorizedOnCluster } from './authorize';
import { defineHandler } from './handler';

const filterResult = (errorCode: number, errorMessage: string | null) => ({
  ...DeleteAclsResponseTypes.defaultDeleteAclsFilterResult(),
  errorCode,
  errorMessage,
  matchingAcls: [],
});

export const deleteAcls = defineHandler({
  apiKey: ApiKey.DeleteAcls,
  minVersion: 0,
  maxVersion: 3,
  async handle(ctx, req) {
    const authorization = ctx.services.authorization;
    const all = (code: number, message: string) => ({
      ...DeleteAclsResponseTypes.defaultDeleteAclsResponse(),
      filterResults: req.filters.map(() => filterResult(code, message)),
    });
    if (!authorization.enabled) return all(ErrorCode.SECURITY_DISABLED, NO_AUTHORIZER);
    if (!authorizedOnCluster(ctx, AclOperation.ALTER)) return all(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    try {
      const results = await authorization.deleteAcls(req.filters.map((f) => aclFilterFromWire(f, ctx.apiVersion)));
      const filterResults = results.map((r) => ({
        ...filterResult(r.errorCode, r.errorMessage),
        matchingAcls: r.deleted.map((b) => ({
          ...DeleteAclsResponseTypes.defaultDeleteAclsMatchingAcl(),
          errorCode: ErrorCode.NONE,
          errorMessage: null,
          resourceType: b.pattern.resourceType,
          resourceName: b.pattern.name,
          patternType: b.pattern.patternType,
          principal: b.entry.principal,
          host: b.entry.host,
          operation: b.entry.operation,
          permissionType: b.entry.permissionType,
        })),
      }));
      return { ...DeleteAclsResponseTypes.defaultDeleteAclsResponse(), filterResults };
    } catch (err) {
      return all(errorCodeOf(err), (err as Error).message);
    }
  },
  errorResponse: (req, code, message) => ({
    ...DeleteAclsResponseTypes.defaultDeleteAclsResponse(),
    filterResults: req.filters.map(() => filterResult(code, message)),
  }),
});
