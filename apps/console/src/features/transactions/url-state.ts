/** The URL state of /transactions (see lib/url-state): the transactional-id table's search and filters. */
import { get, oneOf, type ParamSource } from '../../lib/url-state';

/** A transaction's states as Kafka names them (DescribeTransactions, kafka-transactions.sh describe). */
export const TRANSACTION_STATES = ['Empty', 'Ongoing', 'PrepareCommit', 'PrepareAbort', 'CompleteCommit', 'CompleteAbort'] as const;
export type TransactionState = (typeof TRANSACTION_STATES)[number];

export interface TransactionsParams {
  /** Part of a transactional id; '' for every id. */
  q: string;
  state: 'all' | TransactionState;
  /** Only transactions that are open: ongoing, or preparing to commit or abort. */
  open: boolean;
}

export function parseTransactionsParams(src: ParamSource): TransactionsParams {
  return {
    q: (get(src, 'q') ?? '').slice(0, 249),
    state: oneOf(src, 'state', ['all', ...TRANSACTION_STATES] as const, 'all'),
    open: get(src, 'open') === '1',
  };
}

/** The URL changes that give `p`; defaults leave the URL. */
export function transactionsChanges(p: TransactionsParams): Record<string, string | boolean | null> {
  return { q: p.q, state: p.state === 'all' ? null : p.state, open: p.open };
}

export function isFiltered(p: TransactionsParams): boolean {
  return p.q !== '' || p.state !== 'all' || p.open;
}
