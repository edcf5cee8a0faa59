/**
 * Authorization on the Kafka port (Kafka's Authorizer plugged into KafkaApis): enabled by
 * `authorizer.class.name` (any of Kafka's StandardAuthorizer or AclAuthorizer class names, or
 * tarn's own), with `super.users` and `allow.everyone.if.no.acl.found`. Without it every
 * principal may do everything, as in Kafka without an authorizer.
 *
 * The ACLs live in the metadata store; every broker keeps its authorizer in step with the store's
 * image (a change made through any broker applies on all of them). CreateAcls and DeleteAcls plan
 * their change against the current ACLs, write it to the store and answer once it is there.
 */
import type { Logger } from '../logger';
import type { SecurityStore } from '../metadata/security-image';
import {
  Authorizer,
  fromAclRecord,
  toAclRecord,
  type AclBinding,
  type AclBindingFilter,
  type AclCreateResult,
  type AclDeleteResult,
  type AclOperation,
  type AuthorizerConfig,
  type RequestContext,
  type ResourceType,
} from './authorizer';

export class Authorization {
  readonly authorizer: Authorizer;
  private unsubscribe: (() => void) | null = null;

  constructor(
    readonly enabled: boolean,
    config: AuthorizerConfig,
    private readonly store: SecurityStore,
    private readonly logger: Logger,
  ) {
    this.authorizer = new Authorizer(config);
  }

  /** Loads the ACLs and follows the store's changes. */
  start(): void {
    this.reload();
    this.unsubscribe = this.store.onSecurityChange(() => this.reload());
  }

  stop(): void {
    this.unsubscribe?.();
  }

  private reload(): void {
    const bindings: AclBinding[] = [];
    for (const record of this.store.acls()) {
      try {
        bindings.push(fromAclRecord(record));
      } catch (err) {
        this.logger.warn({ id: record.id, err: (err as Error).message }, 'ignoring an ACL the store holds in an unknown form');
      }
    }
    this.authorizer.replaceAll(bindings);
  }

  allowed(ctx: RequestContext, operation: AclOperation, resourceType: ResourceType, name: string): boolean {
    return !this.enabled || this.authorizer.authorize(ctx, operation, resourceType, name);
  }

  /** Whether the principal may do `operation` on some resource of the type (Kafka's authorizeByResourceType). */
  allowedOnAny(ctx: RequestContext, operation: AclOperation, resourceType: ResourceType): boolean {
    return !this.enabled || this.authorizer.authorizeByResourceType(ctx, operation, resourceType);
  }

  async createAcls(bindings: readonly AclBinding[]): Promise<AclCreateResult[]> {
    const { results, changes } = this.authorizer.planCreateAcls(bindings);
    await this.store.alterAcls(changes.added.map(toAclRecord), changes.removedIds);
    return results;
  }

  async deleteAcls(filters: readonly AclBindingFilter[]): Promise<AclDeleteResult[]> {
    const { results, changes } = this.authorizer.planDeleteAcls(filters);
    await this.store.alterAcls(changes.added.map(toAclRecord), changes.removedIds);
    return results;
  }

  describeAcls(filter: AclBindingFilter): AclBinding[] {
    return this.authorizer.describeAcls(filter);
  }
}
