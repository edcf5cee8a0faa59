/**
 * "Who can do what" on one topic or group, for the console: the authorizer's effective permissions
 * (effective-permissions.ts: one row per principal and host named by an ACL that applies to the
 * resource, each cell the authorizer's own decision and the rule behind it), plus what everyone
 * else gets and who the super users are — the two things no ACL row shows.
 *
 * "Everyone else" is decided by asking the authorizer about a principal no ACL names: with ACLs
 * on the resource that is a denial (unless a `User:*` ACL allows), without any it is
 * allow.everyone.if.no.acl.found.
 */
import {
  aclOperationName,
  effectivePermissions,
  formatAuthorizationRule,
  ResourceType,
  supportedOperations,
  WILDCARD_HOST,
  type AclOperation,
  type AuthorizationDecision,
  type Authorizer,
} from '../../security/authorizer';
import { aclRow } from './acl-view';

export type AccessResourceType = 'TOPIC' | 'GROUP';

function cell(operation: AclOperation, d: AuthorizationDecision) {
  return {
    operation: aclOperationName(operation),
    allowed: d.allowed,
    /** super-user | acl | no-acls | no-matching-allow */
    rule: d.rule.kind,
    /** Kafka's MatchingRule text: SuperUser, MatchingAcl(acl=…), DefaultAllow, DefaultDeny. */
    ruleText: formatAuthorizationRule(d),
    /** The deciding ACL's id, when an ACL decided. */
    aclId: d.rule.kind === 'acl' ? aclRow(d.rule.binding).id : null,
  };
}

/** A principal that no ACL names and that is no super user. */
function unnamedPrincipal(named: ReadonlySet<string>, authorizer: Authorizer): string {
  let p = 'User:\u0000everyone-else';
  while (named.has(p) || authorizer.isSuperUser(p)) p += '\u0000';
  return p;
}

export function accessView(authorization: { enabled: boolean; authorizer: Authorizer }, type: AccessResourceType, name: string) {
  const resourceType = ResourceType[type];
  const operations = supportedOperations(resourceType).map((o) => aclOperationName(o));
  const { superUsers, allowEveryoneIfNoAclFound } = authorization.authorizer.config;
  const base = { resourceType: type, resourceName: name, operations, superUsers: [...superUsers], allowEveryoneIfNoAclFound };
  if (!authorization.enabled) {
    return {
      ...base,
      enabled: false as const,
      acls: [],
      principals: [],
      everyoneElse: operations.map((operation) => ({
        operation,
        allowed: true,
        rule: 'no-authorizer' as const,
        ruleText: 'No authorizer',
        aclId: null,
      })),
    };
  }
  const authorizer = authorization.authorizer;
  const effective = effectivePermissions(authorizer, resourceType, name);
  const named = new Set(effective.principals.map((p) => p.principal));
  const other = { principal: unnamedPrincipal(named, authorizer), host: WILDCARD_HOST };
  return {
    ...base,
    enabled: true as const,
    acls: effective.acls.map(aclRow),
    principals: effective.principals.map((p) => ({
      principal: p.principal,
      host: p.host,
      superUser: p.superUser,
      operations: p.operations.map((o) => cell(o.operation, o)),
    })),
    everyoneElse: supportedOperations(resourceType).map((o) => cell(o, authorizer.authorizeWithRule(other, o, resourceType, name))),
  };
}
export type AccessView = ReturnType<typeof accessView>;
