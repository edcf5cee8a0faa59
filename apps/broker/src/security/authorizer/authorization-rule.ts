/**
 * Why the authorizer decided as it did — StandardAuthorizerData's MatchingRule — and the audit
 * line Kafka writes with it to the `kafka.authorizer.logger`.
 */
import type { AclBinding, AclOperation, ResourceType } from './acl';
import { aclOperationName, formatAclBinding, resourceTypeDisplayName } from './acl-names';

/** Who asks: the session's principal (`User:alice`) and the client's address (host-address.ts). */
export interface RequestContext {
  readonly principal: string;
  readonly host: string;
}

export type AuthorizationRule =
  /** The principal is in super.users (Kafka: SuperUser). */
  | { readonly kind: 'super-user' }
  /** This ACL decided: a matching DENY, or else a matching ALLOW (Kafka: MatchingAcl). */
  | { readonly kind: 'acl'; readonly binding: AclBinding }
  /** No ACL applies to the resource at all; allow.everyone.if.no.acl.found decided (DefaultAllow / DefaultDeny). */
  | { readonly kind: 'no-acls' }
  /** ACLs apply to the resource but none allows this principal, host and operation (DefaultDeny). */
  | { readonly kind: 'no-matching-allow' };

export interface AuthorizationDecision {
  readonly allowed: boolean;
  readonly rule: AuthorizationRule;
}

/** MatchingRule.toString: `SuperUser`, `MatchingAcl(acl=…)`, `DefaultAllow`, `DefaultDeny`. */
export function formatAuthorizationRule(decision: AuthorizationDecision): string {
  switch (decision.rule.kind) {
    case 'super-user':
      return 'SuperUser';
    case 'acl':
      return `MatchingAcl(acl=${formatAclBinding(decision.rule.binding)})`;
    default:
      return decision.allowed ? 'DefaultAllow' : 'DefaultDeny';
  }
}

/**
 * StandardAuthorizerData.buildAuditMessage, e.g. "Principal = User:alice is Denied operation = READ
 * from host = 10.0.0.1 on resource = Topic:LITERAL:orders for request = Fetch with
 * resourceRefCount = 1 based on rule DefaultDeny". Kafka logs denials of explicitly requested
 * resources at INFO and the rest at DEBUG or TRACE.
 */
export function formatAuditMessage(
  ctx: RequestContext,
  operation: AclOperation,
  resourceType: ResourceType,
  resourceName: string,
  decision: AuthorizationDecision,
  request: { apiName: string; resourceReferenceCount: number },
): string {
  return (
    `Principal = ${ctx.principal} is ${decision.allowed ? 'Allowed' : 'Denied'} operation = ${aclOperationName(operation)} from host = ${ctx.host} ` +
    `on resource = ${resourceTypeDisplayName(resourceType)}:LITERAL:${resourceName} for request = ${request.apiName} ` +
    `with resourceRefCount = ${request.resourceReferenceCount} based on rule ${formatAuthorizationRule(decision)}`
  );
}
