// The checks Kafka's request handlers make (KafkaApis.authHelper): who is asking (the session's
// principal and the client's address) and whether the authorizer lets them.
import { AclOperation, CLUSTER_NAME, ResourceType, javaHostAddress, type RequestContext as AuthzContext } from '../security/authorizer';
import type { RequestContext } from './handler';

export { AclOperation, ResourceType };

/** A connection's client address as ACL hosts name it, worked out once per connection. */
const hosts = new WeakMap<RequestContext['connection'], string>();

export function authzContext(ctx: RequestContext): AuthzContext {
  let host = hosts.get(ctx.connection);
  if (host === undefined) hosts.set(ctx.connection, (host = javaHostAddress(ctx.connection.socket.remoteAddress ?? '')));
  return { principal: ctx.connection.session.principal, host };
}

export function authorized(ctx: RequestContext, operation: AclOperation, resourceType: ResourceType, name: string): boolean {
  const authorization = ctx.services.authorization;
  return !authorization.enabled || authorization.allowed(authzContext(ctx), operation, resourceType, name);
}

export function authorizedOnCluster(ctx: RequestContext, operation: AclOperation): boolean {
  return authorized(ctx, operation, ResourceType.CLUSTER, CLUSTER_NAME);
}

export function authorizedTopic(ctx: RequestContext, operation: AclOperation, topic: string): boolean {
  return authorized(ctx, operation, ResourceType.TOPIC, topic);
}

export function authorizedGroup(ctx: RequestContext, operation: AclOperation, group: string): boolean {
  return authorized(ctx, operation, ResourceType.GROUP, group);
}
