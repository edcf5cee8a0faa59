/**
 * Kafka's StandardAuthorizer (the KRaft authorizer, StandardAuthorizerData.authorize): the ACLs
 * in memory and the decision for one principal, host, operation and resource.
 *
 * A request is decided by the first of these that applies:
 * 1. the principal is one of super.users → allowed;
 * 2. an ACL applies to the resource, principal, host and operation with DENY → denied. DENY always
 *    beats ALLOW, whichever pattern each comes from;
 * 3. such an ACL with ALLOW → allowed;
 * 4. no ACL at all applies to the resource (for any principal) → allow.everyone.if.no.acl.found;
 * 5. otherwise denied.
 * The ACLs that apply to a resource are the LITERAL ones with its exact name, the LITERAL wildcard
 * `*`, and every PREFIXED one its name starts with. One applies to a request when its principal is
 * the request's or `User:*`, its host is the client's address or `*`, and its operation covers the
 * requested one (operations.ts: ALL covers everything; an ALLOW of READ/WRITE/DELETE/ALTER covers
 * DESCRIBE and of ALTER_CONFIGS covers DESCRIBE_CONFIGS; never for DENY). Names, principals and
 * hosts compare exactly, case included.
 *
 * Changes come as whole requests (createAcls/deleteAcls, or their plans applied after the metadata
 * store has them, acl-changes.ts) or as the store's full content (replaceAll).
 */
import {
  AclOperation,
  AclPermissionType,
  PatternType,
  ResourceType,
  WILDCARD_HOST,
  WILDCARD_PRINCIPAL,
  WILDCARD_RESOURCE,
  compareAclBindings,
  type AclBinding,
} from './acl';
import { aclBindingFilterMatches, type AclBindingFilter } from './acl-binding-filter';
import { planCreateAcls, planDeleteAcls, type AclChanges, type AclCreateResult, type AclDeleteResult } from './acl-changes';
import { AclIndex, bindingsOf } from './acl-index';
import type { AuthorizationDecision, AuthorizationRule, RequestContext } from './authorization-rule';
import { DEFAULT_AUTHORIZER_CONFIG, type AuthorizerConfig } from './authorizer-config';
import { aclOperationCovers } from './operations';

const SUPER_USER: AuthorizationDecision = { allowed: true, rule: { kind: 'super-user' } };
const NO_MATCHING_ALLOW: AuthorizationDecision = { allowed: false, rule: { kind: 'no-matching-allow' } };
const NO_ACLS_RULE: AuthorizationRule = { kind: 'no-acls' };

export class Authorizer {
  private readonly index = new AclIndex();
  private superUsers: ReadonlySet<string> = new Set();
  private noAcls: AuthorizationDecision = { allowed: false, rule: NO_ACLS_RULE };
  private settings: AuthorizerConfig = DEFAULT_AUTHORIZER_CONFIG;

  constructor(config: Partial<AuthorizerConfig> = {}) {
    this.configure(config);
  }

  /** Changes super.users and allow.everyone.if.no.acl.found; the ACLs stay. */
  configure(config: Partial<AuthorizerConfig>): void {
    this.settings = { ...this.settings, ...config };
    this.superUsers = new Set(this.settings.superUsers);
    this.noAcls = { allowed: this.settings.allowEveryoneIfNoAclFound, rule: NO_ACLS_RULE };
  }

  get config(): AuthorizerConfig {
    return this.settings;
  }

  isSuperUser(principal: string): boolean {
    return this.superUsers.has(principal);
  }

  /** May `ctx` perform `operation` on the resource? */
  authorize(ctx: RequestContext, operation: AclOperation, resourceType: ResourceType, resourceName: string): boolean {
    return this.authorizeWithRule(ctx, operation, resourceType, resourceName).allowed;
  }

  /** The decision and the rule that made it (for audit lines and the console). */
  authorizeWithRule(ctx: RequestContext, operation: AclOperation, resourceType: ResourceType, resourceName: string): AuthorizationDecision {
    if (this.superUsers.has(ctx.principal)) return SUPER_USER;
    const patterns = this.index.matching(resourceType, resourceName);
    if (patterns.length === 0) return this.noAcls;
    let allow: AclBinding | null = null;
    for (const acls of patterns) {
      // The request's principal, then User:* (unless that is the request's principal).
      for (let pass = 0; pass < 2; pass++) {
        const list =
          pass === 0
            ? acls.byPrincipal.get(ctx.principal)
            : ctx.principal === WILDCARD_PRINCIPAL
              ? undefined
              : acls.byPrincipal.get(WILDCARD_PRINCIPAL);
        if (list === undefined) continue;
        for (const binding of list) {
          const e = binding.entry;
          if (e.host !== WILDCARD_HOST && e.host !== ctx.host) continue;
          if (!aclOperationCovers(e.operation, e.permissionType, operation)) continue;
          if (e.permissionType === AclPermissionType.DENY) return { allowed: false, rule: { kind: 'acl', binding } };
          allow ??= binding;
        }
      }
    }
    return allow === null ? NO_MATCHING_ALLOW : { allowed: true, rule: { kind: 'acl', binding: allow } };
  }

