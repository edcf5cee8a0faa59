import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AdminRouter } from '@tarn/broker';

/** What the admin API's procedures take and return, inferred from the broker's router type. */
export type Inputs = inferRouterInputs<AdminRouter>;
export type Outputs = inferRouterOutputs<AdminRouter>;

export type ClusterOverview = Outputs['cluster']['overview'];
export type TopicDetail = Outputs['topics']['get'];
export type TopicSummary = Outputs['topics']['list']['items'][number];
export type SegmentsView = Outputs['topics']['segments'];
export type MessageView = Outputs['messages']['browse']['messages'][number];
export type ConfigDefinition = Outputs['topics']['configDefinitions'][number];

export type GroupSummary = Outputs['groups']['list']['items'][number];
export type GroupDetail = Outputs['groups']['get'];
export type GroupMember = GroupDetail['members'][number];
export type GroupLag = NonNullable<GroupDetail['lag']>;
export type PartitionLag = GroupLag['partitions'][number];
export type LagHistory = Outputs['groups']['lagHistory'];
export type RebalanceRecord = Outputs['groups']['rebalances'][number];
export type ResetPlan = Outputs['groups']['resetPlan'];
export type ResetPlanEntry = ResetPlan['partitions'][number];
export type ResetInput = Inputs['groups']['resetPlan'];

export type UsersList = Outputs['users']['list'];
export type ScramUser = UsersList['users'][number];
export type PasswordInput = Inputs['users']['create'];
export type Me = Outputs['me'];
export type ConsoleUsersList = Outputs['consoleUsers']['list'];
export type ConsoleUser = ConsoleUsersList['users'][number];
export type ConsoleUserInput = Inputs['consoleUsers']['create'];
export type AclOptions = Outputs['acls']['options'];
export type AclRow = Outputs['acls']['list']['items'][number];
export type AclListInput = NonNullable<Inputs['acls']['list']>;
export type AclBindingInput = Inputs['acls']['create'];
export type AclPreview = Outputs['acls']['preview'];
export type AccessView = Outputs['acls']['effective'];

export type TransactionsOverview = Outputs['transactions']['overview'];
export type TransactionRow = TransactionsOverview['transactions'][number];
export type HeldPartition = TransactionsOverview['partitions'][number];
export type OpenProducer = HeldPartition['open'][number];
export type AbortHangingInput = Inputs['transactions']['abortHanging'];

type Yield<T> = T extends AsyncIterable<infer U> ? U : T;
/** What a subscription delivers per message. */
export type ThroughputUpdate = Yield<Outputs['live']['throughput']>;
export type EventMessage = Yield<Outputs['live']['events']>;
export type TailBatch = Yield<Outputs['live']['tail']>;
export type TailRecord = TailBatch['records'][number];
export type LagUpdate = Yield<Outputs['live']['lag']>;

// compile-time probes: these fail to type-check if the router's shapes change underneath
type Probe<T extends true> = T;
export type _Probes = [
  Probe<ThroughputUpdate extends { history: unknown } | { sample: unknown } ? true : false>,
  Probe<EventMessage extends { id: string; data: { event: { type: string } } } ? true : false>,
];
