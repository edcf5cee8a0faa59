/**
 * Effective permissions on one resource, for the console: for each principal that has an ACL
 * applying to the resource, and each operation of the resource's type, whether it is allowed and
 * which rule decided. Kafka has no such API; every cell is the authorizer's own decision
 * (authorizeWithRule), so the table cannot disagree with what requests get.
 *
 * Rows: one per principal named by an applying ACL (`User:*` stands for every other principal),
 * and per host. ACLs may name hosts; a principal gets a row for each host named by an applying ACL
 * of its own or of `User:*`, and a row for `*` meaning "from any other host". A super user with
 * ACLs gets rows too, all allowed by the super-user rule.
 */
import { WILDCARD_HOST, WILDCARD_PRINCIPAL, type AclBinding, type AclOperation, type ResourceType } from './acl';
import type { AuthorizationDecision, RequestContext } from './authorization-rule';
import { supportedOperations } from './operations';

/** What the table needs of the authorizer. */
export interface PermissionSource {
  matchingAcls(resourceType: ResourceType, resourceName: string): AclBinding[];
  authorizeWithRule(ctx: RequestContext, operation: AclOperation, resourceType: ResourceType, resourceName: string): AuthorizationDecision;
  isSuperUser(principal: string): boolean;
}

export interface OperationPermission extends AuthorizationDecision {
  readonly operation: AclOperation;
}

export interface PrincipalPermissions {
  readonly principal: string;
  /** The client host this row is for; `*` means any host no ACL names. */
  readonly host: string;
  readonly superUser: boolean;
  readonly operations: readonly OperationPermission[];
}

export interface EffectivePermissions {
  readonly resourceType: ResourceType;
  readonly resourceName: string;
  /** The ACLs that apply to the resource, in DescribeAcls order. */
  readonly acls: readonly AclBinding[];
  /** Sorted by principal (`User:*` first), then host (`*` first). */
  readonly principals: readonly PrincipalPermissions[];
}

export function effectivePermissions(source: PermissionSource, resourceType: ResourceType, resourceName: string): EffectivePermissions {
  const acls = source.matchingAcls(resourceType, resourceName);
  const hostsOf = new Map<string, Set<string>>();
  const everyoneHosts = new Set<string>();
  for (const { entry } of acls) {
    if (!hostsOf.has(entry.principal)) hostsOf.set(entry.principal, new Set());
    if (entry.host === WILDCARD_HOST) continue;
    hostsOf.get(entry.principal)?.add(entry.host);
    if (entry.principal === WILDCARD_PRINCIPAL) everyoneHosts.add(entry.host);
  }
  const operations = supportedOperations(resourceType);
  const rows: PrincipalPermissions[] = [];
  for (const principal of [...hostsOf.keys()].sort(byPrincipal)) {
    const hosts = new Set([...(hostsOf.get(principal) ?? []), ...everyoneHosts]);
    for (const host of [WILDCARD_HOST, ...[...hosts].sort()]) {
      const ctx = { principal, host };
      rows.push({
        principal,
        host,
        superUser: source.isSuperUser(principal),
        operations: operations.map((operation) => ({ operation, ...source.authorizeWithRule(ctx, operation, resourceType, resourceName) })),
      });
    }
  }
  return { resourceType, resourceName, acls, principals: rows };
}

function byPrincipal(a: string, b: string): number {
  if (a === WILDCARD_PRINCIPAL || b === WILDCARD_PRINCIPAL) return a === b ? 0 : a === WILDCARD_PRINCIPAL ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
