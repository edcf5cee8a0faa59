'use client';
/**
 * /transactions: every transactional id with its state, producer, age and partitions, and the
 * partitions an open transaction holds back (LSO below the high watermark), the hanging ones
 * flagged — what kafka-transactions.sh list, describe and find-hanging show. The overview is a
 * query polled every 2 s; ages tick in between. Abort an ongoing transaction (fencing its producer)
 * or a hanging one (its ABORT marker), each after a confirmation; the broker audits both.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Notice, PageHeader } from '@tarn/ui';
import type { TransactionRow } from '../../lib/types';
import { useNow } from '../../lib/use-now';
import { useUrlState } from '../../lib/use-url-state';
import { useTRPC } from '../../trpc/provider';
import { PollStatus } from '../common/poll-status';
import { QueryError } from '../common/query-error';
import { AbortHangingDialog, type HangingTarget } from './abort-hanging-dialog';
import { AbortTransactionDialog } from './abort-transaction-dialog';
import { HeldPartitionsTable } from './held-partitions-table';
import { TransactionStats } from './transaction-stats';
import { TransactionsTable } from './transactions-table';
import { parseTransactionsParams, transactionsChanges, type TransactionsParams } from './url-state';

export const POLL_MS = 2000;

export function TransactionsView() {
  const trpc = useTRPC();
  const now = useNow();
  const [search, setUrl] = useUrlState();
  const key = search.toString();
  const params = useMemo(() => parseTransactionsParams(new URLSearchParams(key)), [key]);
  const update = useCallback(
    (c: Partial<TransactionsParams>) =>
      setUrl(transactionsChanges({ ...parseTransactionsParams(new URLSearchParams(window.location.search)), ...c })),
    [setUrl],
  );
  const [draft, setDraft] = useState(params.q);
  // typing filters after a short pause; the search goes in the URL
  useEffect(() => {
    if (draft === params.q) return;
    const t = setTimeout(() => update({ q: draft }), 250);
    return () => clearTimeout(t);
  }, [draft, params.q, update]);

  const overview = useQuery(trpc.transactions.overview.queryOptions(undefined, { refetchInterval: POLL_MS }));
  const [aborting, setAborting] = useState<TransactionRow | null>(null);
  const [hanging, setHanging] = useState<HangingTarget | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  const o = overview.data;
  const fetchedAt = overview.dataUpdatedAt;
  return (
    <div className="t-stack">
      <PageHeader
        title="Transactions"
        description="Transactional producers, and the partitions their open transactions hold back from read_committed consumers."
        actions={<PollStatus intervalMs={POLL_MS} failed={overview.isError} />}
      />
      {overview.isError && o === undefined ? (
        <QueryError title="Could not load the transactions" error={overview.error} retry={() => void overview.refetch()} />
      ) : null}
      {o !== undefined && o.unreachable.length > 0 ? (
        <Notice tone="warning">
          {o.unreachable.length === 1 ? 'Broker ' : 'Brokers '}
          <span className="t-mono">{o.unreachable.join(', ')}</span> did not answer: the transactions{' '}
          {o.unreachable.length === 1 ? 'it coordinates' : 'they coordinate'} and the partitions{' '}
          {o.unreachable.length === 1 ? 'it leads' : 'they lead'} are missing below.
        </Notice>
      ) : null}
      {outcome !== null ? (
        <div role="status" data-testid="abort-outcome">
          <Notice tone="success">{outcome}</Notice>
        </div>
      ) : null}
      <TransactionStats overview={o} fetchedAt={fetchedAt} now={now} />
      <TransactionsTable
        rows={o?.transactions}
        params={params}
        draft={draft}
        setDraft={setDraft}
        update={update}
        fetchedAt={fetchedAt}
        now={now}
        onAbort={(t) => {
          setOutcome(null);
          setAborting(t);
        }}
      />
      <HeldPartitionsTable
        partitions={o?.partitions}
        transactions={o?.transactions ?? []}
        fetchedAt={fetchedAt}
        now={now}
        onAbort={(t) => {
          setOutcome(null);
          setAborting(t);
        }}
        onAbortHanging={(partition, producer) => {
          setOutcome(null);
          setHanging({ partition, producer });
        }}
      />
      <AbortTransactionDialog
        transaction={aborting}
        onClose={() => setAborting(null)}
        onDone={(m) => {
          setAborting(null);
          setOutcome(m);
        }}
      />
      <AbortHangingDialog
        target={hanging}
        onClose={() => setHanging(null)}
        onDone={(m) => {
          setHanging(null);
          setOutcome(m);
        }}
      />
    </div>
  );
}
