/**
 * The classic group protocol's states and their legal transitions (Kafka's GroupState):
 *
 *   Empty               no members; offsets may still be committed by "simple" consumers
 *   PreparingRebalance  members (re)join until all have or the rebalance timeout passes
 *   CompletingRebalance joined; waiting for the leader's assignment in SyncGroup
 *   Stable              assignment delivered; heartbeats keep members alive
 *   Dead                deleted, expired or unloaded; never reused
 */
export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export const GROUP_STATES: readonly GroupState[] = ['Empty', 'PreparingRebalance', 'CompletingRebalance', 'Stable', 'Dead'];

export const VALID_PREVIOUS_STATES: Readonly<Record<GroupState, readonly GroupState[]>> = {
  Empty: ['PreparingRebalance'],
  PreparingRebalance: ['Stable', 'CompletingRebalance', 'Empty'],
  CompletingRebalance: ['PreparingRebalance'],
  Stable: ['CompletingRebalance'],
  Dead: ['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Empty', 'Dead'],
};
