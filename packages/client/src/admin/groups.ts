/**
 * Consumer group administration as Kafka's AdminClient: listConsumerGroups asks every broker,
 * the rest go to each group's coordinator (found with FindCoordinator, found again after
 * NOT_COORDINATOR; COORDINATOR_LOAD_IN_PROGRESS waits and retries). Members' assignments are
 * decoded from Kafka's ConsumerProtocol bytes.
 */
import { ApiKey, ErrorCode } from '@tarn/protocol';
import type { BrokerNode } from '../cluster/metadata';
import { decodeAssignment, decodeSubscription } from '../consumer/consumer-protocol';
import { KafkaError } from '../errors';
import { asKafkaError, itemError, type AdminCallOptions, type AdminContext, type ItemResult } from './admin-context';

export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

export interface ConsumerGroupListing {
  groupId: string;
  /** Kafka's group state as the broker names it (Stable, Empty, PreparingRebalance…). */
  state: string;
  /** 'consumer', or '' for a group that only commits offsets (Kafka's isSimpleConsumerGroup). */
  protocolType: string;
  /** 'classic' or 'consumer' (ListGroups v5+), else ''. */
  type: string;
}

/** Groups from every broker; brokers that failed are listed in `errors` (Java's `errors()` future). */
export async function listConsumerGroups(
  ctx: AdminContext,
  options: AdminCallOptions & { states?: string[] } = {},
): Promise<{ groups: ConsumerGroupListing[]; errors: KafkaError[] }> {
  const deadline = ctx.deadline(options);
  await ctx.retry('listConsumerGroups', deadline, () => ctx.cluster.refreshMetadata([]));
  const ids = ctx.cluster.brokers().map((b) => String(b.nodeId));
  const perBroker = await ctx.perItem<ConsumerGroupListing[]>('listConsumerGroups', ids, deadline, async (pending) => {
    const out = new Map<string, ItemResult<ConsumerGroupListing[]>>();
    await Promise.all(
      pending.map(async (id) => {
        try {
          const r = await ctx.cluster.request(Number(id), ApiKey.ListGroups, (v) => ({
            statesFilter: v >= 4 ? (options.states ?? []) : [],
            typesFilter: [],
          }));
          const error = itemError(r.errorCode, `groups of broker ${id}`);
          const groups = r.groups
            .filter((g) => g.protocolType === 'consumer' || g.protocolType === '')
            .map((g) => ({ groupId: g.groupId, state: g.groupState, protocolType: g.protocolType, type: g.groupType }));
          out.set(id, { value: error === null ? groups : null, error });
        } catch (err) {
          out.set(id, { value: null, error: asKafkaError(err) });
        }
      }),
    );
    return out;
  });
  const groups = new Map<string, ConsumerGroupListing>();
  const errors: KafkaError[] = [];
  for (const r of perBroker.values()) {
    if (r.error !== null) errors.push(r.error);
    for (const g of r.value ?? []) groups.set(g.groupId, g);
  }
  return { groups: [...groups.values()].sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0)), errors };
}

export interface MemberDescription {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  host: string;
  /** The partitions the member was given (decoded ConsumerProtocol assignment). */
  assignment: TopicPartitionRef[];
  /** The topics it subscribed to (decoded ConsumerProtocol subscription; [] when not readable). */
  subscription: string[];
}

export interface ConsumerGroupDescription {
  groupId: string;
  isSimpleConsumerGroup: boolean;
  state: string;
  /** The assignor the group chose (range, roundrobin, cooperative-sticky…). */
  partitionAssignor: string;
  protocolType: string;
  coordinator: BrokerNode | null;
  members: MemberDescription[];
}

export interface GroupResult<V> extends ItemResult<V> {
  groupId: string;
}

export async function describeConsumerGroups(
  ctx: AdminContext,
  groupIds: readonly string[],
  options: AdminCallOptions = {},
): Promise<GroupResult<ConsumerGroupDescription>[]> {
  const results = await perGroup<ConsumerGroupDescription>(ctx, 'describeConsumerGroups', groupIds, options, async (groupId) => {
    const r = await ctx.toCoordinator('GROUP', groupId, ApiKey.DescribeGroups, { groups: [groupId], includeAuthorizedOperations: false });
    const g = r.groups.find((x) => x.groupId === groupId);
    if (g === undefined) throw new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, `no answer for group ${groupId}`);
    const error = itemError(g.errorCode, `group ${groupId}`);
    if (error !== null) return { value: null, error };
    const coordinatorId = await ctx.cluster.findCoordinator('GROUP', groupId);
    const consumer = g.protocolType === 'consumer';
    return {
      error: null,
      value: {
        groupId,
        isSimpleConsumerGroup: g.protocolType === '',
        state: g.groupState,
        partitionAssignor: g.protocolData,
        protocolType: g.protocolType,
        coordinator: ctx.cluster.metadata.brokers.get(coordinatorId) ?? null,
        members: g.members.map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          clientId: m.clientId,
          host: m.clientHost,
          assignment: consumer ? safely(() => decodeAssignment(m.memberAssignment).partitions.map((p) => ({ ...p })), []) : [],
          subscription: consumer && m.memberMetadata.length > 0 ? safely(() => [...decodeSubscription(m.memberMetadata).topics], []) : [],
        })),
      },
    };
  });
  return results;
}

export async function deleteConsumerGroups(
  ctx: AdminContext,
  groupIds: readonly string[],
  options: AdminCallOptions = {},
): Promise<GroupResult<true>[]> {
  return perGroup<true>(ctx, 'deleteConsumerGroups', groupIds, options, async (groupId) => {
    const r = await ctx.toCoordinator('GROUP', groupId, ApiKey.DeleteGroups, { groupsNames: [groupId] });
    const g = r.results.find((x) => x.groupId === groupId);
    if (g === undefined) throw new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, `no answer for group ${groupId}`);
    const error = itemError(g.errorCode, `group ${groupId}`);
    return { value: error === null ? true : null, error };
  });
}

/**
 * One request per group to its coordinator, retried per group; a coordinator error for one group
 * makes that group look its coordinator up again without disturbing the others.
 */
export async function perGroup<V>(
  ctx: AdminContext,
  what: string,
  groupIds: readonly string[],
  options: AdminCallOptions,
  call: (groupId: string) => Promise<ItemResult<V>>,
): Promise<GroupResult<V>[]> {
  const deadline = ctx.deadline(options);
  const results = await ctx.perItem<V>(
    what,
    groupIds,
    deadline,
    async (pending) => {
      const out = new Map<string, ItemResult<V>>();
      await Promise.all(
        pending.map(async (groupId) => {
          let r: ItemResult<V>;
          try {
            r = await call(groupId);
          } catch (err) {
            r = { value: null, error: asKafkaError(err) };
          }
          if (r.error !== null) ctx.coordinatorError('GROUP', groupId, r.error.code);
          out.set(groupId, r);
        }),
      );
      return out;
    },
    {},
  );
  return [...new Set(groupIds)].map((groupId) => ({ groupId, ...results.get(groupId)! }));
}

function safely<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