  /**
   * May `ctx` perform `operation` on at least one resource of this type? Kafka's default
   * Authorizer.authorizeByResourceType, which the StandardAuthorizer keeps (used, for example, to
   * let an idempotent producer that may WRITE to some topic through InitProducerId). Operations
   * are not implied here, unlike in authorize.
   */
  authorizeByResourceType(ctx: RequestContext, operation: AclOperation, resourceType: ResourceType): boolean {
    if (resourceType === ResourceType.ANY) throw new Error('Must specify a non-filter resource type for authorizeByResourceType');
    if (resourceType === ResourceType.UNKNOWN) throw new Error('Unknown resource type');
    if (operation === AclOperation.ANY) throw new Error('Must specify a non-filter operation type for authorizeByResourceType');
    if (operation === AclOperation.UNKNOWN) throw new Error('Unknown operation type');
    // Kafka asks about a made-up name first, so that super users (and allow.everyone.if.no.acl.found
    // when nothing applies to that name) are allowed whatever the DENY ACLs say.
    if (this.authorize(ctx, operation, resourceType, 'hardcode')) return true;
    const deny = { literal: new Set<string>(), prefixed: new Set<string>() };
    const allow = { literal: new Set<string>(), prefixed: new Set<string>() };
    let wildcardAllow = false;
    for (const { pattern, entry } of this.index.ofType(resourceType)) {
      if (entry.host !== ctx.host && entry.host !== WILDCARD_HOST) continue;
      if (entry.principal !== ctx.principal && entry.principal !== WILDCARD_PRINCIPAL) continue;
      if (entry.operation !== operation && entry.operation !== AclOperation.ALL) continue;
      const literal = pattern.patternType === PatternType.LITERAL;
      if (entry.permissionType === AclPermissionType.DENY) {
        if (literal && pattern.name === WILDCARD_RESOURCE) return false;
        (literal ? deny.literal : deny.prefixed).add(pattern.name);
      } else if (literal && pattern.name === WILDCARD_RESOURCE) {
        wildcardAllow = true;
      } else {
        (literal ? allow.literal : allow.prefixed).add(pattern.name);
      }
    }
    if (wildcardAllow) return true;
    // An allowed name wins unless a DENY of the same literal name or of one of its prefixes covers it.
    const dominated = (name: string): boolean => {
      for (let length = 1; length <= name.length; length++) if (deny.prefixed.has(name.slice(0, length))) return true;
      return false;
    };
    for (const name of allow.literal) if (!deny.literal.has(name) && !dominated(name)) return true;
    for (const name of allow.prefixed) if (!dominated(name)) return true;
    return false;
  }

  /** The ACLs that apply to a resource (whatever principal, host and operation), in DescribeAcls order. */
  matchingAcls(resourceType: ResourceType, resourceName: string): AclBinding[] {
    return this.index
      .matching(resourceType, resourceName)
      .flatMap((acls) => [...bindingsOf(acls)])
      .sort(compareAclBindings);
  }

  /** CreateAcls: validates and adds; one result per binding, in order. */
  createAcls(bindings: readonly AclBinding[]): AclCreateResult[] {
    const { results, changes } = this.planCreateAcls(bindings);
    this.applyChanges(changes);
    return results;
  }

  /** DeleteAcls: removes what each filter matches; one result per filter, in order. */
  deleteAcls(filters: readonly AclBindingFilter[]): AclDeleteResult[] {
    const { results, changes } = this.planDeleteAcls(filters);
    this.applyChanges(changes);
    return results;
  }

  /** createAcls without applying it; apply `changes` once the metadata store holds them. */
  planCreateAcls(bindings: readonly AclBinding[]): { results: AclCreateResult[]; changes: AclChanges } {
    return planCreateAcls(this.index, bindings);
  }

  /** deleteAcls without applying it. */
  planDeleteAcls(filters: readonly AclBindingFilter[]): { results: AclDeleteResult[]; changes: AclChanges } {
    return planDeleteAcls(this.index, filters);
  }

  applyChanges(changes: AclChanges): void {
    for (const id of changes.removedIds) this.index.remove(id);
    for (const binding of changes.added) this.index.add(binding);
  }

  /** DescribeAcls: the bindings the filter matches, in Kafka's order (acl.ts). */
  describeAcls(filter: AclBindingFilter): AclBinding[] {
    const out: AclBinding[] = [];
    for (const binding of this.index.values()) if (aclBindingFilterMatches(filter, binding)) out.push(binding);
    return out.sort(compareAclBindings);
  }

  /** Every binding, in Kafka's order. */
  acls(): AclBinding[] {
    return [...this.index.values()].sort(compareAclBindings);
  }

  aclCount(): number {
    return this.index.size;
  }

  /**
   * Replaces every ACL (StandardAuthorizer.loadSnapshot), e.g. with the metadata store's content
   * at start-up or after another broker changed it. Duplicates collapse into one.
   */
  replaceAll(bindings: Iterable<AclBinding>): void {
    this.index.clear();
    for (const binding of bindings) this.index.add(binding);
  }
}
