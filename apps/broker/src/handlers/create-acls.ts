// CreateAcls v0-3: each binding validated and answered on its own; the valid ones are written to
// the metadata store and apply on every broker. Needs Alter on the cluster. v0 knows only LITERAL
// patterns, and a binding with ANY in a field fails the whole request as Kafka's parser does.
import { ApiKey, CreateAclsResponseTypes, ErrorCode, errorCodeOf } from '@tarn/protocol';
import { AclOperation as Op, AclPermissionType, aclBinding, PatternType, ResourceType } from '../security/authorizer';
import { NO_AUTHORIZER } from './acl-filter';
import { AclOperation, authorizedOnCluster } from './authorize';
import { defineHandler } from './handler';

const result = (errorCode: number, errorMessage: string | null) => ({
  ...CreateAclsResponseTypes.defaultAclCreationResult(),
  errorCode,
  errorMessage,
});

export const createAcls = defineHandler({
  apiKey: ApiKey.CreateAcls,
  minVersion: 0,
  maxVersion: 3,
  async handle(ctx, req) {
    const authorization = ctx.services.authorization;
    const all = (code: number, message: string) => ({
      ...CreateAclsResponseTypes.defaultCreateAclsResponse(),
      results: req.creations.map(() => result(code, message)),
    });
    if (!authorization.enabled) return all(ErrorCode.SECURITY_DISABLED, NO_AUTHORIZER);
    if (!authorizedOnCluster(ctx, AclOperation.ALTER)) return all(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    const bindings = req.creations.map((c) =>
      aclBinding({ ...c, patternType: ctx.apiVersion >= 1 ? c.resourcePatternType : PatternType.LITERAL }),
    );
    // Kafka's ResourcePattern / AccessControlEntry refuse ANY (and MATCH): the whole request fails
    if (
      bindings.some(
        (b) =>
          b.pattern.resourceType === ResourceType.ANY ||
          b.pattern.patternType === PatternType.ANY ||
          b.pattern.patternType === PatternType.MATCH ||
          b.entry.operation === Op.ANY ||
          b.entry.permissionType === AclPermissionType.ANY,
      )
    ) {
      return all(ErrorCode.UNKNOWN_SERVER_ERROR, 'ACL bindings may not hold ANY or MATCH');
    }
    try {
      const results = await authorization.createAcls(bindings);
      return { ...CreateAclsResponseTypes.defaultCreateAclsResponse(), results: results.map((r) => result(r.errorCode, r.errorMessage)) };
    } catch (err) {
      return all(errorCodeOf(err), (err as Error).message);
    }
  },
  errorResponse: (req, code, message) => ({
    ...CreateAclsResponseTypes.defaultCreateAclsResponse(),
    results: req.creations.map(() => result(code, message)),
  }),
});
