/**
 * A transactional id's states (Kafka's TransactionState), with the codes `__transaction_state` stores
 * and DescribeTransactions / ListTransactions name:
 *
 *   Empty ──AddPartitions──▶ Ongoing ──EndTxn──▶ PrepareCommit ──markers written──▶ CompleteCommit
 *                               │                PrepareAbort  ──markers written──▶ CompleteAbort
 *                               └─InitProducerId or timeout─▶ PrepareEpochFence (in memory) ─▶ PrepareAbort
 *   Empty, CompleteCommit, CompleteAbort ──expired──▶ Dead (a tombstone)
 */

export const TransactionState = {
  Empty: 0,
  Ongoing: 1,
  PrepareCommit: 2,
  PrepareAbort: 3,
  CompleteCommit: 4,
  CompleteAbort: 5,
  Dead: 6,
  PrepareEpochFence: 7,
} as const;
export type TransactionState = (typeof TransactionState)[keyof typeof TransactionState];

const NAMES: readonly string[] = Object.keys(TransactionState);

/** Kafka's state names: what DescribeTransactions and ListTransactions (state filters) use. */
export function transactionStateName(state: TransactionState): string {
  return NAMES[state] ?? 'Unknown';
}

export function parseTransactionState(name: string): TransactionState | undefined {
  return (TransactionState as Record<string, TransactionState>)[name];
}

const S = TransactionState;

/** The states each state may be entered from (Kafka's validPreviousStates). */
export const VALID_PREVIOUS_STATES: Readonly<Record<TransactionState, readonly TransactionState[]>> = {
  [S.Empty]: [S.Empty, S.CompleteCommit, S.CompleteAbort],
  [S.Ongoing]: [S.Ongoing, S.Empty, S.CompleteCommit, S.CompleteAbort],
  [S.PrepareCommit]: [S.Ongoing],
  [S.PrepareAbort]: [S.Ongoing, S.PrepareEpochFence],
  [S.CompleteCommit]: [S.PrepareCommit],
  [S.CompleteAbort]: [S.PrepareAbort],
  [S.Dead]: [S.Empty, S.CompleteAbort, S.CompleteCommit],
  [S.PrepareEpochFence]: [S.Ongoing],
};

/** States in which the transaction has ended (a new one may begin). */
export function isTransactionComplete(state: TransactionState): boolean {
  return state === S.Empty || state === S.CompleteCommit || state === S.CompleteAbort;
}
