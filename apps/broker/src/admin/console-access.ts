/**
 * What a console user may do. An operator (a console user with no Kafka principal, or an API token)
 * may do everything. A console user mapped to a Kafka principal is authorized by the broker's
 * authorizer, from the client's address, with the checks Kafka's request handlers make for the same
 * action over the Kafka port: reading messages needs Read on the topic (Fetch), producing Write
 * (Produce), a topic list shows the topics it may Describe (Metadata), creating needs Create on the
 * cluster or the topic (CreateTopics), resetting a group's offsets Read on the group and its topics
 * (OffsetCommit), ACLs and users Describe/Alter on the cluster (DescribeAcls, CreateAcls,
 * AlterUserScramCredentials). Without an authorizer every principal may do everything, as in Kafka.
 * A refusal is a KafkaError with Kafka's *_AUTHORIZATION_FAILED code.
 */
import { TRPCError } from '@trpc/server';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import type { Authorization } from '../security/authorization';
import { AclOperation, CLUSTER_NAME, ResourceType, aclOperationDisplayName, javaHostAddress } from '../security/authorizer';

export { AclOperation, ResourceType };

const REFUSAL_CODE: Partial<Record<ResourceType, number>> = {
  [ResourceType.TOPIC]: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
  [ResourceType.GROUP]: ErrorCode.GROUP_AUTHORIZATION_FAILED,
  [ResourceType.CLUSTER]: ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
  [ResourceType.TRANSACTIONAL_ID]: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
};

const RESOURCE_WORD: Partial<Record<ResourceType, string>> = {
  [ResourceType.TOPIC]: 'topic',
  [ResourceType.GROUP]: 'group',
  [ResourceType.CLUSTER]: 'the cluster',
  [ResourceType.TRANSACTIONAL_ID]: 'transactional id',
};

export class ConsoleAccess {
  private readonly host: string;

  constructor(
    private readonly authorization: Authorization,
    /** The Kafka principal the console user acts as; null for an operator. */
    readonly kafkaPrincipal: string | null,
    clientAddress: string,
  ) {
    this.host = javaHostAddress(clientAddress);
  }

  static operator(authorization: Authorization): ConsoleAccess {
    return new ConsoleAccess(authorization, null, '127.0.0.1');
  }

  get isOperator(): boolean {
    return this.kafkaPrincipal === null;
  }

  allows(operation: AclOperation, resourceType: ResourceType, name: string): boolean {
    if (this.kafkaPrincipal === null) return true;
    return this.authorization.allowed({ principal: this.kafkaPrincipal, host: this.host }, operation, resourceType, name);
  }

  allowsOnCluster(operation: AclOperation): boolean {
    return this.allows(operation, ResourceType.CLUSTER, CLUSTER_NAME);
  }

  /** Throws Kafka's *_AUTHORIZATION_FAILED for the resource type unless allowed. */
  require(operation: AclOperation, resourceType: ResourceType, name: string): void {
    if (this.allows(operation, resourceType, name)) return;
    const what =
      resourceType === ResourceType.CLUSTER ? RESOURCE_WORD[resourceType] : `${RESOURCE_WORD[resourceType] ?? 'resource'} '${name}'`;
    throw new KafkaError(
      REFUSAL_CODE[resourceType] ?? ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
      `${this.kafkaPrincipal} is not authorized to ${aclOperationDisplayName(operation)} ${what}.`,
    );
  }

  requireOnCluster(operation: AclOperation): void {
    this.require(operation, ResourceType.CLUSTER, CLUSTER_NAME);
  }

  /** Only operators manage console users: a mapped user could otherwise map itself to a stronger principal. */
  requireOperator(what: string): void {
    if (this.isOperator) return;
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Only console operators (users not mapped to a Kafka principal) may ${what}; you act as ${this.kafkaPrincipal}.`,
    });
  }
}
